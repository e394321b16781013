#include "discord/DiscordRouteKind.h"

#include <array>

#include "discord/RateLimitRoute.h"

namespace Pterodisbot {

namespace {

struct KindRule
{
    const char *method; //!< nullptr: any method
    const char *pathTemplate;
    bool prefix; //!< the template starts with pathTemplate (a whole segment)
    const char *kind;
};

// The endpoints of DiscordEndpoints, matched on DiscordRoute's template, so that the ids and
// tokens in the path are already out of the way.
constexpr std::array kRules{
    KindRule{"POST", "/channels/{channel_id}/messages", false, "message_create"},
    KindRule{"PATCH", "/channels/{channel_id}/messages/{message_id}", false, "message_edit"},
    KindRule{"DELETE", "/channels/{channel_id}/messages/{message_id}", false, "message_delete"},
    KindRule{"GET", "/channels/{channel_id}/messages/{message_id}", false, "message_get"},
    KindRule{"POST", "/interactions/{interaction_id}/{token}/callback", false,
             "interaction_callback"},
    KindRule{nullptr, "/webhooks/{webhook_id}/{token}", true, "interaction_webhook"},
    KindRule{nullptr, "/applications/{application_id}/guilds/{guild_id}/commands", true,
             "commands"},
    KindRule{nullptr, "/applications/{application_id}/commands", true, "commands"},
    KindRule{nullptr, "/guilds/{guild_id}", true, "guild"},
    KindRule{nullptr, "/users/@me", true, "identity"},
    KindRule{nullptr, "/oauth2/applications/@me", false, "identity"},
    KindRule{"GET", "/gateway/bot", false, "gateway"},
    KindRule{"GET", "/gateway", false, "gateway"},
};

const char *const kOther = "other";

bool matches(const KindRule &rule, const DiscordRoute &route)
{
    if (rule.method && route.method != rule.method)
        return false;
    const QLatin1String templ(rule.pathTemplate);
    if (!rule.prefix)
        return route.pathTemplate == templ;
    return route.pathTemplate == templ || (route.pathTemplate.startsWith(templ) &&
                                           route.pathTemplate.at(templ.size()) == QLatin1Char('/'));
}

} // namespace

QString discordRouteKind(const QByteArray &method, const QString &path)
{
    const DiscordRoute route = DiscordRoute::parse(method, path);
    for (const KindRule &rule : kRules) {
        if (matches(rule, route))
            return QString::fromLatin1(rule.kind);
    }
    return QString::fromLatin1(kOther);
}

QStringList discordRouteKinds()
{
    QStringList kinds;
    for (const KindRule &rule : kRules) {
        const QString kind = QString::fromLatin1(rule.kind);
        if (!kinds.contains(kind))
            kinds.append(kind);
    }
    kinds.append(QString::fromLatin1(kOther));
    return kinds;
}

} // namespace Pterodisbot
