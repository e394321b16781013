#include "discord/Gateway.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include "Clock.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "DiscordSimulator.h"
#include "SelfSignedCert.h"

using namespace Pterodisbot;
using PterodisbotSim::DiscordSimOptions;
using PterodisbotSim::DiscordSimulator;

namespace {

QByteArray png()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestGatewayTls final : public QObject
{
    Q_OBJECT

    std::optional<TestSupport::SelfSignedCert> m_cert;
    std::optional<TestSupport::SelfSignedCert> m_otherCert;

    GatewaySettings settingsFor(const DiscordSimulator &sim) const
    {
        GatewaySettings settings;
        settings.token = sim.botToken();
        settings.identifyGapMs = 5;
        settings.backoffBaseMs = 20;
        settings.backoffMaxMs = 100;
        settings.closeTimeoutMs = 500;
        return settings;
    }
    RestOptions restOptionsFor(const DiscordSimulator &sim) const
    {
        RestOptions options;
        options.baseUrl = sim.restBaseUrl();
        options.botToken = sim.botToken();
        options.timeoutMs = 5000;
        options.retryBackoffsMs = {20};
        return options;
    }
    // Waits; the reply stays alive for inspection (parented to the test).
    RestReply *await(RestReply *reply)
    {
        reply->setAutoDelete(false);
        reply->setParent(this);
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &RestReply::finished);
            finished.wait(10000);
        }
        return reply;
    }
    DiscordSimOptions tlsOptions() const
    {
        DiscordSimOptions options;
        options.heartbeatIntervalMs = 300;
        options.tls = m_cert->serverConfiguration();
        return options;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_cert = TestSupport::generateSelfSignedCert(&error);
        if (!m_cert)
            QSKIP(qPrintable(QStringLiteral("no test certificate: ") + error));
        m_otherCert = TestSupport::generateSelfSignedCert(&error);
        QVERIFY2(m_otherCert, qPrintable(error));
        QVERIFY(m_cert->certificate != m_otherCert->certificate);
    }

    void gatewayOverWssWithAnExplicitlyTrustedCertificate()
    {
        DiscordSimulator sim;
        QVERIFY2(sim.start(tlsOptions()), qPrintable(sim.errorString()));
        QCOMPARE(sim.gatewayUrl().scheme(), QStringLiteral("wss"));
        GatewaySettings settings = settingsFor(sim);
        settings.sslConfiguration = m_cert->clientConfiguration();
        settings.zlibStream = true;
        Gateway gateway(settings);
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy resumed(&gateway, &Gateway::resumed);
        QSignalSpy dispatches(&gateway, &Gateway::dispatch);
        gateway.start(sim.gatewayUrl());
        QVERIFY(ready.wait(10000));
        QCOMPARE(gateway.resumeGatewayUrl().scheme(), QStringLiteral("wss"));
        sim.dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 1}});
        QTRY_VERIFY(!dispatches.isEmpty() &&
                    dispatches.last().first().toString() == QLatin1String("TEST_EVENT"));
        QTRY_VERIFY(gateway.latencyMs() >= 0); // heartbeats and ACKs over TLS
        // Reconnect and RESUME over TLS as well.
        sim.dropGateway();
        sim.dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 2}});
        QVERIFY(resumed.wait(10000));
        QList<int> numbers;
        for (const auto &args : dispatches)
            if (args.first().toString() == QLatin1String("TEST_EVENT"))
                numbers << args.at(1).toJsonObject().value(QStringLiteral("n")).toInt();
        QCOMPARE(numbers, (QList<int>{1, 2})); // the replay came before RESUMED
        QCOMPARE(sim.identifyCount(), 1);
        QCOMPARE(sim.resumeCount(), 1);
        gateway.stop();
    }

    // The start-up path of the bot, all over TLS: GET /gateway/bot over https, the gateway at
    // the URL it names over wss, then REST calls with JSON and multipart bodies.
    void restAndGatewayOverTlsWithAnExplicitlyTrustedCertificate()
    {
        DiscordSimulator sim;
        QVERIFY2(sim.start(tlsOptions()), qPrintable(sim.errorString()));
        QCOMPARE(sim.restBaseUrl().scheme(), QStringLiteral("https"));
        QNetworkAccessManager nam;
        SystemClock clock;
        RestOptions options = restOptionsFor(sim);
        options.sslConfiguration = m_cert->clientConfiguration();
        RestClient rest(&nam, &clock, options);

        RestReply *gatewayBot = await(rest.getGatewayBot());
        QVERIFY2(gatewayBot->ok(), qPrintable(gatewayBot->error().toString()));
        const auto info = GatewayBotInfo::fromJson(gatewayBot->object());
        QVERIFY(info);
        const QUrl gatewayUrl(info->url);
        QCOMPARE(gatewayUrl.scheme(), QStringLiteral("wss"));

        RestReply *me = await(rest.getCurrentUser());
        QVERIFY2(me->ok(), qPrintable(me->error().toString()));
        QCOMPARE(CurrentUser::fromJson(me->object())->id, sim.botUserId());

        const QString channel = sim.channelIds().first();
        const QByteArray chart = png();
        Message message;
        Embed embed;
        embed.title = QStringLiteral("Over TLS");
        embed.setImageAttachment(QStringLiteral("metrics.png"));
        message.embeds.append(embed);
        message.files.append(MessageFile{QStringLiteral("metrics.png"), chart});
        RestReply *created = await(rest.createMessage(channel, message));
        QVERIFY2(created->ok(), qPrintable(created->error().toString()));
        const QString id = created->object().value(QStringLiteral("id")).toString();
        const auto stored = sim.message(channel, id);
        QVERIFY(stored);
        QCOMPARE(stored->attachments.size(), 1);
        QCOMPARE(stored->attachments.first().bytes, chart);
        QVERIFY(stored->attachments.first().url.startsWith(QLatin1String("https://")));
        QCOMPARE(created->attempts(), 1);

        GatewaySettings settings = settingsFor(sim);
        settings.sslConfiguration = m_cert->clientConfiguration();
        Gateway gateway(settings);
        QSignalSpy ready(&gateway, &Gateway::ready);
        gateway.start(gatewayUrl);
        QVERIFY(ready.wait(10000));
        QCOMPARE(sim.identifyCount(), 1);
        gateway.stop();
    }

    void restRefusesUntrustedCertificates_data()
    {
        QTest::addColumn<bool>("trustOtherCert");
        QTest::newRow("system CAs only") << false;
        QTest::newRow("a different self-signed certificate") << true;
    }
    void restRefusesUntrustedCertificates()
    {
        QFETCH(bool, trustOtherCert);
        DiscordSimulator sim;
        QVERIFY2(sim.start(tlsOptions()), qPrintable(sim.errorString()));
        QNetworkAccessManager nam;
        SystemClock clock;
        RestOptions options = restOptionsFor(sim);
        // Far beyond await()'s 10 s: a bucket held until the request times out cannot pass.
        options.timeoutMs = 60000;
        if (trustOtherCert)
            options.sslConfiguration = m_otherCert->clientConfiguration();
        RestClient rest(&nam, &clock, options);
        RestReply *me = await(rest.getCurrentUser());
        QVERIFY(me->isFinished());
        QCOMPARE(me->error().kind, ApiError::Kind::Tls);
        QCOMPARE(me->status(), 0);
        QVERIFY2(me->error().message.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
                 qPrintable(me->error().message));
        // Not retried: the same certificate would fail the same way, only after the backoff.
        QCOMPARE(me->attempts(), 1);
        // Nothing reached the HTTP layer of the simulator.
        QVERIFY(sim.requests().isEmpty());
        // The bucket is not left held by the failed attempts: the next call goes at once.
        QElapsedTimer timer;
        timer.start();
        RestReply *again = await(rest.getCurrentUser());
        QCOMPARE(again->error().kind, ApiError::Kind::Tls);
        // "At once", generously: a loaded machine takes a while for a TLS handshake too.
        QVERIFY2(timer.elapsed() < 9000, qPrintable(QString::number(timer.elapsed())));
    }

    void untrustedCertificatesAreRefused_data()
    {
        QTest::addColumn<bool>("trustOtherCert");
        QTest::newRow("system CAs only") << false;
        QTest::newRow("a different self-signed certificate") << true;
    }
    void untrustedCertificatesAreRefused()
    {
        QFETCH(bool, trustOtherCert);
        DiscordSimulator sim;
        QVERIFY2(sim.start(tlsOptions()), qPrintable(sim.errorString()));
        GatewaySettings settings = settingsFor(sim);
        if (trustOtherCert)
            settings.sslConfiguration = m_otherCert->clientConfiguration();
        Gateway gateway(settings);
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy backingOff(&gateway, &Gateway::backingOff);
        gateway.start(sim.gatewayUrl());
        // The handshake fails, the client backs off and tries again; it never gets a HELLO.
        QTRY_VERIFY_WITH_TIMEOUT(backingOff.size() >= 2, 10000);
        QCOMPARE(ready.size(), 0);
        QCOMPARE(sim.identifyCount(), 0);
        QVERIFY(sim.receivedGatewayPayloads().isEmpty());
        QVERIFY(gateway.state() != Gateway::State::Ready);
        gateway.stop();
    }
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "tst_gatewaytls.moc"
