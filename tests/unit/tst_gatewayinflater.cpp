#include "discord/ZlibStreamInflater.h"

#include <zlib.h>

#include <QTest>

using namespace Pterodisbot;

namespace {

//! The sending side of Discord's zlib-stream: one deflate context, Z_SYNC_FLUSH per message.
class Deflater
{
public:
    Deflater() { deflateInit(&m_zs, Z_DEFAULT_COMPRESSION); }
    ~Deflater() { deflateEnd(&m_zs); }
    QByteArray message(const QByteArray &input)
    {
        QByteArray out;
        m_zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
        m_zs.avail_in = uInt(input.size());
        char chunk[256]; // small on purpose: several output rounds per message
        do {
            m_zs.next_out = reinterpret_cast<Bytef *>(chunk);
            m_zs.avail_out = sizeof(chunk);
            deflate(&m_zs, Z_SYNC_FLUSH);
            out.append(chunk, qsizetype(sizeof(chunk) - m_zs.avail_out));
        } while (m_zs.avail_out == 0);
        return out;
    }

private:
    z_stream m_zs{};
};

QByteArray payload(int i)
{
    return QByteArrayLiteral("{\"op\":0,\"t\":\"MESSAGE\",\"s\":") + QByteArray::number(i) +
           QByteArrayLiteral(",\"d\":{\"content\":\"the same words again and again\"}}");
}

} // namespace

class TestGatewayInflater final : public QObject
{
    Q_OBJECT

private slots:
    void inflatesAStreamOfMessages()
    {
        Deflater deflater;
        ZlibStreamInflater inflater;
        qsizetype compressedTotal = 0;
        for (int i = 0; i < 50; ++i) {
            const QByteArray frame = deflater.message(payload(i));
            QVERIFY(frame.endsWith(QByteArray("\x00\x00\xff\xff", 4)));
            compressedTotal += frame.size();
            QByteArray out;
            QCOMPARE(inflater.feed(frame, &out), ZlibStreamInflater::Status::Message);
            QCOMPARE(out, payload(i));
        }
        // One context for the whole stream: later messages reuse the dictionary.
        QVERIFY(compressedTotal < 50 * payload(0).size() / 2);
    }

    void buffersUntilTheFlushMarker_data()
    {
        QTest::addColumn<int>("pieces");
        QTest::newRow("2 pieces") << 2;
        QTest::newRow("byte by byte") << 0;
    }
    void buffersUntilTheFlushMarker()
    {
        QFETCH(int, pieces);
        Deflater deflater;
        ZlibStreamInflater inflater;
        const QByteArray big = QByteArray(100000, 'x') + payload(1); // output > one chunk
        const QByteArray frame = deflater.message(big);
        const qsizetype step = pieces > 0 ? (frame.size() + pieces - 1) / pieces : 1;
        QByteArray out;
        for (qsizetype at = 0; at < frame.size(); at += step) {
            const QByteArray piece = frame.mid(at, step);
            const auto status = inflater.feed(piece, &out);
            if (at + step < frame.size()) {
                // A piece can end in 00 00 ff ff only at the real end of a flush block.
                if (status == ZlibStreamInflater::Status::Message)
                    continue;
                QCOMPARE(status, ZlibStreamInflater::Status::NeedMore);
            } else {
                QCOMPARE(status, ZlibStreamInflater::Status::Message);
            }
        }
        QCOMPARE(out.size(), big.size());
        QCOMPARE(out, big);
        QCOMPARE(inflater.bufferedBytes(), 0);
        // The next message continues the same stream.
        QCOMPARE(inflater.feed(deflater.message(payload(2)), &out),
                 ZlibStreamInflater::Status::Message);
        QCOMPARE(out, payload(2));
    }

    void resetStartsANewStream()
    {
        ZlibStreamInflater inflater;
        QByteArray out;
        {
            Deflater first;
            QCOMPARE(inflater.feed(first.message(payload(1)), &out),
                     ZlibStreamInflater::Status::Message);
        }
        inflater.reset();
        Deflater second; // a new connection: a new zlib header
        QCOMPARE(inflater.feed(second.message(payload(2)), &out),
                 ZlibStreamInflater::Status::Message);
        QCOMPARE(out, payload(2));
    }

    void corruptDataIsAnError()
    {
        ZlibStreamInflater inflater;
        QByteArray out;
        const QByteArray garbage =
            QByteArray("this is not zlib at all") + QByteArray("\x00\x00\xff\xff", 4);
        QCOMPARE(inflater.feed(garbage, &out), ZlibStreamInflater::Status::Error);
        QVERIFY(!inflater.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGatewayInflater)
#include "tst_gatewayinflater.moc"
