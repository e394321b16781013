#include "ConfigSchema.h"
#include "ValidationChecker.h"

#include <algorithm>

#include <QRegularExpression>

// The [discord] checks: token shape, ids, control and status roles.
namespace Pterodisbot::Validation {

namespace {

// Bot tokens are about 70 characters: base64 of the bot's id (24 to 27), a timestamp (6) and an
// HMAC (27 or 38). The bounds leave room for a longer future form but catch a pasted file.
constexpr qsizetype shortestToken = 50;
constexpr qsizetype longestToken = 128;

const QString tokenCharacters = QStringLiteral("letters, digits, - and _ in three parts "
                                               "separated by dots");

// What makes a token of clean characters not look like a Discord bot token, or empty.
QString tokenShapeDefect(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() == 1)
        return QStringLiteral("it has no dots");
    if (parts.size() != 3)
        return QStringLiteral("it has %1 parts").arg(parts.size());
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).isEmpty())
            return QStringLiteral("part %1 is empty").arg(i + 1);
    }
    if (token.size() < shortestToken)
        return QStringLiteral("it is %1 characters long, a bot token about 70").arg(token.size());
    // The first part is the bot's user id in base64.
    const QByteArray decoded = QByteArray::fromBase64(
        parts.first().toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!isSnowflake(QString::fromLatin1(decoded)))
        return QStringLiteral("its first part is not a Discord id in base64");
    return {};
}

} // namespace

bool looksLikeDiscordToken(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    return parts.size() == 3 && !parts.contains(QString()) && text.size() >= shortestToken;
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
    const QString what = QStringLiteral("the token");
    static const QRegularExpression clientSecret(QStringLiteral("^[A-Za-z0-9_-]{32}$"));
    std::optional<CharacterDefect> defect;
    QString shape;
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
    } else if ((defect = quoteDefect(token, what))) {
        checker.value(Severity::Error, key, defect->message, defect->hint);
    } else if (clientSecret.match(token).hasMatch()) {
        checker.value(Severity::Error, key,
                      QStringLiteral("this looks like the OAuth2 client secret, not the bot token"),
                      QStringLiteral("in the Developer Portal open Bot and press Reset Token; a "
                                     "bot token has three parts separated by dots"));
    } else if (token.size() > longestToken) {
        checker.value(Severity::Error, key,
                      QStringLiteral("the token is %1 characters long; a bot token has about 70")
                          .arg(token.size()),
                      QStringLiteral("copy only the token (Developer Portal, Bot, Reset Token): "
                                     "three parts separated by dots, about 70 characters"));
    } else if ((defect = characterDefect(token, what, u"-_.", tokenCharacters))) {
        checker.value(Severity::Error, key, defect->message, defect->hint);
    } else if (!(shape = tokenShapeDefect(token)).isEmpty()) {
        checker.value(Severity::Warning, key,
                      QStringLiteral("this does not look like a Discord bot token (three parts "
                                     "separated by dots): %1")
                          .arg(shape),
                      QStringLiteral("copy it again from the Developer Portal (Bot, Reset Token)"));
    } else if (isSnowflake(checker.config().discord.applicationId)) {
        // The first part of a bot token is the bot's user id (= application id) in base64.
        const QByteArray encoded = token.section(QLatin1Char('.'), 0, 0).toLatin1();
        const QString owner = QString::fromLatin1(QByteArray::fromBase64(
            encoded, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const QString applicationId = checker.config().discord.applicationId;
        if (owner != applicationId)
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
