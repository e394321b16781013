#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "net/ApiError.h"
#include "pterodactyl/models.h"

class QWebSocket;

namespace Pterodisbot {

class PanelClient;
class WebsocketCredentialsJob;

struct StatsStreamOptions
{
    //! Waits before reconnect attempts 1, 2, ...; the last repeats. Reset once authenticated.
    QList<int> reconnectDelaysMs = {1000, 2000, 5000, 10000, 30000};
    //! Connecting plus authenticating must succeed within this, or the attempt is dropped.
    int connectTimeoutMs = 10000;
    //! Ask Wings for one stats event right after auth, so a sample arrives at once.
    bool requestStatsOnAuth = true;
};

//! The Wings websocket of one server: push stats instead of polling `/resources`. Fetches
//! credentials through the PanelClient, connects with `Origin: <panel URL>`, authenticates,
//! turns `stats` and `status` events into the same ResourceSample/PowerState as polling,
//! re-authenticates with fresh credentials on `token expiring`/`token expired`/`jwt error`,
//! and reconnects with backoff whenever the socket drops, until stop().
class StatsStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsStream)

public:
    enum class ConnectionState {
        Stopped,
        FetchingCredentials,
        Connecting,
        Authenticating,
        Streaming,
        WaitingToReconnect,
    };
    Q_ENUM(ConnectionState)

    //! \a client must outlive the stream or the stream stops when it goes.
    StatsStream(PanelClient *client, QString serverId, StatsStreamOptions options = {},
                QObject *parent = nullptr);
    ~StatsStream() override;

    void start();
    //! Closes the socket and cancels every pending step; no signal fires afterwards.
    void stop();

    const QString &serverId() const { return m_serverId; }
    ConnectionState connectionState() const { return m_connectionState; }
    PowerState state() const { return m_state; }
    //! Times the socket was opened again after a drop.
    int reconnectCount() const { return m_reconnects; }
    //! Times a fresh token was sent on an open socket.
    int tokenRefreshCount() const { return m_tokenRefreshes; }

    //! Handles \a text as if Wings had sent it on the socket. The fuzz target feeds frames
    //! this way, without a socket.
    void receiveFrame(const QString &text) { onTextMessage(text); }

signals:
    void sampleReceived(const Pterodisbot::ResourceSample &sample);
    void stateChanged(Pterodisbot::PowerState state);
    void connectionStateChanged(Pterodisbot::StatsStream::ConnectionState state);
    void error(const Pterodisbot::ApiError &error);

private:
    void setConnectionState(ConnectionState state);
    void fetchCredentials(bool refresh);
    void onCredentials(WebsocketCredentialsJob *job, bool refresh);
    void openSocket();
    void closeSocket();
    void sendEvent(const QString &event, const QStringList &args = {});
    void onTextMessage(const QString &message);
    void onStats(const QString &payload);
    void onStatus(const QString &state);
    void onTokenProblem(const QString &event);
    void onSocketLost(const QString &reason);
    void scheduleReconnect();
    void setPowerState(PowerState state);

    QPointer<PanelClient> m_client;
    QString m_serverId;
    StatsStreamOptions m_options;
    ConnectionState m_connectionState = ConnectionState::Stopped;
    PowerState m_state = PowerState::Unknown;
    QPointer<QWebSocket> m_socket;
    QPointer<WebsocketCredentialsJob> m_job;
    QString m_token;
    QUrl m_socketUrl;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer;
    int m_failures = 0; //!< consecutive failed attempts (index into the delays)
    int m_refreshesWithoutAuth = 0;
    int m_reconnects = 0;
    int m_tokenRefreshes = 0;
    bool m_everConnected = false;
};

} // namespace Pterodisbot
