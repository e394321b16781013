#include "bot/BotCore.h"

#include <functional>

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "bot/BotContext.h"
#include "bot/CommandHandlers.h"
#include "bot/CustomId.h"
#include "bot/DiscordConnector.h"
#include "bot/EmbedPublisher.h"
#include "bot/GuildRoles.h"
#include "bot/PowerButtons.h"
#include "bot/SampleIntake.h"
#include "Clock.h"
#include "discord/InteractionResponder.h"
#include "discord/RestClient.h"
#include "logging.h"
#include "net/HttpClient.h"
#include "pterodactyl/PanelClient.h"
#include "TaskGroup.h"

namespace Pterodisbot {

namespace {

constexpr int kRememberedInteractions = 1000;

//! For TaskGroup, which keeps tasks without a value: the outcome is seen through signals.
template<typename T>
QCoro::Task<> withoutResult(QCoro::Task<T> task)
{
    co_await task;
}

QCoro::Task<InteractionAnswer> refusal(QString text)
{
    co_return InteractionAnswer::ephemeralText(text);
}

} // namespace

//! Where every interaction passes the access policy of its surface; the only maker of Admitted.
class InteractionGate
{
public:
    using Handler = std::function<QCoro::Task<InteractionAnswer>(Admitted)>;

    BotContext &context;
    InteractionResponder &responder;

    void route(Interaction interaction, AccessPolicy::Surface surface,
               InteractionResponder::DeferStyle style, Handler handler) const
    {
        // A refused member gets the policy's reason, the handler never runs, and nothing
        // reaches the panel.
        const AccessPolicy::Decision decision = context.checkAccess(interaction, surface);
        if (!decision) {
            qCInfo(lcInteractions).noquote() << "refused" << interaction.describe() << ":"
                                             << AccessPolicy::outcomeName(decision.outcome);
            responder.handle(
                interaction, [text = decision.message](Interaction) { return refusal(text); },
                style);
            return;
        }
        responder.handle(
            interaction,
            [handler = std::move(handler), surface](Interaction admitted) {
                return handler(Admitted(std::move(admitted), surface));
            },
            style);
    }
};

BotCore::BotCore(Config config, BotServices services, BotTuning tuning, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_context(
          std::make_unique<BotContext>(services.clock ? services.clock : SystemClock::instance()))
{
    qRegisterMetaType<Pterodisbot::BotCore::State>();
    m_context->config = std::move(config);
    m_context->tuning = std::move(tuning);
    m_context->renderer = services.renderer;
    m_context->applySettings();
    registerSecret(m_context->config.discord.token);
    registerSecret(m_context->config.pterodactyl.clientKey);
    registerSecret(m_context->config.pterodactyl.applicationKey);

    m_store = std::make_unique<EmbedStore>(dataDir(), m_context->clock);
    m_context->store = m_store.get();
    m_responder = new InteractionResponder(
        nullptr, m_context->clock, ResponderOptions{.autoDeferMs = m_context->tuning.autoDeferMs},
        this);
    m_context->responder = m_responder;
    m_publisher = new EmbedPublisher(m_context.get(), this);
    m_intake = std::make_unique<SampleIntake>(m_context.get(), m_publisher);
    m_cycle = new UpdateCycle(m_context.get(), m_publisher, m_intake.get(), this);
    m_commands = new CommandHandlers(m_context.get(), m_publisher, m_intake.get(), this);
    m_power = new PowerButtons(m_context.get(), m_publisher, m_intake.get(), this);
    m_tasks = new TaskGroup(this);
    m_roles = new GuildRoles(m_context.get(), this);
    m_connector = new DiscordConnector(m_context.get(), m_roles, this);
    connect(m_connector, &DiscordConnector::interactionCreate, this, &BotCore::onInteraction);
    connect(m_connector, &DiscordConnector::gatewayStateChanged, this,
            &BotCore::gatewayStateChanged);
    connect(m_connector, &DiscordConnector::fatal, this, &BotCore::fail);
    connect(m_connector, &DiscordConnector::gatewayStateChanged, this, &BotCore::connectionChanged);
    connect(m_connector, &DiscordConnector::latencyChanged, this, &BotCore::connectionChanged);
    connect(m_connector, &DiscordConnector::problemChanged, this, &BotCore::connectionChanged);

    // The observation surface follows the parts' own signals.
    connect(m_publisher, &EmbedPublisher::embedPosted, this, [this](const QString &serverId) {
        EmbedRuntime &runtime = m_context->state.embed(serverId);
        runtime.lastEditAt = m_context->clock->utcNow();
        runtime.lastEditReason = QStringLiteral("posted");
        runtime.lastError.clear();
        emit embedAdded(serverId);
    });
    connect(m_publisher, &EmbedPublisher::embedEdited, this,
            [this](const QString &serverId, const QString &reason) {
                EmbedRuntime &runtime = m_context->state.embed(serverId);
                runtime.lastEditAt = m_context->clock->utcNow();
                runtime.lastEditReason = reason;
                runtime.lastError.clear();
                emit embedChanged(serverId);
            });
    connect(m_publisher, &EmbedPublisher::embedWriteFailed, this,
            [this](const QString &serverId, const QString &error) {
                if (!m_store->contains(serverId))
                    return;
                m_context->state.embed(serverId).lastError = error;
                emit embedChanged(serverId);
            });
    connect(m_publisher, &EmbedPublisher::embedUntracked, this,
            [this](const QString &serverId) { emit embedRemoved(serverId); });
    connect(m_cycle, &UpdateCycle::cycleFinished, this, &BotCore::onCycleFinished);

    connect(m_publisher, &EmbedPublisher::embedPosted, this, &BotCore::embedPosted);
    connect(m_publisher, &EmbedPublisher::embedEdited, this, &BotCore::embedEdited);
    connect(m_publisher, &EmbedPublisher::embedUntracked, this, &BotCore::embedUntracked);
    connect(m_publisher, &EmbedPublisher::alertRaised, this, &BotCore::alertRaised);
    connect(m_cycle, &UpdateCycle::cycleFinished, this, &BotCore::cycleFinished);
    connect(m_cycle, &UpdateCycle::statusChanged, this, &BotCore::statusChanged);
    // Tracking changed: Wings streams follow the tracked servers.
    connect(m_publisher, &EmbedPublisher::embedPosted, m_cycle, [this] { m_cycle->syncStreams(); });
    connect(m_publisher, &EmbedPublisher::embedUntracked, m_cycle,
            [this] { m_cycle->syncStreams(); });
}

BotCore::~BotCore()
{
    m_connector->closeGateway(Gateway::StopMode::KeepSession);
    m_cycle->stop();
    if (m_state == State::Running)
        m_publisher->saveStore();
}

void BotCore::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

Gateway::State BotCore::gatewayState() const
{
    return m_connector->gatewayState();
}

QHash<QString, EmbedLocation> BotCore::trackedEmbeds() const
{
    QHash<QString, EmbedLocation> embeds;
    for (const QString &id : m_store->serverIds())
        embeds.insert(id, *m_store->lookup(id));
    return embeds;
}

const Config &BotCore::config() const
{
    return m_context->config;
}

const BotTuning &BotCore::tuning() const
{
    return m_context->tuning;
}

QString BotCore::applicationId() const
{
    return m_context->applicationId;
}

QList<Server> BotCore::servers() const
{
    return m_context->state.servers();
}

const MetricsHistory &BotCore::metrics() const
{
    return m_context->history;
}

int BotCore::panelRequestsInFlight() const
{
    return m_context->panel ? m_context->panel->http()->inFlightCount() : 0;
}

int BotCore::panelRequestsRemaining() const
{
    return m_context->panel ? m_context->panel->clientRequestsRemaining() : -1;
}

int BotCore::cycleIntervalMs() const
{
    return m_context->cycleIntervalMs();
}

Clock *BotCore::clock() const
{
    return m_context->clock;
}

EmbedSnapshot BotCore::snapshotOf(const QString &serverId, const EmbedLocation &location) const
{
    const BotState &state = m_context->state;
    EmbedSnapshot snapshot;
    snapshot.serverId = serverId;
    snapshot.serverName = state.nameOf(serverId);
    snapshot.location = location;
    snapshot.lastSample = state.sample(serverId);
    const Server *server = state.server(serverId);
    snapshot.state = server ? StatusEmbed::displayState(
                                  *server, snapshot.lastSample ? &*snapshot.lastSample : nullptr,
                                  state.isUnreachable(serverId))
                     : state.isUnreachable(serverId) ? DisplayState::Unreachable
                                                     : DisplayState::Unknown;
    if (const EmbedRuntime *runtime = state.embedIfKnown(serverId)) {
        snapshot.shown = runtime->shown;
        snapshot.lastEditAt = runtime->lastEditAt;
        snapshot.lastEditReason = runtime->lastEditReason;
        snapshot.lastError = runtime->lastError;
        snapshot.lastPayload = runtime->lastPayload;
        snapshot.lastImage = runtime->lastImage;
        if (runtime->lastEditAt.isValid())
            snapshot.nextForcedRefreshAt =
                runtime->lastEditAt.addMSecs(m_context->policy.settings().forcedRefreshMs);
    }
    return snapshot;
}

ServerSnapshot BotCore::snapshotOf(const Server &server) const
{
    const BotState &state = m_context->state;
    ServerSnapshot snapshot;
    snapshot.server = server;
    snapshot.lastSample = state.sample(server.identifier);
    const bool unreachable = state.isUnreachable(server.identifier);
    snapshot.state = StatusEmbed::displayState(
        server, snapshot.lastSample ? &*snapshot.lastSample : nullptr, unreachable);
    snapshot.tracked = m_store->contains(server.identifier);
    if (unreachable)
        snapshot.unreachableReason = state.unreachableReason(server.identifier);
    return snapshot;
}

QList<EmbedSnapshot> BotCore::embeds() const
{
    QList<EmbedSnapshot> result;
    for (const QString &id : m_store->serverIds())
        result.append(snapshotOf(id, *m_store->lookup(id)));
    return result;
}

std::optional<EmbedSnapshot> BotCore::embed(const QString &serverId) const
{
    const auto location = m_store->lookup(serverId);
    if (!location)
        return std::nullopt;
    return snapshotOf(serverId, *location);
}

QList<ServerSnapshot> BotCore::serverSnapshots() const
{
    QList<ServerSnapshot> result;
    for (const Server &server : m_context->state.servers())
        result.append(snapshotOf(server));
    return result;
}

std::optional<ServerSnapshot> BotCore::serverSnapshot(const QString &serverId) const
{
    const Server *server = m_context->state.server(serverId);
    if (!server)
        return std::nullopt;
    return snapshotOf(*server);
}

ConnectionSnapshot BotCore::connection() const
{
    ConnectionSnapshot snapshot;
    snapshot.gateway = m_connector->gatewayState();
    snapshot.heartbeatLatencyMs = m_connector->latencyMs();
    snapshot.discordProblem = m_connector->problem();
    const CycleReport &last = m_cycle->lastReport();
    snapshot.panelReachable = last.panelReachable;
    snapshot.panelProblem = last.panelError;
    snapshot.panelRequestBudget = m_context->panel ? m_context->panel->clientRequestBudget() : 0;
    snapshot.paused = m_paused;
    const int untilNext = m_cycle->msUntilNextCycle();
    if (untilNext >= 0)
        snapshot.nextCycleAt = m_context->clock->utcNow().addMSecs(untilNext);
    snapshot.fatalProblem = m_fatalMessage;
    return snapshot;
}

void BotCore::onCycleFinished(const CycleReport &report)
{
    const bool reachabilityChanged =
        m_recentCycles.isEmpty() || m_recentCycles.last().panelReachable != report.panelReachable;
    m_recentCycles.append(report);
    if (m_recentCycles.size() > kRecentCycles)
        m_recentCycles.removeFirst();
    if (report.serverListFetched)
        emit serversChanged();
    // Only what has news: a server whose sample is newer than the one announced last time.
    for (const Server &server : m_context->state.servers()) {
        const qint64 at = m_context->state.sampleAtMs(server.identifier);
        auto announced = m_announcedSampleAt.find(server.identifier);
        if (announced != m_announcedSampleAt.end() && *announced == at)
            continue;
        m_announcedSampleAt.insert(server.identifier, at);
        emit serverChanged(server.identifier);
        if (m_store->contains(server.identifier))
            emit embedChanged(server.identifier);
    }
    if (reachabilityChanged)
        emit connectionChanged();
}

std::optional<ResourceSample> BotCore::lastSample(const QString &serverId) const
{
    return m_context->state.sample(serverId);
}

const CycleReport &BotCore::lastCycle() const
{
    return m_cycle->lastReport();
}

QString BotCore::dataDir() const
{
    QString dir = m_context->config.bot.dataDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::currentPath();
    return dir;
}

void BotCore::createRestClient()
{
    RestOptions options;
    options.baseUrl = m_context->config.discord.apiUrl;
    options.botToken = m_context->config.discord.token;
    options.timeoutMs = std::max(1, m_context->config.discord.requestTimeout) * 1000;
    options.retryBackoffsMs = m_context->tuning.discordRetryBackoffsMs;
    if (m_context->rest)
        m_context->rest->deleteLater();
    auto *rest = new RestClient(m_services.nam, m_context->clock, options, this);
    connect(rest, &RestClient::sendingStopped, this, [](const QString &reason) {
        qCCritical(lcBot).noquote() << "Discord requests paused:" << reason;
    });
    connect(rest, &RestClient::attemptFinished, this, &BotCore::discordRequestFinished);
    m_context->rest = rest;
    m_responder->setRestClient(rest);
}

void BotCore::createPanelClient()
{
    const PanelConfig &panel = m_context->config.pterodactyl;
    PanelClientOptions options;
    options.panelUrl = panel.panelUrl;
    options.clientKey = panel.clientKey;
    options.applicationKey = panel.applicationKey;
    options.requestTimeoutMs = std::max(1, panel.requestTimeout) * 1000;
    options.maxConcurrentRequests = std::max(1, panel.maxConcurrentRequests);
    options.retryBackoffsMs = m_context->tuning.panelRetryBackoffsMs;
    options.clientRequestsPerWindow = std::max(1, m_context->tuning.panelClientRequestsPerMinute);
    options.rateLimitWindowMs = 60000;
    if (m_context->panel)
        m_context->panel->deleteLater();
    m_context->panel = new PanelClient(m_services.nam, m_context->clock, options, this);
    connect(m_context->panel, &PanelClient::requestFinished, this, &BotCore::panelRequestFinished);
}

void BotCore::loadStore()
{
    const QString dir = dataDir();
    if (!QDir().mkpath(dir))
        qCWarning(lcBot).noquote() << "cannot create the data directory" << dir;
    // load() and importLegacy() log their outcome once, in one bounded line each.
    if (m_store->load().status != EmbedStore::LoadStatus::Missing)
        return;
    const QString legacy = m_context->tuning.legacyStoreFile.isEmpty()
                               ? dir + QStringLiteral("/embed/embed_locations.json")
                               : m_context->tuning.legacyStoreFile;
    if (QFileInfo::exists(legacy))
        m_store->importLegacy(legacy);
}

QCoro::Task<ApiError> BotCore::start()
{
    if (m_state == State::Starting || m_state == State::Running) {
        qCDebug(lcBot) << "start(): the bot starts or runs already";
        co_return ApiError{};
    }
    QPointer<BotCore> self(this);
    setState(State::Starting);
    createRestClient();
    createPanelClient();
    loadStore();

    const ConnectOutcome outcome = co_await m_connector->connect();
    if (!self)
        co_return ApiError::cancelled(QStringLiteral("the bot was destroyed while starting"));
    switch (outcome.result) {
    case ConnectOutcome::Result::Fatal:
        fail(outcome.message);
        co_return outcome.error;
    case ConnectOutcome::Result::Cancelled:
        co_return ApiError::cancelled(QStringLiteral("stopped while starting"));
    case ConnectOutcome::Result::Connected:
        break;
    }
    setState(State::Running);
    m_cycle->setIntervalMs(m_context->cycleIntervalMs());
    if (!m_paused)
        m_cycle->start();
    qCInfo(lcBot) << "bot running: update cycle every" << m_context->cycleIntervalMs() << "ms,"
                  << m_store->size() << "embeds tracked";
    if (!m_context->config.discord.alertChannelId.isEmpty() &&
        m_context->config.pterodactyl.statsSource == StatsSource::Poll) {
        qCInfo(lcBot) << "crash alerts come from polled stats: the panel caches /resources for"
                         " 20 s, so a quick stop made in the panel can read as a crash;"
                         " stats_source = websocket sees every state";
    }
    co_return ApiError{};
}

void BotCore::fail(const QString &message)
{
    qCCritical(lcBot).noquote() << message;
    m_fatalMessage = message;
    m_connector->cancel();
    m_cycle->stop();
    m_publisher->saveStore();
    setState(State::Failed);
    emit connectionChanged();
    emit fatalError(message);
}

QCoro::Task<> BotCore::stop()
{
    if (m_state != State::Running && m_state != State::Starting)
        co_return;
    QPointer<BotCore> self(this);
    setState(State::Stopping);
    m_connector->cancel();
    m_cycle->stop();
    const int graceMs = m_context->tuning.shutdownGraceMs;
    if (m_context->panel)
        m_context->panel->http()->beginShutdown(graceMs);
    if (m_context->rest)
        m_context->rest->beginShutdown(graceMs);
    // After each wait: stopNow() may have ended the stop meanwhile.
    co_await m_cycle->waitIdle();
    if (!self || m_state == State::Stopped)
        co_return;
    // Every task the bot started ends now that nothing can be sent or retried any more.
    co_await m_responder->waitForHandlers();
    if (!self || m_state == State::Stopped)
        co_return;
    co_await m_tasks->waitAll();
    if (!self || m_state == State::Stopped)
        co_return;
    m_publisher->saveStore();
    m_connector->closeGateway(Gateway::StopMode::KeepSession);
    setState(State::Stopped);
    qCInfo(lcBot) << "bot stopped";
}

void BotCore::stopNow()
{
    if (m_state == State::Stopped || m_state == State::Failed)
        return;
    m_connector->cancel();
    m_cycle->stop();
    // Cancelling what is on the wire lets every waiting task (and a stop() in progress)
    // unwind within a few turns of the event loop instead of being abandoned suspended.
    if (m_context->panel)
        m_context->panel->http()->beginShutdown(0);
    if (m_context->rest)
        m_context->rest->beginShutdown(0);
    m_publisher->saveStore();
    m_connector->closeGateway(Gateway::StopMode::KeepSession);
    setState(State::Stopped);
    qCInfo(lcBot) << "bot stopped at once";
}

bool BotCore::runningFor(const char *what) const
{
    if (m_state == State::Running)
        return true;
    qCInfo(lcBot).noquote() << QString::fromLatin1(what) << "ignored: the bot does not run";
    return false;
}

void BotCore::refreshEmbed(const QString &serverId)
{
    if (!runningFor("refresh") || !m_store->contains(serverId))
        return;
    m_tasks->start(withoutResult(m_commands->refreshTracked({serverId})));
}

void BotCore::refreshAllEmbeds()
{
    if (!runningFor("refresh all") || m_store->isEmpty())
        return;
    m_tasks->start(withoutResult(m_commands->refreshTracked(m_store->serverIds())));
}

void BotCore::stopTracking(const QString &serverId)
{
    if (!m_store->contains(serverId))
        return;
    m_publisher->untrack(serverId, QStringLiteral("stopped tracking on request"));
}

void BotCore::deleteEmbed(const QString &serverId)
{
    if (!runningFor("delete") || !m_store->contains(serverId))
        return;
    m_tasks->start(withoutResult(m_publisher->remove(serverId)));
}

void BotCore::postEmbed(const QString &serverId, const QString &channelId)
{
    if (!runningFor("post"))
        return;
    const Server *server = m_context->state.server(serverId);
    if (!server || !EmbedStore::isValidSnowflake(channelId)) {
        qCWarning(lcBot).noquote() << "post ignored: unknown server" << CustomId::forLog(serverId)
                                   << "or bad channel id" << CustomId::forLog(channelId);
        return;
    }
    m_tasks->start(withoutResult(m_commands->postStatus(server->identifier, channelId)));
}

void BotCore::pauseUpdates()
{
    if (m_paused)
        return;
    m_paused = true;
    m_cycle->stop();
    qCInfo(lcBot) << "updates paused";
    emit connectionChanged();
}

void BotCore::resumeUpdates()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (m_state == State::Running)
        m_cycle->start();
    qCInfo(lcBot) << "updates resumed";
    emit connectionChanged();
}

QCoro::Task<CycleReport> BotCore::runCycleNow()
{
    co_return co_await m_cycle->runNow();
}

void BotCore::reloadConfig(Config config)
{
    const Config old = m_context->config;
    m_context->config = std::move(config);
    const Config &now = m_context->config;
    registerSecret(now.discord.token);
    registerSecret(now.pterodactyl.clientKey);
    registerSecret(now.pterodactyl.applicationKey);
    m_context->applySettings();
    m_cycle->setIntervalMs(m_context->cycleIntervalMs());

    if (now.bot.dataDir != old.bot.dataDir)
        qCWarning(lcBot) << "a new data directory takes effect after a restart";
    const bool running = m_state == State::Running;
    const bool panelChanged =
        now.pterodactyl.panelUrl != old.pterodactyl.panelUrl ||
        now.pterodactyl.clientKey != old.pterodactyl.clientKey ||
        now.pterodactyl.applicationKey != old.pterodactyl.applicationKey ||
        now.pterodactyl.requestTimeout != old.pterodactyl.requestTimeout ||
        now.pterodactyl.maxConcurrentRequests != old.pterodactyl.maxConcurrentRequests;
    if (panelChanged && running) {
        createPanelClient();
        m_cycle->syncStreams(true);
        qCInfo(lcBot) << "panel settings changed: new panel client";
    } else if (now.pterodactyl.statsSource != old.pterodactyl.statsSource) {
        m_cycle->syncStreams();
    }
    const bool discordChanged = now.discord.token != old.discord.token ||
                                now.discord.apiUrl != old.discord.apiUrl ||
                                now.discord.requestTimeout != old.discord.requestTimeout ||
                                now.discord.gatewayCompression != old.discord.gatewayCompression;
    const bool guildChanged = now.discord.guildId != old.discord.guildId;
    if (running && discordChanged)
        m_tasks->start(reconnectDiscord());
    else if (running && guildChanged)
        m_tasks->start(m_connector->refreshGuild());
    qCInfo(lcBot) << "configuration reloaded";
}

QCoro::Task<> BotCore::reconnectDiscord()
{
    QPointer<BotCore> self(this);
    qCInfo(lcBot) << "Discord settings changed: reconnecting";
    createRestClient();
    const ConnectOutcome outcome = co_await m_connector->connect();
    if (self && outcome.result == ConnectOutcome::Result::Fatal)
        fail(outcome.message);
}

void BotCore::onInteraction(const QJsonObject &json)
{
    QString why;
    auto parsed = Interaction::fromJson(json, &why);
    if (!parsed) {
        qCWarning(lcInteractions).noquote() << "ignored an interaction:" << why;
        return;
    }
    Interaction interaction = std::move(*parsed);
    interaction.receivedAtMs = m_context->clock->monotonicMs();
    // The gateway delivers each dispatch once, but a replay after a resume must not run a
    // power action twice whatever happens underneath.
    if (m_seenInteractions.contains(interaction.id)) {
        qCInfo(lcInteractions) << "interaction" << interaction.id << "seen already: ignored";
        return;
    }
    m_seenInteractions.insert(interaction.id);
    m_seenOrder.append(interaction.id);
    if (m_seenOrder.size() > kRememberedInteractions)
        m_seenInteractions.remove(m_seenOrder.takeFirst());
    if (!m_context->applicationId.isEmpty() &&
        interaction.applicationId != m_context->applicationId) {
        qCWarning(lcInteractions).noquote()
            << "ignored" << interaction.describe() << ": it is for application"
            << interaction.applicationId << "but discord.application_id is"
            << m_context->applicationId << "(leave application_id empty to use the bot's own)";
        return;
    }
    if (m_state != State::Running) {
        qCInfo(lcInteractions).noquote()
            << "ignored" << interaction.describe() << ": the bot is stopping";
        return;
    }
    ++m_interactionCount;
    qCDebug(lcInteractions).noquote() << "received" << interaction.describe();
    emit interactionReceived(interaction.id, interaction.describe());

    // Every answer is ephemeral except the page buttons', which update the menu they are on.
    using Style = InteractionResponder::DeferStyle;
    using Surface = AccessPolicy::Surface;
    const InteractionGate gate{*m_context, *m_responder};
    const auto route = [&gate](Interaction interaction, Surface surface, Style style,
                               InteractionGate::Handler handler) {
        gate.route(std::move(interaction), surface, style, std::move(handler));
    };
    if (interaction.isCommand()) {
        const Surface surface = CommandHandlers::surfaceOfCommand(interaction.commandName);
        route(std::move(interaction), surface, Style::EphemeralReply,
              [this](Admitted admitted) { return m_commands->handleCommand(std::move(admitted)); });
        return;
    }
    if (!interaction.isComponent())
        return;
    const CustomId::Parsed id = CustomId::parse(interaction.customId);
    if (!id) {
        qCWarning(lcInteractions).noquote()
            << "refused" << interaction.describe() << ": bad custom_id:" << id.message;
        refuseComponent(interaction, Wording(interaction.locale)
                                         .translate("BotCore", "This button or menu is not one of "
                                                               "mine, or it is outdated. Run "
                                                               "/server_status again."));
        return;
    }
    const bool isSelect = interaction.isSelect();
    switch (id.id->kind()) {
    case CustomId::Kind::Power:
    case CustomId::Kind::Address:
        if (!isSelect) {
            route(std::move(interaction), Surface::Button, Style::EphemeralReply,
                  [this, id = *id.id](Admitted admitted) {
                      return m_power->handle(std::move(admitted), id);
                  });
            return;
        }
        break;
    case CustomId::Kind::Select:
        if (isSelect) {
            route(std::move(interaction), Surface::Menu, Style::EphemeralReply,
                  [this, id = *id.id](Admitted admitted) {
                      return m_commands->handleSelect(std::move(admitted), id);
                  });
            return;
        }
        break;
    case CustomId::Kind::Page:
        if (!isSelect) {
            route(std::move(interaction), Surface::Menu, Style::UpdateMessage,
                  [this, id = *id.id](Admitted admitted) {
                      return m_commands->handlePage(std::move(admitted), id);
                  });
            return;
        }
        break;
    }
    qCWarning(lcInteractions).noquote()
        << "refused" << interaction.describe() << ": custom_id on the wrong kind of component";
    refuseComponent(interaction,
                    Wording(interaction.locale)
                        .translate("BotCore", "This button or menu is not one of mine."));
}

void BotCore::refuseComponent(const Interaction &interaction, const QString &text)
{
    m_responder->handle(
        interaction, [text](Interaction) { return refusal(text); },
        InteractionResponder::DeferStyle::EphemeralReply);
}

} // namespace Pterodisbot
