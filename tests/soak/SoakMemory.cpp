#include "SoakMemory.h"

#include <cstddef>
#include <cstdio>

#include <QFile>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#endif
#ifdef SOAK_ASAN
// From <sanitizer/allocator_interface.h>, which clang ships and gcc 12 does not; the runtime
// (libasan) of both has the function.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace Pterodisbot::Soak {

MemoryWatch::MemoryWatch(int periodMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(periodMs);
    connect(&m_timer, &QTimer::timeout, this, &MemoryWatch::record);
}

MemoryWatch::~MemoryWatch() = default;

bool MemoryWatch::underSanitizer()
{
#ifdef SOAK_ASAN
    return true;
#else
    return false;
#endif
}

void MemoryWatch::start(qint64 clockStartMs)
{
    m_offsetMs = clockStartMs;
    m_clock.start();
    m_timer.start();
}

MemorySample MemoryWatch::sampleNow() const
{
    MemorySample sample;
    sample.atMs = m_offsetMs + (m_clock.isValid() ? m_clock.elapsed() : 0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const auto value = [&line] {
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
            };
            if (line.startsWith("VmRSS:"))
                sample.rssKb = value();
            else if (line.startsWith("VmHWM:"))
                sample.hwmKb = value();
        }
    }
#ifdef SOAK_ASAN
    sample.heapKb = qint64(__sanitizer_get_current_allocated_bytes() / 1024);
#endif
    return sample;
}

void MemoryWatch::record()
{
    const MemorySample sample = sampleNow();
    m_samples.append(sample);
    if (sample.heapKb >= 0) {
        std::printf("[%4lld s] memory: VmRSS %lld MB, VmHWM %lld MB, ASan heap in use %lld MB\n",
                    sample.atMs / 1000, sample.rssKb / 1024, sample.hwmKb / 1024,
                    sample.heapKb / 1024);
    } else {
        std::printf("[%4lld s] memory: VmRSS %lld MB, VmHWM %lld MB\n", sample.atMs / 1000,
                    sample.rssKb / 1024, sample.hwmKb / 1024);
    }
    std::fflush(stdout);
}

MemoryWatch::Growth MemoryWatch::growth(qint64 totalMs) const
{
    Growth growth;
    const bool heap = underSanitizer();
    growth.measure = heap ? QStringLiteral("ASan heap in use") : QStringLiteral("VmRSS");
    for (const MemorySample &sample : m_samples) {
        const qint64 value = heap ? sample.heapKb : sample.rssKb;
        if (sample.atMs <= 60000 + 5000)
            growth.firstKb = std::max(growth.firstKb, value);
        if (sample.atMs >= totalMs - 60000 - 5000)
            growth.lastKb = std::max(growth.lastKb, value);
    }
    growth.allowedKb = growth.firstKb * kGrowthPercent / 100 + kGrowthSlackKb;
    growth.ok = growth.firstKb > 0 && growth.lastKb - growth.firstKb <= growth.allowedKb;
    return growth;
}

} // namespace Pterodisbot::Soak
