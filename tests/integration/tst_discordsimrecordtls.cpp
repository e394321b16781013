// The Discord simulator's record file (requests without the token) and its TLS mode for REST
// and the gateway.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"
#include "TestSupport.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;
using Pterodisbot::TestSupport::readData;

class TestDiscordSimRecordTls final : public QObject
{
    Q_OBJECT

private slots:
    void recordFileHasRequestsWithoutToken();
    void tlsRestAndGateway();
};

void TestDiscordSimRecordTls::recordFileHasRequestsWithoutToken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("discord.jsonl"));
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QVERIFY(sim.setRecordFile(file));
    auto client = identifiedClient(sim);
    QVERIFY(client);
    RestClient rest(sim);
    rest.send("POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)),
              QJsonObject{{QStringLiteral("content"), QStringLiteral("recorded")}});
    rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(sim.requests().size(), 2);
    QCOMPARE(sim.requests().at(0).method, QStringLiteral("POST"));
    QCOMPARE(sim.requests().at(0).status, 200);
    QVERIFY(sim.requests().at(0).body.contains("recorded"));

    QFile recorded(file);
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    const QByteArray text = recorded.readAll();
    QVERIFY(!text.contains(sim.botToken().toUtf8()));
    int restLines = 0;
    int gatewayLines = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        QVERIFY2(!entry.isEmpty(), line.constData());
        if (entry.value(QStringLiteral("kind")).toString() == QLatin1String("rest")) {
            ++restLines;
        } else {
            ++gatewayLines;
        }
    }
    QCOMPARE(restLines, 2);
    QVERIFY(gatewayLines >= 4); // HELLO, IDENTIFY, READY, GUILD_CREATE
    sim.clearRequests();
    QVERIFY(sim.requests().isEmpty());
}

void TestDiscordSimRecordTls::tlsRestAndGateway()
{
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(readData(QStringLiteral("discord/localhost.crt")));
    QCOMPARE(certificates.size(), 1);
    const QSslKey key(readData(QStringLiteral("discord/localhost.key")), QSsl::Rsa);
    QVERIFY(!key.isNull());
    QSslConfiguration server = QSslConfiguration::defaultConfiguration();
    server.setLocalCertificate(certificates.at(0));
    server.setPrivateKey(key);
    server.setPeerVerifyMode(QSslSocket::VerifyNone);
    DiscordSimOptions options;
    options.tls = server;
    DiscordSimulator sim;
    QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
    QCOMPARE(sim.restBaseUrl().scheme(), QStringLiteral("https"));
    QCOMPARE(sim.gatewayUrl().scheme(), QStringLiteral("wss"));

    QSslConfiguration client = QSslConfiguration::defaultConfiguration();
    client.setCaCertificates(certificates); // trust exactly this certificate
    RestClient rest(sim);
    rest.tls = &client;
    const HttpResult me = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object().value(QStringLiteral("id")).toString(), sim.botUserId());

    GatewayClient gateway(false, &client);
    gateway.open(sim.gatewayUrl());
    QVERIFY(!gateway.waitFor(10).isEmpty());
    gateway.identify(sim.botToken());
    QVERIFY(!gateway.waitFor(0, QStringLiteral("READY")).isEmpty());
}

QTEST_GUILESS_MAIN(TestDiscordSimRecordTls)
#include "tst_discordsimrecordtls.moc"
