#include "DiscordLocales.h"

namespace Pterodisbot {

const QStringList &discordLocales()
{
    static const QStringList locales = {
        QStringLiteral("id"),     QStringLiteral("da"),    QStringLiteral("de"),
        QStringLiteral("en-GB"),  QStringLiteral("en-US"), QStringLiteral("es-ES"),
        QStringLiteral("es-419"), QStringLiteral("fr"),    QStringLiteral("hr"),
        QStringLiteral("it"),     QStringLiteral("lt"),    QStringLiteral("hu"),
        QStringLiteral("nl"),     QStringLiteral("no"),    QStringLiteral("pl"),
        QStringLiteral("pt-BR"),  QStringLiteral("ro"),    QStringLiteral("fi"),
        QStringLiteral("sv-SE"),  QStringLiteral("vi"),    QStringLiteral("tr"),
        QStringLiteral("cs"),     QStringLiteral("el"),    QStringLiteral("bg"),
        QStringLiteral("ru"),     QStringLiteral("uk"),    QStringLiteral("hi"),
        QStringLiteral("th"),     QStringLiteral("zh-CN"), QStringLiteral("ja"),
        QStringLiteral("zh-TW"),  QStringLiteral("ko"),
    };
    return locales;
}

bool isDiscordLocale(const QString &code)
{
    return discordLocales().contains(code);
}

} // namespace Pterodisbot
