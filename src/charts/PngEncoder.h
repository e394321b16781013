#pragma once

#include <vector>

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>

namespace Pterodisbot {

//! Encodes rendered charts as PNG. Encoding, not drawing, dominates the cost of a chart
//! (docs/benchmarks.md), so the palette mode exists: the charts only contain the theme colours
//! and their anti-aliasing blends, which fit an 8-bit palette exactly enough to be
//! indistinguishable, and an 8-bit PNG compresses several times faster and to half the size.
//! Not thread-safe (it caches colour lookups); one per renderer.
class PngEncoder
{
public:
    enum class Mode {
        Rgb,          //!< 24-bit RGB as rendered
        ThemePalette, //!< 8-bit, palette built from ChartTheme blends (default)
        QtPalette,    //!< 8-bit via QImage::convertToFormat(Format_Indexed8): Qt's own palette
    };

    //! \a compression is zlib's level 0 (none) … 9 (smallest); -1 = zlib's default (6).
    explicit PngEncoder(Mode mode = Mode::ThemePalette, int compression = 1);

    Mode mode() const { return m_mode; }
    int compression() const { return m_compression; }

    //! PNG bytes of \a image (RGB32 or ARGB32 expected), empty on failure.
    QByteArray encode(const QImage &image);

    //! The colours of ThemePalette mode: every theme colour and its blends with the two
    //! backgrounds (at most 255 entries).
    static QList<QRgb> themePalette();

private:
    QImage toThemePalette(const QImage &image);
    uchar nearest(QRgb colour);

    Mode m_mode;
    int m_compression;
    QList<QRgb> m_palette;
    // 18-bit (6 bits per channel) colour → palette index, filled lazily; 255 = not looked up yet.
    std::vector<uchar> m_lookup;
    qsizetype m_lastSize = 0;
};

} // namespace Pterodisbot
