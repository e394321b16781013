#include "LiveChart.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QResizeEvent>
#include <QValueAxis>

#include "ChartScales.h"
#include "ChartTheme.h"

namespace Pterodisbot {

namespace {

constexpr double seriesWidth = 3;
// The embed's proportions (title, panel titles, notes to axis labels), at the window's text size.
constexpr double titleScale = 1.45;
constexpr double panelTitleScale = 1.15;
constexpr double noteScale = 1.15;

QFont scaledFont(const QFont &base, double scale, bool bold)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else
        font.setPixelSize(qRound(font.pixelSize() * scale));
    font.setBold(bold);
    return font;
}

// "2.57 GiB", "4 GiB": trailing zeros dropped so limits read as people set them (as the embed).
QString formatValue(double value, int decimals, const QString &unit)
{
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text + QLatin1Char(' ') + unit;
}

QString formatMemory(double mib)
{
    return mib >= 1024 ? formatValue(mib / 1024, 2, QStringLiteral("GiB"))
                       : formatValue(mib, 0, QStringLiteral("MiB"));
}

QString cpuTitle(const ChartInput &input)
{
    if (input.cpuPercent.isEmpty())
        return LiveChart::tr("CPU");
    const double last = input.cpuPercent.last().y();
    const QString value = formatValue(last, last < 10 ? 1 : 0, QStringLiteral("%"));
    if (input.cpuLimitPercent > 0) {
        return LiveChart::tr("CPU  %1 of %2")
            .arg(value, formatValue(input.cpuLimitPercent, 0, QStringLiteral("%")));
    }
    return LiveChart::tr("CPU  %1 (no limit)").arg(value);
}

QString memoryTitle(const ChartInput &input)
{
    if (input.memoryMiB.isEmpty())
        return LiveChart::tr("Memory");
    const QString value = formatMemory(input.memoryMiB.last().y());
    if (input.memoryLimitMiB > 0)
        return LiveChart::tr("Memory  %1 of %2").arg(value, formatMemory(input.memoryLimitMiB));
    return LiveChart::tr("Memory  %1 (no limit)").arg(value);
}

// The span the samples cover ("last 50 s"), rounded as the embed's title rounds it.
QString spanText(const ChartInput &input)
{
    const QList<QPointF> &points =
        input.cpuPercent.size() >= 2 ? input.cpuPercent : input.memoryMiB;
    if (points.size() < 2)
        return {};
    const qint64 seconds = (qint64(points.last().x() - points.first().x()) + 500) / 1000;
    if (seconds < 90)
        return LiveChart::tr("last %1 s").arg(std::max<qint64>(1, seconds));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90)
        return LiveChart::tr("last %1 min").arg(minutes);
    return LiveChart::tr("last %1 h").arg((minutes + 30) / 60);
}

void styleAxis(QAbstractAxis *axis)
{
    axis->setLabelsBrush(ChartTheme::text);
    axis->setGridLineColor(ChartTheme::grid);
    axis->setLinePen(QPen(ChartTheme::grid, 1));
    axis->setMinorGridLineVisible(false);
    axis->setTitleVisible(false);
}

} // namespace

// One chart of the view: a series with its fill, a dashed limit line, a value axis and a time
// axis over a plot area placed by hand, so that both panels share their left and right edges.
class LiveChart::Panel
{
public:
    Panel(QChart *chart, QGraphicsScene *scene, QColor colour, QColor fill, bool timeLabels)
        : m_chart(chart)
        , m_timeLabels(timeLabels)
    {
        m_chart->setMargins({0, 0, 0, 0});
        m_chart->setBackgroundVisible(false);
        m_chart->setPlotAreaBackgroundVisible(false);
        m_chart->legend()->hide();
        m_chart->setAnimationOptions(QChart::NoAnimation);
        // QtCharts' own plot area background does not follow a plot area set by hand.
        m_background = scene->addRect(QRectF(), Qt::NoPen, ChartTheme::plotArea);
        m_background->setZValue(-1);

        m_valueAxis = new QValueAxis;
        styleAxis(m_valueAxis);
        m_valueAxis->setTickType(QValueAxis::TicksDynamic);
        m_valueAxis->setTickAnchor(0);
        m_valueAxis->setRange(m_shown.min, m_shown.max);
        m_valueAxis->setTickInterval(m_shown.tickInterval);
        m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

        m_timeAxis = new QDateTimeAxis;
        styleAxis(m_timeAxis);
        m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
        m_timeAxis->setLabelsVisible(false);
        m_chart->addAxis(m_timeAxis, Qt::AlignBottom);

        m_fillEdge = new QLineSeries(m_chart);
        m_fill = new QAreaSeries(m_fillEdge);
        m_fill->setPen(Qt::NoPen);
        m_fill->setBrush(fill);

        m_limit = new QLineSeries;
        QPen limitPen(ChartTheme::limit, 2, Qt::DashLine);
        limitPen.setCapStyle(Qt::FlatCap);
        m_limit->setPen(limitPen);
        m_limit->setVisible(false);

        m_line = new QLineSeries;
        QPen linePen(colour, seriesWidth);
        linePen.setJoinStyle(Qt::RoundJoin);
        linePen.setCapStyle(Qt::RoundCap);
        m_line->setPen(linePen);
        m_line->setColor(colour);
        m_line->setMarkerSize(seriesWidth * 3);

        for (QAbstractSeries *series :
             {static_cast<QAbstractSeries *>(m_fill), static_cast<QAbstractSeries *>(m_limit),
              static_cast<QAbstractSeries *>(m_line)}) {
            m_chart->addSeries(series);
            series->attachAxis(m_timeAxis);
            series->attachAxis(m_valueAxis);
        }

        m_title = new QGraphicsSimpleTextItem(m_chart);
        m_title->setBrush(ChartTheme::text);
        m_note = new QGraphicsSimpleTextItem(m_chart);
        m_note->setBrush(ChartTheme::text);
        m_note->setZValue(10);
        m_note->setVisible(false);
    }
    Q_DISABLE_COPY_MOVE(Panel)
    ~Panel() = default; // every item belongs to the scene

    void setFonts(const QFont &labelFont, const QFont &titleFont, const QFont &noteFont)
    {
        m_valueAxis->setLabelsFont(labelFont);
        m_timeAxis->setLabelsFont(labelFont);
        m_title->setFont(titleFont);
        m_note->setFont(noteFont);
    }

    //! Text centred on the plot area ("waiting for data"); empty hides it.
    void setNote(const QString &text)
    {
        m_note->setText(text);
        m_note->setVisible(!text.isEmpty());
        placeNote();
    }

    //! The range's tick interval, doubled until its labels fit the panel's height: QtCharts
    //! elides every label to "…" when they overlap, which a short window makes them do.
    double fittedTickInterval(const AxisRange &range) const
    {
        double interval = range.tickInterval;
        const double plotHeight = m_background->rect().height();
        const double labelHeight = QFontMetricsF(m_valueAxis->labelsFont()).height() * 1.3;
        if (interval <= 0 || plotHeight <= 0 || range.max <= range.min)
            return interval;
        while ((range.max - range.min) / interval + 1 > 2 &&
               ((range.max - range.min) / interval + 1) * labelHeight > plotHeight)
            interval *= 2;
        return interval;
    }

    //! \a geometry in scene coordinates; \a plot inside it, in the chart's coordinates.
    void setGeometry(const QRectF &geometry, const QRectF &plot)
    {
        m_chart->setGeometry(geometry);
        m_chart->setPlotArea(plot);
        // A new plot area moves the series but not the axes: QtCharts lays the axes out around
        // the plot area only when its layout runs, which a resize of the chart triggers only
        // when the size changed, and before the plot area was set. Run it again.
        m_chart->layout()->invalidate();
        m_background->setRect(plot.translated(geometry.topLeft()));
        if (m_shown.max > m_shown.min) // a new height fits another number of labels
            m_valueAxis->setTickInterval(fittedTickInterval(m_shown));
        m_title->setPos(plot.left(), (plot.top() - m_title->boundingRect().height()) / 2);
        placeNote();
    }

    void update(const QList<QPointF> &points, const AxisRange &valueRange,
                const TimeRange &timeRange, double limit, const QString &title)
    {
        m_scaled.clear();
        m_scaled.reserve(points.size());
        for (const QPointF &point : points) {
            if (std::isfinite(point.x()) && std::isfinite(point.y()))
                m_scaled.append(QPointF(point.x(), point.y() / valueRange.divisor));
        }

        // Through an interval both ranges show with few ticks (ChartScales.h explains why).
        m_valueAxis->setTickInterval(transitionTickInterval(m_shown, valueRange));
        m_valueAxis->setRange(valueRange.min, valueRange.max);
        m_valueAxis->setTickInterval(fittedTickInterval(valueRange));
        m_shown = valueRange;
        // QtCharts sets the labels flush against the axis line: a trailing space keeps a gap.
        m_valueAxis->setLabelFormat(QStringLiteral("%.") + QString::number(valueRange.decimals) +
                                    QStringLiteral("f ") + valueRange.unit + QLatin1Char(' '));
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(timeRange.min)),
                             QDateTime::fromMSecsSinceEpoch(qint64(timeRange.max)));
        m_timeAxis->setTickCount(timeRange.tickCount);
        m_timeAxis->setLabelsVisible(m_timeLabels && timeRange.labelled);

        // A lone sample has no line to draw: a dot shows where it is.
        m_line->setPointsVisible(m_scaled.size() == 1);
        // The note goes in the half of the plot the dot leaves free.
        m_noteHeight = 0.5;
        if (m_scaled.size() == 1 && valueRange.max > valueRange.min) {
            const double share =
                (m_scaled.first().y() - valueRange.min) / (valueRange.max - valueRange.min);
            m_noteHeight = share >= 0.5 ? 0.75 : 0.25;
        }
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
    }

    //! Lays the chart out now rather than when the posted LayoutRequest arrives: a grab() or a
    //! paint before the event loop turns would draw the series in the previous geometry.
    void flushLayout() { QCoreApplication::sendPostedEvents(m_chart, QEvent::LayoutRequest); }

    int pointCount() const { return int(m_line->count()); }

    QPair<double, double> range() const
    {
        return {m_valueAxis->min() * m_shown.divisor, m_valueAxis->max() * m_shown.divisor};
    }

    QRectF plotArea() const { return m_background->rect(); }

private:
    void placeNote()
    {
        const QRectF plot = m_chart->plotArea();
        const QPointF anchor(plot.center().x(), plot.top() + plot.height() * m_noteHeight);
        const QPointF topLeft = anchor - m_note->boundingRect().center();
        m_note->setPos(std::round(topLeft.x()), std::round(topLeft.y()));
    }

    QChart *m_chart; // owned by the scene, like every item below
    QGraphicsRectItem *m_background = nullptr;
    QLineSeries *m_line = nullptr;
    QLineSeries *m_fillEdge = nullptr; // the area's upper edge, not drawn itself
    QAreaSeries *m_fill = nullptr;
    QLineSeries *m_limit = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QGraphicsSimpleTextItem *m_title = nullptr;
    QGraphicsSimpleTextItem *m_note = nullptr;
    double m_noteHeight = 0.5; // where the note sits, as a share of the plot's height from its top
    QList<QPointF> m_scaled;   // reused between updates
    AxisRange m_shown;         // the value axis as last set
    bool m_timeLabels;
};

LiveChart::LiveChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(ChartTheme::background);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    // The view's own chart is the CPU panel; the memory panel is a second chart in its scene.
    auto *memoryChart = new QChart;
    scene()->addItem(memoryChart);
    m_cpu = std::make_unique<Panel>(chart(), scene(), ChartTheme::cpu, ChartTheme::cpuFill, false);
    m_memory = std::make_unique<Panel>(memoryChart, scene(), ChartTheme::memory,
                                       ChartTheme::memoryFill, true);

    m_title = scene()->addSimpleText(QString());
    m_title->setBrush(ChartTheme::text);
    m_cover = scene()->addRect(QRectF(), Qt::NoPen, ChartTheme::background);
    m_cover->setZValue(100);
    m_cover->setVisible(false);
    m_hint = scene()->addSimpleText(QString());
    m_hint->setBrush(ChartTheme::text);
    m_hint->setZValue(101);

    applyFonts();
    setInput({});
}

LiveChart::~LiveChart() = default;

void LiveChart::setInput(const ChartInput &input)
{
    const TimeRange time = timeAxisRange(input);
    m_cpu->update(input.cpuPercent, Pterodisbot::cpuAxisRange(input), time, input.cpuLimitPercent,
                  cpuTitle(input));
    m_memory->update(input.memoryMiB, Pterodisbot::memoryAxisRange(input), time,
                     input.memoryLimitMiB, memoryTitle(input));
    const QString span = spanText(input);
    m_title->setText(span.isEmpty() || input.title.isEmpty()
                         ? input.title
                         : input.title + QStringLiteral(" · ") + span);
    // Per panel, as the embed's image says it: a line needs two samples.
    const QString waiting = tr("Waiting for data…");
    const bool cpuWaiting = input.cpuPercent.size() < 2;
    const bool memoryWaiting = input.memoryMiB.size() < 2;
    m_cpu->setNote(cpuWaiting ? waiting : QString());
    m_memory->setNote(memoryWaiting ? waiting : QString());
    setHintText(QString());
    m_hintText = cpuWaiting || memoryWaiting ? waiting : QString();
    m_cover->setVisible(false);
    layoutPanels();
}

void LiveChart::showHint(const QString &text)
{
    setInput({});
    // No server to graph: empty axes would read as a server idling at zero, so only the text. The
    // panels are covered rather than hidden: a hidden QChart skips its layout and comes back
    // with its axis labels elided.
    m_cover->setVisible(true);
    setHintText(text);
    layoutPanels();
}

int LiveChart::cpuPointCount() const
{
    return m_cpu->pointCount();
}

int LiveChart::memoryPointCount() const
{
    return m_memory->pointCount();
}

QPair<double, double> LiveChart::cpuAxisRange() const
{
    return m_cpu->range();
}

QPair<double, double> LiveChart::memoryAxisRange() const
{
    return m_memory->range();
}

void LiveChart::resizeEvent(QResizeEvent *event)
{
    // Not QChartView's: it would stretch the CPU chart over the whole view.
    QGraphicsView::resizeEvent(event);
    layoutPanels();
}

void LiveChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        layoutPanels();
    }
}

void LiveChart::applyFonts()
{
    const QFont panelTitleFont = scaledFont(font(), panelTitleScale, true);
    const QFont noteFont = scaledFont(font(), noteScale, false);
    m_cpu->setFonts(font(), panelTitleFont, noteFont);
    m_memory->setFonts(font(), panelTitleFont, noteFont);
    m_title->setFont(scaledFont(font(), titleScale, true));
    m_hint->setFont(scaledFont(font(), titleScale, false));
}

void LiveChart::setHintText(const QString &text)
{
    m_hintText = text;
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

void LiveChart::layoutPanels()
{
    const QSizeF size = viewport()->size();
    scene()->setSceneRect(QRectF(QPointF(0, 0), size));
    m_cover->setRect(scene()->sceneRect());

    // Margins from the fonts, as the embed's figure takes them from its pixel sizes: room for
    // "8888 MiB" left of the plot, half a clock time right of it (the last time label is
    // centred on the plot's edge), a title line above each panel.
    const QFontMetricsF label(font());
    const QFontMetricsF title(m_title->font());
    const double left =
        std::round(label.horizontalAdvance(QStringLiteral("8888 MiB ")) + label.height() * 0.8);
    const double right =
        std::round(label.horizontalAdvance(QStringLiteral("88:88:88")) / 2 + label.height());
    const double band = m_title->text().isEmpty() ? std::round(label.height() * 0.5)
                                                  : std::round(title.height() * 1.8);
    const double panelTop =
        std::round(QFontMetricsF(scaledFont(font(), panelTitleScale, true)).height() * 2.0);
    const double gap = std::round(label.height() * 0.9);
    const double timeLabels = std::round(label.height() * 2.0);
    const double width = size.width();
    const double plotHeight =
        std::max(1.0, std::floor((size.height() - band - 2 * panelTop - gap - timeLabels) / 2));
    const double plotWidth = std::max(1.0, width - left - right);

    const double upperHeight = panelTop + plotHeight + gap;
    m_cpu->setGeometry(QRectF(0, band, width, upperHeight),
                       QRectF(left, panelTop, plotWidth, plotHeight));
    m_memory->setGeometry(QRectF(0, band + upperHeight, width, size.height() - band - upperHeight),
                          QRectF(left, panelTop, plotWidth, plotHeight));

    m_cpu->flushLayout();
    m_memory->flushLayout();

    const QRectF titleBounds = m_title->boundingRect();
    m_title->setPos(std::round((width - titleBounds.width()) / 2),
                    std::round((band - titleBounds.height()) / 2));
    const QPointF hintPos = QRectF(QPointF(0, 0), size).center() - m_hint->boundingRect().center();
    m_hint->setPos(std::round(hintPos.x()), std::round(hintPos.y()));
}

} // namespace Pterodisbot
