#include "DiscordDeflateStream.h"

#include <zlib.h>

namespace PterodisbotSim {

DiscordDeflateStream::DiscordDeflateStream()
    : m_stream(std::make_unique<z_stream_s>())
{
    *m_stream = {};
    m_valid = deflateInit(m_stream.get(), Z_DEFAULT_COMPRESSION) == Z_OK;
}

DiscordDeflateStream::~DiscordDeflateStream()
{
    if (m_valid)
        deflateEnd(m_stream.get());
}

QByteArray DiscordDeflateStream::compress(const QByteArray &message)
{
    if (!m_valid)
        return {};
    QByteArray out;
    m_stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(message.constData()));
    m_stream->avail_in = uInt(message.size());
    char chunk[16384];
    do {
        m_stream->next_out = reinterpret_cast<Bytef *>(chunk);
        m_stream->avail_out = sizeof(chunk);
        const int result = deflate(m_stream.get(), Z_SYNC_FLUSH);
        if (result != Z_OK && result != Z_BUF_ERROR) {
            m_valid = false;
            return {};
        }
        out.append(chunk, qsizetype(sizeof(chunk) - m_stream->avail_out));
    } while (m_stream->avail_out == 0);
    return out;
}

} // namespace PterodisbotSim
