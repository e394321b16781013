#pragma once

#include <QList>

class QEventLoop;

namespace PterodisbotBench {

//! CPU time of the calling thread so far.
double threadCpuMs();
//! CPU time of the whole process so far.
double processCpuMs();
//! The \a q quantile (0..1) of \a samples, which must not be empty.
double quantile(QList<double> samples, double q);
//! Runs \a loop until something quits it or \a timeoutMs passes; true when it was quit.
bool runLoop(QEventLoop &loop, int timeoutMs);

} // namespace PterodisbotBench
