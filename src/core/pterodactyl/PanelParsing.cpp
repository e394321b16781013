#include "pterodactyl/PanelParsing.h"

#include <cmath>

#include <QJsonDocument>
#include <QJsonParseError>

#include "net/JsonNumbers.h"

namespace Pterodisbot::PanelParsing {
namespace {

ApiError parseError(const QString &text)
{
    return ApiError{ApiError::Kind::Parse, 0, {}, text};
}

//! Reads fields of one JSON object, remembering the first problem.
class Fields
{
public:
    Fields(QJsonObject object, QString where)
        : m_object(std::move(object))
        , m_where(std::move(where))
    {}

    QString string(const QString &key, bool required = true)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isString())
            return value.toString();
        if (value.isNull() || (value.isUndefined() && !required))
            return {};
        fail(key, value, QStringLiteral("a string"));
        return {};
    }
    qint64 integer(const QString &key, bool required = false, qint64 fallback = 0)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isDouble())
            return clampedInteger(value.toDouble(), std::numeric_limits<qint64>::min(),
                                  std::numeric_limits<qint64>::max(), fallback);
        if (value.isNull() || (value.isUndefined() && !required))
            return fallback;
        fail(key, value, QStringLiteral("a number"));
        return fallback;
    }
    double number(const QString &key, bool required = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isDouble())
            return value.toDouble();
        if (value.isNull() || (value.isUndefined() && !required))
            return 0;
        fail(key, value, QStringLiteral("a number"));
        return 0;
    }
    bool boolean(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isBool())
            return value.toBool();
        if (!value.isNull() && !value.isUndefined())
            fail(key, value, QStringLiteral("true or false"));
        return false;
    }
    QJsonObject object(const QString &key, bool required = true)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isObject())
            return value.toObject();
        if (required || !(value.isNull() || value.isUndefined()))
            fail(key, value, QStringLiteral("an object"));
        return {};
    }
    bool has(const QString &key) const { return m_object.contains(key); }
    const ApiError &error() const { return m_error; }
    bool ok() const { return !m_error.isError(); }

private:
    void fail(const QString &key, const QJsonValue &value, const QString &expected)
    {
        if (m_error.isError())
            return;
        const QString problem = value.isUndefined() ? QStringLiteral("is missing")
                                                    : QStringLiteral("is not ") + expected;
        m_error = parseError(
            QStringLiteral("unexpected panel answer: %1 field `%2` %3").arg(m_where, key, problem));
    }

    QJsonObject m_object;
    QString m_where;
    ApiError m_error;
};

//! The `attributes` of an `{"object":...,"attributes":{...}}` envelope.
ApiError attributesOf(const QJsonObject &item, const QString &object, QJsonObject *out)
{
    const QJsonValue attributes = item.value(QLatin1String("attributes"));
    if (!attributes.isObject()) {
        return parseError(
            QStringLiteral("unexpected panel answer: %1 without `attributes`").arg(object));
    }
    const QString type = item.value(QLatin1String("object")).toString();
    if (!type.isEmpty() && type != object) {
        return parseError(
            QStringLiteral("unexpected panel answer: expected a %1, got a %2").arg(object, type));
    }
    *out = attributes.toObject();
    return {};
}

ApiError parseLimits(const QJsonObject &attributes, const QString &where, ServerLimits *out)
{
    Fields server(attributes, where);
    const QJsonObject limits = server.object(QStringLiteral("limits"), false);
    if (!server.ok())
        return server.error();
    Fields fields(limits, where + QStringLiteral(".limits"));
    out->memoryMiB = fields.integer(QStringLiteral("memory"));
    out->swapMiB = fields.integer(QStringLiteral("swap"));
    out->diskMiB = fields.integer(QStringLiteral("disk"));
    out->cpuPercent = int(fields.integer(QStringLiteral("cpu")));
    return fields.error();
}

//! Items of an included relationship list; a `null_resource` or absent relation is empty.
ApiError relationItems(const QJsonObject &attributes, const QString &name, QJsonArray *out)
{
    const QJsonObject relation =
        attributes.value(QLatin1String("relationships")).toObject().value(name).toObject();
    if (relation.isEmpty() ||
        relation.value(QLatin1String("object")) == QLatin1String("null_resource"))
        return {};
    const QJsonValue data = relation.value(QLatin1String("data"));
    if (!data.isArray())
        return parseError(
            QStringLiteral("unexpected panel answer: relationship `%1` without data").arg(name));
    *out = data.toArray();
    return {};
}

ApiError parseAllocations(const QJsonObject &attributes, bool clientFlavour, int defaultId,
                          QList<Allocation> *out)
{
    QJsonArray items;
    if (ApiError error = relationItems(attributes, QStringLiteral("allocations"), &items))
        return error;
    for (const QJsonValue &item : std::as_const(items)) {
        QJsonObject fields;
        if (ApiError error = attributesOf(item.toObject(), QStringLiteral("allocation"), &fields))
            return error;
        Fields allocation(fields, QStringLiteral("allocation"));
        Allocation parsed;
        parsed.id = int(allocation.integer(QStringLiteral("id"), true));
        parsed.ip = allocation.string(QStringLiteral("ip"));
        parsed.port = int(allocation.integer(QStringLiteral("port"), true));
        parsed.notes = allocation.string(QStringLiteral("notes"), false);
        if (clientFlavour) {
            parsed.alias = allocation.string(QStringLiteral("ip_alias"), false);
            parsed.isDefault = allocation.boolean(QStringLiteral("is_default"));
        } else {
            parsed.alias = allocation.string(QStringLiteral("alias"), false);
            // `assigned` only says "belongs to a server"; the server's `allocation` names the
            // default.
            parsed.isDefault = defaultId > 0 ? parsed.id == defaultId
                                             : allocation.boolean(QStringLiteral("assigned"));
        }
        if (!allocation.ok())
            return allocation.error();
        out->append(parsed);
    }
    return {};
}

} // namespace

ApiError parseDocument(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        return parseError(QStringLiteral("the panel sent malformed JSON (%1 at offset %2)")
                              .arg(jsonError.errorString())
                              .arg(jsonError.offset));
    }
    if (!document.isObject())
        return parseError(QStringLiteral("the panel sent JSON that is not an object"));
    *out = document.object();
    return {};
}

ApiError parseList(const QJsonObject &document, QJsonArray *items, PageInfo *page)
{
    if (document.value(QLatin1String("object")).toString() != QLatin1String("list") ||
        !document.value(QLatin1String("data")).isArray()) {
        return parseError(QStringLiteral("unexpected panel answer: expected a list with `data`"));
    }
    *items = document.value(QLatin1String("data")).toArray();
    *page = PageInfo{};
    page->count = int(items->size());
    page->total = page->count;
    page->perPage = page->count;
    const QJsonValue pagination =
        document.value(QLatin1String("meta")).toObject().value(QLatin1String("pagination"));
    if (pagination.isUndefined())
        return {};
    if (!pagination.isObject())
        return parseError(
            QStringLiteral("unexpected panel answer: `meta.pagination` is not an object"));
    // `links` is `[]` on a single page (PHP's empty array) and `{"next":...}` otherwise; the
    // page numbers below are all we need, so either form is fine.
    Fields fields(pagination.toObject(), QStringLiteral("pagination"));
    page->total = int(fields.integer(QStringLiteral("total"), true));
    page->count = int(fields.integer(QStringLiteral("count"), false, page->count));
    page->perPage = int(fields.integer(QStringLiteral("per_page"), false, page->perPage));
    page->currentPage = int(fields.integer(QStringLiteral("current_page"), false, 1));
    page->totalPages = int(fields.integer(QStringLiteral("total_pages"), true));
    return fields.error();
}

ServerCondition conditionFrom(const QString &status, bool suspended, bool installing,
                              bool transferring, bool nodeMaintenance)
{
    if (status == QLatin1String("suspended"))
        return ServerCondition::Suspended;
    if (status == QLatin1String("installing"))
        return ServerCondition::Installing;
    if (status == QLatin1String("install_failed") || status == QLatin1String("reinstall_failed"))
        return ServerCondition::InstallFailed;
    if (status == QLatin1String("restoring_backup"))
        return ServerCondition::RestoringBackup;
    if (status == QLatin1String("transferring") || transferring)
        return ServerCondition::Transferring;
    if (suspended)
        return ServerCondition::Suspended;
    if (installing)
        return ServerCondition::Installing;
    if (nodeMaintenance)
        return ServerCondition::NodeMaintenance;
    return ServerCondition::Normal;
}

ApiError parseClientServer(const QJsonObject &item, Server *out)
{
    QJsonObject attributes;
    if (ApiError error = attributesOf(item, QStringLiteral("server"), &attributes))
        return error;
    Fields fields(attributes, QStringLiteral("server"));
    Server server;
    server.identifier = fields.string(QStringLiteral("identifier"));
    server.uuid = fields.string(QStringLiteral("uuid"));
    server.name = fields.string(QStringLiteral("name"));
    server.internalId = int(fields.integer(QStringLiteral("internal_id")));
    server.description = fields.string(QStringLiteral("description"), false);
    server.node = fields.string(QStringLiteral("node"), false);
    server.nodeUnderMaintenance = fields.boolean(QStringLiteral("is_node_under_maintenance"));
    const QString status = fields.string(QStringLiteral("status"), false);
    const bool suspended = fields.boolean(QStringLiteral("is_suspended"));
    const bool installing = fields.boolean(QStringLiteral("is_installing"));
    const bool transferring = fields.boolean(QStringLiteral("is_transferring"));
    if (!fields.ok())
        return fields.error();
    server.condition =
        conditionFrom(status, suspended, installing, transferring, server.nodeUnderMaintenance);
    if (ApiError error = parseLimits(attributes, QStringLiteral("server"), &server.limits))
        return error;
    if (ApiError error = parseAllocations(attributes, true, 0, &server.allocations))
        return error;
    *out = server;
    return {};
}

ApiError parseApplicationServer(const QJsonObject &item, Server *out)
{
    QJsonObject attributes;
    if (ApiError error = attributesOf(item, QStringLiteral("server"), &attributes))
        return error;
    Fields fields(attributes, QStringLiteral("server"));
    Server server;
    server.internalId = int(fields.integer(QStringLiteral("id"), true));
    server.identifier = fields.string(QStringLiteral("identifier"));
    server.uuid = fields.string(QStringLiteral("uuid"));
    server.name = fields.string(QStringLiteral("name"));
    server.externalId = fields.string(QStringLiteral("external_id"), false);
    server.description = fields.string(QStringLiteral("description"), false);
    server.nodeId = int(fields.integer(QStringLiteral("node")));
    const int defaultAllocation = int(fields.integer(QStringLiteral("allocation")));
    const QString status = fields.string(QStringLiteral("status"), false);
    const bool suspended = fields.boolean(QStringLiteral("suspended"));
    if (!fields.ok())
        return fields.error();
    server.node = server.nodeId > 0 ? QString::number(server.nodeId) : QString();
    const QJsonObject nodeRelation = attributes.value(QLatin1String("relationships"))
                                         .toObject()
                                         .value(QLatin1String("node"))
                                         .toObject();
    if (nodeRelation.value(QLatin1String("object")) == QLatin1String("node")) {
        Node node;
        if (ApiError error = parseNode(nodeRelation, &node))
            return error;
        server.node = node.name;
        server.nodeUnderMaintenance = node.maintenanceMode;
    }
    server.condition = conditionFrom(status, suspended, false, false, server.nodeUnderMaintenance);
    if (ApiError error = parseLimits(attributes, QStringLiteral("server"), &server.limits))
        return error;
    if (ApiError error =
            parseAllocations(attributes, false, defaultAllocation, &server.allocations))
        return error;
    *out = server;
    return {};
}

ApiError parseNode(const QJsonObject &item, Node *out)
{
    QJsonObject attributes;
    if (ApiError error = attributesOf(item, QStringLiteral("node"), &attributes))
        return error;
    Fields fields(attributes, QStringLiteral("node"));
    Node node;
    node.id = int(fields.integer(QStringLiteral("id"), true));
    node.uuid = fields.string(QStringLiteral("uuid"), false);
    node.name = fields.string(QStringLiteral("name"));
    node.description = fields.string(QStringLiteral("description"), false);
    node.fqdn = fields.string(QStringLiteral("fqdn"), false);
    node.scheme = fields.string(QStringLiteral("scheme"), false);
    node.maintenanceMode = fields.boolean(QStringLiteral("maintenance_mode"));
    node.memoryMiB = fields.integer(QStringLiteral("memory"));
    node.diskMiB = fields.integer(QStringLiteral("disk"));
    node.daemonListen = int(fields.integer(QStringLiteral("daemon_listen")));
    if (!fields.ok())
        return fields.error();
    *out = node;
    return {};
}

ApiError parseResources(const QJsonObject &document, ResourceSample *out)
{
    QJsonObject attributes;
    if (ApiError error = attributesOf(document, QStringLiteral("stats"), &attributes))
        return error;
    Fields fields(attributes, QStringLiteral("stats"));
    ResourceSample sample;
    const QString state = fields.string(QStringLiteral("current_state"));
    sample.isSuspended = fields.boolean(QStringLiteral("is_suspended"));
    const QJsonObject resources = fields.object(QStringLiteral("resources"));
    if (!fields.ok())
        return fields.error();
    sample.state = powerStateFromString(state);
    if (sample.state == PowerState::Unknown)
        return parseError(
            QStringLiteral("unexpected panel answer: unknown server state \"%1\"").arg(state));
    Fields values(resources, QStringLiteral("stats.resources"));
    sample.memoryBytes = values.integer(QStringLiteral("memory_bytes"));
    sample.cpuAbsolute = values.number(QStringLiteral("cpu_absolute"));
    sample.diskBytes = values.integer(QStringLiteral("disk_bytes"));
    sample.networkRxBytes = values.integer(QStringLiteral("network_rx_bytes"));
    sample.networkTxBytes = values.integer(QStringLiteral("network_tx_bytes"));
    sample.uptimeMs = values.integer(QStringLiteral("uptime"));
    if (!values.ok())
        return values.error();
    *out = sample;
    return {};
}

ApiError parseWingsStats(const QString &payload, ResourceSample *out)
{
    QJsonObject object;
    if (ApiError error = parseDocument(payload.toUtf8(), &object)) {
        error.message.replace(QLatin1String("the panel"), QLatin1String("Wings"));
        return error;
    }
    Fields fields(object, QStringLiteral("stats event"));
    ResourceSample sample;
    sample.memoryBytes = fields.integer(QStringLiteral("memory_bytes"), true);
    sample.memoryLimitBytes = fields.integer(QStringLiteral("memory_limit_bytes"));
    sample.cpuAbsolute = fields.number(QStringLiteral("cpu_absolute"), true);
    sample.diskBytes = fields.integer(QStringLiteral("disk_bytes"));
    sample.uptimeMs = fields.integer(QStringLiteral("uptime"));
    const QString state = fields.string(QStringLiteral("state"), false);
    const QJsonObject network = fields.object(QStringLiteral("network"), false);
    if (!fields.ok())
        return fields.error();
    Fields traffic(network, QStringLiteral("stats event.network"));
    sample.networkRxBytes = traffic.integer(QStringLiteral("rx_bytes"));
    sample.networkTxBytes = traffic.integer(QStringLiteral("tx_bytes"));
    if (!traffic.ok())
        return traffic.error();
    sample.state = powerStateFromString(state);
    *out = sample;
    return {};
}

ApiError parseWebsocketCredentials(const QJsonObject &document, WebsocketCredentials *out)
{
    Fields envelope(document, QStringLiteral("websocket"));
    const QJsonObject data = envelope.object(QStringLiteral("data"));
    if (!envelope.ok())
        return envelope.error();
    Fields fields(data, QStringLiteral("websocket.data"));
    const QString token = fields.string(QStringLiteral("token"));
    const QString socket = fields.string(QStringLiteral("socket"));
    if (!fields.ok())
        return fields.error();
    const QUrl url(socket);
    if (token.isEmpty() || !url.isValid() ||
        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        return parseError(QStringLiteral("unexpected panel answer: websocket credentials without "
                                         "a token or a ws:// / wss:// socket URL"));
    }
    out->token = token;
    out->socket = url;
    return {};
}

} // namespace Pterodisbot::PanelParsing
