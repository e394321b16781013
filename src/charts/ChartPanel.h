#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include "ChartScales.h"

class QAreaSeries;
class QChart;
class QDateTimeAxis;
class QGraphicsRectItem;
class QGraphicsScene;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

namespace Pterodisbot {

//! One QtCharts panel (a series with its fill, a dashed limit line, a value axis and a time
//! axis) placed in a scene. Built once and updated in place: replacing points and ranges costs
//! a fraction of building a new chart.
class ChartPanel
{
public:
    //! \a geometry in scene coordinates; font sizes in pixels; \a timeLabels: whether this
    //! panel shows the clock times (the upper panel of a figure shares the lower one's).
    ChartPanel(QGraphicsScene *scene, const QRectF &geometry, QColor colour, QColor fill,
               int titlePixels, int labelPixels, double lineWidth, bool timeLabels);
    Q_DISABLE_COPY_MOVE(ChartPanel)
    ~ChartPanel();

    //! Shows \a points (data units) on \a valueRange (points are divided by its divisor);
    //! \a limit in data units, 0 = no limit line.
    void update(const QList<QPointF> &points, const AxisRange &valueRange,
                const TimeRange &timeRange, double limit, const QString &title);

    //! The note shown while there are no points ("Waiting for data…"), centred on the plot.
    void setWaitingText(const QString &text);

    //! The plot area in scene coordinates.
    QRectF plotArea() const;

private:
    QChart *m_chart = nullptr; // owned by the scene, like every item below
    QGraphicsRectItem *m_background = nullptr;
    QLineSeries *m_line = nullptr;
    QLineSeries *m_fillEdge = nullptr; // the area's upper edge (not drawn itself)
    QAreaSeries *m_fill = nullptr;
    QLineSeries *m_limit = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QGraphicsSimpleTextItem *m_title = nullptr;
    QGraphicsSimpleTextItem *m_waiting = nullptr;
    QList<QPointF> m_scaled; // reused between updates
    AxisRange m_shownRange;  // the value axis as last set
    bool m_timeLabels;
};

} // namespace Pterodisbot
