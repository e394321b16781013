#pragma once

#include <memory>

#include <QByteArray>

struct z_stream_s;

namespace PterodisbotSim {

//! Discord's zlib-stream transport compression: one deflate context for the whole
//! connection, every message flushed with Z_SYNC_FLUSH so it ends in 00 00 ff ff.
class DiscordDeflateStream
{
public:
    DiscordDeflateStream();
    ~DiscordDeflateStream();
    DiscordDeflateStream(const DiscordDeflateStream &) = delete;
    DiscordDeflateStream &operator=(const DiscordDeflateStream &) = delete;

    bool isValid() const { return m_valid; }
    //! The next chunk of the stream holding message; empty on a zlib error.
    QByteArray compress(const QByteArray &message);

private:
    std::unique_ptr<z_stream_s> m_stream;
    bool m_valid = false;
};

} // namespace PterodisbotSim
