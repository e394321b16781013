#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace Pterodisbot {

//! Power state of a server as the bot sees it. The panel's "stopped" maps to Offline.
enum class PowerState { Unknown, Offline, Starting, Running, Stopping };

PowerState powerStateFromString(const QString &state);
QString powerStateName(PowerState state);

//! Why a server cannot be used right now (client API `status` and the deprecated flags).
enum class ServerCondition {
    Normal,
    Suspended,
    Installing,
    InstallFailed,
    RestoringBackup,
    Transferring,
    NodeMaintenance
};
QString serverConditionName(ServerCondition condition);

enum class PowerSignal { Start, Stop, Restart, Kill };
QString powerSignalName(PowerSignal signal);

struct ServerLimits
{
    qint64 memoryMiB = 0; //!< 0 = unlimited
    qint64 swapMiB = 0;   //!< -1 = unlimited
    qint64 diskMiB = 0;   //!< 0 = unlimited
    int cpuPercent = 0;   //!< percent of one core; 0 = unlimited, 200 = two cores
};

struct Allocation
{
    int id = 0;
    QString ip;
    QString alias; //!< client `ip_alias` / application `alias`
    int port = 0;
    bool isDefault = false; //!< client `is_default`; application: the server's `allocation` id
    QString notes;
};

struct Server
{
    QString identifier; //!< 8-char short id (client API `{server}`)
    QString uuid;       //!< 36 chars (Wings)
    int internalId = 0; //!< numeric id (application API)
    QString externalId;
    QString name;
    QString description;
    QString node; //!< node name (client API) or node id as text (application API)
    int nodeId = 0;
    ServerLimits limits;
    ServerCondition condition = ServerCondition::Normal;
    bool nodeUnderMaintenance = false;
    QList<Allocation> allocations;

    //! The default allocation formatted "host:port", alias preferred; empty when none.
    QString address() const;
};

struct Node
{
    int id = 0;
    QString uuid;
    QString name;
    QString description;
    QString fqdn;
    QString scheme;
    bool maintenanceMode = false;
    qint64 memoryMiB = 0;
    qint64 diskMiB = 0;
    int daemonListen = 0;
};

//! One resources sample, from polling `/resources` or from the Wings `stats` event.
struct ResourceSample
{
    QDateTime timestamp; //!< when we received it (UTC)
    PowerState state = PowerState::Unknown;
    bool isSuspended = false;
    double cpuAbsolute = 0; //!< percent of one core (400 = four full cores)
    qint64 memoryBytes = 0;
    qint64 memoryLimitBytes = 0; //!< Wings only; 0 when unknown
    qint64 diskBytes = 0;
    qint64 networkRxBytes = 0;
    qint64 networkTxBytes = 0;
    qint64 uptimeMs = 0;
};

//! `meta.pagination` of a list answer.
struct PageInfo
{
    int total = 0;
    int count = 0;
    int perPage = 0;
    int currentPage = 1;
    int totalPages = 1;
};

//! `/websocket` answer: a JWT and the Wings socket URL.
struct WebsocketCredentials
{
    QString token;
    QUrl socket;
};

} // namespace Pterodisbot
