#include "MetricsHistory.h"

#include <algorithm>
#include <cmath>

#include "logging.h"

namespace Pterodisbot {

namespace {

constexpr double bytesPerMiB = 1024.0 * 1024.0;

// One pass for min/max/sum and one for the least-squares slope over x = 0..n-1, reading values
// through an accessor so the ring never has to be copied.
template<typename ValueAt>
SeriesStats computeStats(int count, ValueAt valueAt, TrendThreshold threshold)
{
    SeriesStats stats;
    if (count <= 0)
        return stats;
    stats.count = count;
    stats.min = stats.max = valueAt(0);
    double sum = 0;
    for (int i = 0; i < count; ++i) {
        const double value = valueAt(i);
        stats.min = std::min(stats.min, value);
        stats.max = std::max(stats.max, value);
        sum += value;
    }
    stats.avg = sum / count;
    stats.last = valueAt(count - 1);
    if (count < 2)
        return stats;

    const double meanX = (count - 1) / 2.0;
    double covariance = 0;
    double varianceX = 0;
    for (int i = 0; i < count; ++i) {
        const double dx = i - meanX;
        covariance += dx * (valueAt(i) - stats.avg);
        varianceX += dx * dx;
    }
    stats.change = covariance / varianceX * (count - 1);
    const double limit = std::max(threshold.absolute, threshold.relative * std::abs(stats.avg));
    if (stats.change > limit)
        stats.trend = Trend::Rising;
    else if (stats.change < -limit)
        stats.trend = Trend::Falling;
    return stats;
}

} // namespace

QString trendName(Trend trend)
{
    switch (trend) {
    case Trend::Rising:
        return QStringLiteral("rising");
    case Trend::Falling:
        return QStringLiteral("falling");
    case Trend::Steady:
        break;
    }
    return QStringLiteral("steady");
}

SeriesStats SeriesStats::compute(const double *values, int count, TrendThreshold threshold)
{
    return computeStats(
        count, [values](int i) { return values[i]; }, threshold);
}

void MetricsHistory::Ring::push(const ResourceSample &sample)
{
    const int capacity = int(buffer.size());
    if (size < capacity) {
        buffer[(head + size) % capacity] = sample;
        ++size;
    } else {
        buffer[head] = sample;
        head = (head + 1) % capacity;
    }
}

void MetricsHistory::Ring::resize(int capacity)
{
    const int keep = std::min(size, capacity);
    std::vector<ResourceSample> resized(capacity);
    for (int i = 0; i < keep; ++i)
        resized[i] = at(size - keep + i);
    buffer = std::move(resized);
    head = 0;
    size = keep;
}

MetricsHistory::MetricsHistory(int length)
    : m_length(std::max(1, length))
{}

void MetricsHistory::setLength(int length)
{
    length = std::max(1, length);
    if (length == m_length)
        return;
    m_length = length;
    for (Ring &ring : m_servers)
        ring.resize(length);
}

bool MetricsHistory::add(const QString &serverId, const ResourceSample &sample)
{
    if (sample.state != PowerState::Running) {
        if (m_servers.remove(serverId))
            qCDebug(lcMetrics) << "history of" << serverId << "cleared: server is"
                               << powerStateName(sample.state);
        return false;
    }
    auto it = m_servers.find(serverId);
    if (it == m_servers.end()) {
        it = m_servers.insert(serverId, Ring{});
        it->buffer.resize(m_length);
    } else if (it->size > 0) {
        // Polling and the Wings stream may both feed a server; a late answer must not draw the
        // line backwards in time.
        const ResourceSample &last = it->at(it->size - 1);
        const QDateTime &newest = last.timestamp;
        if (sample.timestamp.isValid() && newest.isValid() && sample.timestamp < newest)
            return false;
        // The same reading delivered twice (the panel's /resources cache, a menu pick just
        // before a cycle): a graph needs distinct readings, or it draws a flat line between a
        // reading and itself.
        if (sample.uptimeMs > 0 && sample.uptimeMs == last.uptimeMs &&
            sample.cpuAbsolute == last.cpuAbsolute && sample.memoryBytes == last.memoryBytes &&
            sample.networkRxBytes == last.networkRxBytes &&
            sample.networkTxBytes == last.networkTxBytes)
            return false;
    }
    it->push(sample);
    return true;
}

void MetricsHistory::remove(const QString &serverId)
{
    m_servers.remove(serverId);
}

int MetricsHistory::retainOnly(const QSet<QString> &ids)
{
    int dropped = 0;
    for (auto it = m_servers.begin(); it != m_servers.end();) {
        if (ids.contains(it.key())) {
            ++it;
        } else {
            qCDebug(lcMetrics) << "history of" << it.key() << "dropped: gone from the panel";
            it = m_servers.erase(it);
            ++dropped;
        }
    }
    return dropped;
}

void MetricsHistory::clear()
{
    m_servers.clear();
}

int MetricsHistory::sampleCount(const QString &serverId) const
{
    const auto it = m_servers.constFind(serverId);
    return it == m_servers.cend() ? 0 : it->size;
}

QList<ResourceSample> MetricsHistory::samples(const QString &serverId) const
{
    QList<ResourceSample> result;
    const auto it = m_servers.constFind(serverId);
    if (it == m_servers.cend())
        return result;
    result.reserve(it->size);
    for (int i = 0; i < it->size; ++i)
        result.append(it->at(i));
    return result;
}

const ResourceSample *MetricsHistory::latest(const QString &serverId) const
{
    const auto it = m_servers.constFind(serverId);
    if (it == m_servers.cend() || it->size == 0)
        return nullptr;
    return &it->at(it->size - 1);
}

SeriesStats MetricsHistory::stats(const QString &serverId, Series series,
                                  TrendThreshold threshold) const
{
    const auto it = m_servers.constFind(serverId);
    if (it == m_servers.cend())
        return {};
    const Ring &ring = *it;
    if (series == Series::Cpu)
        return computeStats(
            ring.size, [&ring](int i) { return ring.at(i).cpuAbsolute; }, threshold);
    return computeStats(
        ring.size, [&ring](int i) { return ring.at(i).memoryBytes / bytesPerMiB; }, threshold);
}

SeriesStats MetricsHistory::cpuStats(const QString &serverId) const
{
    return stats(serverId, Series::Cpu, m_cpuThreshold);
}

SeriesStats MetricsHistory::memoryStats(const QString &serverId) const
{
    return stats(serverId, Series::MemoryMiB, m_memoryThreshold);
}

ChartInput MetricsHistory::chartInput(const QString &serverId, const QString &title,
                                      const ServerLimits &limits) const
{
    ChartInput input;
    input.title = title;
    input.cpuLimitPercent = std::max(0, limits.cpuPercent);
    input.memoryLimitMiB = double(std::max<qint64>(0, limits.memoryMiB));
    const auto it = m_servers.constFind(serverId);
    if (it == m_servers.cend())
        return input;
    input.cpuPercent.reserve(it->size);
    input.memoryMiB.reserve(it->size);
    for (int i = 0; i < it->size; ++i) {
        const ResourceSample &sample = it->at(i);
        const double x = double(sample.timestamp.toMSecsSinceEpoch());
        input.cpuPercent.append(QPointF(x, sample.cpuAbsolute));
        input.memoryMiB.append(QPointF(x, sample.memoryBytes / bytesPerMiB));
    }
    return input;
}

} // namespace Pterodisbot
