#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QSize>
#include <QString>

#include "i18n/Wording.h"

namespace Pterodisbot {

//! What a graph shows: points are (x = msecs since epoch UTC, y = value).
struct ChartInput
{
    QString title;             //!< server name, shown above the panels
    QList<QPointF> cpuPercent; //!< percent of one core (cpu_absolute)
    QList<QPointF> memoryMiB;  //!< memory in MiB
    int cpuLimitPercent = 0;   //!< limits.cpu: 0 = unlimited (axis follows the observed peak)
    double memoryLimitMiB = 0; //!< limits.memory: 0 = unknown (adaptive axis)
    //! The language of the labels ("CPU  80 % of 200 %", "last 50 s"): the embed's.
    Wording wording;
};

//! Renders metrics graphs to PNG bytes. Implemented in src/charts (QtCharts, offscreen) so that
//! core stays free of Widgets; BotCore and the GUI receive it injected.
//! MetricsHistory::chartInput() builds the input. Call it from the thread that owns the
//! QApplication (the charts are Widgets objects).
class ChartRenderer
{
public:
    //! Cpu and Memory are single graphs; Combined stacks CPU above memory under the title.
    enum class Kind { Cpu, Memory, Combined };

    virtual ~ChartRenderer() = default;
    //! PNG bytes of the graph, or an empty array when it could not be drawn. Equal inputs give
    //! equal bytes, so a hash of the result tells whether an upload is needed. With no points
    //! it still returns a picture (axes and a "waiting for data" note).
    virtual QByteArray render(Kind kind, const ChartInput &input) = 0;
    //! Pixel size of the PNG that render() returns for \a kind.
    virtual QSize imageSize(Kind kind) const = 0;
};

} // namespace Pterodisbot
