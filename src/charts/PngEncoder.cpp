#include "PngEncoder.h"

#include <algorithm>
#include <limits>
#include <utility>

#include <QBuffer>
#include <QImageWriter>

#include "ChartTheme.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

constexpr int blendLevels = 16; // steps between a background and a foreground colour
constexpr uchar unknownIndex = 255;

int lookupKey(QRgb colour)
{
    return ((qRed(colour) >> 2) << 12) | ((qGreen(colour) >> 2) << 6) | (qBlue(colour) >> 2);
}

QRgb blend(QColor from, QColor to, double t)
{
    return qRgb(qRound(from.red() + (to.red() - from.red()) * t),
                qRound(from.green() + (to.green() - from.green()) * t),
                qRound(from.blue() + (to.blue() - from.blue()) * t));
}

} // namespace

PngEncoder::PngEncoder(Mode mode, int compression)
    : m_mode(mode)
    , m_compression(compression)
{
    if (m_mode == Mode::ThemePalette) {
        m_palette = themePalette();
        m_lookup.assign(1 << 18, unknownIndex);
    }
}

QList<QRgb> PngEncoder::themePalette()
{
    const QColor backgrounds[] = {ChartTheme::background, ChartTheme::plotArea};
    const QColor foregrounds[] = {ChartTheme::text, ChartTheme::grid, ChartTheme::cpu,
                                  ChartTheme::memory, ChartTheme::limit};
    QList<QRgb> palette;
    for (const QColor &background : backgrounds) {
        palette.append(background.rgb());
        for (const QColor &foreground : foregrounds) {
            for (int level = 1; level <= blendLevels; ++level)
                palette.append(blend(background, foreground, double(level) / blendLevels));
        }
    }
    // The areas under the series, and the lines' anti-aliased edges over them.
    for (const auto &[fill, series] : {std::pair{ChartTheme::cpuFill, ChartTheme::cpu},
                                       std::pair{ChartTheme::memoryFill, ChartTheme::memory}}) {
        palette.append(fill.rgb());
        for (int level = 1; level < blendLevels; ++level)
            palette.append(blend(fill, series, double(level) / blendLevels));
    }
    palette.removeIf([seen = QList<QRgb>()](QRgb colour) mutable {
        if (seen.contains(colour))
            return true;
        seen.append(colour);
        return false;
    });
    Q_ASSERT(palette.size() < unknownIndex);
    return palette;
}

uchar PngEncoder::nearest(QRgb colour)
{
    uchar &cached = m_lookup[lookupKey(colour)];
    if (cached != unknownIndex)
        return cached;
    int best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (int i = 0; i < m_palette.size(); ++i) {
        const int dr = qRed(colour) - qRed(m_palette[i]);
        const int dg = qGreen(colour) - qGreen(m_palette[i]);
        const int db = qBlue(colour) - qBlue(m_palette[i]);
        // Weighted like the eye: green matters most, blue least.
        const int distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    cached = uchar(best);
    return cached;
}

QImage PngEncoder::toThemePalette(const QImage &image)
{
    const QImage source =
        image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
            ? image
            : image.convertToFormat(QImage::Format_RGB32);
    QImage indexed(source.size(), QImage::Format_Indexed8);
    indexed.setColorTable(m_palette);
    const int width = source.width();
    for (int y = 0; y < source.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        uchar *out = indexed.scanLine(y);
        // Runs of one colour are the common case (backgrounds), so skip the lookup for them.
        QRgb previous = in[0] ^ 1;
        uchar index = 0;
        for (int x = 0; x < width; ++x) {
            if (in[x] != previous) {
                previous = in[x];
                index = nearest(previous);
            }
            out[x] = index;
        }
    }
    return indexed;
}

QByteArray PngEncoder::encode(const QImage &image)
{
    if (image.isNull())
        return {};
    QImage prepared;
    switch (m_mode) {
    case Mode::Rgb:
        prepared = image;
        break;
    case Mode::ThemePalette:
        prepared = toThemePalette(image);
        break;
    case Mode::QtPalette:
        prepared = image.convertToFormat(QImage::Format_Indexed8);
        break;
    }
    QByteArray bytes;
    bytes.reserve(m_lastSize + m_lastSize / 4); // consecutive charts encode to similar sizes
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    // Qt takes 0..100 and maps it to zlib's 0..9 as value * 9 / 91.
    if (m_compression >= 0)
        writer.setCompression((std::min(m_compression, 9) * 91 + 8) / 9);
    if (!writer.write(prepared)) {
        qCWarning(lcCharts) << "PNG encoding failed:" << writer.errorString();
        return {};
    }
    m_lastSize = bytes.size();
    return bytes;
}

} // namespace Pterodisbot
