#include "discord/Gateway.h"

#include <QSignalSpy>
#include <QTest>

#include "DiscordSimulator.h"
#include "SelfSignedCert.h"

using namespace Pterodisbot;
using PterodisbotSim::DiscordSimOptions;
using PterodisbotSim::DiscordSimulator;

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
