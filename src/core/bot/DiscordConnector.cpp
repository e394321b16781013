#include "bot/DiscordConnector.h"

#include <QCoroSignal>
#include <QRandomGenerator>

#include "bot/BotContext.h"
#include "bot/CommandHandlers.h"
#include "bot/GuildRoles.h"
#include "Clock.h"
#include "discord/DiscordError.h"
#include "discord/InteractionCommands.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

QString secondsText(int ms)
{
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms)
                     : QStringLiteral("%1 s").arg((ms + 500) / 1000);
}

} // namespace

DiscordConnector::DiscordConnector(BotContext *context, GuildRoles *roles, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_roles(roles)
    , m_backoff(context->tuning.startupBackoffBaseMs, context->tuning.startupBackoffMaxMs,
                [] { return QRandomGenerator::global()->generateDouble(); })
{
    m_retryTimer.setSingleShot(true);
    QObject::connect(&m_retryTimer, &QTimer::timeout, this, [this] { emit retryDue(); });
}

DiscordConnector::~DiscordConnector()
{
    // A sequence still waiting must end now, or its frame would never be resumed or freed.
    ++m_generation;
    m_retryTimer.stop();
    emit retryDue();
    if (m_gateway)
        closeGateway(Gateway::StopMode::KeepSession);
}

Gateway::State DiscordConnector::gatewayState() const
{
    return m_gateway ? m_gateway->state() : Gateway::State::Disconnected;
}

qint64 DiscordConnector::latencyMs() const
{
    return m_gateway ? m_gateway->latencyMs() : -1;
}

QString DiscordConnector::stepName(Step step)
{
    switch (step) {
    case Step::Identity:
        return QStringLiteral("the bot's identity (GET /users/@me)");
    case Step::Commands:
        return QStringLiteral("the slash commands");
    case Step::GatewayUrl:
        return QStringLiteral("the gateway address (GET /gateway/bot)");
    }
    return {};
}

void DiscordConnector::cancel()
{
    ++m_generation;
    m_connecting = false;
    m_retryTimer.stop();
    // Queued: the cancelled sequence ends from the event loop, not inside our caller.
    QMetaObject::invokeMethod(
        this, [this] { emit retryDue(); }, Qt::QueuedConnection);
}

void DiscordConnector::closeGateway(Gateway::StopMode mode)
{
    if (!m_gateway)
        return;
    m_gatewayStopRequested = true;
    m_gateway->stop(mode);
    m_gateway->deleteLater();
    m_gateway = nullptr;
}

QCoro::Task<ConnectOutcome> DiscordConnector::connect()
{
    QPointer<DiscordConnector> self(this);
    cancel(); // an earlier sequence still waiting gives way to this one
    const quint64 generation = m_generation;
    m_connecting = true;
    closeGateway(Gateway::StopMode::EndSession);
    m_backoff.reset();

    ConnectOutcome step = co_await untilAnswered(
        Step::Identity, generation, [this] { return m_context->rest->getCurrentUser(); },
        [this](const QJsonObject &body) {
            return applyIdentity(body)
                       ? ApiError{}
                       : ApiError::parse(QStringLiteral("GET /users/@me answered without an id"));
        });
    if (!self || !step.connected())
        co_return step;

    co_await m_roles->load();
    if (!self || m_generation != generation)
        co_return ConnectOutcome{};
    if (!co_await registerCommands(generation))
        co_return ConnectOutcome{};
    reachable();

    QUrl gatewayUrl;
    step = co_await untilAnswered(
        Step::GatewayUrl, generation, [this] { return m_context->rest->getGatewayBot(); },
        [&gatewayUrl](const QJsonObject &body) {
            QString why;
            const auto info = GatewayBotInfo::fromJson(body, &why);
            if (!info)
                return ApiError::parse(why);
            if (info->sessionStartRemaining == 0 && info->sessionStartTotal > 0) {
                qCWarning(lcBot) << "Discord allows no more gateway sessions for"
                                 << info->sessionStartResetAfterMs << "ms";
            }
            gatewayUrl = QUrl(info->url);
            return ApiError{};
        });
    if (!self || !step.connected())
        co_return step;
    startGateway(gatewayUrl);
    m_connecting = false;
    co_return step;
}

QCoro::Task<ConnectOutcome>
DiscordConnector::untilAnswered(Step step, quint64 generation, std::function<RestReply *()> send,
                                std::function<ApiError(const QJsonObject &)> take)
{
    QPointer<DiscordConnector> self(this);
    for (;;) {
        // send() reads the current client each time: a reload may have replaced it.
        const RestResult reply = co_await awaitReply(send());
        if (!self || m_generation != generation)
            co_return ConnectOutcome{};
        const ApiError error = reply.error ? reply.error : take(reply.object());
        if (!error) {
            reachable();
            co_return ConnectOutcome{ConnectOutcome::Result::Connected, {}, {}};
        }
        // A 401 is the one answer that no waiting can fix.
        if (error.kind == ApiError::Kind::Auth && error.httpStatus == 401) {
            m_connecting = false;
            co_return ConnectOutcome{
                ConnectOutcome::Result::Fatal,
                QStringLiteral("Discord rejected the bot token (401). Reset it in the Developer "
                               "Portal (Bot → Reset Token) and set discord.token."),
                error};
        }
        if (!co_await waitBeforeRetry(step, error))
            co_return ConnectOutcome{};
    }
}

QCoro::Task<bool> DiscordConnector::registerCommands(quint64 generation)
{
    // A transient failure is waited out; a refusal (no applications.commands scope) is
    // reported and the bot goes on: its buttons still work.
    QPointer<DiscordConnector> self(this);
    const QString guild = m_context->config.discord.guildId;
    while (!guild.isEmpty()) {
        const ApiResult<bool> synced = co_await InteractionCommands::syncGuildCommands(
            m_context->rest, m_context->applicationId, guild,
            CommandHandlers::commandDefinitions());
        if (!self || m_generation != generation)
            co_return false;
        if (!synced.error)
            break;
        if (synced.error.isTransient() || synced.error.kind == ApiError::Kind::RateLimited) {
            if (!co_await waitBeforeRetry(Step::Commands, synced.error))
                co_return false;
            continue;
        }
        qCWarning(lcBot).noquote()
            << "cannot register the slash commands in guild" << guild << ":"
            << synced.error.toString()
            << (discordCode(synced.error) == DiscordErrorCode::MissingAccess
                    ? QStringLiteral("- invite the bot with the applications.commands scope")
                    : QString());
        break;
    }
    co_return true;
}

QCoro::Task<> DiscordConnector::refreshGuild()
{
    QPointer<DiscordConnector> self(this);
    const quint64 generation = m_generation;
    co_await m_roles->load();
    if (self && m_generation == generation)
        co_await registerCommands(generation);
}

QCoro::Task<bool> DiscordConnector::waitBeforeRetry(Step step, ApiError error)
{
    QPointer<DiscordConnector> self(this);
    const quint64 generation = m_generation;
    const int delayMs = m_backoff.nextDelayMs();
    const QString condition = ApiError::kindName(error.kind) + QString::number(error.httpStatus);
    if (!m_downSince.isValid())
        m_downSince = m_context->clock->utcNow();
    const QString since = m_downSince.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    m_problem = QStringLiteral("%1 since %2").arg(error.toString(), since);
    if (condition != m_condition) {
        m_condition = condition;
        qCWarning(lcBot).noquote()
            << QStringLiteral("Discord unreachable since %1 (%2 failed: %3), "
                              "next try in %4; retrying until it answers")
                   .arg(since, stepName(step), error.toString(), secondsText(delayMs));
        emit problemChanged(m_problem);
    } else {
        qCDebug(lcBot).noquote() << QStringLiteral("Discord still unreachable (%1), next try in %2")
                                        .arg(error.toString(), secondsText(delayMs));
    }
    m_retryTimer.start(delayMs);
    for (;;) {
        co_await qCoro(this, &DiscordConnector::retryDue);
        if (!self || m_generation != generation)
            co_return false;
        if (!m_retryTimer.isActive()) // not a stale wake-up meant for an older sequence
            co_return true;
    }
}

void DiscordConnector::reachable()
{
    m_backoff.reset();
    if (!m_downSince.isValid())
        return;
    const qint64 downMs = m_downSince.msecsTo(m_context->clock->utcNow());
    qCInfo(lcBot).noquote() << QStringLiteral("Discord answers again (unreachable for %1)")
                                   .arg(secondsText(int(qMin<qint64>(downMs, INT_MAX))));
    m_downSince = {};
    m_condition.clear();
    m_problem.clear();
    emit problemChanged(m_problem);
}

bool DiscordConnector::applyIdentity(const QJsonObject &body)
{
    const auto user = CurrentUser::fromJson(body);
    const QString configured = m_context->config.discord.applicationId;
    if (!configured.isEmpty()) {
        m_context->applicationId = configured;
        if (user && user->id != configured) {
            // Only bots of the oldest applications have an id of their own; for any other a
            // wrong application_id means commands registered elsewhere and members' clicks ignored.
            qCWarning(lcBot).noquote()
                << "discord.application_id" << configured << "differs from the bot user's id"
                << user->id << "- the commands are registered for" << configured
                << "and interactions for any other application are ignored; unless this is an "
                   "application older than its bot user, leave application_id empty (the bot "
                   "finds it itself)";
        }
    } else if (user) {
        // A bot user's id is its application's id.
        m_context->applicationId = user->id;
    } else {
        return false;
    }
    qCInfo(lcBot).noquote() << "logged in as" << (user ? user->username : QString())
                            << "application" << m_context->applicationId;
    return true;
}

void DiscordConnector::startGateway(const QUrl &url)
{
    GatewaySettings settings;
    settings.token = m_context->config.discord.token;
    settings.zlibStream = m_context->config.discord.gatewayCompression;
    settings.backoffBaseMs = m_context->tuning.gatewayBackoffBaseMs;
    settings.identifyGapMs = m_context->tuning.gatewayIdentifyGapMs;
    m_gatewayStopRequested = false;
    auto *gateway = new Gateway(settings, m_context->clock, this);
    QObject::connect(gateway, &Gateway::interactionCreate, this,
                     &DiscordConnector::interactionCreate);
    QObject::connect(gateway, &Gateway::guildCreate, m_roles, &GuildRoles::onGuildCreate);
    QObject::connect(gateway, &Gateway::dispatch, m_roles, &GuildRoles::onDispatch);
    QObject::connect(gateway, &Gateway::stopped, this, &DiscordConnector::onGatewayStopped);
    QObject::connect(gateway, &Gateway::stateChanged, this, &DiscordConnector::gatewayStateChanged);
    QObject::connect(gateway, &Gateway::latencyChanged, this, &DiscordConnector::latencyChanged);
    m_gateway = gateway;
    gateway->start(url);
}

void DiscordConnector::onGatewayStopped(const QString &reason)
{
    if (m_gatewayStopRequested || sender() != m_gateway)
        return;
    emit fatal(QStringLiteral("The Discord gateway closed for good: %1").arg(reason));
}

} // namespace Pterodisbot
