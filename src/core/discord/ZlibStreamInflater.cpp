#include "discord/ZlibStreamInflater.h"

#include <zlib.h>

namespace Pterodisbot {

struct ZlibStreamInflater::Stream
{
    Stream()
    {
        zs.zalloc = Z_NULL;
        zs.zfree = Z_NULL;
        zs.opaque = Z_NULL;
        ok = inflateInit(&zs) == Z_OK;
    }
    ~Stream() { inflateEnd(&zs); }
    z_stream zs{};
    bool ok = false;
};

ZlibStreamInflater::ZlibStreamInflater()
    : m_stream(std::make_unique<Stream>())
{}

ZlibStreamInflater::~ZlibStreamInflater() = default;

void ZlibStreamInflater::reset()
{
    m_stream = std::make_unique<Stream>();
    m_buffer.clear();
    m_error.clear();
}

ZlibStreamInflater::Status ZlibStreamInflater::feed(const QByteArray &frame, QByteArray *message)
{
    static const QByteArray flushMarker("\x00\x00\xff\xff", 4);
    if (!m_stream->ok) {
        m_error = QStringLiteral("zlib could not be initialised");
        return Status::Error;
    }
    m_buffer += frame;
    if (!m_buffer.endsWith(flushMarker))
        return Status::NeedMore;

    QByteArray out;
    z_stream &zs = m_stream->zs;
    zs.next_in = reinterpret_cast<Bytef *>(m_buffer.data());
    zs.avail_in = uInt(m_buffer.size());
    char chunk[16384];
    int rc = Z_OK;
    // Z_SYNC_FLUSH: produce everything the input allows, keep the stream open for the next
    // message. Loop while zlib fills the whole chunk (more output may be pending).
    do {
        zs.next_out = reinterpret_cast<Bytef *>(chunk);
        zs.avail_out = sizeof(chunk);
        rc = inflate(&zs, Z_SYNC_FLUSH);
        if (rc != Z_OK && rc != Z_BUF_ERROR && rc != Z_STREAM_END) {
            m_error = QStringLiteral("zlib inflate failed (%1): %2")
                          .arg(rc)
                          .arg(QString::fromLatin1(zs.msg ? zs.msg : "unknown error"));
            m_buffer.clear();
            return Status::Error;
        }
        out.append(chunk, qsizetype(sizeof(chunk) - zs.avail_out));
    } while (zs.avail_out == 0 || (zs.avail_in > 0 && rc == Z_OK));
    m_buffer.clear();
    if (message)
        *message = std::move(out);
    return Status::Message;
}

} // namespace Pterodisbot
