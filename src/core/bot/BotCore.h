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
class EmbedPublisher;
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

    //! Resolves the application id (configuration or GET /users/@me), loads the guild's roles,
    //! registers the guild commands (only when they changed), loads EmbedStore (importing the
    //! Python bot's file once), connects the gateway and starts the update cycle. An error
    //! means the bot is not running; a rejected token also emits fatalError().
    QCoro::Task<ApiError> start();
    //! Stops the cycle, lets the running cycle and Discord writes finish, saves the store and
    //! closes the gateway with a resumable code.
    QCoro::Task<> stop();
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
    QCoro::Task<ApiError> resolveApplicationId();
    QCoro::Task<> loadGuildRoles();
    QCoro::Task<> registerCommands();
    QCoro::Task<ApiError> connectGateway();
    QCoro::Task<> reconnectDiscord();
    void onInteraction(const QJsonObject &json);
    void onGuildCreate(const QJsonObject &guild);
    void onDispatch(const QString &eventName, const QJsonObject &data);
    void onGatewayStopped(const QString &reason);
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
    QPointer<Gateway> m_gateway;
    bool m_gatewayStopRequested = false;
    QSet<QString> m_seenInteractions;
    QStringList m_seenOrder;
    int m_interactionCount = 0;
};

} // namespace Pterodisbot
