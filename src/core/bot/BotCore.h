#pragma once

#include <memory>
#include <optional>

#include <QCoroTask>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include "bot/BotStatus.h"
#include "bot/BotTuning.h"
#include "bot/EmbedStore.h"
#include "bot/MetricsHistory.h"
#include "bot/UpdateCycle.h"
#include "config/Config.h"
#include "discord/Gateway.h"
#include "discord/Interaction.h"
#include "net/ApiError.h"

class QNetworkAccessManager;

namespace Pterodisbot {

struct BotContext;
class ChartRenderer;
class Clock;
class CommandHandlers;
class DiscordConnector;
class EmbedPublisher;
class GuildRoles;
class InteractionResponder;
class PanelClient;
class PowerButtons;
class TaskGroup;
class RestClient;
class SampleIntake;

//! What BotCore is given from outside; all must outlive it.
struct BotServices
{
    QNetworkAccessManager *nam = nullptr;
    Clock *clock = nullptr;            //!< null: SystemClock::instance()
    ChartRenderer *renderer = nullptr; //!< null: embeds without graphs
};

//! The bot: status embeds kept up to date by the update cycle, the slash commands and buttons,
//! persistence of embed locations, outage alerts. It wires the panel client, the Discord REST
//! client and gateway, and the policies (UpdatePolicy, AccessPolicy, PowerCooldown,
//! OutageAlerts) together; the work itself lives in UpdateCycle, EmbedPublisher,
//! CommandHandlers and PowerButtons.
//!
//! Usage (the app):
//! \code
//!   BotCore bot(config, {&nam, SystemClock::instance(), &renderer});
//!   connect(&bot, &BotCore::fatalError, ...);          // token rejected: exit 3
//!   const ApiError error = co_await bot.start();       // error: could not start
//!   ...  bot.reloadConfig(newConfig);                  // SIGHUP
//!   co_await bot.stop();                               // SIGTERM
//! \endcode
class BotCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotCore)

public:
    enum class State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    BotCore(Config config, BotServices services, BotTuning tuning = {}, QObject *parent = nullptr);
    ~BotCore() override;

    //! Loads EmbedStore (importing the Python bot's file once), then runs the Discord connect
    //! sequence (DiscordConnector: application id, guild roles, commands, gateway) and starts
    //! the update cycle. A Discord that does not answer is waited for as long as it takes, so
    //! this finishes when the bot runs (no error), when only a person can help (the error; a
    //! rejected token also emits fatalError()), or when stop() came first (Cancelled). Calling
    //! it while the bot starts or runs does nothing.
    QCoro::Task<ApiError> start();
    //! Shutdown with a deadline: nothing new starts and nothing is retried, requests on the
    //! wire get BotTuning::shutdownGraceMs and are then cancelled, the running cycle ends, the
    //! store is saved and the gateway closed with a resumable code.
    QCoro::Task<> stop();
    //! The impatient shutdown (a second SIGTERM): saves the store and closes the gateway
    //! resumably now, without waiting for anything; requests on the wire are cancelled, so
    //! a stop() in progress returns within a few turns of the event loop.
    void stopNow();
    //! Applies a new configuration (SIGHUP): intervals, thresholds, history length, guild and
    //! role at once; a changed token or API URL reconnects Discord, changed panel settings
    //! replace the panel client. The data directory needs a restart.
    void reloadConfig(Config config);
    //! Runs an update cycle now (after the running one, if any).
    QCoro::Task<CycleReport> runCycleNow();

    State state() const { return m_state; }
    const Config &config() const;
    //! Where the bot keeps its files: bot.data_dir, else the per-user data folder.
    QString dataDir() const;
    const BotTuning &tuning() const;
    QString applicationId() const;
    Gateway::State gatewayState() const;

    // --- The observation surface (the admin window, the tray, a health endpoint). Snapshots
    // are values; the change signals below say which one to take again.

    //! Every tracked embed, sorted by server id.
    QList<EmbedSnapshot> embeds() const;
    //! One tracked embed; nullopt when \a serverId is not tracked.
    std::optional<EmbedSnapshot> embed(const QString &serverId) const;
    //! Every server of the panel's last list (panel order), with its state and sample.
    QList<ServerSnapshot> serverSnapshots() const;
    std::optional<ServerSnapshot> serverSnapshot(const QString &serverId) const;
    ConnectionSnapshot connection() const;
    //! The last cycles, oldest first (at most kRecentCycles).
    QList<CycleReport> recentCycles() const { return m_recentCycles; }
    static constexpr int kRecentCycles = 20;

    // Narrower read-only views.
    //! Tracked embeds, server id -> location.
    QHash<QString, EmbedLocation> trackedEmbeds() const;
    const EmbedStore *embedStore() const { return m_store.get(); }
    //! The panel's servers as last listed (panel order).
    QList<Server> servers() const;
    std::optional<ResourceSample> lastSample(const QString &serverId) const;
    const MetricsHistory &metrics() const;
    const CycleReport &lastCycle() const;
    //! Interactions handled since start (duplicates not counted).
    int interactionCount() const { return m_interactionCount; }
    //! Panel requests on the wire now.
    int panelRequestsInFlight() const;
    //! Client API requests the panel says are left in its rate-limit window; -1 while unknown.
    int panelRequestsRemaining() const;
    //! Milliseconds between update cycles (tuning, else bot.update_interval).
    int cycleIntervalMs() const;
    //! The clock every time-dependent decision of the bot reads (for observers that judge
    //! ages, such as the health endpoint).
    Clock *clock() const;
    bool isPaused() const { return m_paused; }

public slots:
    // --- What the window may ask. Each works only while the bot runs and returns at once;
    // the outcome arrives through the change signals (and the log).

    //! Edits the embed of \a serverId now with fresh data.
    void refreshEmbed(const QString &serverId);
    //! Edits every tracked embed now.
    void refreshAllEmbeds();
    //! Forgets the embed of \a serverId; the message stays in Discord, frozen.
    void stopTracking(const QString &serverId);
    //! Deletes the embed's message in Discord and forgets it.
    void deleteEmbed(const QString &serverId);
    //! Posts the status embed of \a serverId in \a channelId (an older one is deleted first),
    //! as choosing it in /server_status does.
    void postEmbed(const QString &serverId, const QString &channelId);
    //! Stops the update cycle (embeds freeze; commands and buttons keep working)...
    void pauseUpdates();
    //! ...and starts it again, with a cycle at once.
    void resumeUpdates();

signals:
    void stateChanged(Pterodisbot::BotCore::State state);
    void statusChanged(const QString &serverId, Pterodisbot::DisplayState state);
    void embedPosted(const QString &serverId, const QString &channelId, const QString &messageId);
    void embedEdited(const QString &serverId, const QString &reason);
    void embedUntracked(const QString &serverId, const QString &reason);
    void cycleFinished(const Pterodisbot::CycleReport &report);
    void alertRaised(const QString &text);
    //! Something only a person can fix (token rejected, gateway closed for good): the app
    //! should exit (code 3).
    void fatalError(const QString &message);
    //! An INTERACTION_CREATE was accepted for handling (once per interaction id).
    void interactionReceived(const QString &interactionId, const QString &description);
    void gatewayStateChanged(Pterodisbot::Gateway::State state);
    //! connection() changed (gateway state, latency, reachability, pause, a fatal problem).
    void connectionChanged();
    //! A server is tracked now (embed(serverId) has it).
    void embedAdded(const QString &serverId);
    //! Something of embed(serverId) changed: sample, state, edit, error.
    void embedChanged(const QString &serverId);
    //! A server is no longer tracked.
    void embedRemoved(const QString &serverId);
    //! The panel's server list was fetched again: take serverSnapshots() anew.
    void serversChanged();
    //! serverSnapshot(serverId) changed (a new sample or state).
    void serverChanged(const QString &serverId);
    //! One HTTP attempt to Discord's REST API ended (RestClient::attemptFinished): the route
    //! kind (discordRouteKind()) and the status, 0 without an answer.
    void discordRequestFinished(const QString &routeKind, int status);
    //! One panel request ended (PanelClient::requestFinished).
    void panelRequestFinished(const QString &api, int attempts, bool failed);

private:
    void setState(State state);
    void createRestClient();
    void createPanelClient();
    void loadStore();
    QCoro::Task<> reconnectDiscord();
    void onInteraction(const QJsonObject &json);
    void refuseComponent(const Interaction &interaction, const QString &text);
    EmbedSnapshot snapshotOf(const QString &serverId, const EmbedLocation &location) const;
    ServerSnapshot snapshotOf(const Server &server) const;
    void onCycleFinished(const CycleReport &report);
    //! A slot of the surface was called while the bot does not run: logs and says no.
    bool runningFor(const char *what) const;
    void fail(const QString &message);

    BotServices m_services;
    //! Shared by the parts inside src/core/bot, never shown outside.
    std::unique_ptr<BotContext> m_context;
    State m_state = State::Stopped;
    std::unique_ptr<EmbedStore> m_store;
    //! Where every panel answer about a server enters (state, history, alerts).
    std::unique_ptr<SampleIntake> m_intake;
    EmbedPublisher *m_publisher = nullptr;
    UpdateCycle *m_cycle = nullptr;
    InteractionResponder *m_responder = nullptr;
    CommandHandlers *m_commands = nullptr;
    PowerButtons *m_power = nullptr;
    GuildRoles *m_roles = nullptr;
    //! Owns every task the bot starts on its own (the window's requests, reconnects); stop()
    //! awaits them.
    TaskGroup *m_tasks = nullptr;
    DiscordConnector *m_connector = nullptr;
    QSet<QString> m_seenInteractions;
    QStringList m_seenOrder;
    int m_interactionCount = 0;
    bool m_paused = false;
    QString m_fatalMessage;
    QList<CycleReport> m_recentCycles;
    //! Monotonic time of the sample last announced per server: a cycle announces only the
    //! servers whose sample is newer.
    QHash<QString, qint64> m_announcedSampleAt;
};

} // namespace Pterodisbot
