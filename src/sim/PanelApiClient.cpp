// The client API (/api/client): server list, one server, resources, power and websocket.
#include "PanelApi.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "PanelJson.h"

namespace PterodisbotSim {

namespace {

const QString kNotFound =
    QStringLiteral("The requested resource could not be found on the server.");

// ?type= of GET /api/client. The simulator has no subusers: accessible means owned.
bool listed(const SimServer &server, const SimUser &user, const QString &type)
{
    if (type == QLatin1String("admin") || type == QLatin1String("admin-all")) {
        if (!user.rootAdmin)
            return false;
        return type == QLatin1String("admin-all") || server.ownerId != user.id;
    }
    return server.ownerId == user.id;
}

bool matchesFilters(const SimServer &server, const QString &name, const QString &uuid,
                    const QString &externalId, const QString &any)
{
    if (!externalId.isEmpty() && !server.externalId.contains(externalId, Qt::CaseInsensitive))
        return false;
    if (!name.isEmpty() && !server.name.contains(name, Qt::CaseInsensitive))
        return false;
    if (!uuid.isEmpty() && !server.uuid.contains(uuid, Qt::CaseInsensitive))
        return false;
    // filter[*]: name, uuid or external id (MultiFieldServerFilter).
    if (!any.isEmpty() && !server.name.contains(any, Qt::CaseInsensitive) &&
        !server.uuid.contains(any, Qt::CaseInsensitive) &&
        !server.externalId.contains(any, Qt::CaseInsensitive))
        return false;
    return true;
}

PanelReply validationError(const QString &detail, const QString &rule)
{
    return PanelReply::error(422, QStringLiteral("ValidationException"), detail,
                             {{QStringLiteral("source_field"), QStringLiteral("signal")},
                              {QStringLiteral("rule"), rule}});
}

} // namespace

PanelReply PanelApi::clientList(const PanelCall &call, const Caller &caller) const
{
    // The panel pages with min(per_page, 100); junk falls back to the default.
    bool ok = false;
    int perPage = call.param(QStringLiteral("per_page")).toInt(&ok);
    perPage = ok && perPage > 0 ? std::min(perPage, 100) : 50;
    const int page = std::max(1, call.param(QStringLiteral("page")).toInt());
    const QString type = call.param(QStringLiteral("type"));
    const QString name = call.param(QStringLiteral("filter[name]"));
    const QString uuid = call.param(QStringLiteral("filter[uuid]"));
    const QString externalId = call.param(QStringLiteral("filter[external_id]"));
    const QString any = call.param(QStringLiteral("filter[*]"));

    const SimUser &user = *caller.user;
    const qsizetype first = qsizetype(page - 1) * perPage;
    int total = 0;
    QJsonArray data;
    for (const SimServer &server : m_world.servers()) {
        if (!listed(server, user, type) || !matchesFilters(server, name, uuid, externalId, any))
            continue;
        if (total >= first && data.size() < perPage)
            data.append(PanelJson::clientServer(m_world, server, user, false));
        ++total;
    }
    const QJsonObject meta{
        {QStringLiteral("pagination"),
         PanelJson::pagination(total, int(data.size()), perPage, page, pageUrl(call))}};
    return PanelReply::json({{QStringLiteral("object"), QStringLiteral("list")},
                             {QStringLiteral("data"), data},
                             {QStringLiteral("meta"), meta}});
}

QString PanelApi::conflict(const SimServer &server, PanelRoute::Endpoint endpoint,
                           const Caller &caller) const
{
    const SimNode *node = m_world.node(server.nodeId);
    const bool maintenance = node && node->maintenance;
    const bool restoring = server.status == QLatin1String("restoring_backup");
    if (!server.isSuspended() && !maintenance && server.isInstalled() && !restoring &&
        !server.transferring)
        return {};
    // Viewing a server is always allowed; a root admin may still open the websocket of an
    // installing, restoring or transferring server.
    if (endpoint == PanelRoute::Endpoint::ClientServer)
        return {};
    if (!server.isSuspended() && !maintenance && caller.user->rootAdmin &&
        endpoint == PanelRoute::Endpoint::ClientWebsocket)
        return {};
    if (server.isSuspended())
        return QStringLiteral("This server is currently suspended and the functionality "
                              "requested is unavailable.");
    if (maintenance)
        return QStringLiteral("The node of this server is currently under maintenance and the "
                              "functionality requested is unavailable.");
    if (!server.isInstalled())
        return QStringLiteral("This server has not yet completed its installation process, "
                              "please try again later.");
    if (restoring)
        return QStringLiteral("This server is currently restoring from a backup, please try "
                              "again later.");
    return QStringLiteral("This server is currently being transferred to a new machine, please "
                          "try again later.");
}

PanelReply PanelApi::clientServerCall(const PanelCall &call, const PanelRoute &route,
                                      const Caller &caller)
{
    using E = PanelRoute::Endpoint;
    const int index = m_world.indexOf(route.param);
    if (index < 0)
        return PanelReply::error(404, QStringLiteral("NotFoundHttpException"), kNotFound);
    const SimServer &server = m_world.server(index);
    if (server.ownerId != caller.user->id && !caller.user->rootAdmin)
        return PanelReply::error(404, QStringLiteral("NotFoundHttpException"), kNotFound);
    const QString conflictText = conflict(server, route.endpoint, caller);
    if (!conflictText.isEmpty())
        return PanelReply::error(409, QStringLiteral("ConflictHttpException"), conflictText);

    const SimNode *node = m_world.node(server.nodeId);
    const bool nodeDown = node && node->down;
    switch (route.endpoint) {
    case E::ClientServer:
        return PanelReply::json(PanelJson::clientServer(m_world, server, *caller.user, true));
    case E::ClientResources:
        return resources(server, nodeDown);
    case E::ClientPower:
        return clientPower(call, index);
    case E::ClientWebsocket:
        return clientWebsocket(index, caller);
    default:
        return PanelReply::error(404, QStringLiteral("NotFoundHttpException"), kNotFound);
    }
}

PanelReply PanelApi::resources(const SimServer &server, bool nodeDown)
{
    // Like the panel's cache->remember(): a fresh entry answers without asking Wings, a failure
    // is not remembered.
    const qint64 now = m_world.nowMs();
    const auto cached = m_resourcesCache.constFind(server.uuid);
    if (cached != m_resourcesCache.cend() && now - cached->atMs < m_limits.resourcesCacheMs)
        return PanelReply::json(cached->body);
    // The panel reports any Wings failure on /resources as 504.
    if (nodeDown)
        return PanelReply::failure(504);
    QJsonObject body = PanelJson::clientStats(server);
    if (m_limits.resourcesCacheMs > 0)
        m_resourcesCache.insert(server.uuid, {now, body});
    return PanelReply::json(body);
}

PanelReply PanelApi::clientPower(const PanelCall &call, int index)
{
    QString signal;
    bool present = false;
    const QJsonDocument doc = QJsonDocument::fromJson(call.body);
    if (doc.isObject()) {
        const QJsonValue value = doc.object().value(QLatin1String("signal"));
        present = !value.isUndefined() && !value.isNull();
        // A number or boolean is present but can never pass the "in" rule.
        signal = value.isString() ? value.toString() : value.toVariant().toString();
    } else if (!call.body.isEmpty()) {
        // A form-encoded body, as Laravel would also accept.
        PanelCall form;
        form.rawQuery = QString::fromUtf8(call.body);
        present = form.hasParam(QStringLiteral("signal"));
        signal = form.param(QStringLiteral("signal"));
    }
    if (!present || signal.isEmpty())
        return validationError(QStringLiteral("The signal field is required."),
                               QStringLiteral("required"));
    static const QStringList kSignals{QStringLiteral("start"), QStringLiteral("stop"),
                                      QStringLiteral("restart"), QStringLiteral("kill")};
    if (!kSignals.contains(signal))
        return validationError(QStringLiteral("The selected signal is invalid."),
                               QStringLiteral("in"));
    const SimNode *node = m_world.node(m_world.server(index).nodeId);
    if (node && node->down)
        return PanelReply::failure(502);
    m_world.power(index, signal);
    PanelReply reply;
    reply.status = 204;
    reply.contentType.clear();
    return reply;
}

PanelReply PanelApi::clientWebsocket(int index, const Caller &caller)
{
    const SimServer &server = m_world.server(index);
    const QString token = m_world.mintToken(index, caller.user->id);
    const QString socket =
        QStringLiteral("ws://127.0.0.1:%1/api/servers/%2/ws").arg(m_wingsPort).arg(server.uuid);
    return PanelReply::json(
        {{QStringLiteral("data"),
          QJsonObject{{QStringLiteral("token"), token}, {QStringLiteral("socket"), socket}}}});
}

} // namespace PterodisbotSim
