#pragma once

#include <QHash>
#include <QString>

namespace PterodisbotSim {

//! Laravel's fixed-window throttle: the window opens at a bucket's first hit and lasts
//! windowMs; a request over the limit is refused without counting.
class PanelRateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        qint64 resetInMs = 0; //!< until the window closes
    };

    Decision hit(const QString &bucket, int limit, int windowMs, qint64 nowMs);
    void clear() { m_windows.clear(); }

private:
    struct Window
    {
        qint64 startMs = 0;
        int hits = 0;
    };
    QHash<QString, Window> m_windows;
};

} // namespace PterodisbotSim
