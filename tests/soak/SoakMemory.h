#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace Pterodisbot::Soak {

//! One reading of the process's memory.
struct MemorySample
{
    qint64 atMs = 0;
    qint64 rssKb = 0; //!< VmRSS
    qint64 hwmKb = 0; //!< VmHWM (peak RSS)
    //! Heap in use as the sanitizer's allocator counts it (ASan builds only, else -1): RSS
    //! there includes ASan's quarantine of freed blocks, which fills up over minutes.
    qint64 heapKb = -1;
};

/*!
 * Reads /proc/self/status every \a periodMs and prints a line per reading. The growth check
 * compares the largest reading of the first minute with the largest of the last minute:
 * allowed growth is kGrowthPercent of the first plus kGrowthSlackKb (documented in
 * docs/reliability.md). Under ASan it compares the allocator's heap in use instead of RSS.
 */
class MemoryWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryWatch)

public:
    static constexpr int kGrowthPercent = 20;
    static constexpr qint64 kGrowthSlackKb = 24 * 1024;
    //! Peak RSS above this fails the run (2 GiB; ASan's shadow memory and quarantine included).
    static constexpr qint64 kPeakLimitKb = 2 * 1024 * 1024;

    MemoryWatch(int periodMs, QObject *parent = nullptr);
    ~MemoryWatch() override;

    //! \a clockStartMs: soak time of now, for the printed lines.
    void start(qint64 clockStartMs);
    MemorySample sampleNow() const;
    void record(); //!< takes and prints a reading now
    const QList<MemorySample> &samples() const { return m_samples; }

    static bool underSanitizer();

    struct Growth
    {
        qint64 firstKb = 0;
        qint64 lastKb = 0;
        qint64 allowedKb = 0;
        QString measure; //!< "VmRSS" or "ASan heap in use"
        bool ok = true;
    };
    //! First minute against the last minute of the readings of a run of \a totalMs.
    Growth growth(qint64 totalMs) const;

private:
    QTimer m_timer;
    qint64 m_offsetMs = 0;
    QElapsedTimer m_clock;
    QList<MemorySample> m_samples;
};

} // namespace Pterodisbot::Soak
