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

#include "bot/BotContext.h"
#include "bot/EmbedStore.h"
#include "bot/UpdateCycle.h"
#include "config/Config.h"
#include "discord/Gateway.h"
#include "discord/Interaction.h"
#include "net/ApiError.h"

class QNetworkAccessManager;

namespace Pterodisbot {

class ChartRenderer;
class Clock;
class CommandHandlers;
class DiscordConnector;
class EmbedPublisher;
class GuildRoles;
class InteractionResponder;
class PanelClient;
class PowerButtons;
class RestClient;

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
    //! resumably now, without waiting for anything.
    void stopNow();
    //! Applies a new configuration (SIGHUP): intervals, thresholds, history length, guild and
    //! role at once; a changed token or API URL reconnects Discord, changed panel settings
    //! replace the panel client. The data directory needs a restart.
    void reloadConfig(Config config);
    //! Runs an update cycle now (after the running one, if any).
    QCoro::Task<CycleReport> runCycleNow();

    State state() const { return m_state; }
    const Config &config() const { return m_context.config; }
    const BotTuning &tuning() const { return m_context.tuning; }
    QString applicationId() const { return m_context.applicationId; }
    Gateway::State gatewayState() const;

    // Read-only views for the GUI.
    //! Tracked embeds, server id -> location.
    QHash<QString, EmbedLocation> trackedEmbeds() const;
    const EmbedStore *embedStore() const { return m_store.get(); }
    //! The panel's servers as last listed (panel order).
    QList<Server> servers() const { return m_context.state.servers(); }
    std::optional<ResourceSample> lastSample(const QString &serverId) const;
    const MetricsHistory &metrics() const { return m_context.history; }
    const CycleReport &lastCycle() const;
    //! Interactions handled since start (duplicates not counted).
    int interactionCount() const { return m_interactionCount; }

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

private:
    void setState(State state);
    void createRestClient();
    void createPanelClient();
    QString dataDir() const;
    void loadStore();
    QCoro::Task<> reconnectDiscord();
    void onInteraction(const QJsonObject &json);
    void refuseComponent(const Interaction &interaction, const QString &text);
    void fail(const QString &message);

    BotServices m_services;
    BotContext m_context;
    State m_state = State::Stopped;
    std::unique_ptr<EmbedStore> m_store;
    EmbedPublisher *m_publisher = nullptr;
    UpdateCycle *m_cycle = nullptr;
    InteractionResponder *m_responder = nullptr;
    CommandHandlers *m_commands = nullptr;
    PowerButtons *m_power = nullptr;
    GuildRoles *m_roles = nullptr;
    DiscordConnector *m_connector = nullptr;
    QSet<QString> m_seenInteractions;
    QStringList m_seenOrder;
    int m_interactionCount = 0;
};

} // namespace Pterodisbot
