#include "StatusFixtures.h"

namespace Pterodisbot::TestSupport {

Server survivalServer()
{
    Server server;
    server.identifier = QStringLiteral("1a7ce997");
    server.uuid = QStringLiteral("1a7ce997-259b-452e-8b4e-cecc464142ca");
    server.name = QStringLiteral("Survival");
    server.description = QStringLiteral("Vanilla survival, whitelist only");
    server.node = QStringLiteral("Frankfurt 1");
    server.limits.cpuPercent = 200;
    server.limits.memoryMiB = 4096;
    server.limits.diskMiB = 10240;
    Allocation allocation;
    allocation.ip = QStringLiteral("10.0.0.5");
    allocation.alias = QStringLiteral("mc.example.com");
    allocation.port = 25565;
    allocation.isDefault = true;
    server.allocations = {allocation};
    return server;
}

ResourceSample survivalSample(PowerState state)
{
    ResourceSample sample;
    sample.timestamp = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    sample.state = state;
    const bool up = state != PowerState::Offline;
    sample.cpuAbsolute = up ? 150.0 : 0.0;
    sample.memoryBytes = up ? qint64(1228) * 1024 * 1024 : 0;
    sample.diskBytes = qint64(3) * 1024 * 1024 * 1024;
    sample.networkRxBytes = up ? 12'345'678 : 0;
    sample.networkTxBytes = up ? 4'567'890 : 0;
    sample.uptimeMs = up ? 7'500'000 : 0;
    return sample;
}

} // namespace Pterodisbot::TestSupport
