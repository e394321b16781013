#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include "discord/GatewayHeartbeat.h"
#include "discord/GatewayPayloads.h"
#include "discord/GatewayPolicy.h"
#include "discord/GatewaySendLimiter.h"
#include "discord/GatewaySession.h"
#include "net/Backoff.h"

class QWebSocket;

namespace Pterodisbot {

class Clock;
class ZlibStreamInflater;

//! Everything the gateway client is told from outside; every interval is here so tests can
//! shrink them.
struct GatewaySettings
{
    QString token; //!< bot token, without the "Bot " prefix
    int intents = GatewayIntent::Guilds;
    bool zlibStream = false; //!< ask for `compress=zlib-stream`
    QString userAgent;       //!< empty: "DiscordBot (<homepage>, <version>)"
    QString os;              //!< empty: the kernel type, e.g. "linux"
    QString browser = QStringLiteral("pterodisbot");
    QString device = QStringLiteral("pterodisbot");
    int identifyGapMs = 5000; //!< at least this long between two IDENTIFYs
    int backoffBaseMs = 1000;
    int backoffMaxMs = 60'000;
    int invalidSessionMinWaitMs = 1000; //!< op 9 d:false waits a random time in [min, max]
    int invalidSessionMaxWaitMs = 5000;
    int sendLimit = 110; //!< ordinary sends per window; heartbeats are exempt
    int sendWindowMs = 60'000;
    int helloTimeoutMs = 30'000; //!< no HELLO this long after connecting: try again
    int closeTimeoutMs = 5000;   //!< a close handshake that takes longer is aborted
    //! TLS settings for wss (e.g. a private CA); empty uses the system defaults.
    std::optional<QSslConfiguration> sslConfiguration;
};

//! The Discord gateway client: one websocket connection kept alive across heartbeats,
//! reconnects, RESUMEs and Discord's close codes, delivering every dispatch exactly once.
//!
//! The gateway URL comes from outside (GET /gateway/bot); the client appends
//! `?v=10&encoding=json[&compress=zlib-stream]`. Fatal close codes stop it with a message a
//! person can act on; everything else reconnects with exponential backoff.
class Gateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gateway)

public:
    enum class State {
        Disconnected, //!< not started
        Connecting,   //!< websocket opening, waiting for HELLO
        Identifying,  //!< IDENTIFY due or sent, waiting for READY
        Ready,        //!< READY or RESUMED received: events flow
        Resuming,     //!< RESUME sent, waiting for the replay and RESUMED
        BackingOff,   //!< waiting before the next connection attempt (see backoffMs())
        Stopped,      //!< stopped for good (see stopReason())
    };
    Q_ENUM(State)

    enum class StopMode {
        EndSession,  //!< close with 1000: Discord ends the session
        KeepSession, //!< close with 4900 and keep the session: a later start() resumes it
    };

    //! \a clock defaults to the system clock.
    explicit Gateway(GatewaySettings settings, Clock *clock = nullptr, QObject *parent = nullptr);
    ~Gateway() override;

    //! Random numbers in [0, 1) for the heartbeat jitter, backoff and op 9 wait.
    void setRandomSource(std::function<double()> random);

    //! Connects to \a gatewayUrl (e.g. "wss://gateway.discord.gg"). Resumes when an earlier
    //! stop(KeepSession) left a session.
    void start(const QUrl &gatewayUrl);
    //! Closes the connection and stops reconnecting.
    void stop(StopMode mode = StopMode::EndSession);

    //! Sends an ordinary event (presence update, ...) through the send limiter, queued until
    //! the session is ready. Refuses (returns false, emits sendRefused) payloads over 4096
    //! bytes and the opcodes the client manages itself (heartbeat, identify, resume).
    bool sendEvent(int op, const QJsonValue &d, QString *error = nullptr);

    State state() const { return m_state; }
    //! Why the client is Stopped; empty otherwise.
    QString stopReason() const { return m_stopReason; }
    //! The current wait while BackingOff, else 0.
    int backoffMs() const { return m_backoffMs; }
    //! Round trip of the last acknowledged heartbeat; -1 before the first ACK.
    qint64 latencyMs() const { return m_heartbeat.latencyMs(); }
    QString sessionId() const { return m_session.id(); }
    QUrl resumeGatewayUrl() const { return m_session.resumeUrl(); }
    //! The last dispatch sequence number seen; -1 when none.
    qint64 lastSequence() const { return m_session.sequence(); }
    int heartbeatIntervalMs() const { return m_heartbeat.intervalMs(); }
    //! Ordinary sends waiting for the limiter or for the session.
    int queuedEvents() const { return int(m_queue.size()); }

    static QString stateName(State state);

    //! Handles \a frame as if the socket had delivered it (\a binary: a zlib-stream frame, or
    //! raw JSON without zlibStream). The fuzz target feeds frames this way, without a socket.
    void receiveFrame(const QByteArray &frame, bool binary);

signals:
    void stateChanged(Pterodisbot::Gateway::State state);
    //! Every dispatch (op 0), once per sequence number, in order.
    void dispatch(const QString &eventName, const QJsonObject &data);
    void ready(const QJsonObject &data);
    void resumed();
    void interactionCreate(const QJsonObject &interaction);
    void guildCreate(const QJsonObject &guild);
    //! Entering BackingOff for \a ms before the next attempt.
    void backingOff(int ms);
    //! The client stopped: on request or for a fatal reason a person must fix.
    void stopped(const QString &reason);
    void sendRefused(const QString &error);
    void latencyChanged(qint64 ms);

private:
    //! Our close code when we mean to RESUME: anything but 1000/1001 keeps the session.
    static constexpr int kResumableCloseCode = 4000;
    //! stop(KeepSession): also resumable, and distinct in Discord's and our logs.
    static constexpr int kKeepSessionCloseCode = 4900;
    static constexpr int kNormalCloseCode = 1000;
    static constexpr int kMaxQueuedEvents = 1000;

    void setState(State state);
    QUrl connectionUrl(const QUrl &base) const;
    void connectSocket();
    void retireSocket(int closeCode, const QString &reason);
    void onSocketDisconnected();
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void handlePayload(const QByteArray &json);
    void handleHello(const QJsonObject &d);
    void handleDispatch(const QJsonObject &payload);
    void handleInvalidSession(bool resumable);
    void onHeartbeatMissed();
    void sendHeartbeat();
    void identifyWhenAllowed();
    void sendIdentify();
    void sendResume();
    bool sendNow(int op, const QJsonValue &d);
    void flushQueue();
    void reconnect(bool resume, const QString &why);
    void scheduleReconnect(bool resume, int delayMs);
    //! \a fatal: a person must fix something first (logged as critical).
    void stopWith(const QString &reason, int closeCode, bool fatal);
    void stopTimers();
    double random() const;

    GatewaySettings m_settings;
    Clock *m_clock;
    std::function<double()> m_random;
    Backoff m_backoff;
    GatewaySendLimiter m_limiter;
    GatewayHeartbeat m_heartbeat;
    GatewaySession m_session;
    std::unique_ptr<ZlibStreamInflater> m_inflater;

    QWebSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    QUrl m_gatewayUrl;
    QString m_stopReason;
    int m_backoffMs = 0;

    bool m_connectingToResume = false; //!< this connection means to RESUME
    bool m_usingResumeUrl = false;
    bool m_helloReceived = false;
    int m_failedResumeUrlConnects = 0;
    bool m_reconnectResumes = false;

    std::optional<qint64> m_lastIdentifyMs;

    struct QueuedEvent
    {
        int op;
        QByteArray bytes;
    };
    QList<QueuedEvent> m_queue;

    QTimer m_helloTimer;
    QTimer m_reconnectTimer;
    QTimer m_identifyTimer;
    QTimer m_sendTimer;
};

} // namespace Pterodisbot
