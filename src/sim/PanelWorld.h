#pragma once

#include <optional>
#include <vector>

#include <QHash>
#include <QObject>
#include <QStringList>

namespace PterodisbotSim {

//! Power state as Wings reports it.
enum class SimPowerState { Offline, Starting, Running, Stopping };

QString simStateName(SimPowerState state);
std::optional<SimPowerState> simStateFromName(const QString &name);

struct SimLimits
{
    qint64 memory = 1024; //!< MiB, 0 = unlimited
    qint64 swap = 0;      //!< MiB, -1 = unlimited
    qint64 disk = 5120;   //!< MiB, 0 = unlimited
    int io = 500;
    int cpu = 100;   //!< percent of one core, 0 = unlimited
    QString threads; //!< empty = JSON null
    bool oomDisabled = true;
};

struct SimFeatureLimits
{
    int databases = 0;
    int allocations = 1;
    int backups = 0;
};

struct SimVariable
{
    QString name;
    QString description;
    QString envVariable;
    QString defaultValue;
    QString serverValue;
    QString rules;
    bool editable = true;
};

struct SimAllocation
{
    int id = 0;
    int nodeId = 0;
    QString ip;
    QString alias; //!< empty = JSON null
    QString notes; //!< empty = JSON null
    int port = 0;
    int serverId = 0; //!< 0 = free
};

struct SimNode
{
    int id = 0;
    QString uuid;
    QString name;
    QString description;
    QString fqdn;
    int locationId = 1;
    qint64 memory = 65536; //!< MiB
    qint64 disk = 1048576; //!< MiB
    bool maintenance = false;
    bool down = false; //!< fault injection: Wings of this node unreachable
    QList<int> allocationIds;
    QList<int> serverIndexes;
};

struct SimUser
{
    int id = 0;
    QString uuid;
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    bool rootAdmin = false;
};

struct SimServer
{
    // What the panel stores.
    int id = 0;
    QString uuid;
    QString identifier;
    QString externalId; //!< empty = JSON null
    QString name;
    QString description;
    int nodeId = 0;
    int ownerId = 0;
    int eggId = 1;
    int nestId = 1;
    SimLimits limits;
    SimFeatureLimits featureLimits;
    QString invocation;
    QString dockerImage;
    QStringList eggFeatures;
    QString status; //!< "" (null), suspended, installing, install_failed, restoring_backup, ...
    bool transferring = false;
    QList<int> allocationIds;
    int defaultAllocationId = 0;
    QList<SimVariable> variables;
    qint64 createdAtSecs = 0; //!< Unix seconds

    // What Wings knows at run time.
    SimPowerState state = SimPowerState::Offline;
    qint64 transitionAtMs = 0; //!< simulated time of the next automatic transition
    bool startAfterStop = false;
    bool reportStopped =
        false; //!< /resources says "stopped" (Wings omitted the state) when offline
    double cpuAbsolute = 0;
    qint64 memoryBytes = 0;
    qint64 diskBytes = 0;
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
    qint64 uptimeMs = 0;
    double memoryTarget = 0.5; //!< fraction of the memory ceiling the walk drifts around
    quint64 rng = 0;           //!< per-server generator: load stays deterministic per seed

    bool isSuspended() const { return status == QLatin1String("suspended"); }
    bool isInstalled() const;
};

//! Everything the seed produced, handed to PanelWorld::reset in one piece.
struct SimSeed
{
    std::vector<SimUser> users;
    std::vector<SimNode> nodes;
    std::vector<SimAllocation> allocations;
    std::vector<SimServer> servers;
};

//! The simulated panel's data and Wings' run-time state: servers, nodes, power state machine,
//! simulated load and websocket tokens. Time is simulated: it only moves in tick().
class PanelWorld : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelWorld)

public:
    struct Timing
    {
        int startingDurationMs = 3000;
        int stoppingDurationMs = 2000;
        int tokenLifetimeMs = 600000;
    };
    struct Token
    {
        QString serverUuid;
        int userId = 0;
        qint64 expiresAtMs = 0; //!< simulated time
    };

    explicit PanelWorld(QObject *parent = nullptr);
    ~PanelWorld() override;

    void reset(SimSeed seed, const Timing &timing);

    const std::vector<SimUser> &users() const { return m_users; }
    const SimUser *user(int id) const;
    const std::vector<SimServer> &servers() const { return m_servers; }
    const std::vector<SimNode> &nodes() const { return m_nodes; }
    const SimNode *node(int id) const;
    SimNode *node(int id);
    const SimAllocation *allocation(int id) const;

    //! Index into servers() by 8-char identifier or full uuid; -1 when unknown. O(1).
    int indexOf(const QString &identifierOrUuid) const;
    int indexOfId(int internalId) const;
    int indexOfExternalId(const QString &externalId) const;
    SimServer &server(int index) { return m_servers[size_t(index)]; }
    const SimServer &server(int index) const { return m_servers[size_t(index)]; }

    //! The Wings side of a power action. Returns false for an unknown signal.
    bool power(int index, const QString &signal);
    //! Forces a state at once (tests), no transition delay.
    void forceState(int index, SimPowerState state);

    //! Advances simulated time: transitions, load random walk, uptime.
    void tick(int elapsedMs);
    qint64 nowMs() const { return m_nowMs; }

    //! Mints an opaque (JWT-shaped) websocket token valid for Timing::tokenLifetimeMs.
    QString mintToken(int index, int userId);
    std::optional<Token> token(const QString &token) const;
    //! Every token minted and not swept yet (addition: soak's log check).
    QStringList tokens() const { return m_tokens.keys(); }

    const Timing &timing() const { return m_timing; }

signals:
    void stateChanged(int index, PterodisbotSim::SimPowerState state);
    //! After each tick, so Wings can push stats and check token lifetimes.
    void ticked(int elapsedMs);

private:
    void setState(int index, SimPowerState state);
    void advance(int index);
    void walkLoad(SimServer &server, int elapsedMs);
    void resetLoad(SimServer &server);

    std::vector<SimUser> m_users;
    std::vector<SimNode> m_nodes;
    std::vector<SimAllocation> m_allocations;
    std::vector<SimServer> m_servers;
    QHash<QString, int> m_byIdentifier; // identifiers and uuids
    QHash<int, int> m_byId;
    QHash<QString, int> m_byExternalId;
    QHash<QString, Token> m_tokens;
    QByteArray m_tokenSecret;
    Timing m_timing;
    qint64 m_nowMs = 0;
    qint64 m_nextTokenSweepMs = 0;
};

//! Small, fast, deterministic generator (splitmix64); one per server keeps load independent of
//! the order requests arrive in.
quint64 simNextRandom(quint64 &state);
double simRandomUnit(quint64 &state); //!< [0, 1)

} // namespace PterodisbotSim
