#include "PanelHttpServer.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "SimHttp.h"
#include "simlogging.h"

namespace PterodisbotSim {

namespace {

// A simulator that runs for days must not grow without bound.
constexpr qsizetype kMaxRecords = 200000;

// Codes QHttpServerResponder can name; anything else is reported as a 500.
int knownStatus(int status)
{
    static const QSet<int> known{200, 204, 302, 400, 401, 403, 404, 405,
                                 409, 422, 429, 500, 501, 502, 503, 504};
    return known.contains(status) ? status : 500;
}

} // namespace

PanelHttpServer::PanelHttpServer(PanelApi &api, const PanelApiLimits &limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(api)
    , m_limits(limits)
{
    m_clock.start();
}

PanelHttpServer::~PanelHttpServer() = default;

void PanelHttpServer::setHanging(bool on, const QString &server)
{
    if (server.isEmpty()) {
        m_hangAll = on;
        if (!on)
            m_hangServers.clear();
    } else if (on) {
        m_hangServers.insert(server);
    } else {
        m_hangServers.remove(server);
    }
    if (!on) {
        // Requests already held stay unanswered; close them so no socket lingers forever.
        for (const Held &held : std::as_const(m_held)) {
            if (held.socket)
                held.socket->disconnectFromHost();
        }
        m_held.clear();
    }
}

void PanelHttpServer::setFailure(int httpStatus, const QString &server)
{
    if (server.isEmpty()) {
        m_failAll = httpStatus;
        if (httpStatus == 0)
            m_failServers.clear();
    } else if (httpStatus == 0) {
        m_failServers.remove(server);
    } else {
        m_failServers.insert(server, httpStatus);
    }
}

void PanelHttpServer::setMalformedBodies(bool on, const QString &server)
{
    if (server.isEmpty()) {
        m_malformedAll = on;
        if (!on)
            m_malformedServers.clear();
    } else if (on) {
        m_malformedServers.insert(server);
    } else {
        m_malformedServers.remove(server);
    }
}

void PanelHttpServer::dropConnections()
{
    m_held.clear();
    for (QTcpServer *server : servers()) {
        const auto sockets = server->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->abort();
    }
}

bool PanelHttpServer::matches(bool all, const QSet<QString> &servers, const QString &target) const
{
    return all || (!target.isEmpty() && servers.contains(target));
}

void PanelHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Never reached: handleRequest answers every request.
    Q_UNUSED(request)
    Q_UNUSED(socket)
}

bool PanelHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    PanelCall call;
    call.method = httpMethodName(request.method());
    call.path = request.url().path();
    call.rawQuery = request.url().query(QUrl::FullyEncoded);
    call.body = request.body();
    call.authorization = request.value("Authorization");
    call.accept = request.value("Accept");
    call.contentType = request.value("Content-Type");
    call.requestedWith = request.value("X-Requested-With");

    PanelRequestRecord record{m_clock.elapsed(), call.method, call.path, call.rawQuery, 0};
    QString target;
    bool hang = false;
    const PanelReply reply = answer(call, &target, &hang);
    QHttpServerResponder responder = makeResponder(request, socket);
    if (hang) {
        qCDebug(lcSimPanel, "holding %s %s", qPrintable(call.method), qPrintable(call.path));
        this->record(record);
        m_held.append({std::make_shared<QHttpServerResponder>(std::move(responder)), socket});
        return true;
    }
    deliver(std::move(responder), reply, record, call.method == QLatin1String("HEAD"));
    return true;
}

PanelReply PanelHttpServer::answer(const PanelCall &call, QString *target, bool *hang)
{
    PanelReply reply;
    const auto route = m_api.route(call, &reply);
    if (!route)
        return reply;
    if (m_storm && route->area != PanelRoute::Area::Login) {
        const bool client = route->area == PanelRoute::Area::Client;
        reply = PanelReply::error(429, QStringLiteral("ThrottleRequestsException"),
                                  QStringLiteral("Too Many Attempts."));
        reply.headers = {
            {"X-RateLimit-Limit",
             QByteArray::number(client ? m_limits.clientRateLimit : m_limits.applicationRateLimit)},
            {"X-RateLimit-Remaining", "0"},
            {"Retry-After", "1"},
            {"X-RateLimit-Reset", QByteArray::number(QDateTime::currentSecsSinceEpoch() + 1)},
        };
        return reply;
    }
    QList<QPair<QByteArray, QByteArray>> rateHeaders;
    const auto caller = m_api.authorize(call, *route, m_clock.elapsed(), &reply, &rateHeaders);
    if (!caller) {
        reply.headers = rateHeaders + reply.headers;
        return reply;
    }
    // Faults come after authentication and throttling, as the panel only reaches Wings then.
    *target = m_api.targetIdentifier(*route);
    if (matches(m_hangAll, m_hangServers, *target)) {
        *hang = true;
        return reply;
    }
    const int failure = m_failServers.value(*target, m_failAll);
    if (failure != 0 && route->area != PanelRoute::Area::Login) {
        reply = PanelReply::failure(failure);
    } else {
        reply = m_api.dispatch(call, *route, *caller);
        if (reply.status / 100 == 2 && !reply.body.isEmpty() &&
            reply.contentType.contains("json") &&
            matches(m_malformedAll, m_malformedServers, *target)) {
            // Cut mid-document, as a proxy that drops the connection early would.
            reply.body = reply.body.left(std::max<qsizetype>(1, reply.body.size() / 2)) +
                         "<br />\n<b>Fatal error</b>";
        }
    }
    reply.headers = rateHeaders + reply.headers;
    return reply;
}

void PanelHttpServer::deliver(QHttpServerResponder &&responder, const PanelReply &reply,
                              PanelRequestRecord record, bool headOnly)
{
    record.status = knownStatus(reply.status);
    auto write = [this, reply, record, headOnly](QHttpServerResponder &r) {
        QTcpSocket *socket = r.socket();
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        r.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(record.status));
        if (!reply.contentType.isEmpty())
            r.writeHeader("Content-Type", reply.contentType);
        if (record.status != 204)
            r.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        for (const auto &header : reply.headers)
            r.writeHeader(header.first, header.second);
        r.writeBody(headOnly ? QByteArray() : reply.body);
        this->record(record);
    };
    if (m_latencyMs <= 0) {
        write(responder);
        return;
    }
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = shared->socket();
    QTimer::singleShot(m_latencyMs, this, [shared, socket, write]() {
        if (socket)
            write(*shared);
    });
}

void PanelHttpServer::record(const PanelRequestRecord &record)
{
    if (m_records.size() >= kMaxRecords)
        m_records.remove(0, kMaxRecords / 2);
    m_records.append(record);
    emit requestHandled(record);
}

} // namespace PterodisbotSim
