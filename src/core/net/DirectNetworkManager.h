#pragma once

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QPointer>

namespace Pterodisbot {

class DirectConnection;
class DirectReply;

//! A QNetworkAccessManager that speaks HTTP/1.1 itself, on its own thread, over connections it
//! keeps open per host (at most kMaxConnectionsPerHost, closed after an idle timeout).
//!
//! Why: Qt 6.4's HTTP stack reads a response's status line and headers one byte per read()
//! system call (its socket is unbuffered) and hands every request and answer between the
//! caller's thread and its HTTP thread. Polling 200 servers' /resources made that most of the
//! bot's CPU (docs/benchmarks.md, "Bot cycle: close to the limit"). Here a response costs one
//! read per arriving segment and no thread hop.
//!
//! Requests it does not take are passed to QNetworkAccessManager unchanged: schemes other than
//! http and https, redirects to be followed (RedirectPolicyAttribute other than manual),
//! requests through a proxy, upload devices that are sequential. Never sends Accept-Encoding,
//! so answers come uncompressed; keeps no cookies and no cache (the APIs use tokens).
//! Certificates are verified as QSslSocket does; problems emit sslErrors() and end the reply
//! with SslHandshakeFailedError. A request whose kept-alive connection turns out closed before
//! any answer byte is sent again once on a new connection, as QNetworkAccessManager does.
class DirectNetworkManager final : public QNetworkAccessManager
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectNetworkManager)

public:
    //! Six as Qt's, and two more for HttpClient's urgent requests.
    static constexpr int kMaxConnectionsPerHost = 8;
    static constexpr int kDefaultIdleTimeoutMs = 30000;
    //! Status line and headers of one answer; more ends the reply with ProtocolFailure.
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    //! Body of one answer; more ends the reply with ProtocolFailure.
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

    explicit DirectNetworkManager(QObject *parent = nullptr);
    ~DirectNetworkManager() override;

    //! An open connection with nothing to do is closed after \a ms.
    void setIdleTimeout(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeout() const { return m_idleTimeoutMs; }

    //! Connections open now, and opened since construction (reuse shows as the difference).
    int openConnections() const { return int(m_connections.size()); }
    int connectionsOpened() const { return m_opened; }
    //! Requests this manager answered itself / passed to QNetworkAccessManager.
    int requestsTaken() const { return m_taken; }
    int requestsPassedOn() const { return m_passedOn; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    friend class DirectConnection;
    friend class DirectReply;

    bool takes(const QNetworkRequest &request, QIODevice *outgoingData) const;
    void scheduleDispatch();
    //! Gives waiting replies an idle connection of their host, or a new one within the limit.
    void dispatch();
    void forgetReply(DirectReply *reply);
    void connectionClosed(DirectConnection *connection);

    QList<DirectConnection *> m_connections; // children
    QList<QPointer<DirectReply>> m_waiting;
    mutable QHash<QString, bool> m_proxied; //!< per scheme, host and port: through a proxy
    int m_idleTimeoutMs = kDefaultIdleTimeoutMs;
    int m_opened = 0;
    int m_taken = 0;
    int m_passedOn = 0;
    bool m_dispatchScheduled = false;
};

} // namespace Pterodisbot
