#include "pterodactyl/PanelJobs.h"

#include <QJsonDocument>

#include "logging.h"
#include "net/HttpReply.h"
#include "pterodactyl/PanelParsing.h"

namespace Pterodisbot {

ListServersJob::ListServersJob(PanelClient *client)
    : PagedPanelJob(client, PanelApi::Client, QStringLiteral("/api/client"), {})
{}

ApiError ListServersJob::parseItem(const QJsonObject &item)
{
    Server server;
    if (ApiError error = PanelParsing::parseClientServer(item, &server))
        return error;
    m_servers.append(server);
    return {};
}

ListApplicationServersJob::ListApplicationServersJob(PanelClient *client)
    : PagedPanelJob(client, PanelApi::Application, QStringLiteral("/api/application/servers"),
                    QUrlQuery({{QStringLiteral("include"), QStringLiteral("allocations,node")}}))
{}

ApiError ListApplicationServersJob::parseItem(const QJsonObject &item)
{
    Server server;
    if (ApiError error = PanelParsing::parseApplicationServer(item, &server))
        return error;
    m_servers.append(server);
    return {};
}

ListNodesJob::ListNodesJob(PanelClient *client)
    : PagedPanelJob(client, PanelApi::Application, QStringLiteral("/api/application/nodes"), {})
{}

ApiError ListNodesJob::parseItem(const QJsonObject &item)
{
    Node node;
    if (ApiError error = PanelParsing::parseNode(item, &node))
        return error;
    m_nodes.append(node);
    return {};
}

ServerJob::ServerJob(PanelClient *client, QString serverId)
    : PanelJob(client, PanelApi::Client)
    , m_serverId(std::move(serverId))
{}

QString ServerJob::serverPath(const QString &suffix) const
{
    return QStringLiteral("/api/client/servers/") + m_serverId + suffix;
}

GetServerJob::GetServerJob(PanelClient *client, QString serverId)
    : ServerJob(client, std::move(serverId))
{}

void GetServerJob::start()
{
    get(serverPath(), {}, [this](const HttpReply &reply) {
        QJsonObject document;
        if (ApiError error = jsonObject(reply, &document))
            return error;
        return PanelParsing::parseClientServer(document, &m_server);
    });
}

GetResourcesJob::GetResourcesJob(PanelClient *client, QString serverId)
    : ServerJob(client, std::move(serverId))
{}

void GetResourcesJob::start()
{
    get(serverPath(QStringLiteral("/resources")), {}, [this](const HttpReply &reply) {
        QJsonObject document;
        if (ApiError error = jsonObject(reply, &document))
            return error;
        ApiError error = PanelParsing::parseResources(document, &m_sample);
        m_sample.timestamp = now();
        return error;
    });
}

PowerJob::PowerJob(PanelClient *client, QString serverId, PowerSignal signal)
    : ServerJob(client, std::move(serverId))
    , m_signal(signal)
{}

void PowerJob::start()
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("signal"), powerSignalName(m_signal)}})
            .toJson(QJsonDocument::Compact);
    qCInfo(lcPanel).noquote() << "power" << powerSignalName(m_signal) << "for" << serverId();
    sendRequest(QByteArrayLiteral("POST"), serverPath(QStringLiteral("/power")), {}, body,
                [](const HttpReply &) { return ApiError{}; });
}

WebsocketCredentialsJob::WebsocketCredentialsJob(PanelClient *client, QString serverId)
    : ServerJob(client, std::move(serverId))
{}

void WebsocketCredentialsJob::start()
{
    get(serverPath(QStringLiteral("/websocket")), {}, [this](const HttpReply &reply) {
        QJsonObject document;
        if (ApiError error = jsonObject(reply, &document))
            return error;
        return PanelParsing::parseWebsocketCredentials(document, &m_credentials);
    });
}

} // namespace Pterodisbot
