#pragma once

#include <functional>

#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "discord/Gateway.h"
#include "net/ApiError.h"
#include "net/Backoff.h"

namespace Pterodisbot {

struct BotContext;
class GuildRoles;
class RestReply;

//! How DiscordConnector::connect() ended.
struct ConnectOutcome
{
    enum class Result {
        Connected, //!< the gateway is started; from here it reconnects by itself
        Fatal,     //!< something only a person can fix (message says what)
        Cancelled, //!< cancel() was called (shutdown, or a reconnect replaced this one)
    };
    Result result = Result::Cancelled;
    //! For Fatal: what happened and what to do.
    QString message;
    //! For Fatal: the answer behind it.
    ApiError error;

    bool connected() const { return result == Result::Connected; }
};

//! The connect sequence of the Discord side: who we are (GET /users/@me, the application id),
//! the guild's roles, the guild commands (registered only when they changed), the gateway's
//! address (GET /gateway/bot) and the Gateway itself.
//!
//! A service must ride out a network that is not up yet at boot, a DNS failure or a 5xx from
//! Discord, so every step that fails for any reason but a rejected token is tried again for as
//! long as it takes, with capped exponential backoff and jitter (BotTuning::startupBackoff*),
//! logged once per change of condition. Only what a person must fix ends it: the token
//! rejected (401) here, and the gateway's fatal close codes (4004, 4010–4014) later through
//! fatal(). cancel() ends a waiting or running sequence at once.
class DiscordConnector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordConnector)

public:
    DiscordConnector(BotContext *context, GuildRoles *roles, QObject *parent = nullptr);
    ~DiscordConnector() override;

    //! Runs the sequence (again): a gateway from an earlier run is closed (EndSession) first.
    QCoro::Task<ConnectOutcome> connect();
    //! The configured guild changed (reload): its roles and commands again, same connection.
    QCoro::Task<> refreshGuild();
    //! Ends a running connect() at its current wait or answer, with Cancelled.
    void cancel();
    //! Closes the gateway (KeepSession: a later start resumes the session) and forgets it.
    void closeGateway(Gateway::StopMode mode);

    Gateway *gateway() const { return m_gateway; }
    Gateway::State gatewayState() const;
    //! Round trip of the last heartbeat; -1 before the first.
    qint64 latencyMs() const;
    bool isConnecting() const { return m_connecting; }
    //! Why Discord cannot be reached right now ("timeout: ... since 12:03:10"); empty when it
    //! can, or before the first attempt.
    QString problem() const { return m_problem; }

signals:
    void interactionCreate(const QJsonObject &interaction);
    void gatewayStateChanged(Pterodisbot::Gateway::State state);
    void latencyChanged(qint64 ms);
    //! The gateway stopped for a reason only a person can fix.
    void fatal(const QString &message);
    //! problem() changed (empty: reachable again).
    void problemChanged(const QString &problem);
    //! The retry wait is over (or cancel() cut it short); internal to connect().
    void retryDue(); // not QPrivateSignal: QCoro 0.8 binds a null reference to it (UBSan)

private:
    enum class Step { Identity, Commands, GatewayUrl };
    //! One GET of the sequence: send() until Discord answers with 2xx and take() accepts the
    //! body (an error from take() is retried like a failed request). Connected when done,
    //! Fatal for a rejected token, Cancelled when a newer sequence or cancel() came.
    QCoro::Task<ConnectOutcome> untilAnswered(Step step, quint64 generation,
                                              std::function<RestReply *()> send,
                                              std::function<ApiError(const QJsonObject &)> take);
    //! Registers the guild commands, waiting out transient failures; false when cancelled.
    QCoro::Task<bool> registerCommands(quint64 generation);
    //! Waits the next backoff delay; false when cancelled meanwhile.
    QCoro::Task<bool> waitBeforeRetry(Step step, ApiError error);
    void reachable();
    bool applyIdentity(const QJsonObject &user);
    void startGateway(const QUrl &url);
    void onGatewayStopped(const QString &reason);
    static QString stepName(Step step);

    BotContext *m_context;
    GuildRoles *m_roles;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QPointer<Gateway> m_gateway;
    bool m_gatewayStopRequested = false;
    bool m_connecting = false;
    //! Bumped by cancel() and by every connect(): a sequence whose generation is no longer
    //! current stops at its next step.
    quint64 m_generation = 0;
    QString m_condition; //!< kind + status of the last failure: log again when it changes
    QDateTime m_downSince;
    QString m_problem;
};

} // namespace Pterodisbot
