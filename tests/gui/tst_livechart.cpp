#include "ChartScales.h"
#include "ChartTheme.h"
#include "LiveChart.h"

#include <algorithm>

#include <QBuffer>
#include <QChart>
#include <QDateTimeAxis>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace Pterodisbot;

namespace {

constexpr double t0 = 1'700'000'000'000.0;
constexpr int tolerance = 12; // per channel, for antialiased edges

//! Samples 10 s apart, as the bot's cycle records them.
ChartInput makeInput(const QList<double> &cpu, int cpuLimit, const QList<double> &memory,
                     double memoryLimit)
{
    ChartInput input;
    input.title = QStringLiteral("Survival");
    input.cpuLimitPercent = cpuLimit;
    input.memoryLimitMiB = memoryLimit;
    for (int i = 0; i < cpu.size(); ++i)
        input.cpuPercent.append({t0 + i * 10'000, cpu[i]});
    for (int i = 0; i < memory.size(); ++i)
        input.memoryMiB.append({t0 + i * 10'000, memory[i]});
    return input;
}

ChartInput busyInput()
{
    return makeInput({35, 80, 190, 260, 240, 150}, 400, {1500, 1620, 1910, 2240, 2310, 2050}, 4096);
}

bool near(QRgb pixel, const QColor &colour)
{
    return qAbs(qRed(pixel) - colour.red()) <= tolerance &&
           qAbs(qGreen(pixel) - colour.green()) <= tolerance &&
           qAbs(qBlue(pixel) - colour.blue()) <= tolerance;
}

int countColour(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += near(image.pixel(x, y), colour) ? 1 : 0;
    }
    return count;
}

QImage grabImage(LiveChart &chart)
{
    return chart.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace

class TestLiveChart final : public QObject
{
    Q_OBJECT

private slots:
    void followsTheInput_data()
    {
        QTest::addColumn<QList<double>>("cpu");
        QTest::addColumn<int>("cpuLimit");
        QTest::addColumn<QList<double>>("memory");
        QTest::addColumn<double>("memoryLimit");
        QTest::addColumn<double>("cpuMax");
        QTest::addColumn<double>("memoryMax");
        QTest::addColumn<bool>("waiting");

        QTest::newRow("four cores, limits known")
            << QList<double>{20, 35, 80, 120, 90, 60} << 400
            << QList<double>{900, 950, 1000, 1020, 1010, 990} << 4096.0 << 400.0 << 4096.0 << false;
        QTest::newRow("unlimited: the peak's next core, memory with headroom")
            << QList<double>{50, 250, 120} << 0 << QList<double>{300, 400, 350} << 0.0 << 300.0
            << 512.0 << false;
        QTest::newRow("peaks above the limits extend the axes")
            << QList<double>{90, 180, 150} << 100 << QList<double>{1600, 1700, 1800} << 1536.0
            << 200.0 << 3072.0 << false;
        QTest::newRow("one sample is not a graph yet")
            << QList<double>{40} << 200 << QList<double>{512} << 1024.0 << 200.0 << 1024.0 << true;
        QTest::newRow("no samples")
            << QList<double>{} << 0 << QList<double>{} << 0.0 << 100.0 << 1024.0 << true;
    }

    void followsTheInput()
    {
        QFETCH(QList<double>, cpu);
        QFETCH(int, cpuLimit);
        QFETCH(QList<double>, memory);
        QFETCH(double, memoryLimit);
        QFETCH(double, cpuMax);
        QFETCH(double, memoryMax);
        QFETCH(bool, waiting);

        LiveChart chart;
        chart.resize(800, 520);
        const ChartInput input = makeInput(cpu, cpuLimit, memory, memoryLimit);
        chart.setInput(input);

        QCOMPARE(chart.cpuPointCount(), int(cpu.size()));
        QCOMPARE(chart.memoryPointCount(), int(memory.size()));
        QCOMPARE(chart.cpuAxisRange(), qMakePair(0.0, cpuMax));
        QCOMPARE(chart.memoryAxisRange(), qMakePair(0.0, memoryMax));
        // Every sample and the limit fit on the axes.
        for (const double value : cpu)
            QVERIFY(value <= chart.cpuAxisRange().second);
        for (const double value : memory)
            QVERIFY(value <= chart.memoryAxisRange().second);
        QVERIFY(cpuLimit <= chart.cpuAxisRange().second);
        QVERIFY(memoryLimit <= chart.memoryAxisRange().second);
        // The embed's image draws the same ranges.
        const AxisRange imageMemory = Pterodisbot::memoryAxisRange(input);
        QCOMPARE(chart.cpuAxisRange().second, Pterodisbot::cpuAxisRange(input).max);
        QCOMPARE(chart.memoryAxisRange().second, imageMemory.max * imageMemory.divisor);
        QCOMPARE(!chart.hint().isEmpty(), waiting);
    }

    void newInputReplacesThePoints()
    {
        LiveChart chart;
        chart.setInput(busyInput());
        QCOMPARE(chart.cpuPointCount(), 6);
        QChart *cpuChart = chart.chart();
        const QList<QAbstractSeries *> series = cpuChart->series();
        const QList<QAbstractAxis *> axes = cpuChart->axes();

        ChartInput next = busyInput();
        for (QPointF &point : next.cpuPercent)
            point.rx() += 10'000;
        chart.setInput(next);
        QCOMPARE(chart.cpuPointCount(), 6);
        QCOMPARE(chart.memoryPointCount(), 6);

        chart.setInput(makeInput({10, 20, 30}, 0, {100, 110, 120}, 0));
        QCOMPARE(chart.cpuPointCount(), 3);
        QCOMPARE(chart.memoryPointCount(), 3);
        QCOMPARE(chart.cpuAxisRange(), qMakePair(0.0, 100.0));

        // Updated in place: the same chart, series and axes.
        QCOMPARE(chart.chart(), cpuChart);
        QVERIFY(cpuChart->series() == series);
        QVERIFY(cpuChart->axes() == axes);
    }

    void hintReplacesTheGraph()
    {
        LiveChart chart;
        chart.setInput({});
        QCOMPARE(chart.hint(), LiveChart::tr("Waiting for data…"));

        chart.setInput(busyInput());
        QVERIFY(chart.hint().isEmpty());

        const QString text = QStringLiteral("Select a running server");
        chart.showHint(text);
        QCOMPARE(chart.hint(), text);
        QCOMPARE(chart.cpuPointCount(), 0);
        QCOMPARE(chart.memoryPointCount(), 0);

        // Only the text: no empty axes that would read as an idle server.
        chart.resize(600, 400);
        const QImage hinted = grabImage(chart);
        int plotPixels = 0;
        for (int y = 0; y < hinted.height(); ++y) {
            for (int x = 0; x < hinted.width(); ++x)
                plotPixels += hinted.pixel(x, y) == ChartTheme::plotArea.rgb() ? 1 : 0;
        }
        // A panel would be tens of thousands; a few may be the text's antialiased edge.
        QVERIFY2(plotPixels < 100, qPrintable(QString::number(plotPixels)));

        chart.setInput(busyInput());
        QVERIFY(chart.hint().isEmpty());
        QCOMPARE(chart.cpuPointCount(), 6);
        QVERIFY(countColour(grabImage(chart), ChartTheme::cpu) > 100);
    }

    void axesFollowThePlotArea()
    {
        // QtCharts moves the series with a new plot area but lays the axes out again only when
        // asked: whenever the panels move (a title band appears, the window is resized), the
        // area under the CPU line must still end on the axis line, not above or below it.
        const auto fillEndsOnTheAxis = [](const QImage &image) {
            const int x = image.width() / 2;
            int lastFill = -1;
            for (int y = 0; y < image.height() * 3 / 5; ++y) {
                if (near(image.pixel(x, y), ChartTheme::cpuFill))
                    lastFill = y;
            }
            // Right under the area runs the axis line; in the gap between the panels there is
            // nothing but background.
            return lastFill > 0 && !near(image.pixel(x, lastFill + 1), ChartTheme::background) &&
                   near(image.pixel(x, lastFill + 3), ChartTheme::background);
        };
        LiveChart chart;
        chart.resize(900, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setInput(busyInput());
        QVERIFY(fillEndsOnTheAxis(grabImage(chart)));
        for (const QSize size : {QSize(700, 450), QSize(1000, 700)}) {
            chart.resize(size);
            QTRY_COMPARE(chart.viewport()->size(), size);
            QVERIFY(fillEndsOnTheAxis(grabImage(chart)));
        }
    }

    void timeAxisShowsClockTimes()
    {
        LiveChart chart;
        chart.setInput(busyInput());
        QVERIFY(chart.renderHints().testFlag(QPainter::Antialiasing));
        const auto axes = chart.chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        auto *time = qobject_cast<QDateTimeAxis *>(axes.first());
        QVERIFY(time);
        QCOMPARE(time->format(), QStringLiteral("HH:mm:ss"));
        QCOMPARE(time->min().toMSecsSinceEpoch(), qint64(t0));
        QCOMPARE(time->max().toMSecsSinceEpoch(), qint64(t0 + 50'000));
    }

    void grabShowsTheThemedGraph()
    {
        LiveChart chart;
        chart.resize(900, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setInput(busyInput());

        const QPixmap pixmap = chart.grab();
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(pixmap.save(&buffer, "PNG"));
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        // Where to keep a copy, to look at it as a user would.
        const QString keep = qEnvironmentVariable("PTERODISBOT_LIVECHART_PNG");
        if (!keep.isEmpty())
            QVERIFY(pixmap.save(keep, "PNG"));

        const QImage image = pixmap.toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(900, 600) * pixmap.devicePixelRatio());
        const int pixels = image.width() * image.height();
        QVERIFY(countColour(image, ChartTheme::background) > pixels / 20);
        QVERIFY(countColour(image, ChartTheme::plotArea) > pixels / 10);
        QVERIFY(countColour(image, ChartTheme::cpuFill) > pixels / 50);
        QVERIFY(countColour(image, ChartTheme::memoryFill) > pixels / 50);
        QVERIFY(countColour(image, ChartTheme::cpu) > 500);
        QVERIFY(countColour(image, ChartTheme::memory) > 500);
        QVERIFY(countColour(image, ChartTheme::limit) > 200);

        // Without limits there is no dashed line.
        chart.setInput(makeInput({35, 80, 190, 260, 240, 150}, 0, {1500, 1620, 1910}, 0));
        QCOMPARE(countColour(grabImage(chart), ChartTheme::limit), 0);
    }
};

QTEST_MAIN(TestLiveChart)
#include "tst_livechart.moc"
