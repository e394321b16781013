#include "monitoring/MonitoringEndpoint.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>

#include "bot/BotCore.h"
#include "logging.h"
#include "monitoring/BotMetrics.h"
#include "monitoring/HealthVerdict.h"

namespace Pterodisbot {

namespace {

const QByteArray kAllowed = QByteArrayLiteral("GET, HEAD");

MonitoringEndpoint::Answer textAnswer(int status, const QByteArray &text)
{
    MonitoringEndpoint::Answer answer;
    answer.status = status;
    answer.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    answer.body = text + '\n';
    return answer;
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    default:
        break;
    }
    return QByteArrayLiteral("OTHER");
}

//! The user's words for why a port cannot be opened.
QString listenProblem(const QTcpServer &server)
{
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return QStringLiteral("the address is already in use (another program, or another "
                              "instance of the bot, listens there)");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QStringLiteral("the address does not belong to this machine");
    case QAbstractSocket::SocketAccessError:
        return QStringLiteral("permission denied (ports below 1024 need privileges)");
    default:
        break;
    }
    return server.errorString();
}

} // namespace

//! Qt's HTTP server with every request handed to MonitoringEndpoint::answer() (its router
//! cannot tell 404 from 405 in Qt 6.4).
class MonitoringEndpoint::Server final : public QAbstractHttpServer
{
public:
    explicit Server(const MonitoringEndpoint *endpoint)
        : m_endpoint(endpoint)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const bool head = request.method() == QHttpServerRequest::Method::Head;
        const Answer answer =
            m_endpoint->answer(methodName(request.method()), request.url().path());
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
        for (const auto &[name, value] : answer.headers)
            responder.writeHeader(name, value);
        responder.writeHeader("Content-Type", answer.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
        responder.writeHeader("Cache-Control", "no-store");
        responder.writeBody(head ? QByteArray() : answer.body);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Not reached: handleRequest() answers every request.
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    const MonitoringEndpoint *m_endpoint;
};

MonitoringEndpoint::MonitoringEndpoint(BotCore *bot, QObject *parent)
    : QObject(parent)
    , m_bot(bot)
    , m_metrics(new BotMetrics(bot, this))
{}

MonitoringEndpoint::~MonitoringEndpoint() = default;

bool MonitoringEndpoint::listen(const QString &address, QString *error)
{
    QString why;
    const std::optional<ListenAddress> parsed = parseListenAddress(address, &why);
    if (!parsed) {
        if (error)
            *error = QStringLiteral("cannot serve /healthz and /metrics: the address \"%1\" "
                                    "(bot.http_listen) %2")
                         .arg(address.left(80), why);
        return false;
    }
    return listen(*parsed, error);
}

bool MonitoringEndpoint::listen(const ListenAddress &address, QString *error)
{
    m_server.reset();
    m_address = {};
    // Our own QTcpServer: QAbstractHttpServer::listen() tells only that it failed, not why.
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(address.address, address.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1 for /healthz and /metrics "
                                    "(bot.http_listen): %2")
                         .arg(address.toString(), listenProblem(*tcp));
        return false;
    }
    m_address = address;
    m_address.port = tcp->serverPort();
    m_server = std::make_unique<Server>(this);
    m_server->bind(tcp.release()); // the HTTP server takes it as its child
    qCInfo(lcApp).noquote() << "health and metrics endpoint on" << baseUrl()
                            << "(/healthz, /metrics)";
    return true;
}

bool MonitoringEndpoint::isListening() const
{
    return m_server != nullptr;
}

ListenAddress MonitoringEndpoint::address() const
{
    return m_address;
}

QString MonitoringEndpoint::baseUrl() const
{
    return isListening() ? QStringLiteral("http://") + m_address.toString() : QString();
}

MonitoringEndpoint::Answer MonitoringEndpoint::answer(const QByteArray &method,
                                                      const QString &path) const
{
    const bool healthz = path == QLatin1String("/healthz");
    const bool metrics = path == QLatin1String("/metrics");
    if (!healthz && !metrics)
        return textAnswer(404, "not found: this endpoint serves /healthz and /metrics");
    if (method != "GET" && method != "HEAD") {
        Answer answer = textAnswer(405, "method not allowed: use GET");
        answer.headers.append({QByteArrayLiteral("Allow"), kAllowed});
        return answer;
    }
    Answer answer;
    if (healthz) {
        answer.contentType = QByteArrayLiteral("application/json");
        if (!m_bot) {
            answer.status = 503;
            answer.body = QByteArrayLiteral(R"({"status":"unhealthy","reasons":["no bot"]})");
            return answer;
        }
        const HealthVerdict health = HealthVerdict::judge(HealthVerdict::inputsOf(*m_bot));
        answer.status = health.healthy ? 200 : 503;
        answer.body = health.toJson();
        return answer;
    }
    answer.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
    answer.body = m_metrics->exposition();
    return answer;
}

} // namespace Pterodisbot
