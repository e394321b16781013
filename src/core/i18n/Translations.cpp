#include "i18n/Translations.h"

#include <QTranslator>

#include "i18n/Wording.h"
#include "logging.h"
#include "ShippedLanguages.h"

namespace Pterodisbot {

const Translations &Translations::shipped()
{
    // Constructed on first use (thread-safe since C++11) and never changed afterwards.
    static const Translations catalogs(QStringLiteral(":/i18n"), shippedLanguages());
    return catalogs;
}

Translations::Translations(const QString &directory, const QStringList &languages)
{
    for (const QString &language : languages) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(QStringLiteral("pterodisbot_") + language, directory)) {
            qCWarning(lcBot).noquote()
                << "no catalog for" << language << "in" << directory << "- its readers get English";
            continue;
        }
        m_catalogs.push_back(Catalog{language, std::move(translator)});
    }
    auto plurals = std::make_unique<QTranslator>();
    if (plurals->load(QStringLiteral("pterodisbot_en"), directory))
        m_englishPlurals = std::move(plurals);
}

Translations::~Translations() = default;

QStringList Translations::languages() const
{
    QStringList result;
    for (const Catalog &catalog : m_catalogs)
        result << catalog.language;
    return result;
}

const Translations::Catalog *Translations::catalogFor(const QString &discordLocale) const
{
    if (discordLocale.isEmpty())
        return nullptr;
    QString exact = discordLocale;
    exact.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QString language = exact.section(QLatin1Char('_'), 0, 0);
    for (const QString &wanted : {exact, language}) {
        for (const Catalog &catalog : m_catalogs) {
            if (catalog.language.compare(wanted, Qt::CaseInsensitive) == 0)
                return &catalog;
        }
    }
    return nullptr;
}

QString Translations::text(const QString &discordLocale, const char *context, const char *source,
                           const char *disambiguation, int n) const
{
    return Wording(discordLocale, this).translate(context, source, disambiguation, n);
}

QLocale Translations::numberLocale(const QString &discordLocale) const
{
    return Wording(discordLocale, this).numberLocale();
}

} // namespace Pterodisbot
