#include "bot/BotCore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "bot/CommandHandlers.h"
#include "bot/CustomId.h"
#include "bot/EmbedPublisher.h"
#include "bot/PowerButtons.h"
#include "Clock.h"
#include "discord/InteractionResponder.h"
#include "discord/RestClient.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

namespace Pterodisbot {

namespace {

constexpr int kRememberedInteractions = 1000;

ApiError errorOf(ApiError::Kind kind, const QString &message)
{
    ApiError error;
    error.kind = kind;
    error.message = message;
    return error;
}

QCoro::Task<InteractionAnswer> refusal(QString text)
{
    co_return InteractionAnswer::ephemeralText(text);
}

} // namespace

BotCore::BotCore(Config config, BotServices services, BotTuning tuning, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_context(services.clock ? services.clock : SystemClock::instance())
{
    qRegisterMetaType<Pterodisbot::BotCore::State>();
    m_context.config = std::move(config);
    m_context.tuning = std::move(tuning);
    m_context.renderer = services.renderer;
    m_context.applySettings();
    registerSecret(m_context.config.discord.token);
    registerSecret(m_context.config.pterodactyl.clientKey);
    registerSecret(m_context.config.pterodactyl.applicationKey);

    m_store = std::make_unique<EmbedStore>(dataDir(), m_context.clock);
    m_context.store = m_store.get();
    m_responder = new InteractionResponder(
        nullptr, m_context.clock, ResponderOptions{.autoDeferMs = m_context.tuning.autoDeferMs},
        this);
    m_context.responder = m_responder;
    m_publisher = new EmbedPublisher(&m_context, this);
    m_cycle = new UpdateCycle(&m_context, m_publisher, this);
    m_commands = new CommandHandlers(&m_context, m_publisher, this);
    m_power = new PowerButtons(&m_context, m_publisher, this);

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
    if (m_gateway) {
        m_gatewayStopRequested = true;
        m_gateway->stop(Gateway::StopMode::KeepSession);
    }
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
    return m_gateway ? m_gateway->state() : Gateway::State::Disconnected;
}

QHash<QString, EmbedLocation> BotCore::trackedEmbeds() const
{
    QHash<QString, EmbedLocation> embeds;
    for (const QString &id : m_store->serverIds())
        embeds.insert(id, *m_store->lookup(id));
    return embeds;
}

std::optional<ResourceSample> BotCore::lastSample(const QString &serverId) const
{
    return m_context.state.sample(serverId);
}

const CycleReport &BotCore::lastCycle() const
{
    return m_cycle->lastReport();
}

QString BotCore::dataDir() const
{
    QString dir = m_context.config.bot.dataDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::currentPath();
    return dir;
}

void BotCore::createRestClient()
{
    RestOptions options;
    options.baseUrl = m_context.config.discord.apiUrl;
    options.botToken = m_context.config.discord.token;
    options.timeoutMs = std::max(1, m_context.config.discord.requestTimeout) * 1000;
    options.retryBackoffsMs = m_context.tuning.discordRetryBackoffsMs;
    if (m_context.rest)
        m_context.rest->deleteLater();
    auto *rest = new RestClient(m_services.nam, m_context.clock, options, this);
    connect(rest, &RestClient::sendingStopped, this, [](const QString &reason) {
        qCCritical(lcBot).noquote() << "Discord requests paused:" << reason;
    });
    m_context.rest = rest;
    m_responder->setRestClient(rest);
}

void BotCore::createPanelClient()
{
    const PanelConfig &panel = m_context.config.pterodactyl;
    PanelClientOptions options;
    options.panelUrl = panel.panelUrl;
    options.clientKey = panel.clientKey;
    options.applicationKey = panel.applicationKey;
    options.requestTimeoutMs = std::max(1, panel.requestTimeout) * 1000;
    options.maxConcurrentRequests = std::max(1, panel.maxConcurrentRequests);
    options.retryBackoffsMs = m_context.tuning.panelRetryBackoffsMs;
    options.clientRequestsPerWindow = std::max(1, m_context.tuning.panelClientRequestsPerMinute);
    options.rateLimitWindowMs = 60000;
    if (m_context.panel)
        m_context.panel->deleteLater();
    m_context.panel = new PanelClient(m_services.nam, m_context.clock, options, this);
}

void BotCore::loadStore()
{
    const QString dir = dataDir();
    if (!QDir().mkpath(dir))
        qCWarning(lcBot).noquote() << "cannot create the data directory" << dir;
    // load() and importLegacy() log their outcome once, in one bounded line each.
    if (m_store->load().status != EmbedStore::LoadStatus::Missing)
        return;
    const QString legacy = m_context.tuning.legacyStoreFile.isEmpty()
                               ? dir + QStringLiteral("/embed/embed_locations.json")
                               : m_context.tuning.legacyStoreFile;
    if (QFileInfo::exists(legacy))
        m_store->importLegacy(legacy);
}

QCoro::Task<ApiError> BotCore::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        co_return errorOf(ApiError::Kind::Validation, QStringLiteral("the bot already runs"));
    QPointer<BotCore> self(this);
    setState(State::Starting);
    createRestClient();
    createPanelClient();
    loadStore();

    const ApiError error = co_await resolveApplicationId();
    if (!self)
        co_return errorOf(ApiError::Kind::Cancelled, {});
    if (error) {
        setState(State::Failed);
        co_return error;
    }
    co_await loadGuildRoles();
    if (!self)
        co_return errorOf(ApiError::Kind::Cancelled, {});
    co_await registerCommands();
    if (!self)
        co_return errorOf(ApiError::Kind::Cancelled, {});
    const ApiError gatewayError = co_await connectGateway();
    if (!self)
        co_return errorOf(ApiError::Kind::Cancelled, {});
    if (gatewayError) {
        setState(State::Failed);
        co_return gatewayError;
    }
    setState(State::Running);
    m_cycle->setIntervalMs(m_context.cycleIntervalMs());
    m_cycle->start();
    qCInfo(lcBot) << "bot running: update cycle every" << m_context.cycleIntervalMs() << "ms,"
                  << m_store->size() << "embeds tracked";
    if (!m_context.config.discord.alertChannelId.isEmpty() &&
        m_context.config.pterodactyl.statsSource == StatsSource::Poll) {
        qCInfo(lcBot) << "crash alerts come from polled stats: the panel caches /resources for"
                         " 20 s, so a quick stop made in the panel can read as a crash;"
                         " stats_source = websocket sees every state";
    }
    co_return ApiError{};
}

void BotCore::fail(const QString &message)
{
    qCCritical(lcBot).noquote() << message;
    m_cycle->stop();
    setState(State::Failed);
    emit fatalError(message);
}

QCoro::Task<> BotCore::stop()
{
    if (m_state != State::Running && m_state != State::Starting)
        co_return;
    QPointer<BotCore> self(this);
    setState(State::Stopping);
    m_cycle->stop();
    co_await m_cycle->waitIdle();
    if (!self)
        co_return;
    m_publisher->saveStore();
    if (m_gateway) {
        m_gatewayStopRequested = true;
        m_gateway->stop(Gateway::StopMode::KeepSession);
    }
    setState(State::Stopped);
    qCInfo(lcBot) << "bot stopped";
}

QCoro::Task<CycleReport> BotCore::runCycleNow()
{
    co_return co_await m_cycle->runNow();
}

void BotCore::reloadConfig(Config config)
{
    const Config old = m_context.config;
    m_context.config = std::move(config);
    const Config &now = m_context.config;
    registerSecret(now.discord.token);
    registerSecret(now.pterodactyl.clientKey);
    registerSecret(now.pterodactyl.applicationKey);
    m_context.applySettings();
    m_cycle->setIntervalMs(m_context.cycleIntervalMs());

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
    if (running && discordChanged) {
        reconnectDiscord();
    } else if (running && guildChanged) {
        [](QPointer<BotCore> self) -> QCoro::Task<> {
            co_await self->loadGuildRoles();
            if (self)
                co_await self->registerCommands();
        }(this);
    }
    qCInfo(lcBot) << "configuration reloaded";
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
    interaction.receivedAtMs = m_context.clock->monotonicMs();
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
    if (!m_context.applicationId.isEmpty() &&
        interaction.applicationId != m_context.applicationId) {
        qCWarning(lcInteractions).noquote()
            << "ignored" << interaction.describe() << ": it is for another application";
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
    if (interaction.isCommand()) {
        m_responder->handle(
            interaction, [this](Interaction i) { return m_commands->handleCommand(std::move(i)); },
            Style::EphemeralReply);
        return;
    }
    if (!interaction.isComponent())
        return;
    const CustomId::Parsed id = CustomId::parse(interaction.customId);
    if (!id) {
        qCWarning(lcInteractions).noquote()
            << "refused" << interaction.describe() << ": bad custom_id:" << id.message;
        refuseComponent(interaction, QStringLiteral("This button or menu is not one of mine, or it "
                                                    "is outdated. Run /server_status again."));
        return;
    }
    const bool isSelect = interaction.componentType == 3;
    switch (id.id->kind()) {
    case CustomId::Kind::Power:
    case CustomId::Kind::Address:
        if (!isSelect) {
            m_responder->handle(
                interaction,
                [this, id = *id.id](Interaction i) { return m_power->handle(std::move(i), id); },
                Style::EphemeralReply);
            return;
        }
        break;
    case CustomId::Kind::Select:
        if (isSelect) {
            m_responder->handle(
                interaction,
                [this, id = *id.id](Interaction i) {
                    return m_commands->handleSelect(std::move(i), id);
                },
                Style::EphemeralReply);
            return;
        }
        break;
    case CustomId::Kind::Page:
        if (!isSelect) {
            m_responder->handle(
                interaction,
                [this, id = *id.id](Interaction i) {
                    return m_commands->handlePage(std::move(i), id);
                },
                Style::UpdateMessage);
            return;
        }
        break;
    }
    qCWarning(lcInteractions).noquote()
        << "refused" << interaction.describe() << ": custom_id on the wrong kind of component";
    refuseComponent(interaction, QStringLiteral("This button or menu is not one of mine."));
}

void BotCore::refuseComponent(const Interaction &interaction, const QString &text)
{
    m_responder->handle(
        interaction, [text](Interaction) { return refusal(text); },
        InteractionResponder::DeferStyle::EphemeralReply);
}

} // namespace Pterodisbot
