#include "PanelSeed.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace PterodisbotSim {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kBaseCreatedAt = 1704110400; // 2024-01-01T12:00:00Z
constexpr int kFreeAllocationsPerNode = 3;

struct Template
{
    const char *name;
    const char *image;
    const char *invocation;
    const char *feature; // egg feature, may be empty
    qint64 memory;
    qint64 disk;
    int cpu;
    int basePort;
    int egg;
    int nest;
    const char *envVariable;
    const char *envValue;
};

// cpu 0 / memory 0 are the panel's "unlimited".
const Template kTemplates[] = {
    {"Minecraft Survival", "ghcr.io/pterodactyl/yolks:java_17", "java -Xms128M -jar server.jar",
     "eula", 4096, 10240, 200, 25565, 1, 1, "SERVER_JARFILE", "server.jar"},
    {"Valheim", "ghcr.io/parkervcp/games:valheim", "./valheim_server.x86_64 -nographics", "", 8192,
     20480, 400, 2456, 15, 3, "SERVER_NAME", "Vikings"},
    {"Rust", "ghcr.io/pterodactyl/games:rust", "./RustDedicated -batchmode", "", 12288, 30720, 0,
     28015, 16, 3, "HOSTNAME", "Rust Server"},
    {"Terraria", "ghcr.io/parkervcp/yolks:debian", "./TerrariaServer -config serverconfig.txt", "",
     1024, 2048, 100, 7777, 17, 3, "WORLD_NAME", "world"},
    {"Factorio", "ghcr.io/parkervcp/yolks:debian", "./bin/x64/factorio --start-server", "", 2048,
     8192, 200, 34197, 18, 3, "SAVE_NAME", "factorio"},
    {"Discord Bot", "ghcr.io/parkervcp/yolks:nodejs_18", "node index.js", "", 512, 1024, 50, 3000,
     19, 4, "MAIN_FILE", "index.js"},
    {"ARK Island", "ghcr.io/parkervcp/games:source", "./ShooterGameServer TheIsland", "", 0, 0, 0,
     7010, 20, 3, "SESSION_NAME", "ARK"},
    {"Counter-Strike 2", "ghcr.io/parkervcp/games:source", "./game/bin/linuxsteamrt64/cs2",
     "steam_disk_space", 4096, 40960, 300, 27015, 21, 2, "SRCDS_MAP", "de_dust2"},
};

QString uuidFrom(quint64 &rng)
{
    const quint64 a = simNextRandom(rng);
    const quint64 b = simNextRandom(rng);
    QString hex = QString::asprintf("%016llx%016llx", static_cast<unsigned long long>(a),
                                    static_cast<unsigned long long>(b));
    hex[12] = QLatin1Char('4'); // version 4
    hex[16] = QLatin1Char("89ab"[b & 3]);
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4) +
           QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
}

std::vector<SimUser> standardUsers(quint64 &rng)
{
    std::vector<SimUser> users;
    users.push_back({1, uuidFrom(rng), QStringLiteral("admin"), QStringLiteral("admin@example.com"),
                     QStringLiteral("Ada"), QStringLiteral("Admin"), true});
    users.push_back({2, uuidFrom(rng), QStringLiteral("player"),
                     QStringLiteral("player@example.com"), QStringLiteral("Pat"),
                     QStringLiteral("Player"), false});
    return users;
}

SimNode makeNode(int id, quint64 &rng)
{
    SimNode node;
    node.id = id;
    node.uuid = uuidFrom(rng);
    node.name = QStringLiteral("Node %1").arg(id);
    node.fqdn = QStringLiteral("node%1.example.com").arg(id);
    return node;
}

QString nodeIp(int nodeId)
{
    return QStringLiteral("10.%1.%2.10").arg(nodeId / 256).arg(nodeId % 256);
}

int addAllocation(SimSeed &seed, int nodeId, const QString &ip, int port, const QString &alias,
                  const QString &notes, int serverId)
{
    SimAllocation allocation;
    allocation.id = int(seed.allocations.size()) + 1;
    allocation.nodeId = nodeId;
    allocation.ip = ip;
    allocation.port = port;
    allocation.alias = alias;
    allocation.notes = notes;
    allocation.serverId = serverId;
    seed.allocations.push_back(allocation);
    seed.nodes[size_t(nodeId - 1)].allocationIds.append(allocation.id);
    return allocation.id;
}

// Identifiers are the first 8 characters of the uuid and must stay unique.
bool claimIdentifier(SimServer &server, QSet<QString> &taken)
{
    server.identifier = server.uuid.left(8);
    if (taken.contains(server.identifier) || taken.contains(server.uuid))
        return false;
    taken.insert(server.identifier);
    taken.insert(server.uuid);
    return true;
}

void addFreeAllocations(SimSeed &seed)
{
    for (auto &node : seed.nodes) {
        for (int i = 0; i < kFreeAllocationsPerNode; ++i)
            addAllocation(seed, node.id, nodeIp(node.id), 30000 + i, {}, {}, 0);
    }
}

QString jsonString(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

} // namespace

SimSeed PanelSeed::generate(const Options &options)
{
    SimSeed seed;
    quint64 rng = 0x5EED0000ull ^ options.randomSeed;
    seed.users = standardUsers(rng);
    const int perNode = std::max(1, options.serversPerNode);
    const int count = std::max(0, options.serverCount);
    const int nodeCount = std::max(1, (count + perNode - 1) / perNode);
    for (int n = 1; n <= nodeCount; ++n)
        seed.nodes.push_back(makeNode(n, rng));

    QSet<QString> taken;
    const int templateCount = int(std::size(kTemplates));
    for (int i = 0; i < count; ++i) {
        const Template &t = kTemplates[i % templateCount];
        const int nodeId = i / perNode + 1;
        const int slot = i % perNode;
        SimServer s;
        s.id = i + 1;
        do {
            s.uuid = uuidFrom(rng);
        } while (!claimIdentifier(s, taken));
        const int round = i / templateCount + 1;
        s.name = round == 1 ? QString::fromLatin1(t.name)
                            : QStringLiteral("%1 %2").arg(QLatin1String(t.name)).arg(round);
        s.description = QStringLiteral("Simulated %1 server").arg(QLatin1String(t.name));
        s.nodeId = nodeId;
        s.ownerId = 2;
        s.eggId = t.egg;
        s.nestId = t.nest;
        s.limits.memory = t.memory;
        s.limits.disk = t.disk;
        s.limits.cpu = t.cpu;
        s.limits.swap = t.memory == 0 ? -1 : 0;
        s.featureLimits = {1 + i % 3, 1, 2 + i % 4};
        s.dockerImage = QString::fromLatin1(t.image);
        s.invocation = QString::fromLatin1(t.invocation);
        if (*t.feature)
            s.eggFeatures.append(QString::fromLatin1(t.feature));
        s.createdAtSecs = kBaseCreatedAt + qint64(i) * 3600;
        s.variables.append({QString::fromLatin1(t.envVariable)
                                .toLower()
                                .replace(QLatin1Char('_'), QLatin1Char(' ')),
                            QString(), QString::fromLatin1(t.envVariable),
                            QString::fromLatin1(t.envValue), QString::fromLatin1(t.envValue),
                            QStringLiteral("required|string|max:64"), true});
        // Two of three servers run; the rest are offline.
        s.state = i % 3 == 2 ? SimPowerState::Offline : SimPowerState::Running;
        s.rng = simNextRandom(rng);
        s.memoryTarget = 0.3 + 0.5 * simRandomUnit(s.rng);
        const qint64 diskMax = t.disk > 0 ? t.disk * kMiB : 20480 * kMiB;
        s.diskBytes = qint64(double(diskMax) * (0.05 + 0.5 * simRandomUnit(s.rng)));
        seed.servers.push_back(s);
        const QString alias =
            i % 3 == 0 ? QStringLiteral("play%1.example.com").arg(i + 1) : QString();
        const int allocationId =
            addAllocation(seed, nodeId, nodeIp(nodeId), t.basePort + slot, alias, {}, s.id);
        seed.servers.back().allocationIds.append(allocationId);
        seed.servers.back().defaultAllocationId = allocationId;
    }
    addFreeAllocations(seed);
    return seed;
}

bool PanelSeed::load(const QString &path, const Options &options, SimSeed *seed, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read seed file %1: %2").arg(path, file.errorString());
        return false;
    }
    return parse(file.readAll(), options, seed, error);
}

bool PanelSeed::parse(const QByteArray &json, const Options &options, SimSeed *seed, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("seed is not a JSON object: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonArray servers = root.value(QLatin1String("servers")).toArray();
    SimSeed out;
    quint64 rng = 0x5EED0000ull ^ options.randomSeed;
    out.users = standardUsers(rng);

    const QJsonArray nodes = root.value(QLatin1String("nodes")).toArray();
    const int perNode = std::max(1, options.serversPerNode);
    const int nodeCount = nodes.isEmpty()
                              ? std::max(1, int((servers.size() + perNode - 1) / perNode))
                              : int(nodes.size());
    for (int n = 1; n <= nodeCount; ++n) {
        SimNode node = makeNode(n, rng);
        if (!nodes.isEmpty()) {
            const QJsonObject o = nodes.at(n - 1).toObject();
            node.name = o.value(QLatin1String("name")).toString(node.name);
            node.fqdn = o.value(QLatin1String("fqdn")).toString(node.fqdn);
            node.description = jsonString(o.value(QLatin1String("description")));
            node.memory = o.value(QLatin1String("memory")).toInteger(node.memory);
            node.disk = o.value(QLatin1String("disk")).toInteger(node.disk);
            node.maintenance = o.value(QLatin1String("maintenance")).toBool();
        }
        out.nodes.push_back(node);
    }

    QSet<QString> taken;
    QSet<QString> externalIds;
    for (int i = 0; i < int(servers.size()); ++i) {
        const QJsonObject o = servers.at(i).toObject();
        const QString where = QStringLiteral("servers[%1]").arg(i);
        SimServer s;
        s.id = i + 1;
        s.name = o.value(QLatin1String("name")).toString();
        if (s.name.isEmpty()) {
            *error = where + QStringLiteral(": \"name\" is required");
            return false;
        }
        s.uuid = o.value(QLatin1String("uuid")).toString().toLower();
        if (s.uuid.isEmpty()) {
            do {
                s.uuid = uuidFrom(rng);
            } while (!claimIdentifier(s, taken));
        } else if (s.uuid.size() != 36 || !claimIdentifier(s, taken)) {
            *error = where + QStringLiteral(": uuid must be 36 characters and unique "
                                            "(also in its first 8 characters)");
            return false;
        }
        s.externalId = jsonString(o.value(QLatin1String("external_id")));
        if (!s.externalId.isEmpty() && externalIds.contains(s.externalId)) {
            *error = where + QStringLiteral(": duplicate external_id");
            return false;
        }
        externalIds.insert(s.externalId);
        s.description = jsonString(o.value(QLatin1String("description")));
        s.nodeId = o.value(QLatin1String("node")).toInt(nodes.isEmpty() ? i / perNode + 1 : 1);
        if (s.nodeId < 1 || s.nodeId > nodeCount) {
            *error = where + QStringLiteral(": node %1 does not exist").arg(s.nodeId);
            return false;
        }
        s.ownerId = o.value(QLatin1String("owner")).toString() == QLatin1String("admin") ? 1 : 2;
        const QString state = o.value(QLatin1String("state")).toString(QStringLiteral("offline"));
        const auto parsedState = simStateFromName(state);
        if (!parsedState) {
            *error = where + QStringLiteral(": unknown state \"%1\"").arg(state);
            return false;
        }
        s.state = *parsedState;
        const QString status = jsonString(o.value(QLatin1String("status")));
        if (status == QLatin1String("transferring"))
            s.transferring = true;
        else
            s.status = status;
        const QJsonObject limits = o.value(QLatin1String("limits")).toObject();
        s.limits.memory = limits.value(QLatin1String("memory")).toInteger(s.limits.memory);
        s.limits.swap = limits.value(QLatin1String("swap")).toInteger(s.limits.swap);
        s.limits.disk = limits.value(QLatin1String("disk")).toInteger(s.limits.disk);
        s.limits.io = limits.value(QLatin1String("io")).toInt(s.limits.io);
        s.limits.cpu = limits.value(QLatin1String("cpu")).toInt(s.limits.cpu);
        s.limits.threads = jsonString(limits.value(QLatin1String("threads")));
        s.limits.oomDisabled = limits.value(QLatin1String("oom_disabled")).toBool(true);
        const QJsonObject features = o.value(QLatin1String("feature_limits")).toObject();
        s.featureLimits.databases = features.value(QLatin1String("databases")).toInt(0);
        s.featureLimits.allocations = features.value(QLatin1String("allocations")).toInt(1);
        s.featureLimits.backups = features.value(QLatin1String("backups")).toInt(0);
        s.dockerImage = o.value(QLatin1String("docker_image"))
                            .toString(QStringLiteral("ghcr.io/pterodactyl/yolks:debian"));
        s.invocation = o.value(QLatin1String("invocation")).toString();
        for (const auto &feature : o.value(QLatin1String("egg_features")).toArray())
            s.eggFeatures.append(feature.toString());
        s.eggId = o.value(QLatin1String("egg")).toInt(1);
        s.nestId = o.value(QLatin1String("nest")).toInt(1);
        s.createdAtSecs = kBaseCreatedAt + qint64(i) * 3600;
        for (const auto &v : o.value(QLatin1String("variables")).toArray()) {
            const QJsonObject vo = v.toObject();
            s.variables.append({vo.value(QLatin1String("name")).toString(),
                                jsonString(vo.value(QLatin1String("description"))),
                                vo.value(QLatin1String("env_variable")).toString(),
                                jsonString(vo.value(QLatin1String("default_value"))),
                                jsonString(vo.value(QLatin1String("server_value"))),
                                jsonString(vo.value(QLatin1String("rules"))),
                                vo.value(QLatin1String("is_editable")).toBool(true)});
        }
        s.rng = simNextRandom(rng);
        s.memoryTarget = 0.3 + 0.5 * simRandomUnit(s.rng);
        const qint64 diskMax = s.limits.disk > 0 ? s.limits.disk * kMiB : 20480 * kMiB;
        s.diskBytes = qint64(double(diskMax) * (0.05 + 0.5 * simRandomUnit(s.rng)));

        QJsonArray allocations = o.value(QLatin1String("allocations")).toArray();
        if (allocations.isEmpty())
            allocations.append(QJsonObject{{QStringLiteral("port"), 25565 + i}});
        for (const auto &a : allocations) {
            const QJsonObject ao = a.toObject();
            const int id = addAllocation(out, s.nodeId,
                                         ao.value(QLatin1String("ip")).toString(nodeIp(s.nodeId)),
                                         ao.value(QLatin1String("port")).toInt(25565 + i),
                                         jsonString(ao.value(QLatin1String("alias"))),
                                         jsonString(ao.value(QLatin1String("notes"))), s.id);
            s.allocationIds.append(id);
        }
        s.defaultAllocationId = s.allocationIds.first();
        out.servers.push_back(s);
    }
    addFreeAllocations(out);
    *seed = std::move(out);
    return true;
}

} // namespace PterodisbotSim
