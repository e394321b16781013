#pragma once

#include <QLocale>
#include <QString>

#include "i18n/Translations.h"

namespace Pterodisbot {

//! The language of one text a Discord member reads: the locale it is written for and the
//! catalog that serves it. A small value passed to whatever builds such a text (the status embed,
//! a reply, an alert), so that the language is decided once by the caller (the interaction's
//! locale for an ephemeral reply, the guild's for a public message) and never read from
//! anything global.
//!
//! Call sites spell `wording.translate("Context", "Source text")` with literals, which is what
//! lupdate extracts. A default Wording is English: the source text, numbers as "12.5".
class Wording
{
public:
    Wording() = default;
    //! For \a discordLocale ("de", "fr", "pt-BR", "en-US"; empty: English) from \a catalogs
    //! (null: Translations::shipped()). A locale without a catalog reads English.
    explicit Wording(const QString &discordLocale, const Translations *catalogs = nullptr);

    //! The Discord locale asked for, as given.
    QString locale() const { return m_locale; }
    //! The catalog language that serves it ("de"); empty when the text is English.
    QString language() const;

    //! \a source in this language, else the English source. With \a n >= 0 the catalog picks the
    //! plural form for \a n (English's from Translations::englishPlurals()), and "%n" (or "%Ln")
    //! becomes \a n written as numbers are here.
    QString translate(const char *context, const char *source, const char *disambiguation = nullptr,
                      int n = -1) const;

    //! \a value with \a decimals fixed decimals: "12.5" in English, "12,5" in German.
    QString decimal(double value, int decimals) const;
    //! \a value as a whole number: "1234" in English (as always), "1.234" in German.
    QString integer(qint64 value) const;
    //! A percentage: "12.5 %" in English; the catalog decides the space ("12,5 %" in French
    //! with a narrow no-break space).
    QString percent(double value, int decimals) const;
    //! How numbers are written here: the locale's conventions when a catalog serves it, else the
    //! C locale.
    QLocale numberLocale() const { return m_numbers; }

private:
    QString m_locale;
    const Translations *m_catalogs = nullptr; //!< null: Translations::shipped()
    const Translations::Catalog *m_catalog = nullptr;
    QLocale m_numbers = QLocale::c();
};

} // namespace Pterodisbot
