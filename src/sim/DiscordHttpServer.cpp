#include "DiscordHttpServer.h"

#include <memory>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace PterodisbotSim {

DiscordHttpReply DiscordHttpReply::json(int status, const QJsonValue &value)
{
    DiscordHttpReply reply;
    reply.status = status;
    reply.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return reply;
}

DiscordHttpReply DiscordHttpReply::error(int status, int code, const QString &message,
                                         const QJsonObject &errors)
{
    QJsonObject body{{QStringLiteral("message"), message}, {QStringLiteral("code"), code}};
    if (!errors.isEmpty())
        body.insert(QStringLiteral("errors"), errors);
    return json(status, body);
}

DiscordHttpReply DiscordHttpReply::noContent()
{
    DiscordHttpReply reply;
    reply.status = 204;
    reply.contentType.clear();
    return reply;
}

DiscordHttpServer::DiscordHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

DiscordHttpServer::~DiscordHttpServer() = default;

bool DiscordHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const DiscordHttpReply reply = m_handler(request);
    QHttpServerResponder responder = makeResponder(request, socket);
    const auto write = [reply](QHttpServerResponder &r) {
        r.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
        for (const auto &[name, value] : reply.headers)
            r.writeHeader(name, value);
        if (!reply.contentType.isEmpty())
            r.writeHeader("Content-Type", reply.contentType);
        r.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        r.writeBody(reply.body);
    };
    if (m_latencyMs <= 0) {
        write(responder);
        return true;
    }
    // The request took effect already; only its answer is late (a client may time out).
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> guard = socket;
    QTimer::singleShot(m_latencyMs, this, [shared, guard, write]() {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            write(*shared);
    });
    return true;
}

void DiscordHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Never reached: handleRequest answers everything.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace PterodisbotSim
