#include "PanelJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace PterodisbotSim::PanelJson {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonObject item(const QString &object, const QJsonObject &attributes)
{
    return {{QStringLiteral("object"), object}, {QStringLiteral("attributes"), attributes}};
}

QJsonObject list(const QJsonArray &data)
{
    return {{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}};
}

QJsonObject limitsJson(const SimLimits &limits)
{
    return {{QStringLiteral("memory"), limits.memory},
            {QStringLiteral("swap"), limits.swap},
            {QStringLiteral("disk"), limits.disk},
            {QStringLiteral("io"), limits.io},
            {QStringLiteral("cpu"), limits.cpu},
            {QStringLiteral("threads"), nullable(limits.threads)},
            {QStringLiteral("oom_disabled"), limits.oomDisabled}};
}

QJsonObject featureLimitsJson(const SimFeatureLimits &limits)
{
    return {{QStringLiteral("databases"), limits.databases},
            {QStringLiteral("allocations"), limits.allocations},
            {QStringLiteral("backups"), limits.backups}};
}

QJsonObject clientAllocation(const SimAllocation &allocation, bool isDefault)
{
    return item(QStringLiteral("allocation"),
                {{QStringLiteral("id"), allocation.id},
                 {QStringLiteral("ip"), allocation.ip},
                 {QStringLiteral("ip_alias"), nullable(allocation.alias)},
                 {QStringLiteral("port"), allocation.port},
                 {QStringLiteral("notes"), nullable(allocation.notes)},
                 {QStringLiteral("is_default"), isDefault}});
}

QJsonObject clientVariable(const SimVariable &variable)
{
    return item(QStringLiteral("egg_variable"),
                {{QStringLiteral("name"), variable.name},
                 {QStringLiteral("description"), variable.description},
                 {QStringLiteral("env_variable"), variable.envVariable},
                 {QStringLiteral("default_value"), variable.defaultValue},
                 {QStringLiteral("server_value"), variable.serverValue},
                 {QStringLiteral("is_editable"), variable.editable},
                 {QStringLiteral("rules"), variable.rules}});
}

QJsonObject applicationUser(const SimUser &user)
{
    const QString created = isoTime(1704067200);
    return item(QStringLiteral("user"), {{QStringLiteral("id"), user.id},
                                         {QStringLiteral("external_id"), QJsonValue::Null},
                                         {QStringLiteral("uuid"), user.uuid},
                                         {QStringLiteral("username"), user.username},
                                         {QStringLiteral("email"), user.email},
                                         {QStringLiteral("first_name"), user.firstName},
                                         {QStringLiteral("last_name"), user.lastName},
                                         {QStringLiteral("language"), QStringLiteral("en")},
                                         {QStringLiteral("root_admin"), user.rootAdmin},
                                         {QStringLiteral("2fa"), false},
                                         {QStringLiteral("created_at"), created},
                                         {QStringLiteral("updated_at"), created}});
}

} // namespace

QString isoTime(qint64 unixSecs)
{
    return QDateTime::fromSecsSinceEpoch(unixSecs, Qt::UTC).toString(Qt::ISODate).chopped(1) +
           QStringLiteral("+00:00");
}

QJsonObject clientServer(const PanelWorld &world, const SimServer &server, const SimUser &viewer,
                         bool withMeta)
{
    const SimNode *node = world.node(server.nodeId);
    QJsonArray allocations;
    for (int id : server.allocationIds) {
        if (const SimAllocation *a = world.allocation(id))
            allocations.append(clientAllocation(*a, id == server.defaultAllocationId));
    }
    QJsonArray variables;
    for (const auto &variable : server.variables)
        variables.append(clientVariable(variable));
    QJsonArray features;
    for (const auto &feature : server.eggFeatures)
        features.append(feature);
    const bool owner = server.ownerId == viewer.id;
    QJsonObject attributes{
        {QStringLiteral("server_owner"), owner},
        {QStringLiteral("identifier"), server.identifier},
        {QStringLiteral("internal_id"), server.id},
        {QStringLiteral("uuid"), server.uuid},
        {QStringLiteral("name"), server.name},
        {QStringLiteral("node"), node ? node->name : QString()},
        {QStringLiteral("is_node_under_maintenance"), node && node->maintenance},
        {QStringLiteral("sftp_details"),
         QJsonObject{{QStringLiteral("ip"), node ? node->fqdn : QString()},
                     {QStringLiteral("port"), 2022}}},
        {QStringLiteral("description"), server.description},
        {QStringLiteral("limits"), limitsJson(server.limits)},
        {QStringLiteral("invocation"), server.invocation},
        {QStringLiteral("docker_image"), server.dockerImage},
        {QStringLiteral("egg_features"), features},
        {QStringLiteral("feature_limits"), featureLimitsJson(server.featureLimits)},
        {QStringLiteral("status"), nullable(server.status)},
        {QStringLiteral("is_suspended"), server.isSuspended()},
        {QStringLiteral("is_installing"), !server.isInstalled()},
        {QStringLiteral("is_transferring"), server.transferring},
        {QStringLiteral("relationships"),
         QJsonObject{{QStringLiteral("allocations"), list(allocations)},
                     {QStringLiteral("variables"), list(variables)}}},
    };
    QJsonObject result = item(QStringLiteral("server"), attributes);
    if (withMeta) {
        QJsonArray permissions{QStringLiteral("*")};
        if (viewer.rootAdmin && !owner) {
            permissions.append(QStringLiteral("admin.websocket.errors"));
            permissions.append(QStringLiteral("admin.websocket.install"));
            permissions.append(QStringLiteral("admin.websocket.transfer"));
        }
        result.insert(QStringLiteral("meta"),
                      QJsonObject{{QStringLiteral("is_server_owner"), owner},
                                  {QStringLiteral("user_permissions"), permissions}});
    }
    return result;
}

QJsonObject clientStats(const SimServer &server)
{
    const bool stopped = server.reportStopped && server.state == SimPowerState::Offline;
    const QJsonObject resources{
        {QStringLiteral("memory_bytes"), stopped ? 0 : server.memoryBytes},
        {QStringLiteral("cpu_absolute"), stopped ? 0.0 : server.cpuAbsolute},
        {QStringLiteral("disk_bytes"), stopped ? 0 : server.diskBytes},
        {QStringLiteral("network_rx_bytes"), stopped ? 0 : server.rxBytes},
        {QStringLiteral("network_tx_bytes"), stopped ? 0 : server.txBytes},
        {QStringLiteral("uptime"), stopped ? 0 : server.uptimeMs},
    };
    return item(QStringLiteral("stats"),
                {{QStringLiteral("current_state"),
                  stopped ? QStringLiteral("stopped") : simStateName(server.state)},
                 {QStringLiteral("is_suspended"), server.isSuspended()},
                 {QStringLiteral("resources"), resources}});
}

QJsonObject clientAccount(const SimUser &user)
{
    return item(QStringLiteral("user"), {{QStringLiteral("id"), user.id},
                                         {QStringLiteral("admin"), user.rootAdmin},
                                         {QStringLiteral("username"), user.username},
                                         {QStringLiteral("email"), user.email},
                                         {QStringLiteral("first_name"), user.firstName},
                                         {QStringLiteral("last_name"), user.lastName},
                                         {QStringLiteral("language"), QStringLiteral("en")}});
}

QJsonObject applicationAllocation(const SimAllocation &allocation)
{
    return item(QStringLiteral("allocation"),
                {{QStringLiteral("id"), allocation.id},
                 {QStringLiteral("ip"), allocation.ip},
                 {QStringLiteral("alias"), nullable(allocation.alias)},
                 {QStringLiteral("port"), allocation.port},
                 {QStringLiteral("notes"), nullable(allocation.notes)},
                 {QStringLiteral("assigned"), allocation.serverId != 0}});
}

QJsonObject applicationNode(const PanelWorld &world, const SimNode &node, int wingsPort)
{
    qint64 memory = 0;
    qint64 disk = 0;
    for (int index : node.serverIndexes) {
        memory += world.server(index).limits.memory;
        disk += world.server(index).limits.disk;
    }
    const QString created = isoTime(1704067200 + node.id * 60);
    return item(
        QStringLiteral("node"),
        {{QStringLiteral("id"), node.id},
         {QStringLiteral("uuid"), node.uuid},
         {QStringLiteral("public"), true},
         {QStringLiteral("name"), node.name},
         {QStringLiteral("description"), nullable(node.description)},
         {QStringLiteral("location_id"), node.locationId},
         {QStringLiteral("fqdn"), node.fqdn},
         {QStringLiteral("scheme"), QStringLiteral("http")},
         {QStringLiteral("behind_proxy"), false},
         {QStringLiteral("maintenance_mode"), node.maintenance},
         {QStringLiteral("memory"), node.memory},
         {QStringLiteral("memory_overallocate"), 0},
         {QStringLiteral("disk"), node.disk},
         {QStringLiteral("disk_overallocate"), 0},
         {QStringLiteral("upload_size"), 100},
         {QStringLiteral("daemon_listen"), wingsPort},
         {QStringLiteral("daemon_sftp"), 2022},
         {QStringLiteral("daemon_base"), QStringLiteral("/var/lib/pterodactyl/volumes")},
         {QStringLiteral("created_at"), created},
         {QStringLiteral("updated_at"), created},
         {QStringLiteral("allocated_resources"),
          QJsonObject{{QStringLiteral("memory"), memory}, {QStringLiteral("disk"), disk}}}});
}

QJsonObject applicationServer(const PanelWorld &world, const SimServer &server,
                              const QSet<QString> &includes, int wingsPort)
{
    QJsonObject environment;
    for (const auto &variable : server.variables)
        environment.insert(variable.envVariable, variable.serverValue);
    environment.insert(QStringLiteral("STARTUP"), server.invocation);
    environment.insert(QStringLiteral("P_SERVER_LOCATION"), QStringLiteral("Local"));
    environment.insert(QStringLiteral("P_SERVER_UUID"), server.uuid);
    environment.insert(QStringLiteral("P_SERVER_ALLOCATION_LIMIT"),
                       server.featureLimits.allocations);
    const QString created = isoTime(server.createdAtSecs);
    QJsonObject attributes{
        {QStringLiteral("id"), server.id},
        {QStringLiteral("external_id"), nullable(server.externalId)},
        {QStringLiteral("uuid"), server.uuid},
        {QStringLiteral("identifier"), server.identifier},
        {QStringLiteral("name"), server.name},
        {QStringLiteral("description"), server.description},
        {QStringLiteral("status"), nullable(server.status)},
        {QStringLiteral("suspended"), server.isSuspended()},
        {QStringLiteral("limits"), limitsJson(server.limits)},
        {QStringLiteral("feature_limits"), featureLimitsJson(server.featureLimits)},
        {QStringLiteral("user"), server.ownerId},
        {QStringLiteral("node"), server.nodeId},
        {QStringLiteral("allocation"), server.defaultAllocationId},
        {QStringLiteral("nest"), server.nestId},
        {QStringLiteral("egg"), server.eggId},
        {QStringLiteral("container"),
         QJsonObject{{QStringLiteral("startup_command"), server.invocation},
                     {QStringLiteral("image"), server.dockerImage},
                     {QStringLiteral("installed"), server.isInstalled() ? 1 : 0},
                     {QStringLiteral("environment"), environment}}},
        {QStringLiteral("updated_at"), created},
        {QStringLiteral("created_at"), created},
    };
    QJsonObject relationships;
    if (includes.contains(QStringLiteral("allocations"))) {
        QJsonArray data;
        for (int id : server.allocationIds) {
            if (const SimAllocation *a = world.allocation(id))
                data.append(applicationAllocation(*a));
        }
        relationships.insert(QStringLiteral("allocations"), list(data));
    }
    if (includes.contains(QStringLiteral("node"))) {
        if (const SimNode *node = world.node(server.nodeId))
            relationships.insert(QStringLiteral("node"), applicationNode(world, *node, wingsPort));
    }
    if (includes.contains(QStringLiteral("user"))) {
        if (const SimUser *user = world.user(server.ownerId))
            relationships.insert(QStringLiteral("user"), applicationUser(*user));
    }
    if (!relationships.isEmpty())
        attributes.insert(QStringLiteral("relationships"), relationships);
    return item(QStringLiteral("server"), attributes);
}

QJsonObject pagination(int total, int count, int perPage, int currentPage, const QUrl &pageUrl)
{
    const int totalPages = std::max(1, (total + perPage - 1) / perPage);
    auto linkTo = [&pageUrl](int page) {
        QUrl url = pageUrl;
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(page));
        url.setQuery(query);
        return url.toString(QUrl::FullyEncoded);
    };
    QJsonObject links;
    if (currentPage > 1)
        links.insert(QStringLiteral("previous"), linkTo(std::min(currentPage - 1, totalPages)));
    if (currentPage < totalPages)
        links.insert(QStringLiteral("next"), linkTo(currentPage + 1));
    return {{QStringLiteral("total"), total},
            {QStringLiteral("count"), count},
            {QStringLiteral("per_page"), perPage},
            {QStringLiteral("current_page"), currentPage},
            {QStringLiteral("total_pages"), totalPages},
            // PHP serialises an empty associative array as [].
            {QStringLiteral("links"), links.isEmpty() ? QJsonValue(QJsonArray()) : links}};
}

qint64 wingsMemoryLimitBytes(const SimServer &server)
{
    const qint64 mib = server.limits.memory;
    if (mib <= 0)
        return 0;
    // Wings adds container overhead on top of the panel's limit, more for small servers.
    const double overhead = mib <= 2048 ? 1.15 : mib <= 4096 ? 1.10 : 1.05;
    return qint64(double(mib * kMiB) * overhead);
}

QByteArray wingsStats(const SimServer &server)
{
    const QJsonObject stats{
        {QStringLiteral("memory_bytes"), server.memoryBytes},
        {QStringLiteral("memory_limit_bytes"), wingsMemoryLimitBytes(server)},
        {QStringLiteral("cpu_absolute"), server.cpuAbsolute},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("rx_bytes"), server.rxBytes},
                                                {QStringLiteral("tx_bytes"), server.txBytes}}},
        {QStringLiteral("uptime"), server.uptimeMs},
        {QStringLiteral("state"), simStateName(server.state)},
        {QStringLiteral("disk_bytes"), server.diskBytes},
    };
    return QJsonDocument(stats).toJson(QJsonDocument::Compact);
}

} // namespace PterodisbotSim::PanelJson
