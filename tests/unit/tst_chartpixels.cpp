// The charts keep their exact pixels while the renderer gets faster.
//
// Fixtures: tests/fixtures/chartpixels/*.png hold the pictures QtChartRenderer::render() returned
// for the cases below at commit af8e551, before the rendering was optimised (issue 13), on the
// offscreen platform in UTC with the fonts named in tests/fixtures/chartpixels/FONTS, stored
// losslessly at zlib level 9 (the same scanlines in two thirds of the space). They come from this
// test's generator mode, which renders the same cases and writes the files instead of comparing:
//
//     PTERODISBOT_CHARTPIXELS_WRITE=tests/fixtures/chartpixels build/tests/tst_chartpixels
//
// Regenerate them only for an intended change of the look, with the renderer of the commit that
// makes it. The comparison decodes both PNGs and compares every pixel (QImage ==, after
// convertToFormat(Format_RGB32)). Glyphs depend on the machine's fonts and FreeType, so on a host
// whose default font differs from FONTS the fixture comparison is skipped; the comparisons of the
// renderer's own paths below do not depend on fonts and always run.
#include "ChartScales.h"
#include "OffscreenPlatform.h"
#include "PngEncoder.h"
#include "QtChartRenderer.h"

#include <ctime>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QImage>
#include <QImageWriter>
#include <QtEndian>
#include <QTest>

#include <zlib.h>

using namespace Pterodisbot;
using Kind = ChartRenderer::Kind;

namespace {

constexpr double t0 = 1'700'000'000'000.0;

QString fixtureDir()
{
    return QStringLiteral(PTERODISBOT_CHARTPIXELS_FIXTURES);
}

// A small deterministic generator, so that the cases do not depend on a library's random engine.
class Sequence
{
public:
    explicit Sequence(quint32 seed)
        : m_state(seed)
    {}
    double next() // [0, 1)
    {
        m_state = m_state * 1664525u + 1013904223u;
        return (m_state >> 8) / double(1 << 24);
    }

private:
    quint32 m_state;
};

//! \a points samples \a step ms apart; CPU around \a cpuLevel, memory around \a memoryLevel.
ChartInput wandering(Sequence &random, int points, double cpuLevel, double memoryLevel,
                     int cpuLimit, double memoryLimit, double step = 10'000)
{
    ChartInput input;
    input.title = QStringLiteral("Survival SMP");
    input.cpuLimitPercent = cpuLimit;
    input.memoryLimitMiB = memoryLimit;
    double cpu = cpuLevel;
    double memory = memoryLevel;
    for (int i = 0; i < points; ++i) {
        cpu = std::max(0.0, cpu + random.next() * 60 - 30);
        memory = std::max(64.0, memory + random.next() * 200 - 100);
        input.cpuPercent.append({t0 + i * step, cpu});
        input.memoryMiB.append({t0 + i * step, memory});
    }
    return input;
}

struct Case
{
    QString name;
    Kind kind;
    ChartInput input;
};

//! The fixture cases, in the order one renderer draws them (figures are reused, so every case
//! also checks the move from the previous one).
QList<Case> fixtureCases()
{
    Sequence random(13);
    QList<Case> cases;
    const auto add = [&cases](const QString &name, Kind kind, const ChartInput &input) {
        cases.append({name, kind, input});
    };
    const ChartInput six = wandering(random, 6, 150, 2600, 200, 4096);
    add(QStringLiteral("combined-six"), Kind::Combined, six);
    add(QStringLiteral("cpu-six"), Kind::Cpu, six);
    add(QStringLiteral("memory-six"), Kind::Memory, six);

    ChartInput unlimited = wandering(random, 6, 230, 900, 0, 0);
    add(QStringLiteral("combined-unlimited"), Kind::Combined, unlimited);
    add(QStringLiteral("cpu-unlimited"), Kind::Cpu, unlimited);
    add(QStringLiteral("memory-unlimited"), Kind::Memory, unlimited);

    ChartInput none{QStringLiteral("Fresh server"), {}, {}, 400, 2048, Wording()};
    add(QStringLiteral("combined-waiting"), Kind::Combined, none);
    add(QStringLiteral("cpu-waiting"), Kind::Cpu, none);
    ChartInput noneUnlimited{QString(), {}, {}, 0, 0, Wording()};
    add(QStringLiteral("memory-waiting-unlimited"), Kind::Memory, noneUnlimited);

    ChartInput one = wandering(random, 1, 70, 700, 100, 1024);
    add(QStringLiteral("combined-one"), Kind::Combined, one);
    add(QStringLiteral("cpu-one"), Kind::Cpu, one);
    ChartInput two = wandering(random, 2, 380, 5000, 400, 6144);
    add(QStringLiteral("combined-two"), Kind::Combined, two);
    add(QStringLiteral("memory-two"), Kind::Memory, two);

    // Over the limit: axes extend beyond it; GiB with a decimal tick interval (5 GiB).
    ChartInput over = wandering(random, 6, 260, 5000, 150, 5120);
    over.cpuPercent.last().setY(320);
    over.memoryMiB.last().setY(5400);
    add(QStringLiteral("combined-over-limit"), Kind::Combined, over);
    ChartInput mib = wandering(random, 4, 40, 600, 300, 1536);
    add(QStringLiteral("combined-mib"), Kind::Combined, mib);
    ChartInput big = wandering(random, 6, 600, 11000, 800, 12288, 20'000);
    big.title = QStringLiteral("A rather long server name for a title band · Ærø ∑");
    add(QStringLiteral("combined-long-title"), Kind::Combined, big);
    ChartInput untitled = wandering(random, 3, 5, 300, 0, 2048, 45'000);
    untitled.title.clear();
    add(QStringLiteral("combined-untitled"), Kind::Combined, untitled);
    add(QStringLiteral("cpu-untitled"), Kind::Cpu, untitled);
    ChartInput idle = wandering(random, 6, 0, 64, 100, 0);
    for (QPointF &point : idle.cpuPercent)
        point.setY(0);
    add(QStringLiteral("combined-idle"), Kind::Combined, idle);

    ChartInput german = wandering(random, 6, 120, 3000, 200, 4096);
    german.wording = Wording(QStringLiteral("de"));
    add(QStringLiteral("combined-de"), Kind::Combined, german);
    add(QStringLiteral("memory-de"), Kind::Memory, german);
    ChartInput french = wandering(random, 5, 3, 1500, 0, 3072, 30'000);
    french.wording = Wording(QStringLiteral("fr"));
    add(QStringLiteral("combined-fr"), Kind::Combined, french);
    add(QStringLiteral("cpu-fr"), Kind::Cpu, french);
    ChartInput frenchWaiting = none;
    frenchWaiting.wording = Wording(QStringLiteral("fr"));
    add(QStringLiteral("combined-fr-waiting"), Kind::Combined, frenchWaiting);
    // Back to the first picture after all the others.
    add(QStringLiteral("combined-six-again"), Kind::Combined, six);
    return cases;
}

//! Inputs as the bot meets them: another server (limits, sample count, title, language) each time.
QList<ChartInput> variedInputs(int count)
{
    Sequence random(2026);
    static constexpr int cpuLimits[] = {100, 150, 200, 300, 400, 600, 800, 0};
    static constexpr double memoryLimits[] = {0, 1024, 1536, 2048, 3072, 4096, 6144, 12288};
    const QString locales[] = {QString(), QStringLiteral("de"), QStringLiteral("fr")};
    QList<ChartInput> inputs;
    for (int i = 0; i < count; ++i) {
        const int cpuLimit = cpuLimits[int(random.next() * 8)];
        const double memoryLimit = memoryLimits[int(random.next() * 8)];
        const int points = int(random.next() * 7); // 0 … 6
        ChartInput input = wandering(random, points, (cpuLimit ? cpuLimit : 300) * random.next(),
                                     (memoryLimit ? memoryLimit : 3000) * random.next(), cpuLimit,
                                     memoryLimit, 5'000 + 5'000 * int(random.next() * 4));
        input.title = i % 5 == 4 ? QString() : QStringLiteral("Server %1").arg(i % 7);
        input.wording = Wording(locales[int(random.next() * 3)]);
        inputs.append(input);
    }
    return inputs;
}

QtChartRenderer::Options largeOptions()
{
    QtChartRenderer::Options options;
    options.combinedSize = {1200, 800};
    options.cpuSize = options.memorySize = {1200, 440};
    return options;
}

QImage decode(const QByteArray &png)
{
    return QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32);
}

//! The scanlines of \a png's IDAT chunks, through zlib's checked inflate; empty on any error.
QByteArray inflateImageData(const QByteArray &png)
{
    QByteArray stream;
    for (qsizetype at = 8; at + 12 <= png.size();) {
        const qsizetype length = qFromBigEndian<quint32>(png.constData() + at);
        if (png.mid(at + 4, 4) == "IDAT")
            stream += png.mid(at + 8, length);
        at += length + 12;
    }
    QByteArray rows(64 << 20, Qt::Uninitialized);
    uLongf size = uLongf(rows.size());
    if (uncompress(reinterpret_cast<Bytef *>(rows.data()), &size,
                   reinterpret_cast<const Bytef *>(stream.constData()),
                   uLong(stream.size())) != Z_OK)
        return {};
    rows.resize(qsizetype(size));
    return rows;
}

QString fontSignature()
{
    const QFontInfo info{QFont()};
    return info.family() + QLatin1Char(' ') + info.styleName();
}

//! Where two images of one size first differ, for the failure message.
QString firstDifference(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return QStringLiteral("sizes differ");
    int count = 0;
    QPoint first(-1, -1);
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                if (count++ == 0)
                    first = {x, y};
            }
        }
    }
    return QStringLiteral("%1 pixels differ, first at (%2, %3): #%4 vs #%5")
        .arg(count)
        .arg(first.x())
        .arg(first.y())
        .arg(a.pixel(first) & 0xffffff, 6, 16, QLatin1Char('0'))
        .arg(b.pixel(first) & 0xffffff, 6, 16, QLatin1Char('0'));
}

int writeFixtures(const QString &directory)
{
    QDir dir(directory);
    dir.mkpath(QStringLiteral("."));
    for (const auto &[prefix, options] :
         {std::pair{QStringLiteral("900"), QtChartRenderer::Options()},
          std::pair{QStringLiteral("1200"), largeOptions()}}) {
        QtChartRenderer renderer(options);
        for (const Case &item : fixtureCases()) {
            // The uploaded picture, rewritten losslessly at zlib's level 9: the same pixels in
            // two thirds of the space.
            const QImage image = QImage::fromData(renderer.render(item.kind, item.input), "PNG");
            QImageWriter writer(
                dir.filePath(prefix + QLatin1Char('-') + item.name + QStringLiteral(".png")),
                "png");
            writer.setCompression(100);
            if (image.isNull() || !writer.write(image))
                return 1;
        }
    }
    QFile fonts(dir.filePath(QStringLiteral("FONTS")));
    if (!fonts.open(QIODevice::WriteOnly))
        return 1;
    fonts.write(fontSignature().toUtf8() + '\n');
    return 0;
}

} // namespace

//! Pixel-exact charts: against the fixtures of the unoptimised renderer, and the renderer's
//! reused (cached) figures against freshly built ones.
class TestChartPixels final : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheFixtures_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("900 px") << QStringLiteral("900");
        QTest::newRow("1200 px") << QStringLiteral("1200");
    }
    void matchesTheFixtures()
    {
        QFETCH(QString, prefix);
        QFile fonts(fixtureDir() + QStringLiteral("/FONTS"));
        QVERIFY(fonts.open(QIODevice::ReadOnly));
        const QString recorded = QString::fromUtf8(fonts.readAll()).trimmed();
        if (recorded != fontSignature())
            QSKIP(qPrintable(QStringLiteral("fixtures drawn with %1, this host has %2")
                                 .arg(recorded, fontSignature())));
        QtChartRenderer renderer(prefix == QStringLiteral("900") ? QtChartRenderer::Options()
                                                                 : largeOptions());
        const QList<Case> cases = fixtureCases();
        QCOMPARE(cases.size(), 25);
        for (const Case &item : cases) {
            const QString name = prefix + QLatin1Char('-') + item.name + QStringLiteral(".png");
            QFile file(fixtureDir() + QLatin1Char('/') + name);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            const QImage expected = decode(file.readAll());
            QVERIFY2(!expected.isNull(), qPrintable(name));
            const QImage actual = decode(renderer.render(item.kind, item.input));
            QCOMPARE(actual.size(), expected.size());
            if (actual != expected)
                QFAIL(qPrintable(name + QStringLiteral(": ") + firstDifference(actual, expected)));
        }
    }

    // One renderer drawing another server every time (the bot's case, and where any cache or
    // skipped update shows) against a renderer built for each picture alone.
    void reusedFiguresMatchFreshOnes_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("large");
        QTest::newRow("combined") << int(Kind::Combined) << false;
        QTest::newRow("cpu") << int(Kind::Cpu) << false;
        QTest::newRow("memory") << int(Kind::Memory) << false;
        QTest::newRow("combined 1200 px") << int(Kind::Combined) << true;
    }
    void reusedFiguresMatchFreshOnes()
    {
        QFETCH(int, kind);
        QFETCH(bool, large);
        const QtChartRenderer::Options options =
            large ? largeOptions() : QtChartRenderer::Options();
        QtChartRenderer reused(options);
        // The palette lookup is cached by colour bucket in order of appearance, so the uploaded
        // bytes depend on what the encoder saw before: the reference encoder sees the same.
        PngEncoder reference;
        int index = 0;
        for (const ChartInput &input : variedInputs(40)) {
            const QImage drawn = reused.renderImage(Kind(kind), input).copy();
            QtChartRenderer fresh(options);
            const QImage expected = fresh.renderImage(Kind(kind), input).copy();
            if (drawn != expected)
                QFAIL(qPrintable(QStringLiteral("input %1: ").arg(index) +
                                 firstDifference(drawn, expected)));
            const QImage uploaded = decode(reused.render(Kind(kind), input));
            const QImage mapped = decode(reference.encode(expected));
            if (uploaded != mapped)
                QFAIL(qPrintable(QStringLiteral("input %1 (PNG): ").arg(index) +
                                 firstDifference(uploaded, mapped)));
            ++index;
        }
    }

    // The PNG decodes to exactly the palette mapping of the drawn picture: the chart deflater
    // (level 1, rows repeating the one above copied) and zlib's levels alike.
    void encodedPixelsArePaletteMapping_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("chart deflater (1)") << 1;
        QTest::newRow("zlib 0") << 0;
        QTest::newRow("zlib default") << -1;
    }
    void encodedPixelsArePaletteMapping()
    {
        QFETCH(int, level);
        QtChartRenderer renderer;
        PngEncoder encoder(PngEncoder::Mode::ThemePalette, level);
        PngEncoder mapping; // the same pictures in the same order: the same lookup cache
        for (const ChartInput &input : variedInputs(12)) {
            const QImage drawn = renderer.renderImage(Kind::Combined, input).copy();
            const QByteArray png = encoder.encode(drawn);
            const QImage indexed = mapping.toThemePalette(drawn);
            QCOMPARE(indexed.format(), QImage::Format_Indexed8);
            const QImage decoded = decode(png);
            const QImage expected = indexed.convertToFormat(QImage::Format_RGB32);
            if (decoded != expected)
                QFAIL(qPrintable(firstDifference(decoded, expected)));
            // zlib's inflate checks the stream's Adler-32, which an image reader may not.
            const QByteArray rows = inflateImageData(png);
            QCOMPARE(rows.size(), qsizetype(drawn.height()) * (drawn.width() + 1));
        }
    }
};

int main(int argc, char *argv[])
{
    // The time axis shows local clock times; the fixtures were drawn in UTC.
    qputenv("TZ", "UTC");
    tzset();
    prepareOffscreenPlatform(true);
    QApplication app(argc, argv);
    const QByteArray target = qgetenv("PTERODISBOT_CHARTPIXELS_WRITE");
    if (!target.isEmpty())
        return writeFixtures(QString::fromLocal8Bit(target));
    TestChartPixels test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chartpixels.moc"
