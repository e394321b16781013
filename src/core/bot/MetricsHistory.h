#pragma once

#include <vector>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include "ChartRenderer.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

//! Direction of a series over the window held in the history.
enum class Trend { Steady, Rising, Falling };

QString trendName(Trend trend);

//! When a change counts as a trend: the least-squares fitted change across the window must
//! exceed max(absolute, relative × |average|). The relative part keeps a 100 MiB swing on a
//! 16 GiB server "steady" while the absolute floor ignores noise around zero.
struct TrendThreshold
{
    double absolute = 0;
    double relative = 0;
};

//! min/max/avg/trend of one series (CPU in percent of one core, memory in MiB).
struct SeriesStats
{
    int count = 0; //!< samples the figures are computed from; 0 = no data (figures are 0)
    double min = 0;
    double max = 0;
    double avg = 0;
    double last = 0;
    //! Least-squares fitted change from the oldest to the newest sample (same unit as the series).
    double change = 0;
    Trend trend = Trend::Steady;

    //! Figures of \a values (oldest first). Pure, allocation-free; exposed for tests.
    static SeriesStats compute(const double *values, int count, TrendThreshold threshold);
};

//! The last N resource samples of each running server, oldest first.
//!
//! Running servers only: a sample whose state is not Running clears that server's history (and
//! is not stored), so a graph never bridges a stop with a straight line and a restarted server
//! starts from a fresh minute, as the original bot did. Each server owns a fixed ring of
//! length() slots allocated on its first sample; later samples overwrite in place.
//! Not thread-safe; lives in the bot's thread.
class MetricsHistory
{
public:
    static constexpr int defaultLength = 6; //!< one minute at the default 10 s cycle
    //! Defaults: CPU 5 percentage points or 10 %; memory 32 MiB or 5 %.
    static constexpr TrendThreshold defaultCpuThreshold{5.0, 0.10};
    static constexpr TrendThreshold defaultMemoryThreshold{32.0, 0.05};

    explicit MetricsHistory(int length = defaultLength);

    int length() const { return m_length; }
    //! Changes the number of samples kept per server (at least 1); keeps the newest samples.
    void setLength(int length);

    void setCpuTrendThreshold(TrendThreshold threshold) { m_cpuThreshold = threshold; }
    void setMemoryTrendThreshold(TrendThreshold threshold) { m_memoryThreshold = threshold; }

    //! Records \a sample for \a serverId (identifier or uuid, the caller's choice, used
    //! consistently). Returns true when it was stored; false when the server is not running
    //! (its history is then cleared), when it is older than the newest sample, or when it is
    //! the newest reading again (same uptime and figures): every stored sample is a distinct
    //! reading, so two samples always make a graph worth drawing.
    bool add(const QString &serverId, const ResourceSample &sample);
    //! Forgets one server.
    void remove(const QString &serverId);
    //! Forgets every server not in \a ids (call with the panel's current list, so servers that
    //! vanished from the panel stop using memory). Returns how many were dropped.
    int retainOnly(const QSet<QString> &ids);
    void clear();

    bool contains(const QString &serverId) const { return m_servers.contains(serverId); }
    //! Servers with at least one sample.
    QList<QString> serverIds() const { return m_servers.keys(); }
    int sampleCount(const QString &serverId) const;
    //! The stored samples, oldest first (a copy; for display, not for the hot path).
    QList<ResourceSample> samples(const QString &serverId) const;
    //! The newest sample, or nullptr when there is none. Valid until the next add/remove.
    const ResourceSample *latest(const QString &serverId) const;

    //! Figures of cpuAbsolute (percent of one core).
    SeriesStats cpuStats(const QString &serverId) const;
    //! Figures of memoryBytes, in MiB.
    SeriesStats memoryStats(const QString &serverId) const;

    //! What the renderer needs for \a serverId: points (x = msecs since epoch UTC) and the
    //! server's limits (limits.cpuPercent, limits.memoryMiB; 0 = unlimited).
    ChartInput chartInput(const QString &serverId, const QString &title,
                          const ServerLimits &limits) const;

private:
    // A fixed ring: buffer has the capacity of the history, head is the oldest sample.
    struct Ring
    {
        std::vector<ResourceSample> buffer;
        int head = 0;
        int size = 0;

        const ResourceSample &at(int i) const { return buffer[(head + i) % buffer.size()]; }
        void push(const ResourceSample &sample);
        void resize(int capacity);
    };

    enum class Series { Cpu, MemoryMiB };
    SeriesStats stats(const QString &serverId, Series series, TrendThreshold threshold) const;

    int m_length;
    TrendThreshold m_cpuThreshold = defaultCpuThreshold;
    TrendThreshold m_memoryThreshold = defaultMemoryThreshold;
    QHash<QString, Ring> m_servers;
};

} // namespace Pterodisbot
