#include "ChartScales.h"
#include "ChartTheme.h"
#include "i18n/Translations.h"
#include "OffscreenPlatform.h"
#include "QtChartRenderer.h"

#include <QImage>
#include <QTest>

using namespace Pterodisbot;
using Kind = ChartRenderer::Kind;
using Panel = QtChartRenderer::Panel;

namespace {

constexpr double t0 = 1'700'000'000'000.0;
constexpr int tolerance = 10; // per channel

//! \a points samples 10 s apart with constant CPU and memory.
ChartInput flatInput(int points, double cpu, double memoryMiB, int cpuLimit = 200,
                     double memoryLimit = 4096)
{
    ChartInput input;
    input.title = QStringLiteral("Survival");
    input.cpuLimitPercent = cpuLimit;
    input.memoryLimitMiB = memoryLimit;
    for (int i = 0; i < points; ++i) {
        input.cpuPercent.append({t0 + i * 10'000, cpu});
        input.memoryMiB.append({t0 + i * 10'000, memoryMiB});
    }
    return input;
}

QList<QPointF> series(const QList<double> &values)
{
    QList<QPointF> points;
    for (int i = 0; i < values.size(); ++i)
        points.append({t0 + i * 10'000, values[i]});
    return points;
}

bool near(QRgb pixel, const QColor &colour)
{
    return qAbs(qRed(pixel) - colour.red()) <= tolerance &&
           qAbs(qGreen(pixel) - colour.green()) <= tolerance &&
           qAbs(qBlue(pixel) - colour.blue()) <= tolerance;
}

int countColour(const QImage &image, const QRect &area, const QColor &colour)
{
    int count = 0;
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x)
            count += near(image.pixel(x, y), colour) ? 1 : 0;
    }
    return count;
}

//! The row of \a area holding most pixels of \a colour (where a flat line is drawn), or -1.
int densestRow(const QImage &image, const QRect &area, const QColor &colour)
{
    int best = -1;
    int bestCount = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const int count = countColour(image, QRect(area.left(), y, area.width(), 1), colour);
        if (count > bestCount) {
            bestCount = count;
            best = y;
        }
    }
    return best;
}

QRect upperPart(const QRect &area, double fraction)
{
    return QRect(area.left(), area.top(), area.width(), int(area.height() * fraction));
}

QRect lowerPart(const QRect &area, double fraction)
{
    const int height = int(area.height() * fraction);
    return QRect(area.left(), area.bottom() - height + 1, area.width(), height);
}

QImage decode(const QByteArray &png)
{
    return QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32);
}

} // namespace

class TestChartRenderer final : public QObject
{
    Q_OBJECT

private slots:
    void pngDecodesAtTheRightSize_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("points");
        for (const int points : {0, 1, 6}) {
            QTest::addRow("combined, %d points", points) << int(Kind::Combined) << points;
            QTest::addRow("cpu, %d points", points) << int(Kind::Cpu) << points;
            QTest::addRow("memory, %d points", points) << int(Kind::Memory) << points;
        }
    }
    void pngDecodesAtTheRightSize()
    {
        QFETCH(int, kind);
        QFETCH(int, points);
        const QByteArray png = m_renderer.render(Kind(kind), flatInput(points, 120, 1500));
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        const QImage image = QImage::fromData(png, "PNG");
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_renderer.imageSize(Kind(kind)));
        // Every figure is drawn on the theme background.
        QVERIFY(near(image.pixel(1, image.height() - 2), ChartTheme::background));
    }

    void sizesPerKind()
    {
        QCOMPARE(m_renderer.imageSize(Kind::Combined), QSize(900, 600));
        QCOMPARE(m_renderer.imageSize(Kind::Cpu), QSize(900, 330));
        QCOMPARE(m_renderer.imageSize(Kind::Memory), QSize(900, 330));
        QtChartRenderer::Options options;
        options.combinedSize = QSize(640, 480);
        options.cpuSize = QSize(500, 200);
        QtChartRenderer small(options);
        QCOMPARE(decode(small.render(Kind::Combined, flatInput(6, 50, 500))).size(),
                 QSize(640, 480));
        QCOMPARE(decode(small.render(Kind::Cpu, flatInput(6, 50, 500))).size(), QSize(500, 200));
    }

    void seriesColoursWhereTheDataSays()
    {
        // CPU high (190 of 200 %) and memory low (300 MiB of 4 GiB).
        const QImage image = decode(m_renderer.render(Kind::Combined, flatInput(6, 190, 300)));
        const QRect cpuPlot = m_renderer.plotArea(Kind::Combined, Panel::Cpu);
        const QRect memoryPlot = m_renderer.plotArea(Kind::Combined, Panel::Memory);
        QVERIFY(cpuPlot.bottom() < memoryPlot.top()); // CPU above, memory below
        const int lineLength = cpuPlot.width() * 8 / 10;

        QVERIFY2(countColour(image, upperPart(cpuPlot, 0.3), ChartTheme::cpu) > lineLength,
                 "the CPU line belongs in the top of the CPU panel");
        QCOMPARE(countColour(image, lowerPart(cpuPlot, 0.5), ChartTheme::cpu), 0);
        QVERIFY2(countColour(image, lowerPart(memoryPlot, 0.3), ChartTheme::memory) > lineLength,
                 "the memory line belongs in the bottom of the memory panel");
        QCOMPARE(countColour(image, upperPart(memoryPlot, 0.5), ChartTheme::memory), 0);
        QCOMPARE(countColour(image, cpuPlot, ChartTheme::memory), 0);
        QCOMPARE(countColour(image, memoryPlot, ChartTheme::cpu), 0);

        // And the other way round, in the same (reused) figure.
        const QImage swapped = decode(m_renderer.render(Kind::Combined, flatInput(6, 12, 3900)));
        QVERIFY(countColour(swapped, lowerPart(cpuPlot, 0.3), ChartTheme::cpu) > lineLength);
        QCOMPARE(countColour(swapped, upperPart(cpuPlot, 0.5), ChartTheme::cpu), 0);
        QVERIFY(countColour(swapped, upperPart(memoryPlot, 0.3), ChartTheme::memory) > lineLength);
        QCOMPARE(countColour(swapped, lowerPart(memoryPlot, 0.5), ChartTheme::memory), 0);
    }

    void singleGraphsShowOneSeries()
    {
        const ChartInput input = flatInput(6, 100, 2048);
        const QImage cpu = decode(m_renderer.render(Kind::Cpu, input));
        QVERIFY(countColour(cpu, cpu.rect(), ChartTheme::cpu) > 300);
        QCOMPARE(countColour(cpu, cpu.rect(), ChartTheme::memory), 0);
        QVERIFY(m_renderer.plotArea(Kind::Cpu, Panel::Memory).isEmpty());

        const QImage memory = decode(m_renderer.render(Kind::Memory, input));
        QVERIFY(countColour(memory, memory.rect(), ChartTheme::memory) > 300);
        QCOMPARE(countColour(memory, memory.rect(), ChartTheme::cpu), 0);
        QVERIFY(m_renderer.plotArea(Kind::Memory, Panel::Cpu).isEmpty());
    }

    void drawnCpuLineFollowsTheVcpuCount_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<double>("fraction"); // of the plot height, from the bottom
        QTest::newRow("100 % of 1 vCPU") << 100 << 100.0 << 1.0;
        QTest::newRow("100 % of 2 vCPU") << 200 << 100.0 << 0.5;
        QTest::newRow("100 % of 4 vCPU") << 400 << 100.0 << 0.25;
        QTest::newRow("300 % of 4 vCPU") << 400 << 300.0 << 0.75;
        QTest::newRow("150 % unlimited") << 0 << 150.0 << 0.75;
    }
    void drawnCpuLineFollowsTheVcpuCount()
    {
        QFETCH(int, limit);
        QFETCH(double, cpu);
        QFETCH(double, fraction);
        const QImage image = decode(m_renderer.render(Kind::Cpu, flatInput(6, cpu, 100, limit)));
        const QRect plot = m_renderer.plotArea(Kind::Cpu, Panel::Cpu);
        const int expected = qRound(plot.bottom() - fraction * (plot.height() - 1));
        const int row = densestRow(image, plot.adjusted(0, -4, 0, 0), ChartTheme::cpu);
        QVERIFY2(qAbs(row - expected) <= 3,
                 qPrintable(QStringLiteral("line at row %1, expected %2").arg(row).arg(expected)));
    }

    void limitLineOnlyWhereALimitApplies()
    {
        // Flat lines in the middle, away from the axis maximum where the limit line lies.
        const QImage limited = decode(m_renderer.render(Kind::Combined, flatInput(6, 90, 2000)));
        const QRect cpuPlot = m_renderer.plotArea(Kind::Combined, Panel::Cpu);
        const QRect memoryPlot = m_renderer.plotArea(Kind::Combined, Panel::Memory);
        const QRect cpuTop = cpuPlot.adjusted(0, -3, 0, -cpuPlot.height() + 4);
        const QRect memoryTop = memoryPlot.adjusted(0, -3, 0, -memoryPlot.height() + 4);
        const int cpuLimit = countColour(limited, cpuTop, ChartTheme::limit);
        const int memoryLimit = countColour(limited, memoryTop, ChartTheme::limit);
        QVERIFY2(cpuLimit > cpuPlot.width() / 4, qPrintable(QString::number(cpuLimit)));
        QVERIFY2(memoryLimit > memoryPlot.width() / 4, qPrintable(QString::number(memoryLimit)));

        const QImage unlimited =
            decode(m_renderer.render(Kind::Combined, flatInput(6, 50, 2000, 0, 0)));
        QCOMPARE(countColour(unlimited, unlimited.rect(), ChartTheme::limit), 0);
    }

    void noCrashWithFewPoints_data()
    {
        QTest::addColumn<int>("points");
        QTest::newRow("0 points") << 0;
        QTest::newRow("1 point") << 1;
        QTest::newRow("2 points") << 2;
        QTest::newRow("6 points") << 6;
    }
    void noCrashWithFewPoints()
    {
        QFETCH(int, points);
        for (const Kind kind : {Kind::Combined, Kind::Cpu, Kind::Memory}) {
            const QImage image = decode(m_renderer.render(kind, flatInput(points, 100, 1000)));
            QCOMPARE(image.size(), m_renderer.imageSize(kind));
            const QColor colour = kind == Kind::Memory ? ChartTheme::memory : ChartTheme::cpu;
            // No data: axes and the waiting note, no series. One point: a dot.
            const int pixels = countColour(image, image.rect(), colour);
            if (points == 0)
                QCOMPARE(pixels, 0);
            else
                QVERIFY2(pixels > 20, qPrintable(QString::number(pixels)));
        }
    }

    void nonFiniteValuesAreSkipped()
    {
        ChartInput input = flatInput(3, 0, 0);
        input.cpuPercent = series({qQNaN(), 150, qInf()});
        input.memoryMiB = series({qInf(), qQNaN(), 300});
        const QImage image = decode(m_renderer.render(Kind::Combined, input));
        QCOMPARE(image.size(), m_renderer.imageSize(Kind::Combined));
        // One finite point each: drawn as a dot.
        QVERIFY(countColour(image, m_renderer.plotArea(Kind::Combined, Panel::Cpu),
                            ChartTheme::cpu) > 20);
        QVERIFY(countColour(image, m_renderer.plotArea(Kind::Combined, Panel::Memory),
                            ChartTheme::memory) > 20);
    }

    // The image speaks the embed's language: its span, titles and "waiting" note are the
    // catalog's, its numbers written as there; the graph itself is the same.
    void labelsFollowTheWording()
    {
        ChartInput english = flatInput(6, 80, 2284);
        ChartInput german = english;
        german.wording = Wording(QStringLiteral("de"));
        QCOMPARE(historySpanText(english), QStringLiteral("last 50 s"));
        const QString span =
            Translations::shipped().text(QStringLiteral("de"), "Chart", "last %1 s");
        QVERIFY2(span != QStringLiteral("last %1 s"), qPrintable(span));
        QCOMPARE(historySpanText(german), span.arg(50));

        QtChartRenderer renderer;
        const QImage englishImage = renderer.renderImage(Kind::Combined, english).copy();
        const QImage germanImage = renderer.renderImage(Kind::Combined, german).copy();
        QVERIFY(germanImage != englishImage);
        QCOMPARE(renderer.renderImage(Kind::Combined, english), englishImage);
        // Only the words differ: the plot areas are drawn alike.
        for (Panel panel : {Panel::Cpu, Panel::Memory}) {
            const QRect plot = renderer.plotArea(Kind::Combined, panel).adjusted(2, 2, -2, -2);
            QCOMPARE(germanImage.copy(plot), englishImage.copy(plot));
        }

        ChartInput waiting = flatInput(0, 0, 0);
        const QImage englishWaiting = renderer.renderImage(Kind::Combined, waiting).copy();
        waiting.wording = Wording(QStringLiteral("fr"));
        QVERIFY(renderer.renderImage(Kind::Combined, waiting) != englishWaiting);
    }

    void reuseKeepsNoStateBetweenRenders()
    {
        QtChartRenderer renderer;
        ChartInput busy = flatInput(6, 0, 0, 400, 0);
        busy.cpuPercent = series({50, 390, 20, 260, 120, 330});
        busy.memoryMiB = series({900, 1200, 2500, 700, 3000, 1800});
        const QImage first = renderer.renderImage(Kind::Combined, busy).copy();
        renderer.renderImage(Kind::Combined, flatInput(0, 0, 0));
        renderer.renderImage(Kind::Combined, flatInput(1, 50, 50, 100, 100));
        const QImage again = renderer.renderImage(Kind::Combined, busy);
        QCOMPARE(again, first);
        QVERIFY(again != renderer.renderImage(Kind::Combined, flatInput(6, 10, 10)).copy());

        // Equal input, equal bytes: the bot hashes the PNG to skip unchanged uploads.
        const QByteArray png = renderer.render(Kind::Combined, busy);
        renderer.render(Kind::Combined, flatInput(6, 10, 10));
        QCOMPARE(renderer.render(Kind::Combined, busy), png);
        QVERIFY(renderer.render(Kind::Combined, flatInput(6, 10, 10)) != png);
    }

    void paletteEncodingKeepsTheThemeColours()
    {
        const QImage drawn = m_renderer.renderImage(Kind::Combined, flatInput(6, 150, 2000));
        const QImage decoded = decode(m_renderer.render(Kind::Combined, flatInput(6, 150, 2000)));
        QCOMPARE(decoded.size(), drawn.size());
        for (const QColor &colour : {ChartTheme::cpu, ChartTheme::memory, ChartTheme::background,
                                     ChartTheme::plotArea, ChartTheme::text}) {
            const int before = countColour(drawn, drawn.rect(), colour);
            const int after = countColour(decoded, decoded.rect(), colour);
            QVERIFY2(before > 0 && qAbs(after - before) <= before / 10 + 5,
                     qPrintable(QStringLiteral("%1: %2 pixels drawn, %3 after encoding")
                                    .arg(colour.name())
                                    .arg(before)
                                    .arg(after)));
        }
        QVERIFY(PngEncoder::themePalette().size() <= 255);

        // Pixel by pixel the 8-bit picture stays within a few levels of the drawn one.
        double sum = 0;
        int farOff = 0;
        for (int y = 0; y < drawn.height(); ++y) {
            for (int x = 0; x < drawn.width(); ++x) {
                const QRgb a = drawn.pixel(x, y);
                const QRgb b = decoded.pixel(x, y);
                const int d = qMax(qMax(qAbs(qRed(a) - qRed(b)), qAbs(qGreen(a) - qGreen(b))),
                                   qAbs(qBlue(a) - qBlue(b)));
                sum += d;
                farOff += d > 8 ? 1 : 0;
            }
        }
        const double pixels = double(drawn.width()) * drawn.height();
        QVERIFY2(sum / pixels < 0.5, qPrintable(QString::number(sum / pixels)));
        QVERIFY2(farOff < pixels / 1000, qPrintable(QString::number(farOff)));
    }

    void offscreenPlatformChoice_data()
    {
        QTest::addColumn<QByteArray>("platform");
        QTest::addColumn<QByteArray>("display");
        QTest::addColumn<QByteArray>("wayland");
        QTest::addColumn<bool>("headless");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no display")
            << QByteArray() << QByteArray() << QByteArray() << false << QByteArray("offscreen");
        QTest::newRow("X11 desktop")
            << QByteArray() << QByteArray(":0") << QByteArray() << false << QByteArray();
        QTest::newRow("Wayland desktop")
            << QByteArray() << QByteArray() << QByteArray("wayland-0") << false << QByteArray();
        QTest::newRow("--no-gui with a display")
            << QByteArray() << QByteArray(":0") << QByteArray() << true << QByteArray("offscreen");
        QTest::newRow("user's choice wins")
            << QByteArray("xcb") << QByteArray() << QByteArray() << true << QByteArray("xcb");
    }
    void offscreenPlatformChoice()
    {
        QFETCH(QByteArray, platform);
        QFETCH(QByteArray, display);
        QFETCH(QByteArray, wayland);
        QFETCH(bool, headless);
        QFETCH(QByteArray, expected);
        const char *names[] = {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"};
        const QByteArray values[] = {platform, display, wayland};
        QByteArray saved[3];
        bool wasSet[3];
        for (int i = 0; i < 3; ++i) {
            wasSet[i] = qEnvironmentVariableIsSet(names[i]);
            saved[i] = qgetenv(names[i]);
            if (values[i].isEmpty())
                qunsetenv(names[i]);
            else
                qputenv(names[i], values[i]);
        }
        const bool chose = prepareOffscreenPlatform(headless);
        const QByteArray result = qgetenv("QT_QPA_PLATFORM");
        for (int i = 0; i < 3; ++i) {
            if (wasSet[i])
                qputenv(names[i], saved[i]);
            else
                qunsetenv(names[i]);
        }
        QCOMPARE(result, expected);
        QCOMPARE(chose, platform.isEmpty() && expected == "offscreen");
    }

private:
    QtChartRenderer m_renderer;
};

QTEST_MAIN(TestChartRenderer)
#include "tst_chartrenderer.moc"
