#include "PngEncoder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include <QBuffer>
#include <QImageWriter>
#include <QtEndian>

#include <zlib.h>

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

// PNG container: chunks with a big-endian length and a CRC-32 over type and data.
void appendUint32(QByteArray &out, quint32 value)
{
    const quint32 big = qToBigEndian(value);
    out.append(reinterpret_cast<const char *>(&big), 4);
}

void appendChunk(QByteArray &out, const char type[4], const uchar *data, size_t size)
{
    appendUint32(out, quint32(size));
    const qsizetype start = out.size();
    out.append(type, 4);
    if (size > 0)
        out.append(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto *typed = reinterpret_cast<const Bytef *>(out.constData() + start);
    appendUint32(out, quint32(crc32(crc32(0, nullptr, 0), typed, uInt(size + 4))));
}

// A deflate stream (RFC 1951) for chart scanlines: one block of fixed Huffman codes whose
// matches are either a run of the previous byte (distance 1: backgrounds, fills, lines) or a
// repeat of the row above (distance = row stride: grid, plot edges, the unchanged parts of
// anti-aliased lines). Greedy and single-pass; no hash table, nothing to initialise.
class ChartDeflater
{
public:
    static constexpr size_t maxMatch = 258;
    static constexpr size_t maxDistance = 32768;

    //! Room \a compress() needs at \a out for \a size bytes: at most 9 bits a byte (a literal;
    //! a match costs at most 25 bits for 3 bytes) and the block's header and end.
    static size_t bound(size_t size) { return size + size / 8 + 64; }

    explicit ChartDeflater(uchar *out)
        : m_out(out)
    {}

    //! Writes the stream of \a size bytes at \a data and returns the end of what it wrote.
    uchar *compress(const uchar *data, size_t size, size_t stride)
    {
        put(1, 1); // BFINAL
        put(1, 2); // BTYPE 01: fixed Huffman codes
        const Code strideCode = distanceCode(stride);
        const bool upMatches = stride <= maxDistance;
        size_t i = 0;
        while (i < size) {
            const size_t limit = std::min(maxMatch, size - i);
            size_t best = i > 0 ? runLength(data + i, data[i - 1], limit) : 0;
            Code distance{0, 5}; // distance 1
            if (best < limit && upMatches && i >= stride) {
                const size_t up = matchLength(data + i, data + i - stride, limit);
                if (up > best) {
                    best = up;
                    distance = strideCode;
                }
            }
            if (best >= 3) {
                const Code &length = tables().length[best];
                put(length.bits, length.count);
                put(distance.bits, distance.count);
                i += best;
            } else {
                const Code &literal = tables().literal[data[i]];
                put(literal.bits, literal.count);
                ++i;
            }
        }
        put(0, 7); // end of block: symbol 256
        flush();
        return m_out;
    }

private:
    struct Code
    {
        quint32 bits = 0; // as written, least significant bit first
        int count = 0;
    };
    struct Tables
    {
        std::array<Code, 256> literal;
        std::array<Code, maxMatch + 1> length; // Huffman code and extra bits together
    };

    // Huffman codes are sent most significant bit first: reversed into the bit buffer's order.
    static quint32 reversed(quint32 code, int count)
    {
        quint32 result = 0;
        for (int i = 0; i < count; ++i)
            result |= ((code >> i) & 1) << (count - 1 - i);
        return result;
    }

    // The fixed literal/length code (RFC 1951 3.2.6).
    static Code fixedCode(int symbol)
    {
        if (symbol < 144)
            return {reversed(0x30 + symbol, 8), 8};
        if (symbol < 256)
            return {reversed(0x190 + symbol - 144, 9), 9};
        if (symbol < 280)
            return {reversed(symbol - 256, 7), 7};
        return {reversed(0xc0 + symbol - 280, 8), 8};
    }

    static const Tables &tables()
    {
        static const Tables built = [] {
            Tables t;
            for (int byte = 0; byte < 256; ++byte)
                t.literal[size_t(byte)] = fixedCode(byte);
            static constexpr int base[] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                           15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                           67, 83, 99, 115, 131, 163, 195, 227, 258};
            static constexpr int extra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                            2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
            for (int length = 3; length <= int(maxMatch); ++length) {
                int k = 28;
                while (base[k] > length)
                    --k;
                const Code code = fixedCode(257 + k);
                t.length[size_t(length)] = {code.bits | (quint32(length - base[k]) << code.count),
                                            code.count + extra[k]};
            }
            return t;
        }();
        return built;
    }

    // Distance symbol (5 bits, fixed) and its extra bits.
    static Code distanceCode(size_t distance)
    {
        if (distance > maxDistance)
            return {};
        size_t base = 1;
        for (int symbol = 0; symbol < 30; ++symbol) {
            const int extra = symbol < 4 ? 0 : symbol / 2 - 1;
            if (distance < base + (size_t(1) << extra))
                return {reversed(quint32(symbol), 5) | (quint32(distance - base) << 5), 5 + extra};
            base += size_t(1) << extra;
        }
        return {};
    }

    static size_t runLength(const uchar *data, uchar value, size_t limit)
    {
        const quint64 pattern = 0x0101010101010101ull * value;
        size_t n = 0;
        while (n + 8 <= limit) {
            quint64 word;
            std::memcpy(&word, data + n, 8);
            if (const quint64 diff = word ^ pattern)
                return n + size_t(std::countr_zero(diff) / 8);
            n += 8;
        }
        while (n < limit && data[n] == value)
            ++n;
        return n;
    }

    static size_t matchLength(const uchar *data, const uchar *earlier, size_t limit)
    {
        size_t n = 0;
        while (n + 8 <= limit) {
            quint64 a;
            quint64 b;
            std::memcpy(&a, data + n, 8);
            std::memcpy(&b, earlier + n, 8);
            if (const quint64 diff = a ^ b)
                return n + size_t(std::countr_zero(diff) / 8);
            n += 8;
        }
        while (n < limit && data[n] == earlier[n])
            ++n;
        return n;
    }

    void put(quint32 bits, int count)
    {
        m_bits |= quint64(bits) << m_count;
        m_count += count;
        if (m_count >= 32) {
            const quint32 word = qToLittleEndian(quint32(m_bits));
            std::memcpy(m_out, &word, 4);
            m_out += 4;
            m_bits >>= 32;
            m_count -= 32;
        }
    }

    void flush()
    {
        while (m_count > 0) {
            *m_out++ = uchar(m_bits);
            m_bits >>= 8;
            m_count -= 8;
        }
        m_bits = 0;
        m_count = 0;
    }

    uchar *m_out;
    quint64 m_bits = 0;
    int m_count = 0;
};

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

void PngEncoder::mapRow(const QRgb *in, uchar *out, int width)
{
    // Runs of one colour are the common case (backgrounds), so look up only where the colour
    // changes and fill the run; two pixels are compared at a time. The lookups happen in the
    // same order as pixel by pixel, which matters: the cache keeps the first colour's answer
    // for its whole bucket.
    QRgb previous = in[0] ^ 1;
    uchar index = 0;
    int x = 0;
    while (x < width) {
        if (in[x] != previous) {
            previous = in[x];
            const uchar cached = m_lookup[size_t(lookupKey(previous))];
            index = cached != unknownIndex ? cached : nearest(previous);
        }
        const quint64 pair = quint64(previous) | (quint64(previous) << 32);
        int end = x + 1;
        while (end + 2 <= width) {
            quint64 next;
            std::memcpy(&next, in + end, 8);
            if (next != pair)
                break;
            end += 2;
        }
        while (end < width && in[end] == previous)
            ++end;
        std::memset(out + x, index, size_t(end - x));
        x = end;
    }
}

QImage PngEncoder::toThemePalette(const QImage &image)
{
    const QImage source =
        image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
            ? image
            : image.convertToFormat(QImage::Format_RGB32);
    QImage indexed(source.size(), QImage::Format_Indexed8);
    indexed.setColorTable(m_palette);
    for (int y = 0; y < source.height(); ++y)
        mapRow(reinterpret_cast<const QRgb *>(source.constScanLine(y)), indexed.scanLine(y),
               source.width());
    return indexed;
}

QByteArray PngEncoder::encodeThemePalette(const QImage &image)
{
    const QImage source =
        image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
            ? image
            : image.convertToFormat(QImage::Format_RGB32);
    const size_t width = size_t(source.width());
    const size_t height = size_t(source.height());
    const size_t stride = width + 1; // filter byte 0 (none) and the row's indices
    m_rows.resize(stride * height);
    // The zlib stream's checksum, built row by row: a repeated row repeats its row checksum.
    const uLong adlerStart = adler32(0, nullptr, 0);
    uLong adler = adlerStart;
    uLong rowAdler = adlerStart;
    for (size_t y = 0; y < height; ++y) {
        uchar *row = m_rows.data() + y * stride;
        row[0] = 0;
        const auto *pixels = reinterpret_cast<const QRgb *>(source.constScanLine(int(y)));
        // Most rows of a chart repeat the one above (plot background, fills, vertical grid
        // lines). Every colour of such a row has been looked up already, so copying the mapped
        // row gives what mapping it would, lookup cache included.
        if (y > 0 && std::memcmp(pixels, source.constScanLine(int(y) - 1), width * 4) == 0) {
            std::memcpy(row + 1, row + 1 - stride, width);
        } else {
            mapRow(pixels, row + 1, int(width));
            rowAdler = adler32(adlerStart, row, uInt(stride));
        }
        adler = adler32_combine(adler, rowAdler, z_off_t(stride));
    }

    size_t deflatedSize = 0;
    if (m_compression == 1) {
        // zlib stream: header (deflate, 32 KiB window, "fastest"), data, Adler-32 of the rows.
        // The buffer only grows: written through a pointer, sized once.
        const size_t room = 2 + ChartDeflater::bound(m_rows.size()) + 4;
        if (m_deflated.size() < room)
            m_deflated.resize(room);
        uchar *out = m_deflated.data();
        *out++ = 0x78;
        *out++ = 0x01;
        out = ChartDeflater(out).compress(m_rows.data(), m_rows.size(), stride);
        qToBigEndian(quint32(adler), out);
        deflatedSize = size_t(out + 4 - m_deflated.data());
    } else {
        // Other levels through zlib, for comparison (bench_charts).
        uLongf size = compressBound(uLong(m_rows.size()));
        m_deflated.resize(size);
        if (compress2(m_deflated.data(), &size, m_rows.data(), uLong(m_rows.size()),
                      std::clamp(m_compression, -1, 9)) != Z_OK) {
            qCWarning(lcCharts) << "PNG encoding failed: zlib error";
            return {};
        }
        deflatedSize = size;
    }

    QByteArray bytes;
    bytes.reserve(qsizetype(deflatedSize) + m_palette.size() * 3 + 128);
    bytes.append("\x89PNG\r\n\x1a\n", 8);
    uchar header[13];
    qToBigEndian(quint32(width), header);
    qToBigEndian(quint32(height), header + 4);
    header[8] = 8;  // bits per index
    header[9] = 3;  // colour type: palette
    header[10] = 0; // deflate
    header[11] = 0; // adaptive filtering (every row uses filter 0)
    header[12] = 0; // not interlaced
    appendChunk(bytes, "IHDR", header, sizeof header);
    std::vector<uchar> palette;
    palette.reserve(size_t(m_palette.size()) * 3);
    for (const QRgb colour : std::as_const(m_palette)) {
        palette.push_back(uchar(qRed(colour)));
        palette.push_back(uchar(qGreen(colour)));
        palette.push_back(uchar(qBlue(colour)));
    }
    appendChunk(bytes, "PLTE", palette.data(), palette.size());
    appendChunk(bytes, "IDAT", m_deflated.data(), deflatedSize);
    appendChunk(bytes, "IEND", nullptr, 0);
    return bytes;
}

QByteArray PngEncoder::encode(const QImage &image)
{
    if (image.isNull())
        return {};
    if (m_mode == Mode::ThemePalette) {
        QByteArray bytes = encodeThemePalette(image);
        m_lastSize = bytes.size();
        return bytes;
    }
    const QImage prepared =
        m_mode == Mode::Rgb ? image : image.convertToFormat(QImage::Format_Indexed8);
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
