#include "DiscordHttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>

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
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    if (!reply.contentType.isEmpty())
        responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
    return true;
}

void DiscordHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Never reached: handleRequest answers everything.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace PterodisbotSim
