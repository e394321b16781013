#include "DiscordImageInfo.h"

namespace PterodisbotSim {

namespace {
quint32 bigEndian32(const QByteArray &bytes, int at)
{
    return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16) |
           (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
}

quint16 bigEndian16(const QByteArray &bytes, qsizetype at)
{
    return quint16((quint8(bytes[at]) << 8) | quint8(bytes[at + 1]));
}

ImageSize jpegSize(const QByteArray &bytes)
{
    qsizetype at = 2;
    while (at + 9 < bytes.size()) {
        if (quint8(bytes[at]) != 0xFF)
            return {};
        const quint8 marker = quint8(bytes[at + 1]);
        const quint16 length = bigEndian16(bytes, at + 2);
        // Start-of-frame markers carry the size; C4 (DHT), C8 and CC are not frames.
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return {true, bigEndian16(bytes, at + 7), bigEndian16(bytes, at + 5)};
        at += 2 + length;
    }
    return {};
}
} // namespace

ImageSize imageSize(const QByteArray &bytes)
{
    if (bytes.size() >= 24 && bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return {true, int(bigEndian32(bytes, 16)), int(bigEndian32(bytes, 20))};
    if (bytes.size() >= 10 && (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a")))
        return {true, quint8(bytes[6]) | (quint8(bytes[7]) << 8),
                quint8(bytes[8]) | (quint8(bytes[9]) << 8)};
    if (bytes.size() >= 4 && bytes.startsWith("\xFF\xD8"))
        return jpegSize(bytes);
    return {};
}

} // namespace PterodisbotSim
