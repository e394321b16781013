#include "ChartPanel.h"

#include <cmath>

#include <QAreaSeries>
#include <QBrush>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include "ChartTheme.h"

namespace Pterodisbot {

namespace {

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

void styleAxis(QAbstractAxis *axis, const QFont &labelFont)
{
    axis->setLabelsFont(labelFont);
    axis->setLabelsBrush(ChartTheme::text);
    axis->setGridLineColor(ChartTheme::grid);
    axis->setLinePen(QPen(ChartTheme::grid, 1));
    axis->setMinorGridLineVisible(false);
    axis->setTitleVisible(false);
}

} // namespace

ChartPanel::ChartPanel(QGraphicsScene *scene, const QRectF &geometry, QColor colour, QColor fill,
                       int titlePixels, int labelPixels, double lineWidth, bool timeLabels)
    : m_timeLabels(timeLabels)
{
    // The panel's background is a plain rectangle behind a transparent chart: QtCharts' own plot
    // area background does not follow a plot area set by hand.
    m_chart = new QChart;
    m_chart->setGeometry(geometry);
    m_chart->setMargins({0, 0, 0, 0});
    m_chart->setBackgroundVisible(false);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation);

    // Fixed margins instead of QtCharts' own layout: panels stacked in one figure then share
    // their left and right edges (one time axis for both), and no relayout runs per render.
    const QFont labelFont = pixelFont(labelPixels);
    const QFontMetricsF labelMetrics(labelFont);
    // Whole pixels, so that lines on the plot area's edges (a limit at the axis maximum) are
    // drawn crisp rather than smeared over two half-covered rows.
    const double left =
        std::round(labelMetrics.horizontalAdvance(QStringLiteral("8888 MiB ")) + labelPixels * 0.8);
    const double right = std::round(labelMetrics.horizontalAdvance(QStringLiteral("88:88:88")) / 2 +
                                    labelPixels * 0.6);
    const double top = std::round(titlePixels * 2.0);
    const double bottom = std::round(timeLabels ? labelPixels * 2.0 : labelPixels * 0.8);
    const QRectF plot(left, top, geometry.width() - left - right, geometry.height() - top - bottom);
    m_chart->setPlotArea(plot);
    m_background =
        scene->addRect(plot.translated(geometry.topLeft()), Qt::NoPen, ChartTheme::plotArea);
    scene->addItem(m_chart);

    m_valueAxis = new QValueAxis;
    styleAxis(m_valueAxis, labelFont);
    m_valueAxis->setTickType(QValueAxis::TicksDynamic);
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setRange(m_shownRange.min, m_shownRange.max);
    m_valueAxis->setTickInterval(m_shownRange.tickInterval);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    m_timeAxis = new QDateTimeAxis;
    styleAxis(m_timeAxis, labelFont);
    m_timeAxis->setFormat(QString()); // the first update() sets it when labels show
    m_timeAxis->setLabelsVisible(false);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);

    m_fillEdge = new QLineSeries(m_chart);
    m_fill = new QAreaSeries(m_fillEdge);
    m_fill->setPen(Qt::NoPen);
    m_fill->setBrush(fill);

    m_limit = new QLineSeries;
    QPen limitPen(ChartTheme::limit, std::max(2.0, std::round(lineWidth * 0.6)), Qt::DashLine);
    limitPen.setCapStyle(Qt::FlatCap);
    m_limit->setPen(limitPen);

    m_line = new QLineSeries;
    QPen linePen(colour, lineWidth);
    linePen.setJoinStyle(Qt::RoundJoin);
    linePen.setCapStyle(Qt::RoundCap);
    m_line->setPen(linePen);
    m_line->setColor(colour);
    m_line->setMarkerSize(lineWidth * 3);

    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_fill), static_cast<QAbstractSeries *>(m_limit),
          static_cast<QAbstractSeries *>(m_line)}) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    }

    m_title = new QGraphicsSimpleTextItem(m_chart);
    m_title->setFont(pixelFont(titlePixels, true));
    m_title->setBrush(ChartTheme::text);
    m_title->setPos(left, (top - titlePixels * 1.2) / 2);

    m_waiting = new QGraphicsSimpleTextItem(m_chart);
    m_waiting->setFont(pixelFont(titlePixels));
    m_waiting->setBrush(ChartTheme::text);
    m_waiting->setZValue(10);
    setWaitingText(QStringLiteral("Waiting for data…"));
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::update(const QList<QPointF> &points, const AxisRange &valueRange,
                        const TimeRange &timeRange, double limit, const QString &title)
{
    m_scaled.clear();
    m_scaled.reserve(points.size());
    for (const QPointF &point : points) {
        if (std::isfinite(point.x()) && std::isfinite(point.y()))
            m_scaled.append(QPointF(point.x(), point.y() / valueRange.divisor));
    }

    // QtCharts relayouts the whole chart (each label measured and laid out as rich text) after
    // any setter, even one that sets the value it had: only what changed is set. (Setting the
    // label formats to empty text around the range setters, so that their immediate relayout
    // has no text to lay out, costs more than it saves: the changed formats relayout too.)
    const bool valueMoves = valueRange.min != m_shownRange.min ||
                            valueRange.max != m_shownRange.max ||
                            valueRange.tickInterval != m_shownRange.tickInterval;
    if (valueMoves) {
        m_valueAxis->setTickInterval(transitionTickInterval(m_shownRange, valueRange));
        m_valueAxis->setRange(valueRange.min, valueRange.max);
        m_valueAxis->setTickInterval(valueRange.tickInterval);
    }
    m_shownRange = valueRange;
    const QString labelFormat = QStringLiteral("%.") + QString::number(valueRange.decimals) +
                                QStringLiteral("f ") + valueRange.unit +
                                // QtCharts sets the labels flush against the axis line.
                                QLatin1Char(' ');
    if (labelFormat != m_valueAxis->labelFormat())
        m_valueAxis->setLabelFormat(labelFormat);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(timeRange.min)),
                         QDateTime::fromMSecsSinceEpoch(qint64(timeRange.max)));
    m_timeAxis->setTickCount(timeRange.tickCount);
    // QtCharts lays out hidden labels on every relayout too (measured, shaped, set as rich
    // text): give them no text.
    const bool timeLabels = m_timeLabels && timeRange.labelled;
    const QString timeFormat = timeLabels ? QStringLiteral("HH:mm:ss") : QString();
    if (timeFormat != m_timeAxis->format())
        m_timeAxis->setFormat(timeFormat);
    m_timeAxis->setLabelsVisible(timeLabels);

    // A line needs two points; a lone sample is drawn as a dot. Dots are off otherwise, as the
    // plot area would clip the first and last in half.
    m_line->setPointsVisible(m_scaled.size() == 1);
    m_line->replace(m_scaled);
    m_fillEdge->replace(m_scaled);
    if (limit > 0) {
        const double y = limit / valueRange.divisor;
        m_limit->replace({QPointF(timeRange.min, y), QPointF(timeRange.max, y)});
        m_limit->setVisible(true);
    } else {
        m_limit->setVisible(false);
    }
    m_title->setText(title);
    m_waiting->setVisible(m_scaled.isEmpty());
    // QtCharts lays out axes and series when the posted LayoutRequest arrives; a render that
    // runs before the event loop does would draw the previous layout.
    QCoreApplication::sendPostedEvents(m_chart, QEvent::LayoutRequest);
}

void ChartPanel::setWaitingText(const QString &text)
{
    if (m_waiting->text() == text)
        return;
    m_waiting->setText(text);
    // The note is an item of the chart: chart coordinates.
    m_waiting->setPos(m_chart->plotArea().center() - m_waiting->boundingRect().center());
}

QRectF ChartPanel::plotArea() const
{
    return m_chart->mapRectToScene(m_chart->plotArea());
}

} // namespace Pterodisbot
