#include "i18n/Wording.h"

#include <QTranslator>

namespace Pterodisbot {

Wording::Wording(const QString &discordLocale, const Translations *catalogs)
    : m_locale(discordLocale)
    , m_catalogs(catalogs)
{
    const Translations &set = catalogs ? *catalogs : Translations::shipped();
    m_catalog = set.catalogFor(discordLocale);
    if (!m_catalog)
        return;
    // The locale's own region when it has one ("es-419"), else the catalog's language.
    QLocale numbers(QString(discordLocale).replace(QLatin1Char('-'), QLatin1Char('_')));
    const QLocale language(m_catalog->language);
    m_numbers = numbers.language() == language.language() ? numbers : language;
}

QString Wording::language() const
{
    return m_catalog ? m_catalog->language : QString();
}

QString Wording::translate(const char *context, const char *source, const char *disambiguation,
                           int n) const
{
    QString text;
    if (m_catalog)
        text = m_catalog->translator->translate(context, source, disambiguation, n);
    if (text.isEmpty() && n >= 0) {
        const Translations &catalogs = m_catalogs ? *m_catalogs : Translations::shipped();
        if (const QTranslator *english = catalogs.englishPlurals())
            text = english->translate(context, source, disambiguation, n);
    }
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    if (n >= 0) {
        const QString count = integer(n);
        text.replace(QLatin1String("%Ln"), count);
        text.replace(QLatin1String("%n"), count);
    }
    return text;
}

QString Wording::decimal(double value, int decimals) const
{
    return m_numbers.toString(value, 'f', decimals);
}

QString Wording::integer(qint64 value) const
{
    return m_numbers.toString(value);
}

QString Wording::percent(double value, int decimals) const
{
    //: A percentage; %1 is the number. Put the space your language writes before the sign,
    //: preferably a no-break one (French: narrow no-break space U+202F, German: U+00A0).
    return translate("Wording", "%1 %").arg(decimal(value, decimals));
}

} // namespace Pterodisbot
