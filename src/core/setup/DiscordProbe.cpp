#include "setup/DiscordProbe.h"

#include <algorithm>

#include <QHash>
#include <QJsonDocument>
#include <QPointer>
#include <QScopeGuard>
#include <QUrlQuery>

#include "Clock.h"
#include "config/ConfigValidator.h"
#include "discord/DiscordEndpoints.h"
#include "discord/DiscordError.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "discord/TypedReply.h"
#include "logging.h"
#include "setup/FieldChecks.h"

namespace Pterodisbot {
namespace {

//! The first error of \a problems as the error a call ends with before sending: Validation
//! without an HTTP status, its text the validator's (problem — fix).
std::optional<ApiError> refusalOf(const QList<ConfigProblem> &problems)
{
    const std::optional<ConfigProblem> problem = FieldChecks::firstError(problems);
    if (!problem)
        return std::nullopt;
    return ApiError::validation(
        problem->hint.isEmpty() ? problem->message
                                : QStringLiteral("%1 — %2").arg(problem->message, problem->hint));
}

template<typename T>
ApiResult<T> cancelledResult()
{
    return ApiResult<T>{{}, ApiError::cancelled(QStringLiteral("the check was cancelled"))};
}

//! The JSON array of \a answer parsed strictly into T; \a what names the request in the error.
template<typename T>
ApiResult<QList<T>> parseList(const RestResult &answer, const QString &what)
{
    ApiResult<QList<T>> result;
    if (!answer.ok()) {
        result.error = answer.error;
        return result;
    }
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    QString why = QStringLiteral("not a list");
    std::optional<QList<T>> items;
    if (document.isArray())
        items = strictListFromJson<T>(document.array(), &why);
    if (!items) {
        result.error = ApiError::parse(
            QStringLiteral("Discord's answer to %1 is not what was asked for: %2").arg(what, why));
        return result;
    }
    result.value = std::move(*items);
    return result;
}

//! Deletes the client a check made once the check ends; later, so that events still queued
//! for its replies find them.
auto deleteWhenDone(QPointer<RestClient> rest)
{
    return qScopeGuard([rest] {
        if (rest)
            rest->deleteLater();
    });
}

// Snowflakes are 64-bit numbers: compare them as numbers, not as text.
bool olderId(const QString &a, const QString &b)
{
    return a.toULongLong() < b.toULongLong();
}

bool isTextKind(int type)
{
    return type == int(ChannelType::GuildText) || type == int(ChannelType::GuildAnnouncement);
}

} // namespace

DiscordProbe::DiscordProbe(QNetworkAccessManager *nam, QUrl apiBaseUrl, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_apiBaseUrl(std::move(apiBaseUrl))
{}

DiscordProbe::~DiscordProbe()
{
    // QCoro resumes a coroutine through a queued call on the object that emitted: a client
    // deleted together with its replies would leave the checks awaiting them suspended for
    // good. So the calls are cancelled here and each check, resumed, deletes its own client.
    for (const QPointer<RestClient> &rest : std::as_const(m_clients)) {
        if (rest)
            rest->beginShutdown(0);
    }
}

RestClient *DiscordProbe::clientFor(const QString &token, ApiError *refusal)
{
    registerSecret(token);
    if (const auto refused = refusalOf(FieldChecks::botToken(token))) {
        *refusal = *refused;
        return nullptr;
    }
    RestOptions options;
    if (!m_apiBaseUrl.isEmpty())
        options.baseUrl = m_apiBaseUrl;
    options.botToken = token;
    options.timeoutMs = m_requestTimeoutMs;
    // Someone is waiting: one attempt, and a long rate-limit wait is reported, not waited out.
    options.retryBackoffsMs = {};
    options.maxRetryAfterMs = 5000;
    // One client per call: the member may type another token while a check still runs.
    auto *rest = new RestClient(m_nam, SystemClock::instance(), std::move(options));
    m_clients.removeAll(nullptr);
    m_clients.append(rest);
    return rest;
}

QCoro::Task<ApiResult<BotIdentity>> DiscordProbe::identify(QString token)
{
    ApiResult<BotIdentity> result;
    QPointer<RestClient> rest = clientFor(token, &result.error);
    if (!rest)
        co_return result;
    const auto cleanup = deleteWhenDone(rest);
    QPointer<DiscordProbe> self(this);

    const ApiResult<CurrentUser> user = co_await awaitTyped<CurrentUser>(rest->getCurrentUser());
    if (!self)
        co_return cancelledResult<BotIdentity>();
    if (!user.ok()) {
        result.error = user.error;
        co_return result;
    }
    // The reference does not say that a bot's user id is its application's id, so ask.
    const ApiResult<CurrentApplication> application = co_await awaitTyped<CurrentApplication>(
        rest->send(DiscordEndpoints::getCurrentApplication()));
    if (!self)
        co_return cancelledResult<BotIdentity>();
    if (!application.ok()) {
        result.error = application.error;
        co_return result;
    }
    result.value.userId = user.value.id;
    result.value.username = user.value.username;
    result.value.avatarUrl = user.value.avatarUrl();
    result.value.applicationId = application.value.id;
    result.value.applicationName = application.value.name;
    co_return result;
}

QCoro::Task<ApiResult<QList<GuildInfo>>> DiscordProbe::guilds(QString token)
{
    ApiResult<QList<GuildInfo>> result;
    QPointer<RestClient> rest = clientFor(token, &result.error);
    if (!rest)
        co_return result;
    const auto cleanup = deleteWhenDone(rest);
    QPointer<DiscordProbe> self(this);

    const RestResult answer =
        co_await awaitReply(rest->send(DiscordEndpoints::getCurrentUserGuilds()));
    if (!self)
        co_return cancelledResult<QList<GuildInfo>>();
    const auto parsed = parseList<PartialGuild>(answer, QStringLiteral("GET /users/@me/guilds"));
    if (!parsed.ok()) {
        result.error = parsed.error;
        co_return result;
    }
    for (const PartialGuild &guild : parsed.value) {
        result.value.append(GuildInfo{guild.id, guild.name, guild.iconUrl(), guild.owner,
                                      guild.permissions, missingPermissions(guild.permissions)});
    }
    std::sort(result.value.begin(), result.value.end(), [](const GuildInfo &a, const GuildInfo &b) {
        const int order = a.name.localeAwareCompare(b.name);
        return order != 0 ? order < 0 : olderId(a.id, b.id);
    });
    co_return result;
}

QCoro::Task<ApiResult<QList<RoleInfo>>> DiscordProbe::roles(QString token, QString guildId)
{
    registerSecret(token);
    ApiResult<QList<RoleInfo>> result;
    if (const auto refused = refusalOf(FieldChecks::guildId(guildId))) {
        result.error = *refused;
        co_return result;
    }
    QPointer<RestClient> rest = clientFor(token, &result.error);
    if (!rest)
        co_return result;
    const auto cleanup = deleteWhenDone(rest);
    QPointer<DiscordProbe> self(this);

    const RestResult answer = co_await awaitReply(rest->getGuildRoles(guildId));
    if (!self)
        co_return cancelledResult<QList<RoleInfo>>();
    const auto parsed = parseList<GuildRole>(answer, QStringLiteral("GET /guilds/{guild}/roles"));
    if (!parsed.ok()) {
        result.error = parsed.error;
        co_return result;
    }
    for (const GuildRole &role : parsed.value) {
        // @everyone has the guild's id; a managed role belongs to an integration (a bot's own
        // role, a booster role) and cannot be handed to members.
        if (role.id == guildId || role.managed)
            continue;
        result.value.append(RoleInfo{role.id, role.name, role.position, role.color});
    }
    std::sort(result.value.begin(), result.value.end(), [](const RoleInfo &a, const RoleInfo &b) {
        return a.position != b.position ? a.position > b.position : olderId(a.id, b.id);
    });
    co_return result;
}

QCoro::Task<ApiResult<QList<ChannelInfo>>> DiscordProbe::textChannels(QString token,
                                                                      QString guildId)
{
    registerSecret(token);
    ApiResult<QList<ChannelInfo>> result;
    if (const auto refused = refusalOf(FieldChecks::guildId(guildId))) {
        result.error = *refused;
        co_return result;
    }
    QPointer<RestClient> rest = clientFor(token, &result.error);
    if (!rest)
        co_return result;
    const auto cleanup = deleteWhenDone(rest);
    QPointer<DiscordProbe> self(this);

    const RestResult answer =
        co_await awaitReply(rest->send(DiscordEndpoints::getGuildChannels(guildId)));
    if (!self)
        co_return cancelledResult<QList<ChannelInfo>>();
    const auto parsed =
        parseList<GuildChannel>(answer, QStringLiteral("GET /guilds/{guild}/channels"));
    if (!parsed.ok()) {
        result.error = parsed.error;
        co_return result;
    }
    QHash<QString, GuildChannel> categories;
    for (const GuildChannel &channel : parsed.value) {
        if (channel.type == int(ChannelType::GuildCategory))
            categories.insert(channel.id, channel);
    }
    for (const GuildChannel &channel : parsed.value) {
        if (!isTextKind(channel.type))
            continue;
        ChannelInfo info{
            channel.id,       channel.name, channel.type == int(ChannelType::GuildAnnouncement),
            channel.position, {},           {}};
        if (const auto category = categories.constFind(channel.parentId);
            category != categories.cend()) {
            info.categoryId = category->id;
            info.categoryName = category->name;
        }
        result.value.append(info);
    }
    // Discord's order: channels outside any category first, then the categories by position.
    const auto placeOf = [&categories](const ChannelInfo &channel) {
        const auto category = categories.constFind(channel.categoryId);
        return category == categories.cend() ? std::pair<int, QString>{-1, QString()}
                                             : std::pair{category->position, category->id};
    };
    std::sort(result.value.begin(), result.value.end(),
              [&placeOf](const ChannelInfo &a, const ChannelInfo &b) {
                  const auto placeA = placeOf(a);
                  const auto placeB = placeOf(b);
                  if (placeA.first != placeB.first)
                      return placeA.first < placeB.first;
                  if (placeA.second != placeB.second)
                      return olderId(placeA.second, placeB.second);
                  if (a.position != b.position)
                      return a.position < b.position;
                  return olderId(a.id, b.id);
              });
    co_return result;
}

QUrl DiscordProbe::inviteUrl(const QString &applicationId, const QString &guildId)
{
    // Only ids go into the link, so nothing typed can add a parameter of its own.
    if (!isSnowflake(applicationId) || (!guildId.isEmpty() && !isSnowflake(guildId)))
        return {};
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), applicationId);
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("bot applications.commands"));
    query.addQueryItem(QStringLiteral("permissions"), QString::number(requiredPermissions()));
    if (!guildId.isEmpty()) {
        query.addQueryItem(QStringLiteral("guild_id"), guildId);
        query.addQueryItem(QStringLiteral("disable_guild_select"), QStringLiteral("true"));
    }
    QUrl url(QStringLiteral("https://discord.com/oauth2/authorize"));
    url.setQuery(query);
    return url;
}

quint64 DiscordProbe::requiredPermissions()
{
    using namespace DiscordPermission;
    return ViewChannel | SendMessages | EmbedLinks | AttachFiles | ReadMessageHistory;
}

quint64 DiscordProbe::missingPermissions(quint64 granted)
{
    if (granted & DiscordPermission::Administrator)
        return 0;
    return requiredPermissions() & ~granted;
}

QString DiscordProbe::describe(const ApiError &error)
{
    const auto sentence = [](const QString &problem, const QString &fix) {
        return fix.isEmpty() ? problem : QStringLiteral("%1 — %2").arg(problem, fix);
    };
    const int code = discordCode(error);
    switch (error.kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Auth:
        if (error.httpStatus == 401) {
            return sentence(QStringLiteral("Discord did not accept this token: it is mistyped, or "
                                           "it was reset"),
                            QStringLiteral("in the Discord Developer Portal open your "
                                           "application, then Bot, press Reset Token and paste "
                                           "the new token here"));
        }
        if (code == DiscordErrorCode::MissingAccess) {
            return sentence(QStringLiteral("the bot cannot see this Discord server (Missing "
                                           "Access): it is not a member"),
                            QStringLiteral("invite it with the invite link, then check again"));
        }
        return sentence(QStringLiteral("Discord refused this (HTTP %1): %2")
                            .arg(error.httpStatus)
                            .arg(error.message),
                        QStringLiteral("invite the bot again with the invite link, which asks "
                                       "for the permissions it needs"));
    case ApiError::Kind::NotFound:
        return sentence(QStringLiteral("Discord does not know this server or channel"),
                        QStringLiteral("it may have been deleted: pick it again from the list"));
    case ApiError::Kind::Network:
        return sentence(QStringLiteral("could not reach Discord: %1").arg(error.message),
                        QStringLiteral("check this computer's internet connection, proxy and "
                                       "firewall"));
    case ApiError::Kind::Timeout:
        return sentence(QStringLiteral("Discord did not answer in time"),
                        QStringLiteral("check the internet connection and try again"));
    case ApiError::Kind::Tls:
        return sentence(error.message,
                        QStringLiteral("a proxy or antivirus that inspects https, or a wrong "
                                       "system clock, causes this; fix that and try again"));
    case ApiError::Kind::RateLimited:
        return sentence(
            QStringLiteral("Discord asks to slow down"),
            error.retryAfterMs > 0
                ? QStringLiteral("wait %1 s and try again").arg((error.retryAfterMs + 999) / 1000)
                : QStringLiteral("wait a minute and try again"));
    case ApiError::Kind::Parse:
        return sentence(
            QStringLiteral("Discord answered something unexpected (%1)").arg(error.message),
            QStringLiteral("check the Discord API address; a proxy in front of it "
                           "can cause this"));
    case ApiError::Kind::Validation:
        // No HTTP status: the input was refused before sending, already in the member's words.
        if (error.httpStatus == 0)
            return error.message;
        return sentence(QStringLiteral("Discord refused the request: %1").arg(error.message),
                        QString());
    case ApiError::Kind::Cancelled:
        return QStringLiteral("the check was cancelled");
    default:
        if (error.httpStatus >= 500)
            return sentence(
                QStringLiteral("Discord has a problem right now (HTTP %1)").arg(error.httpStatus),
                QStringLiteral("try again in a minute"));
        return sentence(error.toString(), QString());
    }
}

} // namespace Pterodisbot
