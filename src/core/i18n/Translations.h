#pragma once

#include <memory>
#include <vector>

#include <QLocale>
#include <QString>
#include <QStringList>

class QTranslator;

namespace Pterodisbot {

//! The program's message catalogs, one loaded QTranslator per language, and which of them
//! serves a Discord locale. The window installs its own translator (installInterfaceTranslations);
//! Discord texts never use the application's translators, because every message has its own
//! reader: the member who pressed a button, or the guild that reads an embed.
class Translations
{
public:
    struct Catalog
    {
        QString language; //!< "de", "pt_BR": as in the catalog's file name
        std::unique_ptr<QTranslator> translator;
    };

    //! The catalogs compiled into the program (":/i18n/pterodisbot_<language>.qm" for every
    //! language of shippedLanguages()), loaded once on first use.
    //!
    //! A function-local static, and the only shared object of the bot: the catalogs are
    //! read-only resources, so there is nothing to inject, replace or reset, and every reader
    //! gets the same answer. Tests that need other catalogs construct their own.
    static const Translations &shipped();

    //! Loads "pterodisbot_<language>.qm" from \a directory (a resource path or a folder) for
    //! each of \a languages, and the English plural forms "pterodisbot_en.qm" when there; a
    //! catalog that cannot be loaded is logged and left out.
    Translations(const QString &directory, const QStringList &languages);
    ~Translations();
    Q_DISABLE_COPY_MOVE(Translations)

    //! The languages whose catalogs loaded.
    QStringList languages() const;
    //! The catalog serving \a discordLocale: the exact one ("pt-BR" -> pt_BR), else its language
    //! ("pt-BR" -> pt, "es-419" -> es); nullptr for English ("en-US", "en-GB") and for every
    //! locale without a catalog.
    const Catalog *catalogFor(const QString &discordLocale) const;

    //! \a source as the catalog of \a discordLocale translates it, else the English source;
    //! "%n" is replaced by \a n. The same as Wording(discordLocale, this).translate(...).
    QString text(const QString &discordLocale, const char *context, const char *source,
                 const char *disambiguation = nullptr, int n = -1) const;
    //! How numbers are written for \a discordLocale: its own conventions when a catalog serves
    //! it, else the C locale (English text keeps "12.5", as it always had).
    QLocale numberLocale(const QString &discordLocale) const;
    //! English's own plural forms ("1 status embed"), for every %n text a catalog does not
    //! translate; null when the directory has none.
    const QTranslator *englishPlurals() const { return m_englishPlurals.get(); }

private:
    std::vector<Catalog> m_catalogs;
    std::unique_ptr<QTranslator> m_englishPlurals;
};

} // namespace Pterodisbot
