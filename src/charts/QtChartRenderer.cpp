#include "QtChartRenderer.h"

#include <cmath>

#include <QApplication>
#include <QFont>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QPainter>

#include "ChartPanel.h"
#include "ChartTheme.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

// "2.57 GiB", "4 GiB": trailing zeros dropped so limits read as people set them.
QString formatValue(double value, int decimals, const QString &unit, const Wording &wording)
{
    QString text = wording.decimal(value, decimals);
    const QString point = wording.numberLocale().decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text + QLatin1Char(' ') + unit;
}

QString cpuTitle(const ChartInput &input)
{
    const Wording &wording = input.wording;
    if (input.cpuPercent.isEmpty())
        return wording.translate("Chart", "CPU");
    const double last = input.cpuPercent.last().y();
    const QString now = formatValue(last, last < 10 ? 1 : 0, QStringLiteral("%"), wording);
    if (input.cpuLimitPercent <= 0)
        //: The CPU panel's title: %1 the last reading ("80 %"). Two spaces after the name.
        return wording.translate("Chart", "CPU  %1 (no limit)").arg(now);
    //: The CPU panel's title: %1 the last reading, %2 the server's limit ("200 %").
    return wording.translate("Chart", "CPU  %1 of %2")
        .arg(now, formatValue(input.cpuLimitPercent, 0, QStringLiteral("%"), wording));
}

QString memoryTitle(const ChartInput &input)
{
    const Wording &wording = input.wording;
    if (input.memoryMiB.isEmpty())
        return wording.translate("Chart", "Memory");
    const auto format = [&wording](double mib) {
        return mib >= 1024 ? formatValue(mib / 1024, 2, QStringLiteral("GiB"), wording)
                           : formatValue(mib, 0, QStringLiteral("MiB"), wording);
    };
    const QString now = format(input.memoryMiB.last().y());
    if (input.memoryLimitMiB <= 0)
        //: The memory panel's title: %1 the last reading ("2.23 GiB").
        return wording.translate("Chart", "Memory  %1 (no limit)").arg(now);
    //: The memory panel's title: %1 the last reading, %2 the server's limit ("4 GiB").
    return wording.translate("Chart", "Memory  %1 of %2").arg(now, format(input.memoryLimitMiB));
}

} // namespace

// One scene per kind: panels stacked vertically, for the combined figure under a title band.
class QtChartRenderer::Figure
{
public:
    Figure(Kind kind, QSize size)
        : m_kind(kind)
        , m_image(size, QImage::Format_RGB32)
    {
        const double width = size.width();
        const int titlePixels = qRound(width * ChartTheme::titleFontScale);
        const int panelPixels = qRound(width * ChartTheme::panelTitleFontScale);
        const int labelPixels = qRound(width * ChartTheme::labelFontScale);
        const double lineWidth = std::max(1.5, width * ChartTheme::lineWidthScale);
        m_scene.setSceneRect(0, 0, size.width(), size.height());
        // Items move on every relayout; a BSP index would be rebuilt for each render only to
        // answer one query for the whole scene.
        m_scene.setItemIndexMethod(QGraphicsScene::NoIndex);

        if (kind != Kind::Combined) {
            const bool cpu = kind == Kind::Cpu;
            auto panel = std::make_unique<ChartPanel>(
                &m_scene, m_scene.sceneRect(), cpu ? ChartTheme::cpu : ChartTheme::memory,
                cpu ? ChartTheme::cpuFill : ChartTheme::memoryFill, panelPixels, labelPixels,
                lineWidth, true);
            (kind == Kind::Cpu ? m_cpu : m_memory) = std::move(panel);
            return;
        }
        m_title = m_scene.addSimpleText(QString());
        QFont font;
        font.setPixelSize(titlePixels);
        font.setBold(true);
        m_title->setFont(font);
        m_title->setBrush(ChartTheme::text);
        const double band = std::round(titlePixels * 1.9);
        m_titleBand = band;
        // Equal plot heights: the lower panel also carries the shared time labels.
        const double timeLabels = labelPixels * 1.6;
        const double upper = std::floor((size.height() - band - timeLabels) / 2);
        m_cpu = std::make_unique<ChartPanel>(&m_scene, QRectF(0, band, width, upper),
                                             ChartTheme::cpu, ChartTheme::cpuFill, panelPixels,
                                             labelPixels, lineWidth, false);
        m_memory = std::make_unique<ChartPanel>(
            &m_scene, QRectF(0, band + upper, width, size.height() - band - upper),
            ChartTheme::memory, ChartTheme::memoryFill, panelPixels, labelPixels, lineWidth, true);
    }

    const QImage &render(const ChartInput &input)
    {
        const TimeRange time = timeAxisRange(input);
        const QString prefix = m_kind == Kind::Combined || input.title.isEmpty()
                                   ? QString()
                                   : input.title + QStringLiteral(" · ");
        const QString waiting = input.wording.translate("Chart", "Waiting for data…");
        for (ChartPanel *panel : {m_cpu.get(), m_memory.get()}) {
            if (panel)
                panel->setWaitingText(waiting);
        }
        if (m_cpu)
            m_cpu->update(input.cpuPercent, cpuAxisRange(input), time, input.cpuLimitPercent,
                          prefix + cpuTitle(input));
        if (m_memory)
            m_memory->update(input.memoryMiB, memoryAxisRange(input), time, input.memoryLimitMiB,
                             prefix + memoryTitle(input));
        if (m_title) {
            const QString span = historySpanText(input);
            m_title->setText(span.isEmpty() || input.title.isEmpty()
                                 ? input.title
                                 : input.title + QStringLiteral(" · ") + span);
            const QRectF bounds = m_title->boundingRect();
            m_title->setPos((m_scene.width() - bounds.width()) / 2,
                            (m_titleBand - bounds.height()) / 2);
        }
        // The background as a plain fill (the same opaque colour on every pixel the scene's
        // background brush would paint), cheaper than a brush through the painter.
        m_image.fill(ChartTheme::background);
        QPainter painter(&m_image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene.render(&painter, QRectF(m_image.rect()), m_scene.sceneRect());
        return m_image;
    }

    QRect plotArea(Panel panel) const
    {
        const auto &chart = panel == Panel::Cpu ? m_cpu : m_memory;
        return chart ? chart->plotArea().toAlignedRect() : QRect();
    }

private:
    Kind m_kind;
    QGraphicsScene m_scene;
    QImage m_image;
    QGraphicsSimpleTextItem *m_title = nullptr; // owned by the scene
    double m_titleBand = 0;
    std::unique_ptr<ChartPanel> m_cpu;
    std::unique_ptr<ChartPanel> m_memory;
};

QtChartRenderer::QtChartRenderer()
    : QtChartRenderer(Options{})
{}

QtChartRenderer::QtChartRenderer(const Options &options)
    : m_options(options)
    , m_encoder(options.encoding, options.compression)
{}

QtChartRenderer::~QtChartRenderer() = default;

QSize QtChartRenderer::imageSize(Kind kind) const
{
    switch (kind) {
    case Kind::Cpu:
        return m_options.cpuSize;
    case Kind::Memory:
        return m_options.memorySize;
    case Kind::Combined:
        break;
    }
    return m_options.combinedSize;
}

QtChartRenderer::Figure *QtChartRenderer::figure(Kind kind)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (!m_warnedNoApplication)
            qCWarning(lcCharts) << "cannot draw charts without a QApplication";
        m_warnedNoApplication = true;
        return nullptr;
    }
    auto &slot = m_figures[size_t(kind)];
    if (!slot)
        slot = std::make_unique<Figure>(kind, imageSize(kind));
    return slot.get();
}

QImage QtChartRenderer::renderImage(Kind kind, const ChartInput &input)
{
    Figure *target = figure(kind);
    return target ? target->render(input) : QImage();
}

QByteArray QtChartRenderer::render(Kind kind, const ChartInput &input)
{
    Figure *target = figure(kind);
    return target ? m_encoder.encode(target->render(input)) : QByteArray();
}

QRect QtChartRenderer::plotArea(Kind kind, Panel panel)
{
    Figure *target = figure(kind);
    return target ? target->plotArea(panel) : QRect();
}

} // namespace Pterodisbot
