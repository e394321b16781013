#include "Measure.h"

#include <algorithm>

#include <ctime>

#include <QEventLoop>
#include <QTimer>

namespace PterodisbotBench {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double quantile(QList<double> samples, double q)
{
    std::sort(samples.begin(), samples.end());
    return samples[qMin(samples.size() - 1, qsizetype(q * samples.size()))];
}

bool runLoop(QEventLoop &loop, int timeoutMs)
{
    bool timedOut = false;
    QTimer::singleShot(timeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    loop.exec();
    return !timedOut;
}

} // namespace PterodisbotBench
