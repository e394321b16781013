#include <functional>

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "Clock.h"
#include "DiscordSimulator.h"
#include "net/DirectNetworkManager.h"
#include "net/HttpClient.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using Pterodisbot::TestSupport::readData;

namespace {

//! One request as the scripted server read it.
struct Seen
{
    int connection = 0;
    QByteArray head; //!< request line and headers
    QByteArray body;
};

//! A raw TCP server on 127.0.0.1 that reads HTTP/1.1 requests and answers each with the bytes
//! the script returns; an empty answer holds the request unanswered. Closes the connection after
//! an answer saying "Connection: close", or after every answer when closeAfterAnswer.
class ScriptedServer final : public QObject
{
public:
    std::function<QByteArray(const Seen &)> answer = [](const Seen &) {
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    };
    bool closeAfterAnswer = false;
    QList<Seen> seen;
    QList<QPointer<QTcpSocket>> sockets;
    int connections = 0;
    int open = 0;
    int peakOpen = 0;

    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                const int index = connections++;
                peakOpen = qMax(peakOpen, ++open);
                sockets.append(socket);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    --open;
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, index] {
                    buffer->append(socket->readAll());
                    while (true) {
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        Seen request{index, buffer->left(end), {}};
                        qsizetype length = 0;
                        for (const QByteArray &line : request.head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer->size() < end + 4 + length)
                            return;
                        request.body = buffer->mid(end + 4, length);
                        buffer->remove(0, end + 4 + length);
                        seen.append(request);
                        const QByteArray bytes = answer(request);
                        if (bytes.isEmpty())
                            continue;
                        socket->write(bytes);
                        if (closeAfterAnswer || bytes.contains("\r\nConnection: close\r\n"))
                            socket->disconnectFromHost();
                    }
                });
            }
        });
    }

    QUrl url(const QString &path = QStringLiteral("/x")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void stopListening() { m_server.close(); }

private:
    QTcpServer m_server;
};

QNetworkRequest request(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

bool waitFinished(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
    }
    return reply->isFinished();
}

} // namespace

// DirectNetworkManager against a raw socket server: framing, kept-alive connections, limits,
// the errors a caller gets for bad answers. The bot's integration tests run over it too
// (BotHarness), against the simulators.
class TestDirectNetwork final : public QObject
{
    Q_OBJECT

private slots:
    void keptAliveConnectionCarriesEveryRequest()
    {
        ScriptedServer server;
        DirectNetworkManager nam;
        for (int i = 0; i < 20; ++i) {
            QNetworkRequest sent = request(server.url(QStringLiteral("/api/%1?a=b c").arg(i)));
            sent.setRawHeader("Authorization", "Bearer secret");
            std::unique_ptr<QNetworkReply> reply(nam.get(sent));
            QVERIFY(waitFinished(reply.get()));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(reply->readAll(), QByteArray("ok"));
        }
        QCOMPARE(server.seen.size(), 20);
        QCOMPARE(server.connections, 1);
        QCOMPARE(nam.connectionsOpened(), 1);
        QCOMPARE(nam.requestsTaken(), 20);
        const QByteArray head = server.seen.last().head;
        QVERIFY2(head.startsWith("GET /api/19?a=b%20c HTTP/1.1\r\n"), head.constData());
        QVERIFY(head.contains("\r\nHost: 127.0.0.1:"));
        QVERIFY(head.contains("\r\nAuthorization: Bearer secret"));
        QVERIFY2(!head.toLower().contains("accept-encoding"), "asked for compressed answers");
    }

    void bodiesHeadersAndStatusesReachTheCaller()
    {
        ScriptedServer server;
        server.answer = [](const Seen &seen) -> QByteArray {
            return "HTTP/1.1 404 Not Found\r\nX-Twice: a\r\nContent-Type: application/json\r\n"
                   "x-twice: b\r\nContent-Length: " +
                   QByteArray::number(seen.body.size()) + "\r\n\r\n" + seen.body;
        };
        DirectNetworkManager nam;
        QNetworkRequest sent = request(server.url());
        sent.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        std::unique_ptr<QNetworkReply> reply(
            nam.sendCustomRequest(sent, "PATCH", QByteArray(R"({"content":"é"})")));
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                 QByteArray("Not Found"));
        QCOMPARE(reply->rawHeader("x-twice"), QByteArray("a, b"));
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("application/json"));
        QCOMPARE(reply->readAll(), QByteArray(R"({"content":"é"})"));
        QVERIFY(server.seen.first().head.startsWith("PATCH /x HTTP/1.1"));
        QVERIFY(server.seen.first().head.contains("Content-Type: application/json"));
    }

    void chunkedAndUntilCloseBodies()
    {
        ScriptedServer server;
        server.answer = [](const Seen &seen) -> QByteArray {
            if (seen.head.startsWith("GET /chunked"))
                return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n";
            if (seen.head.startsWith("GET /close"))
                return "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nto the end";
            return "HTTP/1.1 204 No Content\r\n\r\n";
        };
        DirectNetworkManager nam;
        std::unique_ptr<QNetworkReply> chunked(
            nam.get(request(server.url(QStringLiteral("/chunked")))));
        QVERIFY(waitFinished(chunked.get()));
        QCOMPARE(chunked->error(), QNetworkReply::NoError);
        QCOMPARE(chunked->readAll(), QByteArray("hello world"));
        std::unique_ptr<QNetworkReply> empty(
            nam.get(request(server.url(QStringLiteral("/empty")))));
        QVERIFY(waitFinished(empty.get()));
        QCOMPARE(empty->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
        QCOMPARE(server.connections, 1); // both framed: the connection stayed
        std::unique_ptr<QNetworkReply> untilClose(
            nam.get(request(server.url(QStringLiteral("/close")))));
        QVERIFY(waitFinished(untilClose.get()));
        QCOMPARE(untilClose->error(), QNetworkReply::NoError);
        QCOMPARE(untilClose->readAll(), QByteArray("to the end"));
        std::unique_ptr<QNetworkReply> after(
            nam.get(request(server.url(QStringLiteral("/empty")))));
        QVERIFY(waitFinished(after.get()));
        QCOMPARE(after->error(), QNetworkReply::NoError);
        QCOMPARE(server.connections, 2);
    }

    void closedKeptAliveConnectionIsResentOnce()
    {
        // The server closes after every answer without saying so: the next request finds the
        // kept connection dead and goes again on a new one.
        ScriptedServer server;
        server.closeAfterAnswer = true;
        DirectNetworkManager nam;
        for (int i = 0; i < 5; ++i) {
            std::unique_ptr<QNetworkReply> reply(nam.get(request(server.url())));
            QVERIFY(waitFinished(reply.get()));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->readAll(), QByteArray("ok"));
        }
        QCOMPARE(server.seen.size(), 5);
    }

    void connectionsPerHostAreCapped()
    {
        constexpr int cap = DirectNetworkManager::kMaxConnectionsPerHost;
        ScriptedServer server;
        server.answer = [](const Seen &) { return QByteArray(); }; // hold every request
        DirectNetworkManager nam;
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (int i = 0; i < cap + 4; ++i)
            replies.emplace_back(nam.get(request(server.url())));
        QTRY_COMPARE(server.seen.size(), cap);
        QCOMPARE(server.peakOpen, cap);
        // Answering frees the connections for the four waiting.
        for (const QPointer<QTcpSocket> &socket : server.sockets)
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        QTRY_COMPARE(server.seen.size(), cap + 4);
        for (const QPointer<QTcpSocket> &socket : server.sockets)
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        for (const auto &reply : replies) {
            QVERIFY(waitFinished(reply.get()));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
        }
        QCOMPARE(server.connections, cap);
    }

    void urgentRequestsPassHeldOnes()
    {
        // Six edits held by a slow server fill HttpClient's cap; an interaction's answer
        // still goes at once (the reserve), before the edits queued behind them.
        ScriptedServer server;
        server.answer = [](const Seen &seen) -> QByteArray {
            if (seen.head.startsWith("POST /urgent"))
                return "HTTP/1.1 204 No Content\r\n\r\n";
            return {};
        };
        DirectNetworkManager nam;
        HttpClient http(&nam, SystemClock::instance());
        auto send = [&](const QByteArray &method, const QString &path, bool urgent) {
            HttpRequest sent;
            sent.method = method;
            sent.url = server.url(path);
            sent.urgent = urgent;
            HttpReply *reply = http.send(sent);
            reply->setAutoDelete(false);
            return std::unique_ptr<HttpReply>(reply);
        };
        std::vector<std::unique_ptr<HttpReply>> edits;
        for (int i = 0; i < http.maxConcurrentRequests() + 2; ++i)
            edits.push_back(send("PATCH", QStringLiteral("/edit"), false));
        QTRY_COMPARE(server.seen.size(), http.maxConcurrentRequests());
        std::unique_ptr<HttpReply> answer = send("POST", QStringLiteral("/urgent"), true);
        QSignalSpy finished(answer.get(), &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(answer->status(), 204);
        QCOMPARE(server.seen.size(), http.maxConcurrentRequests() + 1); // edits still queued
        QVERIFY(server.seen.last().head.startsWith("POST /urgent"));
    }

    void badAnswersFailClearly_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("message");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << QStringLiteral("not an HTTP answer");
        QTest::newRow("no status number")
            << QByteArray("HTTP/1.1 OK\r\n\r\n") << QStringLiteral("not an HTTP answer");
        QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n")
                                              << QStringLiteral("malformed header in the answer");
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")
            << QStringLiteral("invalid Content-Length in the answer");
        QTest::newRow("length over the limit")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n")
            << QStringLiteral("the answer is too large");
        QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            << QStringLiteral("malformed chunk in the answer");
        QTest::newRow("chunk without its line end")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY")
            << QStringLiteral("malformed chunk in the answer");
        QByteArray huge("HTTP/1.1 200 OK\r\n");
        while (huge.size() <= DirectNetworkManager::kMaxHeaderBytes)
            huge += "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
        QTest::newRow("headers over the limit")
            << huge << QStringLiteral("the answer's headers are too large");
        QTest::newRow("endless line")
            << QByteArray("HTTP/1.1 200 OK\r\nX: ") +
                   QByteArray(DirectNetworkManager::kMaxHeaderBytes + 10, 'a')
            << QStringLiteral("a line of the answer is too long");
    }

    void badAnswersFailClearly()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, message);
        ScriptedServer server;
        server.answer = [&](const Seen &seen) -> QByteArray {
            return seen.head.startsWith("GET /bad")
                       ? answer
                       : "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        };
        DirectNetworkManager nam;
        std::unique_ptr<QNetworkReply> bad(nam.get(request(server.url(QStringLiteral("/bad")))));
        QVERIFY(waitFinished(bad.get()));
        QCOMPARE(bad->error(), QNetworkReply::ProtocolFailure);
        QCOMPARE(bad->errorString(), message);
        // Nothing of a broken answer is trusted again: the next request is fine, on a new
        // connection.
        std::unique_ptr<QNetworkReply> next(nam.get(request(server.url(QStringLiteral("/good")))));
        QVERIFY(waitFinished(next.get()));
        QCOMPARE(next->error(), QNetworkReply::NoError);
        QCOMPARE(server.connections, 2);
    }

    void refusedAbortedAndDeleted()
    {
        DirectNetworkManager nam;
        QUrl deadUrl;
        {
            ScriptedServer dead;
            deadUrl = dead.url();
        }
        std::unique_ptr<QNetworkReply> refused(nam.get(request(deadUrl)));
        QVERIFY(waitFinished(refused.get()));
        QCOMPARE(refused->error(), QNetworkReply::ConnectionRefusedError);
        QVERIFY(!refused->errorString().isEmpty());

        ScriptedServer server;
        server.answer = [](const Seen &) { return QByteArray(); };
        std::unique_ptr<QNetworkReply> aborted(nam.get(request(server.url())));
        QTRY_COMPARE(server.seen.size(), 1);
        QSignalSpy finished(aborted.get(), &QNetworkReply::finished);
        aborted->abort(); // synchronously, as Qt's replies do
        QCOMPARE(finished.size(), 1);
        QCOMPARE(aborted->error(), QNetworkReply::OperationCanceledError);

        // A reply deleted while it waits for its answer, and a manager destroyed with requests
        // on the wire: nothing left behind (AddressSanitizer watches).
        QNetworkReply *deleted = nam.get(request(server.url()));
        QTRY_COMPARE(server.seen.size(), 2);
        delete deleted;
        auto other = std::make_unique<DirectNetworkManager>();
        other->get(request(server.url()));
        QTRY_COMPARE(server.seen.size(), 3);
        other.reset();
        server.answer = [](const Seen &) {
            return QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        };
        std::unique_ptr<QNetworkReply> after(nam.get(request(server.url())));
        QVERIFY(waitFinished(after.get()));
        QCOMPARE(after->error(), QNetworkReply::NoError);
    }

    void idleConnectionsClose()
    {
        ScriptedServer server;
        DirectNetworkManager nam;
        nam.setIdleTimeout(50);
        std::unique_ptr<QNetworkReply> reply(nam.get(request(server.url())));
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(nam.openConnections(), 1);
        QTRY_COMPARE(nam.openConnections(), 0);
        QTRY_COMPARE(server.open, 0);
    }

    void whatItDoesNotTakeGoesToQt()
    {
        ScriptedServer server;
        DirectNetworkManager nam;
        QNetworkRequest follow(server.url());
        follow.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                            QNetworkRequest::NoLessSafeRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(nam.get(follow));
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(reply->readAll(), QByteArray("ok"));
        QCOMPARE(nam.requestsPassedOn(), 1);
        QCOMPARE(nam.requestsTaken(), 0);
    }

    void tlsVerifiesTheCertificate()
    {
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromData(readData(QStringLiteral("discord/localhost.crt")));
        QCOMPARE(certificates.size(), 1);
        QSslConfiguration server = QSslConfiguration::defaultConfiguration();
        server.setLocalCertificate(certificates.at(0));
        server.setPrivateKey(QSslKey(readData(QStringLiteral("discord/localhost.key")), QSsl::Rsa));
        server.setPeerVerifyMode(QSslSocket::VerifyNone);
        PterodisbotSim::DiscordSimOptions options;
        options.tls = server;
        PterodisbotSim::DiscordSimulator sim;
        QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
        const QUrl me(sim.restBaseUrl().toString() + QStringLiteral("/users/@me"));
        QCOMPARE(me.scheme(), QStringLiteral("https"));
        DirectNetworkManager nam;

        // Not trusted: the caller hears which certificate problem, nothing is sent.
        QNetworkRequest untrusted = request(me);
        untrusted.setRawHeader("Authorization", "Bot " + sim.botToken().toUtf8());
        untrusted.setRawHeader("User-Agent", HttpClient::defaultUserAgent());
        std::unique_ptr<QNetworkReply> refused(nam.get(untrusted));
        QSignalSpy sslErrors(refused.get(), &QNetworkReply::sslErrors);
        QVERIFY(waitFinished(refused.get()));
        QCOMPARE(refused->error(), QNetworkReply::SslHandshakeFailedError);
        QVERIFY(!sslErrors.isEmpty());

        // Trusted through the request's configuration, as HttpClient sets it; kept alive.
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates(certificates);
        for (int i = 0; i < 3; ++i) {
            QNetworkRequest trusted = untrusted;
            trusted.setSslConfiguration(client);
            std::unique_ptr<QNetworkReply> reply(nam.get(trusted));
            QVERIFY(waitFinished(reply.get()));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QVERIFY(reply->attribute(QNetworkRequest::ConnectionEncryptedAttribute).toBool());
            QVERIFY(reply->readAll().contains(sim.botUserId().toUtf8()));
        }
        QCOMPARE(nam.connectionsOpened(), 2); // the refused one, then one for three requests
    }

    void httpClientTimeoutAbortsTheWire()
    {
        ScriptedServer server;
        server.answer = [](const Seen &) { return QByteArray(); };
        DirectNetworkManager nam;
        HttpClient http(&nam, SystemClock::instance());
        http.setRetryPolicy(RetryPolicy::once(100));
        HttpRequest sent;
        sent.url = server.url();
        HttpReply *reply = http.send(sent);
        reply->setAutoDelete(false);
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
        delete reply;
    }
};

QTEST_MAIN(TestDirectNetwork)
#include "tst_directnetwork.moc"
