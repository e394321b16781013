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
//! The palette mode writes the PNG itself: the mapped rows go straight into a deflate stream
//! made for charts (runs of one colour and rows repeating the row above, fixed Huffman codes),
//! several times faster than zlib's fastest level for a few KiB more.
//! Not thread-safe (it caches colour lookups and buffers); one per renderer.
class PngEncoder
{
public:
    enum class Mode {
        Rgb,          //!< 24-bit RGB as rendered
        ThemePalette, //!< 8-bit, palette built from ChartTheme blends (default)
        QtPalette,    //!< 8-bit via QImage::convertToFormat(Format_Indexed8): Qt's own palette
    };

    //! \a compression is zlib's level 0 (none) … 9 (smallest); -1 = zlib's default (6). In
    //! ThemePalette mode level 1 means the encoder's own chart deflater (fastest); the other
    //! levels go through zlib.
    explicit PngEncoder(Mode mode = Mode::ThemePalette, int compression = 1);

    Mode mode() const { return m_mode; }
    int compression() const { return m_compression; }

    //! PNG bytes of \a image (RGB32 or ARGB32 expected), empty on failure.
    QByteArray encode(const QImage &image);

    //! The colours of ThemePalette mode: every theme colour and its blends with the two
    //! backgrounds (at most 255 entries).
    static QList<QRgb> themePalette();

    //! \a image mapped onto themePalette(), as ThemePalette mode encodes it (tests).
    QImage toThemePalette(const QImage &image);

private:
    uchar nearest(QRgb colour);
    //! One row of \a width pixels onto the palette, in the order the lookup cache is filled.
    void mapRow(const QRgb *in, uchar *out, int width);
    QByteArray encodeThemePalette(const QImage &image);

    Mode m_mode;
    int m_compression;
    QList<QRgb> m_palette;
    // 18-bit (6 bits per channel) colour → palette index, filled lazily; 255 = not looked up yet.
    std::vector<uchar> m_lookup;
    qsizetype m_lastSize = 0;
    std::vector<uchar> m_rows;     // filtered scanlines (filter byte + indices), reused
    std::vector<uchar> m_deflated; // the zlib stream, reused
};

} // namespace Pterodisbot
