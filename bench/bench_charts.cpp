// Chart rendering benchmark: milliseconds per PNG (median and p90), encoded size and peak RSS.
// Usage: bench_charts [--renders N] [--vary-limits] [--moving-time] [--write DIR] [--combined WxH]
//                     [--single WxH] [--profile N]
#include <algorithm>
#include <cstdio>
#include <functional>

#include <ctime>

#include <sys/resource.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include "OffscreenPlatform.h"
#include "PngEncoder.h"
#include "QtChartRenderer.h"

using namespace Pterodisbot;

namespace {

struct Figures
{
    double median = 0;
    double p90 = 0;
    double max = 0;
    double cpuMedian = 0; // this thread's CPU time: what the work costs without the waits of a
                          // machine shared with other processes
};

double quantile(QList<double> samples, double q)
{
    std::sort(samples.begin(), samples.end());
    return samples[qMin(samples.size() - 1, qsizetype(q * samples.size()))];
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// Six samples, 10 s apart, as the bot keeps them: a two-core server under changing load.
ChartInput sampleInput(QRandomGenerator &random, int cpuLimit = 200, double memoryLimit = 4096,
                       int points = 6)
{
    ChartInput input;
    input.title = QStringLiteral("Survival SMP");
    input.cpuLimitPercent = cpuLimit;
    input.memoryLimitMiB = memoryLimit;
    const double start = 1'700'000'000'000.0;
    const double cpuCap = cpuLimit > 0 ? cpuLimit : 400; // unlimited: a four-core host
    double cpu = cpuCap * (0.3 + random.bounded(0.4));
    double memory = memoryLimit * (0.5 + random.bounded(0.2));
    for (int i = 0; i < points; ++i) {
        cpu = qBound(0.0, cpu + random.bounded(60.0) - 30, cpuCap);
        memory = qBound(256.0, memory + random.bounded(200.0) - 100, memoryLimit);
        input.cpuPercent.append({start + i * 10'000.0, cpu});
        input.memoryMiB.append({start + i * 10'000.0, memory});
    }
    return input;
}

Figures timeIt(int runs, const std::function<void()> &work)
{
    for (int i = 0; i < 5; ++i)
        work(); // warm-up: first use builds the scene and fills caches
    QList<double> wall;
    QList<double> cpu;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = threadCpuMs();
        timer.start();
        work();
        wall.append(timer.nsecsElapsed() / 1e6);
        cpu.append(threadCpuMs() - cpuStart);
    }
    return {quantile(wall, 0.5), quantile(wall, 0.9), quantile(wall, 1), quantile(cpu, 0.5)};
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

const char *kindName(ChartRenderer::Kind kind)
{
    switch (kind) {
    case ChartRenderer::Kind::Cpu:
        return "cpu";
    case ChartRenderer::Kind::Memory:
        return "memory";
    case ChartRenderer::Kind::Combined:
        break;
    }
    return "combined";
}

const char *modeName(PngEncoder::Mode mode)
{
    switch (mode) {
    case PngEncoder::Mode::Rgb:
        return "32-bit RGB";
    case PngEncoder::Mode::QtPalette:
        return "8-bit Qt palette";
    case PngEncoder::Mode::ThemePalette:
        break;
    }
    return "8-bit theme palette";
}

} // namespace

int main(int argc, char *argv[])
{
    prepareOffscreenPlatform(true);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("renders"), QStringLiteral("Renders per figure (>= 50)."),
                      QStringLiteral("n"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("write"), QStringLiteral("Write sample PNGs to DIR."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("combined"),
                      QStringLiteral("Size of the combined figure, WxH (default: the renderer's)."),
                      QStringLiteral("size")});
    parser.addOption({QStringLiteral("single"),
                      QStringLiteral("Size of the single graphs, WxH (default: the renderer's)."),
                      QStringLiteral("size")});
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("Only render N combined PNGs (for perf record)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("vary-limits"),
                      QStringLiteral("Give every input other CPU and memory limits, as the bot's "
                                     "servers have.")});
    parser.addOption({QStringLiteral("moving-time"),
                      QStringLiteral("Start every input one sample (10 s) later, as the bot's "
                                     "history moves: the time axis changes on every render.")});
    parser.process(app);
    const int runs = qMax(50, parser.value(QStringLiteral("renders")).toInt());

    QtChartRenderer::Options options;
    const auto parseSize = [&](const QString &option, QSize fallback) {
        const QStringList parts = parser.value(option).split(QLatin1Char('x'));
        return parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : fallback;
    };
    options.combinedSize = parseSize(QStringLiteral("combined"), options.combinedSize);
    options.cpuSize = options.memorySize = parseSize(QStringLiteral("single"), options.cpuSize);

    QRandomGenerator random(42);
    QList<ChartInput> inputs;
    const bool varyLimits = parser.isSet(QStringLiteral("vary-limits"));
    static constexpr int cpuLimits[] = {100, 150, 200, 300, 400, 600, 800, 0};
    static constexpr double memoryLimits[] = {1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288};
    const bool movingTime = parser.isSet(QStringLiteral("moving-time"));
    for (int i = 0; i < 16; ++i) {
        ChartInput next =
            varyLimits ? sampleInput(random, cpuLimits[i % 8], memoryLimits[(i / 2) % 8], 1 + i % 6)
                       : sampleInput(random);
        if (movingTime) {
            for (auto *points : {&next.cpuPercent, &next.memoryMiB}) {
                for (QPointF &point : *points)
                    point.rx() += i * 10'000.0;
            }
        }
        inputs.append(next);
    }
    int next = 0;
    const auto input = [&]() -> const ChartInput & { return inputs[next++ % inputs.size()]; };

    if (parser.isSet(QStringLiteral("profile"))) {
        QtChartRenderer renderer(options);
        qsizetype bytes = 0;
        for (int i = parser.value(QStringLiteral("profile")).toInt(); i > 0; --i)
            bytes += renderer.render(ChartRenderer::Kind::Combined, input()).size();
        std::printf("%lld bytes\n", qlonglong(bytes));
        return 0;
    }

    const long rssBefore = peakRssKiB();
    std::printf("bench_charts: %d renders per row, Qt %s, platform %s\n\n", runs, qVersion(),
                qPrintable(QGuiApplication::platformName()));

    // 1. The renderer as the bot uses it: chart objects reused, default encoding.
    QtChartRenderer renderer(options);
    std::printf("%-10s %-9s %9s %9s %9s %9s %9s %9s %8s\n", "figure", "size", "draw med",
                "draw cpu", "total med", "total p90", "total max", "total cpu", "PNG KiB");
    for (const auto kind :
         {ChartRenderer::Kind::Combined, ChartRenderer::Kind::Cpu, ChartRenderer::Kind::Memory}) {
        const Figures draw = timeIt(runs, [&] { renderer.renderImage(kind, input()); });
        qsizetype bytes = 0;
        const Figures total = timeIt(runs, [&] { bytes = renderer.render(kind, input()).size(); });
        const QSize size = renderer.imageSize(kind);
        std::printf("%-10s %4dx%-4d %6.2f ms %6.2f ms %6.2f ms %6.2f ms %6.2f ms %6.2f ms %8.1f\n",
                    kindName(kind), size.width(), size.height(), draw.median, draw.cpuMedian,
                    total.median, total.p90, total.max, total.cpuMedian, bytes / 1024.0);
    }

    // 2. Encoding options for the combined figure.
    std::printf("\n%-20s %11s %9s %9s %9s %8s\n", "encoding (combined)", "zlib level", "enc med",
                "enc p90", "enc cpu", "PNG KiB");
    const QImage combined = renderer.renderImage(ChartRenderer::Kind::Combined, inputs[0]);
    for (const auto mode :
         {PngEncoder::Mode::Rgb, PngEncoder::Mode::QtPalette, PngEncoder::Mode::ThemePalette}) {
        for (const int level : {-1, 1, 0}) {
            PngEncoder encoder(mode, level);
            qsizetype bytes = 0;
            const Figures encode = timeIt(runs, [&] { bytes = encoder.encode(combined).size(); });
            std::printf("%-20s %11s %6.2f ms %6.2f ms %6.2f ms %8.1f\n", modeName(mode),
                        level < 0 ? "default(6)"
                        : mode == PngEncoder::Mode::ThemePalette && level == 1
                            ? "own (1)"
                            : qPrintable(QString::number(level)),
                        encode.median, encode.p90, encode.cpuMedian, bytes / 1024.0);
        }
    }

    // How close the theme palette stays to the drawn colours.
    {
        const QImage decoded = QImage::fromData(PngEncoder().encode(combined), "PNG")
                                   .convertToFormat(QImage::Format_RGB32);
        double sum = 0;
        int worst = 0;
        qsizetype off = 0;
        for (int y = 0; y < combined.height(); ++y) {
            for (int x = 0; x < combined.width(); ++x) {
                const QRgb a = combined.pixel(x, y);
                const QRgb b = decoded.pixel(x, y);
                const int d = qMax(qMax(qAbs(qRed(a) - qRed(b)), qAbs(qGreen(a) - qGreen(b))),
                                   qAbs(qBlue(a) - qBlue(b)));
                sum += d;
                worst = qMax(worst, d);
                off += d > 8 ? 1 : 0;
            }
        }
        const double pixels = double(combined.width()) * combined.height();
        std::printf("theme palette (%d colours) fidelity: mean max-channel error %.2f, worst %d, "
                    "pixels off by more than 8: %.3f %%\n",
                    int(PngEncoder::themePalette().size()), sum / pixels, worst,
                    100.0 * off / pixels);
    }

    // 3. What reuse saves: a new renderer (new scene and charts) for every combined figure.
    const Figures fresh = timeIt(qMax(20, runs / 5), [&] {
        QtChartRenderer once(options);
        once.renderImage(ChartRenderer::Kind::Combined, input());
    });
    std::printf("\nfresh scene per combined figure (draw only): median %.2f ms, p90 %.2f ms, "
                "cpu %.2f ms\n",
                fresh.median, fresh.p90, fresh.cpuMedian);
    std::printf("peak RSS: %.1f MiB (%.1f MiB before the first chart)\n", peakRssKiB() / 1024.0,
                rssBefore / 1024.0);

    if (parser.isSet(QStringLiteral("write"))) {
        const QDir dir(parser.value(QStringLiteral("write")));
        dir.mkpath(QStringLiteral("."));
        ChartInput unlimited = inputs[1];
        unlimited.cpuLimitPercent = 0;
        unlimited.memoryLimitMiB = 0;
        ChartInput one = inputs[2];
        one.cpuPercent.resize(1);
        one.memoryMiB.resize(1);
        const ChartInput none{QStringLiteral("Fresh server"), {}, {}, 400, 2048};
        const struct
        {
            const char *name;
            ChartRenderer::Kind kind;
            const ChartInput &input;
        } samples[] = {{"combined", ChartRenderer::Kind::Combined, inputs[0]},
                       {"cpu", ChartRenderer::Kind::Cpu, inputs[0]},
                       {"memory", ChartRenderer::Kind::Memory, inputs[0]},
                       {"combined-unlimited", ChartRenderer::Kind::Combined, unlimited},
                       {"combined-one-point", ChartRenderer::Kind::Combined, one},
                       {"combined-no-data", ChartRenderer::Kind::Combined, none}};
        for (const auto &sample : samples) {
            QFile file(dir.filePath(QString::fromLatin1(sample.name) + QStringLiteral(".png")));
            if (file.open(QIODevice::WriteOnly))
                file.write(renderer.render(sample.kind, sample.input));
        }
        // The same figure through the other encoders, to compare how they look, and at about the
        // width an embed shows it (400 px), to judge whether the text stays legible.
        const QImage image = renderer.renderImage(ChartRenderer::Kind::Combined, inputs[0]);
        image.scaledToWidth(400, Qt::SmoothTransformation)
            .save(dir.filePath(QStringLiteral("combined-embed-width.png")));
        for (const auto mode : {PngEncoder::Mode::Rgb, PngEncoder::Mode::QtPalette}) {
            QFile file(dir.filePath(mode == PngEncoder::Mode::Rgb
                                        ? QStringLiteral("combined-rgb.png")
                                        : QStringLiteral("combined-qt-palette.png")));
            if (file.open(QIODevice::WriteOnly))
                file.write(PngEncoder(mode, -1).encode(image));
        }
        std::printf("sample PNGs written to %s\n", qPrintable(dir.absolutePath()));
    }
    return 0;
}
