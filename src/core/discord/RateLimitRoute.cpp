#include "discord/RateLimitRoute.h"

#include <QCryptographicHash>
#include <QStringList>

namespace Pterodisbot {

namespace {

bool isSnowflake(const QString &segment)
{
    if (segment.isEmpty() || segment.size() > 20)
        return false;
    for (QChar c : segment) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

QString tokenHash(const QString &token)
{
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return QLatin1Char('#') + QString::fromLatin1(digest.toHex().left(8));
}

// The name of the id that follows a collection segment; ids of collections not listed here
// are templated as "{id}".
QString parameterName(const QString &collection)
{
    if (collection == QLatin1String("channels"))
        return QStringLiteral("channel_id");
    if (collection == QLatin1String("guilds"))
        return QStringLiteral("guild_id");
    if (collection == QLatin1String("webhooks"))
        return QStringLiteral("webhook_id");
    if (collection == QLatin1String("interactions"))
        return QStringLiteral("interaction_id");
    if (collection == QLatin1String("messages"))
        return QStringLiteral("message_id");
    if (collection == QLatin1String("applications"))
        return QStringLiteral("application_id");
    if (collection == QLatin1String("commands"))
        return QStringLiteral("command_id");
    if (collection == QLatin1String("roles"))
        return QStringLiteral("role_id");
    if (collection == QLatin1String("users") || collection == QLatin1String("members"))
        return QStringLiteral("user_id");
    return QStringLiteral("id");
}

} // namespace

DiscordRoute DiscordRoute::parse(const QByteArray &method, const QString &path)
{
    DiscordRoute route;
    route.method = method.toUpper();
    QString clean = path;
    const qsizetype query = clean.indexOf(QLatin1Char('?'));
    if (query >= 0)
        clean.truncate(query);
    const QStringList segments = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);

    QStringList templ;
    QStringList keyed;
    QStringList major;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const QString previous = i > 0 ? segments.at(i - 1) : QString();
        const QString beforePrevious = i > 1 ? segments.at(i - 2) : QString();
        const bool tokenSlot = (beforePrevious == QLatin1String("webhooks") ||
                                beforePrevious == QLatin1String("interactions")) &&
                               isSnowflake(previous);
        if (tokenSlot) {
            const QString hashed = tokenHash(segment);
            templ.append(QStringLiteral("{token}"));
            keyed.append(hashed);
            major.append(hashed);
            continue;
        }
        if (!isSnowflake(segment)) {
            templ.append(segment);
            keyed.append(segment);
            continue;
        }
        const QString name = parameterName(previous);
        templ.append(QLatin1Char('{') + name + QLatin1Char('}'));
        const bool isMajor =
            name == QLatin1String("channel_id") || name == QLatin1String("guild_id") ||
            name == QLatin1String("webhook_id") || name == QLatin1String("interaction_id");
        // Only the first id of a path is its major parameter: in
        // /guilds/{guild_id}/members/{user_id} the member is minor.
        if (isMajor && major.isEmpty()) {
            keyed.append(segment);
            major.append(segment);
        } else {
            keyed.append(QLatin1Char('{') + name + QLatin1Char('}'));
        }
    }
    route.pathTemplate = QLatin1Char('/') + templ.join(QLatin1Char('/'));
    route.majorParameters = major.join(QLatin1Char('/'));
    route.key = QString::fromLatin1(route.method) + QLatin1Char(' ') + QLatin1Char('/') +
                keyed.join(QLatin1Char('/'));
    route.isInteractionCallback = segments.size() == 4 &&
                                  segments.at(0) == QLatin1String("interactions") &&
                                  segments.at(3) == QLatin1String("callback");
    return route;
}

} // namespace Pterodisbot
