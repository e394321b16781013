#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

class QWebSocketServer;

namespace PterodisbotSim {

class DiscordGatewayConnection;
class DiscordState;

//! The simulated gateway: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, sequenced
//! dispatches kept per session for RESUME, and the faults tests ask for.
class DiscordGateway : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordGateway)

public:
    explicit DiscordGateway(DiscordState *state, QObject *parent = nullptr);
    ~DiscordGateway() override;

    bool listen(QString *error);
    QUrl url() const;

    int connectionCount() const { return m_connectionCount; }
    int identifyCount() const { return m_identifyCount; }
    int resumeCount() const { return m_resumeCount; }
    //! Close code of the last close frame a client sent; -1 when none came (dropped socket).
    int lastClientCloseCode() const { return m_lastClientCloseCode; }
    QList<QJsonObject> receivedPayloads() const { return m_received; }
    QList<QJsonObject> sentPayloads() const { return m_sent; }
    QString currentSessionId() const { return m_currentSessionId; }
    int currentSequence() const;
    qint64 currentIntents() const; //!< intents of the current session, 0 without one

    void dispatch(const QString &eventName, const QJsonObject &data);
    void sendReconnect();
    void sendInvalidSession(bool resumable);
    void sendHeartbeatRequest();
    void closeGateway(int closeCode, const QString &reason);
    void dropGateway();
    void setAckSilence(bool silent) { m_ackSilence = silent; }
    void setNextHelloDelayMs(int ms) { m_nextHelloDelayMs = ms; }

signals:
    void payloadReceived(const QJsonObject &payload);
    void payloadSent(const QJsonObject &payload);
    void identified();
    void resumed();
    //! A gateway socket was accepted (after the websocket upgrade, before HELLO; addition).
    void connectionAccepted();

private:
    struct Session
    {
        QString id;
        int sequence = 0;
        qint64 intents = 0;
        QList<QJsonObject> history; //!< every dispatch of the session, for RESUME
        QPointer<DiscordGatewayConnection> connection;
    };

    void onNewConnection();
    void sendHello(DiscordGatewayConnection *connection);
    void send(DiscordGatewayConnection *connection, const QJsonObject &payload);
    void handlePayload(DiscordGatewayConnection *connection, const QJsonObject &payload);
    void handleIdentify(DiscordGatewayConnection *connection, const QJsonValue &data);
    void handleResume(DiscordGatewayConnection *connection, const QJsonValue &data);
    bool tokenMatches(const QJsonValue &token) const;
    void sendDispatch(Session &session, const QString &eventName, const QJsonObject &data);
    void sendOp(DiscordGatewayConnection *connection, int op, const QJsonValue &data);
    void closeConnection(DiscordGatewayConnection *connection, int code, const QString &reason);
    void onDisconnected(DiscordGatewayConnection *connection, int clientCloseCode);
    DiscordGatewayConnection *current() const;
    //! Keeps the newest historyLimit entries: a demo runs for days.
    void appendBounded(QList<QJsonObject> &list, const QJsonObject &payload) const;

    DiscordState *m_state;
    QWebSocketServer *m_server = nullptr;
    QPointer<DiscordGatewayConnection> m_current;
    QHash<QString, Session> m_sessions;
    QString m_currentSessionId;
    QList<QPair<QString, QJsonObject>> m_backlog; //!< dispatches before the first session
    QList<QJsonObject> m_received;
    QList<QJsonObject> m_sent;
    int m_connectionCount = 0;
    int m_identifyCount = 0;
    int m_resumeCount = 0;
    int m_lastClientCloseCode = -1;
    qint64 m_lastIdentifyMs = -1;
    bool m_ackSilence = false;
    int m_nextHelloDelayMs = 0;
};

} // namespace PterodisbotSim
