#include "net/DirectNetworkManager.h"

#include <optional>

#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace Pterodisbot {

namespace {

bool sameText(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QNetworkReply::NetworkError networkError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return QNetworkReply::SslHandshakeFailedError;
    case QAbstractSocket::TemporaryError:
        return QNetworkReply::TemporaryNetworkFailureError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

//! One request and its answer, as QNetworkAccessManager's callers see it.
class DirectReply final : public QNetworkReply
{
public:
    DirectReply(DirectNetworkManager *manager, QNetworkAccessManager::Operation operation,
                const QNetworkRequest &request, QByteArray verb, QByteArray body)
        : QNetworkReply(manager)
        , m_manager(manager)
        , m_verb(std::move(verb))
        , m_body(std::move(body))
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(operation);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    ~DirectReply() override;

    void abort() override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_answer.size() - m_readPos + QIODevice::bytesAvailable();
    }

    QString hostKey() const
    {
        const QUrl &target = url();
        return target.scheme() + QLatin1String("://") + target.host() + QLatin1Char(':') +
               QString::number(defaultPort(target));
    }
    bool isHead() const { return m_verb == "HEAD"; }
    //! The request as written on the wire.
    QByteArray wireBytes() const;
    void deliver(int status, const QByteArray &reason, const QList<RawHeaderPair> &headers,
                 QByteArray body, bool encrypted);
    void fail(QNetworkReply::NetworkError code, const QString &message);
    void failLater(QNetworkReply::NetworkError code, const QString &message)
    {
        QTimer::singleShot(0, this, [this, code, message] { fail(code, message); });
    }
    void reportSslErrors(const QList<QSslError> &errors) { emit sslErrors(errors); }

    DirectConnection *m_connection = nullptr;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin<qint64>(maxSize, m_answer.size() - m_readPos);
        if (count <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_answer.constData() + m_readPos, size_t(count));
        m_readPos += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    friend class DirectNetworkManager;
    void leaveManager();

    QPointer<DirectNetworkManager> m_manager;
    QByteArray m_verb;
    QByteArray m_body;
    QByteArray m_answer;
    qint64 m_readPos = 0;
};

//! One kept-alive connection to one host: sends one request at a time and parses the answer.
class DirectConnection final : public QObject
{
public:
    DirectConnection(DirectNetworkManager *manager, const DirectReply *first)
        : QObject(manager)
        , m_manager(manager)
        , m_key(first->hostKey())
        , m_url(first->url())
        , m_tls(first->url().scheme() == QLatin1String("https"))
    {
        // Only for https: asking a request for its TLS settings loads the TLS backend.
        if (m_tls)
            m_sslConfiguration = first->request().sslConfiguration();
        m_idleTimer.setSingleShot(true);
        connect(&m_idleTimer, &QTimer::timeout, this, [this] { close(); });
    }
    ~DirectConnection() override
    {
        if (m_reply)
            m_reply->m_connection = nullptr;
        dropSocket();
    }

    const QString &key() const { return m_key; }
    bool isIdle() const { return !m_reply && !m_closed; }
    bool suits(const DirectReply *reply) const
    {
        return m_key == reply->hostKey() &&
               (!m_tls || *m_sslConfiguration == reply->request().sslConfiguration());
    }

    void start(DirectReply *reply)
    {
        m_idleTimer.stop();
        m_reply = reply;
        reply->m_connection = this;
        m_resent = false;
        send();
    }

    //! The reply goes away before its answer: the connection is mid-answer, so it closes.
    void drop(DirectReply *reply)
    {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        close();
    }

    //! Closes for good; the manager forgets the connection and deletes it later.
    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_idleTimer.stop();
        dropSocket();
        m_manager->connectionClosed(this);
    }

private:
    enum class Stage { Status, Headers, Body, Chunks, Trailers, UntilClose };

    void send()
    {
        resetAnswer();
        m_answerStarted = false;
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
            m_reused = true;
            m_socket->write(m_reply->wireBytes());
            return;
        }
        openSocket();
    }

    void openSocket()
    {
        dropSocket();
        m_reused = false;
        m_in.clear();
        ++m_manager->m_opened;
        const QString host = m_url.host();
        const quint16 port = quint16(defaultPort(m_url));
        if (m_tls) {
            auto *socket = new QSslSocket(this);
            socket->setSslConfiguration(*m_sslConfiguration);
            connect(socket, &QSslSocket::encrypted, this, &DirectConnection::onConnected);
            connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
                if (m_reply)
                    m_reply->reportSslErrors(errors);
            });
            m_socket = socket;
            wireSocket();
            socket->connectToHostEncrypted(host, port);
        } else {
            m_socket = new QTcpSocket(this);
            connect(m_socket, &QTcpSocket::connected, this, &DirectConnection::onConnected);
            wireSocket();
            m_socket->connectToHost(host, port);
        }
    }

    void wireSocket()
    {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_socket, &QAbstractSocket::readyRead, this, &DirectConnection::onReadyRead);
        connect(m_socket, &QAbstractSocket::errorOccurred, this, &DirectConnection::onError);
        connect(m_socket, &QAbstractSocket::disconnected, this,
                [this] { onError(QAbstractSocket::RemoteHostClosedError); });
    }

    void dropSocket()
    {
        if (!m_socket)
            return;
        QAbstractSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }

    void onConnected()
    {
        if (m_reply)
            m_socket->write(m_reply->wireBytes());
    }

    void onReadyRead()
    {
        if (!m_socket)
            return;
        const QByteArray data = m_socket->readAll();
        if (!m_reply) {
            // Nothing was asked: a server talking out of turn cannot be trusted with the next.
            close();
            return;
        }
        if (!data.isEmpty())
            m_answerStarted = true;
        m_in.append(data);
        parse();
    }

    void onError(QAbstractSocket::SocketError error)
    {
        if (!m_socket)
            return;
        if (!m_reply) {
            close();
            return;
        }
        if (m_stage == Stage::UntilClose && error == QAbstractSocket::RemoteHostClosedError) {
            m_in.append(m_socket->readAll());
            m_body.append(m_in);
            m_in.clear();
            m_keepAlive = false;
            complete();
            return;
        }
        // A kept-alive connection the server closed meanwhile: once more on a new one.
        if (m_reused && !m_answerStarted && !m_resent &&
            (error == QAbstractSocket::RemoteHostClosedError ||
             error == QAbstractSocket::NetworkError)) {
            m_resent = true;
            resetAnswer();
            openSocket();
            return;
        }
        const QString message = error == QAbstractSocket::RemoteHostClosedError && m_answerStarted
                                    ? QStringLiteral("the server closed the connection mid-answer")
                                    : m_socket->errorString();
        failReply(networkError(error), message);
    }

    void resetAnswer()
    {
        m_stage = Stage::Status;
        m_status = 0;
        m_reason.clear();
        m_headers.clear();
        m_body.clear();
        m_headerBytes = 0;
        m_remaining = -1;
        m_keepAlive = true;
    }

    //! Takes one line (without its CR LF) off the input; false when it has not arrived yet.
    bool takeLine(QByteArray *line)
    {
        const qsizetype end = m_in.indexOf('\n');
        if (end < 0) {
            if (m_in.size() > DirectNetworkManager::kMaxHeaderBytes)
                protocolError(QStringLiteral("a line of the answer is too long"));
            return false;
        }
        *line = m_in.left(end > 0 && m_in.at(end - 1) == '\r' ? end - 1 : end);
        m_in.remove(0, end + 1);
        return true;
    }

    void parse()
    {
        QByteArray line;
        while (m_reply) {
            switch (m_stage) {
            case Stage::Status:
            case Stage::Headers:
                if (!takeLine(&line))
                    return;
                m_headerBytes += line.size() + 2;
                if (m_headerBytes > DirectNetworkManager::kMaxHeaderBytes)
                    return protocolError(QStringLiteral("the answer's headers are too large"));
                if (m_stage == Stage::Status) {
                    if (!parseStatus(line))
                        return protocolError(QStringLiteral("not an HTTP answer"));
                    m_stage = Stage::Headers;
                } else if (!line.isEmpty()) {
                    if (!parseHeader(line))
                        return protocolError(QStringLiteral("malformed header in the answer"));
                } else if (!headersDone()) {
                    return;
                }
                break;
            case Stage::Body: {
                const qsizetype take = qMin<qsizetype>(m_remaining, m_in.size());
                m_body.append(m_in.constData(), take);
                m_in.remove(0, take);
                m_remaining -= take;
                if (m_remaining > 0)
                    return;
                return complete();
            }
            case Stage::Chunks:
                if (m_remaining > 0) {
                    // Chunk data and its CR LF.
                    if (m_in.size() < m_remaining + 2)
                        return;
                    m_body.append(m_in.constData(), m_remaining);
                    if (m_in.mid(m_remaining, 2) != "\r\n")
                        return protocolError(QStringLiteral("malformed chunk in the answer"));
                    m_in.remove(0, m_remaining + 2);
                    m_remaining = 0;
                    break;
                }
                if (!takeLine(&line))
                    return;
                if (!startChunk(line))
                    return;
                break;
            case Stage::Trailers:
                if (!takeLine(&line))
                    return;
                if (line.isEmpty())
                    return complete();
                break;
            case Stage::UntilClose:
                m_body.append(m_in);
                m_in.clear();
                if (m_body.size() > DirectNetworkManager::kMaxBodyBytes)
                    protocolError(QStringLiteral("the answer is too large"));
                return;
            }
        }
    }

    bool parseStatus(const QByteArray &line)
    {
        // "HTTP/1.1 200 OK"
        if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ')
            return false;
        m_http10 = line.at(7) == '0';
        bool ok = false;
        m_status = line.mid(9, 3).toInt(&ok);
        if (!ok || m_status < 100 || m_status > 999 || (line.size() > 12 && line.at(12) != ' '))
            return false;
        m_reason = line.mid(13);
        return true;
    }

    bool parseHeader(const QByteArray &line)
    {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.at(0) == ' ' || line.at(0) == '\t')
            return false;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        // Repeated fields joined as QNetworkAccessManager does: ", ", cookies by line.
        for (auto &[known, joined] : m_headers) {
            if (sameText(known, name)) {
                joined += sameText(name, "Set-Cookie") ? QByteArrayView("\n") : ", ";
                joined += value;
                return true;
            }
        }
        m_headers.append({name, value});
        return true;
    }

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[known, value] : m_headers) {
            if (sameText(known, name))
                return value;
        }
        return {};
    }

    //! The blank line after the headers: how the body is framed. False once failed.
    bool headersDone()
    {
        if (m_status < 200) {
            // 100 Continue and friends: the real answer follows.
            resetAnswer();
            return true;
        }
        const QByteArray connection = header("Connection").toLower();
        m_keepAlive = m_http10 ? connection.contains("keep-alive") : !connection.contains("close");
        const QByteArray encoding = header("Transfer-Encoding").trimmed().toLower();
        const QByteArray length = header("Content-Length");
        if (m_reply->isHead() || m_status == 204 || m_status == 304) {
            complete();
            return false;
        }
        if (!encoding.isEmpty()) {
            if (!encoding.endsWith("chunked")) {
                m_stage = Stage::UntilClose;
                return true;
            }
            m_stage = Stage::Chunks;
            m_remaining = 0;
            return true;
        }
        if (!length.isEmpty()) {
            bool ok = false;
            const qint64 size = length.trimmed().toLongLong(&ok);
            if (!ok || size < 0) {
                protocolError(QStringLiteral("invalid Content-Length in the answer"));
                return false;
            }
            if (size > DirectNetworkManager::kMaxBodyBytes) {
                protocolError(QStringLiteral("the answer is too large"));
                return false;
            }
            if (size == 0) {
                complete();
                return false;
            }
            m_body.reserve(qsizetype(size));
            m_remaining = size;
            m_stage = Stage::Body;
            return true;
        }
        m_stage = Stage::UntilClose;
        m_keepAlive = false;
        return true;
    }

    bool startChunk(const QByteArray &line)
    {
        const qsizetype end = line.indexOf(';');
        bool ok = false;
        const qint64 size = (end < 0 ? line : line.left(end)).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            protocolError(QStringLiteral("malformed chunk in the answer"));
            return false;
        }
        if (m_body.size() + size > DirectNetworkManager::kMaxBodyBytes) {
            protocolError(QStringLiteral("the answer is too large"));
            return false;
        }
        if (size == 0)
            m_stage = Stage::Trailers;
        m_remaining = size;
        return true;
    }

    void protocolError(const QString &message)
    {
        m_keepAlive = false;
        failReply(QNetworkReply::ProtocolFailure, message);
    }

    void complete()
    {
        DirectReply *reply = m_reply;
        m_reply = nullptr;
        reply->m_connection = nullptr;
        const bool encrypted = m_tls;
        if (!m_keepAlive || !m_in.isEmpty()) {
            close();
        } else {
            m_idleTimer.start(m_manager->m_idleTimeoutMs);
            m_manager->scheduleDispatch();
        }
        reply->deliver(m_status, m_reason, m_headers, std::move(m_body), encrypted);
        m_headers.clear();
    }

    void failReply(QNetworkReply::NetworkError code, const QString &message)
    {
        DirectReply *reply = m_reply;
        m_reply = nullptr;
        if (reply)
            reply->m_connection = nullptr;
        close();
        if (reply)
            reply->fail(code, message);
    }

    DirectNetworkManager *m_manager;
    QString m_key;
    QUrl m_url;
    bool m_tls;
    std::optional<QSslConfiguration> m_sslConfiguration;
    QAbstractSocket *m_socket = nullptr;
    QTimer m_idleTimer;
    DirectReply *m_reply = nullptr;
    QByteArray m_in;
    Stage m_stage = Stage::Status;
    int m_status = 0;
    QByteArray m_reason;
    QList<QNetworkReply::RawHeaderPair> m_headers;
    QByteArray m_body;
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = -1;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_reused = false;
    bool m_answerStarted = false;
    bool m_resent = false;
    bool m_closed = false;
};

DirectReply::~DirectReply()
{
    leaveManager();
}

void DirectReply::leaveManager()
{
    if (m_connection) {
        DirectConnection *connection = m_connection;
        m_connection = nullptr;
        connection->drop(this);
    }
    if (m_manager)
        m_manager->forgetReply(this);
}

void DirectReply::abort()
{
    if (isFinished())
        return;
    leaveManager();
    fail(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
}

QByteArray DirectReply::wireBytes() const
{
    const QUrl &target = url();
    QByteArray path =
        target.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (path.isEmpty() || path.at(0) != '/')
        path.prepend('/');
    QByteArray host = target.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (target.port() != -1)
        host += ':' + QByteArray::number(target.port());

    QByteArray wire;
    wire.reserve(256 + m_body.size());
    wire += m_verb + ' ' + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    const QNetworkRequest &sent = request();
    for (const QByteArray &name : sent.rawHeaderList()) {
        if (sameText(name, "Host") || sameText(name, "Content-Length") ||
            sameText(name, "Connection") || sameText(name, "Transfer-Encoding"))
            continue;
        wire += name + ": " + sent.rawHeader(name) + "\r\n";
    }
    if (!m_body.isEmpty() || m_verb == "POST" || m_verb == "PUT" || m_verb == "PATCH")
        wire += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    wire += "\r\n";
    wire += m_body;
    return wire;
}

void DirectReply::deliver(int status, const QByteArray &reason, const QList<RawHeaderPair> &headers,
                          QByteArray body, bool encrypted)
{
    if (isFinished())
        return;
    leaveManager();
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, reason);
    setAttribute(QNetworkRequest::ConnectionEncryptedAttribute, encrypted);
    for (const auto &[name, value] : headers)
        setRawHeader(name, value);
    m_answer = std::move(body);
    m_readPos = 0;
    setFinished(true);
    QPointer<DirectReply> self(this);
    emit metaDataChanged();
    if (self && !m_answer.isEmpty()) {
        emit downloadProgress(m_answer.size(), m_answer.size());
        if (self)
            emit readyRead();
    }
    if (self)
        emit finished();
}

void DirectReply::fail(QNetworkReply::NetworkError code, const QString &message)
{
    if (isFinished())
        return;
    leaveManager();
    setError(code, message);
    setFinished(true);
    QPointer<DirectReply> self(this);
    emit errorOccurred(code);
    if (self)
        emit finished();
}

DirectNetworkManager::DirectNetworkManager(QObject *parent)
    : QNetworkAccessManager(parent)
{}

DirectNetworkManager::~DirectNetworkManager()
{
    // QNetworkAccessManager's destructor deletes the replies still its children, after this
    // part of the object is gone: they must not call back.
    m_waiting.clear();
    for (QNetworkReply *child : findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly)) {
        if (auto *reply = dynamic_cast<DirectReply *>(child)) {
            reply->m_manager = nullptr;
            reply->m_connection = nullptr;
        }
    }
    const QList<DirectConnection *> connections = m_connections;
    m_connections.clear();
    qDeleteAll(connections);
}

bool DirectNetworkManager::takes(const QNetworkRequest &request, QIODevice *outgoingData) const
{
    const QString scheme = request.url().scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return false;
    if (request.url().host().isEmpty())
        return false;
    const QVariant redirects = request.attribute(QNetworkRequest::RedirectPolicyAttribute);
    if (!redirects.isValid() || redirects.toInt() != QNetworkRequest::ManualRedirectPolicy)
        return false;
    if (outgoingData && outgoingData->isSequential())
        return false;
    // A proxy of the manager's or the application's (asked once per host: with the system's
    // configuration, libproxy answers on a thread of its own, which costs more than a request).
    if (proxyFactory() ||
        (proxy().type() != QNetworkProxy::DefaultProxy && proxy().type() != QNetworkProxy::NoProxy))
        return false;
    const QUrl &url = request.url();
    const QString key = url.scheme() + url.host() + QString::number(url.port());
    auto known = m_proxied.constFind(key);
    if (known == m_proxied.cend()) {
        const QList<QNetworkProxy> proxies =
            QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
        const bool proxied = !proxies.isEmpty() &&
                             proxies.first().type() != QNetworkProxy::NoProxy &&
                             proxies.first().type() != QNetworkProxy::DefaultProxy;
        known = m_proxied.insert(key, proxied);
    }
    return !*known;
}

QNetworkReply *DirectNetworkManager::createRequest(Operation op, const QNetworkRequest &request,
                                                   QIODevice *outgoingData)
{
    if (!takes(request, outgoingData)) {
        ++m_passedOn;
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
    QByteArray verb;
    switch (op) {
    case HeadOperation:
        verb = "HEAD";
        break;
    case GetOperation:
        verb = "GET";
        break;
    case PutOperation:
        verb = "PUT";
        break;
    case PostOperation:
        verb = "POST";
        break;
    case DeleteOperation:
        verb = "DELETE";
        break;
    case CustomOperation:
        verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    default:
        break;
    }
    QByteArray body;
    if (outgoingData) {
        if (!outgoingData->isOpen())
            outgoingData->open(QIODevice::ReadOnly);
        body = outgoingData->readAll();
    }
    ++m_taken;
    auto *reply = new DirectReply(this, op, request, verb, std::move(body));
    if (verb.isEmpty() || verb.contains(' ') || verb.contains('\r') || verb.contains('\n')) {
        reply->failLater(QNetworkReply::ProtocolUnknownError,
                         QStringLiteral("invalid HTTP method"));
        return reply;
    }
    m_waiting.append(reply);
    scheduleDispatch();
    return reply;
}

void DirectNetworkManager::scheduleDispatch()
{
    if (m_dispatchScheduled)
        return;
    m_dispatchScheduled = true;
    QMetaObject::invokeMethod(this, &DirectNetworkManager::dispatch, Qt::QueuedConnection);
}

void DirectNetworkManager::dispatch()
{
    m_dispatchScheduled = false;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        DirectReply *reply = *it;
        if (!reply || reply->isFinished()) {
            it = m_waiting.erase(it);
            continue;
        }
        DirectConnection *idle = nullptr;
        int sameHost = 0;
        for (DirectConnection *connection : std::as_const(m_connections)) {
            if (connection->key() != reply->hostKey())
                continue;
            ++sameHost;
            if (!idle && connection->isIdle() && connection->suits(reply))
                idle = connection;
        }
        if (!idle && sameHost >= kMaxConnectionsPerHost) {
            // Close an idle one that does not suit (other TLS settings) to make room.
            DirectConnection *unsuited = nullptr;
            for (DirectConnection *connection : std::as_const(m_connections)) {
                if (connection->key() == reply->hostKey() && connection->isIdle())
                    unsuited = connection;
            }
            if (unsuited) {
                unsuited->close(); // leaves m_connections
                --sameHost;
            }
        }
        if (!idle && sameHost >= kMaxConnectionsPerHost) {
            ++it;
            continue;
        }
        if (!idle) {
            idle = new DirectConnection(this, reply);
            m_connections.append(idle);
        }
        it = m_waiting.erase(it);
        idle->start(reply);
    }
}

void DirectNetworkManager::forgetReply(DirectReply *reply)
{
    m_waiting.removeAll(reply);
}

void DirectNetworkManager::connectionClosed(DirectConnection *connection)
{
    if (m_connections.removeOne(connection))
        connection->deleteLater();
    scheduleDispatch();
}

} // namespace Pterodisbot
