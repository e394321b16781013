#pragma once

#include <memory>

#include <QByteArray>
#include <QString>

namespace Pterodisbot {

//! Discord's `compress=zlib-stream` transport: every binary frame of one connection continues
//! a single zlib stream, and a message is complete when the received data ends with the
//! Z_SYNC_FLUSH marker 00 00 ff ff. qUncompress() cannot do this (it expects one whole
//! deflate stream with a length prefix), so zlib is used directly. One instance per
//! connection: the dictionary carries over from message to message.
class ZlibStreamInflater
{
public:
    ZlibStreamInflater();
    ~ZlibStreamInflater();
    ZlibStreamInflater(const ZlibStreamInflater &) = delete;
    ZlibStreamInflater &operator=(const ZlibStreamInflater &) = delete;

    enum class Status {
        NeedMore, //!< buffered; the message is not complete yet
        Message,  //!< a whole message was inflated into the output
        Error,    //!< the stream is corrupt; the connection must be dropped
    };

    //! Feeds one binary frame. On Message, \a message holds the inflated bytes.
    Status feed(const QByteArray &frame, QByteArray *message);
    //! Starts a new stream (a new connection).
    void reset();
    //! zlib's description of the last error.
    QString errorString() const { return m_error; }
    //! Compressed bytes buffered while waiting for the flush marker.
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace Pterodisbot
