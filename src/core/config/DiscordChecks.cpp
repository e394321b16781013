#include "ConfigSchema.h"
#include "ValidationChecker.h"

#include <algorithm>

#include <QRegularExpression>

// The [discord] checks: token shape, ids, control and status roles.
namespace Pterodisbot::Validation {

bool looksLikeDiscordToken(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    return parts.size() == 3 && !parts.contains(QString()) && text.size() > 50;
}

void checkToken(Checker &checker)
{
    const QString key = QStringLiteral("discord.token");
    const QString token = checker.config().discord.token;
    if (token.isEmpty()) {
        checker.missing(key, QStringLiteral("the Discord bot token"),
                        QStringLiteral("copy it from the Discord Developer Portal (your "
                                       "application, Bot, Reset Token) into the keychain or "
                                       "[discord] token"));
        return;
    }
    static const QRegularExpression clientSecret(QStringLiteral("^[A-Za-z0-9_-]{32}$"));
    if (token.startsWith(QLatin1String("bot "), Qt::CaseInsensitive) ||
        token.startsWith(QLatin1String("bearer "), Qt::CaseInsensitive)) {
        const QString prefix = token.section(QLatin1Char(' '), 0, 0);
        checker.value(
            Severity::Error, key, QStringLiteral("the token starts with \"%1 \"").arg(prefix),
            QStringLiteral("remove the \"%1 \" prefix: the bot adds \"Bot \" itself").arg(prefix));
    } else if (panelKeyKind(token) != PanelKeyKind::Unknown) {
        checker.value(
            Severity::Error, key,
            QStringLiteral("this is a panel key (%1…), not a Discord bot token").arg(token.left(5)),
            QStringLiteral("move it to pterodactyl.client_key or application_key; the "
                           "bot token comes from the Discord Developer Portal (Bot, "
                           "Reset Token)"));
    } else if (token.contains(QRegularExpression(QStringLiteral("\\s")))) {
        checker.value(Severity::Error, key, QStringLiteral("the token contains spaces"),
                      QStringLiteral("copy the token again, in one piece"));
    } else if (clientSecret.match(token).hasMatch()) {
        checker.value(Severity::Error, key,
                      QStringLiteral("this looks like the OAuth2 client secret, not the bot token"),
                      QStringLiteral("in the Developer Portal open Bot and press Reset Token; a "
                                     "bot token has three parts separated by dots"));
    } else if (!looksLikeDiscordToken(token)) {
        checker.value(Severity::Warning, key,
                      QStringLiteral("this does not look like a Discord bot token (three parts "
                                     "separated by dots)"),
                      QStringLiteral("copy it again from the Developer Portal (Bot, Reset Token)"));
    } else if (isSnowflake(checker.config().discord.applicationId)) {
        // The first part of a bot token is the bot's user id (= application id) in base64.
        const QByteArray encoded = token.section(QLatin1Char('.'), 0, 0).toLatin1();
        const QString owner = QString::fromLatin1(QByteArray::fromBase64(
            encoded, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const QString applicationId = checker.config().discord.applicationId;
        if (isSnowflake(owner) && owner != applicationId)
            checker.value(Severity::Warning, key,
                          QStringLiteral("the token belongs to application %1, but "
                                         "discord.application_id is %2")
                              .arg(owner, applicationId),
                          QStringLiteral("use the token and the id of the same application, or "
                                         "leave application_id empty"));
    }
}

void checkSnowflake(Checker &checker, const QString &key, const QString &what, bool required,
                    const QString &howToFind)
{
    const ConfigKey *description = findConfigKey(key);
    const QString text = description->get(checker.config()).toString();
    if (text.isEmpty()) {
        if (required)
            checker.missing(key, what, howToFind);
        return;
    }
    if (isSnowflake(text))
        return;
    static const QRegularExpression link(
        QStringLiteral("discord(?:app)?\\.com/channels/(\\d+)(?:/(\\d+))?"));
    static const QRegularExpression mention(QStringLiteral("^<(?:#|@&|@!?)(\\d+)>$"));
    if (const QRegularExpressionMatch match = link.match(text); match.hasMatch()) {
        const bool guild = key == QLatin1String("discord.guild_id");
        const QString id =
            guild || match.captured(2).isEmpty() ? match.captured(1) : match.captured(2);
        checker.value(Severity::Error, key, QStringLiteral("this is a Discord link, not an id"),
                      QStringLiteral("write only the number: %1").arg(id));
    } else if (const QRegularExpressionMatch match = mention.match(text); match.hasMatch()) {
        checker.value(Severity::Error, key, QStringLiteral("this is a mention, not an id"),
                      QStringLiteral("write only the number: %1").arg(match.captured(1)));
    } else {
        checker.value(Severity::Error, key,
                      QStringLiteral("%1 is not a Discord id (a whole number such as "
                                     "123456789012345678)")
                          .arg(quoteValue(text)),
                      howToFind);
    }
}

namespace {

bool isAllDigits(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// control_role and status_role are both a role id or a role name.
void checkRole(Checker &checker, const QString &key, const QString &role, bool required)
{
    const QString howToFind = QStringLiteral(
        "write the role id (Server Settings, Roles, right-click the role, Copy Role ID; needs "
        "Developer Mode) or the role's exact name");
    static const QRegularExpression mention(QStringLiteral("^<@&(\\d+)>$"));
    if (role.isEmpty()) {
        if (required)
            checker.missing(key, QStringLiteral("the role allowed to control servers"), howToFind);
    } else if (const QRegularExpressionMatch match = mention.match(role); match.hasMatch()) {
        checker.value(Severity::Error, key, QStringLiteral("this is a role mention, not an id"),
                      QStringLiteral("write only the number: %1").arg(match.captured(1)));
    } else if (isAllDigits(role) && !isSnowflake(role)) {
        checker.value(
            Severity::Error, key,
            QStringLiteral("%1 is not a Discord id (too large or zero)").arg(quoteValue(role)),
            howToFind);
    } else if (role.startsWith(QLatin1Char('@'))) {
        checker.value(Severity::Warning, key,
                      QStringLiteral("role names are matched without the leading @"),
                      QStringLiteral("write %1").arg(quoteValue(role.mid(1))));
    }
}

} // namespace

void checkRoles(Checker &checker)
{
    checkRole(checker, QStringLiteral("discord.control_role"), checker.config().discord.controlRole,
              true);
    checkRole(checker, QStringLiteral("discord.status_role"), checker.config().discord.statusRole,
              false);
}

} // namespace Pterodisbot::Validation
