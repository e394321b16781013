// The application API (/api/application): servers, nodes and node allocations.
#include "PanelApi.h"

#include <QJsonArray>
#include <QSet>

#include "PanelJson.h"

namespace PterodisbotSim {

namespace {

const QString kNotFound =
    QStringLiteral("The requested resource could not be found on the server.");

PanelReply notFound()
{
    return PanelReply::error(404, QStringLiteral("NotFoundHttpException"), kNotFound);
}

// The application API has no per_page cap; junk falls back to the default.
int perPageOf(const PanelCall &call)
{
    bool ok = false;
    const int perPage = call.param(QStringLiteral("per_page")).toInt(&ok);
    return ok && perPage > 0 ? perPage : 50;
}

QSet<QString> includesOf(const PanelCall &call)
{
    QSet<QString> includes;
    for (const auto &part : call.param(QStringLiteral("include")).split(QLatin1Char(',')))
        includes.insert(part.trimmed());
    return includes;
}

PanelReply listReply(const QJsonArray &data, const QJsonObject &pagination)
{
    return PanelReply::json(
        {{QStringLiteral("object"), QStringLiteral("list")},
         {QStringLiteral("data"), data},
         {QStringLiteral("meta"), QJsonObject{{QStringLiteral("pagination"), pagination}}}});
}

} // namespace

PanelReply PanelApi::applicationCall(const PanelCall &call, const PanelRoute &route) const
{
    using E = PanelRoute::Endpoint;
    bool numeric = false;
    const int id = route.param.toInt(&numeric);
    switch (route.endpoint) {
    case E::AppServers:
        return applicationServers(call);
    case E::AppServer:
    case E::AppServerExternal: {
        const int index = route.endpoint == E::AppServer ? (numeric ? m_world.indexOfId(id) : -1)
                                                         : m_world.indexOfExternalId(route.param);
        if (index < 0)
            return notFound();
        return PanelReply::json(PanelJson::applicationServer(m_world, m_world.server(index),
                                                             includesOf(call), m_wingsPort));
    }
    case E::AppNodes:
        return applicationNodes(call);
    case E::AppNode:
    case E::AppNodeAllocations: {
        const SimNode *node = numeric ? m_world.node(id) : nullptr;
        if (!node)
            return notFound();
        if (route.endpoint == E::AppNode)
            return PanelReply::json(PanelJson::applicationNode(m_world, *node, m_wingsPort));
        return applicationNodeAllocations(call, *node);
    }
    default:
        return notFound();
    }
}

PanelReply PanelApi::applicationServers(const PanelCall &call) const
{
    const int perPage = perPageOf(call);
    const int page = std::max(1, call.param(QStringLiteral("page")).toInt());
    const QSet<QString> includes = includesOf(call);
    const QString name = call.param(QStringLiteral("filter[name]"));
    const QString uuid = call.param(QStringLiteral("filter[uuid]"));
    const QString externalId = call.param(QStringLiteral("filter[external_id]"));
    const qint64 first = qint64(page - 1) * perPage;
    int total = 0;
    QJsonArray data;
    for (const SimServer &server : m_world.servers()) {
        if (!name.isEmpty() && !server.name.contains(name, Qt::CaseInsensitive))
            continue;
        if (!uuid.isEmpty() && !server.uuid.contains(uuid, Qt::CaseInsensitive))
            continue;
        if (!externalId.isEmpty() && server.externalId != externalId)
            continue;
        if (total >= first && data.size() < perPage)
            data.append(PanelJson::applicationServer(m_world, server, includes, m_wingsPort));
        ++total;
    }
    return listReply(data,
                     PanelJson::pagination(total, int(data.size()), perPage, page, pageUrl(call)));
}

PanelReply PanelApi::applicationNodes(const PanelCall &call) const
{
    const int perPage = perPageOf(call);
    const int page = std::max(1, call.param(QStringLiteral("page")).toInt());
    const auto &nodes = m_world.nodes();
    const qint64 first = qint64(page - 1) * perPage;
    QJsonArray data;
    for (qint64 i = first; i < qint64(nodes.size()) && data.size() < perPage; ++i)
        data.append(PanelJson::applicationNode(m_world, nodes[size_t(i)], m_wingsPort));
    return listReply(data, PanelJson::pagination(int(nodes.size()), int(data.size()), perPage, page,
                                                 pageUrl(call)));
}

PanelReply PanelApi::applicationNodeAllocations(const PanelCall &call, const SimNode &node) const
{
    const int perPage = perPageOf(call);
    const int page = std::max(1, call.param(QStringLiteral("page")).toInt());
    const qint64 first = qint64(page - 1) * perPage;
    QJsonArray data;
    for (qint64 i = first; i < node.allocationIds.size() && data.size() < perPage; ++i) {
        if (const SimAllocation *a = m_world.allocation(node.allocationIds.at(i)))
            data.append(PanelJson::applicationAllocation(*a));
    }
    return listReply(data, PanelJson::pagination(int(node.allocationIds.size()), int(data.size()),
                                                 perPage, page, pageUrl(call)));
}

} // namespace PterodisbotSim
