#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include "Clock.h"
#include "PanelSimulator.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/StatsStream.h"

using namespace Pterodisbot;
using PterodisbotSim::PanelRequestRecord;
using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;

using ConnectionState = StatsStream::ConnectionState;

namespace {

int websocketRequests(const PanelSimulator &sim)
{
    int count = 0;
    for (const PanelRequestRecord &record : sim.requests())
        count += record.path.endsWith(QLatin1String("/websocket")) && record.status == 200 ? 1 : 0;
    return count;
}

//! How long a test watches for something that must NOT happen; it can only produce false
//! passes on a loaded machine, never false failures.
constexpr int kQuietWindowMs = 300;

StatsStreamOptions fastOptions()
{
    StatsStreamOptions options;
    options.reconnectDelaysMs = {100, 200, 400};
    options.connectTimeoutMs = 3000;
    return options;
}

} // namespace

class TestStatsStream final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PanelSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<PanelClient> m_client;
    QString m_id;

    PanelSimulator &startSim(PanelSimOptions options = {})
    {
        options.serverCount = 2;
        options.tickIntervalMs = 25;
        options.statsIntervalMs = 100;
        options.startingDurationMs = 300;
        options.stoppingDurationMs = 300;
        m_sim = std::make_unique<PanelSimulator>();
        if (!m_sim->start(options))
            qFatal("simulator: %s", qPrintable(m_sim->errorString()));
        m_id = m_sim->serverIdentifiers().first();
        m_sim->setServerState(m_id, QStringLiteral("running"));
        return *m_sim;
    }
    PanelClient *client(const QUrl &panelUrl = {})
    {
        PanelClientOptions options;
        options.panelUrl = panelUrl.isEmpty() ? m_sim->panelUrl() : panelUrl;
        options.clientKey = m_sim->clientKey();
        options.retryBackoffsMs = {50};
        m_client = std::make_unique<PanelClient>(m_nam.get(), SystemClock::instance(), options);
        return m_client.get();
    }

private slots:
    void init() { m_nam = std::make_unique<QNetworkAccessManager>(); }
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
        m_nam.reset();
    }

    void samplesArrive()
    {
        PanelSimulator &sim = startSim();
        StatsStream stream(client(), m_id, fastOptions());
        QSignalSpy samples(&stream, &StatsStream::sampleReceived);
        QSignalSpy states(&stream, &StatsStream::stateChanged);
        QSignalSpy connection(&stream, &StatsStream::connectionStateChanged);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 5, 10000);
        QCOMPARE(stream.connectionState(), ConnectionState::Streaming);
        QCOMPARE(connection.first().first().value<ConnectionState>(),
                 ConnectionState::FetchingCredentials);
        QCOMPARE(states.first().first().value<PowerState>(), PowerState::Running);
        const auto sample = samples.last().first().value<ResourceSample>();
        QCOMPARE(sample.state, PowerState::Running);
        QVERIFY(sample.memoryBytes > 0);
        QVERIFY(sample.memoryLimitBytes > 0);
        QVERIFY(sample.uptimeMs > 0);
        QVERIFY(sample.timestamp.isValid());
        QCOMPARE(websocketRequests(sim), 1);
        QCOMPARE(sim.wingsSessionCount(), 1);
    }

    void followsPowerStates()
    {
        PanelSimulator &sim = startSim();
        sim.setServerState(m_id, QStringLiteral("offline"));
        StatsStream stream(client(), m_id, fastOptions());
        QSignalSpy states(&stream, &StatsStream::stateChanged);
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), PowerState::Offline, 10000);
        sim.setServerState(m_id, QStringLiteral("starting")); // -> running after 300 ms
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), PowerState::Running, 10000);
        QList<PowerState> seen;
        for (const auto &args : std::as_const(states))
            seen.append(args.first().value<PowerState>());
        QCOMPARE(seen, (QList<PowerState>{PowerState::Offline, PowerState::Starting,
                                          PowerState::Running}));
    }

    void originIsSent()
    {
        // Wings refuses an upgrade whose Origin is not the panel URL. The same panel reached as
        // "localhost" sends a different Origin, and must be refused: so the accepted stream
        // above really carried `Origin: http://127.0.0.1:<port>`.
        PanelSimulator &sim = startSim();
        QUrl other = sim.panelUrl();
        other.setHost(QStringLiteral("localhost"));
        StatsStream refused(client(other), m_id, fastOptions());
        QSignalSpy errors(&refused, &StatsStream::error);
        QSignalSpy samples(&refused, &StatsStream::sampleReceived);
        refused.start();
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, 10000);
        QCOMPARE(samples.size(), 0);
        QVERIFY(refused.connectionState() != ConnectionState::Streaming);
        refused.stop();

        StatsStream accepted(client(), m_id, fastOptions());
        QSignalSpy acceptedSamples(&accepted, &StatsStream::sampleReceived);
        accepted.start();
        QTRY_VERIFY_WITH_TIMEOUT(acceptedSamples.size() >= 1, 10000);
    }

    void survivesTokenExpiry()
    {
        PanelSimOptions options;
        options.tokenLifetimeMs = 1200;
        options.tokenExpiringWarningMs = 600;
        PanelSimulator &sim = startSim(options);
        StatsStream stream(client(), m_id, fastOptions());
        QSignalSpy samples(&stream, &StatsStream::sampleReceived);
        QSignalSpy connection(&stream, &StatsStream::connectionStateChanged);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(stream.tokenRefreshCount() >= 2, 8000);
        QVERIFY(websocketRequests(sim) >= 3); // the first token and two fresh ones
        // Samples keep coming past two token lifetimes on the same socket.
        const int before = int(samples.size());
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= before + 5, 10000);
        QCOMPARE(stream.reconnectCount(), 0);
        QCOMPARE(stream.connectionState(), ConnectionState::Streaming);
        for (const auto &args : std::as_const(connection))
            QVERIFY(args.first().value<ConnectionState>() != ConnectionState::WaitingToReconnect);
    }

    void reauthenticatesAfterJwtError()
    {
        // No warning at all: the token runs out and Wings answers `token expired` / `jwt error`.
        PanelSimOptions options;
        options.tokenLifetimeMs = 800;
        options.tokenExpiringWarningMs = 0;
        PanelSimulator &sim = startSim(options);
        StatsStream stream(client(), m_id, fastOptions());
        QSignalSpy samples(&stream, &StatsStream::sampleReceived);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(stream.tokenRefreshCount() >= 1, 8000);
        const int before = int(samples.size());
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= before + 3, 10000);
        QVERIFY(websocketRequests(sim) >= 2);
    }

    void survivesDroppedSocket()
    {
        PanelSimulator &sim = startSim();
        StatsStream stream(client(), m_id, fastOptions());
        QSignalSpy samples(&stream, &StatsStream::sampleReceived);
        QSignalSpy connection(&stream, &StatsStream::connectionStateChanged);
        QSignalSpy errors(&stream, &StatsStream::error);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 10000);

        connection.clear();
        sim.dropWingsConnections();
        QTRY_COMPARE_WITH_TIMEOUT(stream.reconnectCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stream.connectionState(), ConnectionState::Streaming, 10000);
        QVERIFY(!errors.isEmpty());
        QList<ConnectionState> seen;
        for (const auto &args : std::as_const(connection))
            seen.append(args.first().value<ConnectionState>());
        QVERIFY(seen.contains(ConnectionState::WaitingToReconnect));
        QCOMPARE(websocketRequests(sim), 2);
        const int before = int(samples.size());
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= before + 3, 10000);
        QCOMPARE(sim.wingsSessionCount(), 1);
    }

    void reconnectsWhenNodeReturns()
    {
        PanelSimulator &sim = startSim();
        const int node = sim.serverNodeId(m_id);
        StatsStream stream(client(), m_id, fastOptions());
        QSignalSpy samples(&stream, &StatsStream::sampleReceived);
        QSignalSpy connection(&stream, &StatsStream::connectionStateChanged);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 1, 10000);
        sim.setNodeDown(node, true);
        QTRY_VERIFY_WITH_TIMEOUT(stream.connectionState() != ConnectionState::Streaming, 10000);
        // A few refused attempts, backing off between them.
        const auto backoffs = [&connection] {
            int count = 0;
            for (const auto &args : std::as_const(connection))
                count +=
                    args.first().value<ConnectionState>() == ConnectionState::WaitingToReconnect;
            return count;
        };
        QTRY_VERIFY_WITH_TIMEOUT(backoffs() >= 3, 10000);
        QVERIFY(stream.connectionState() != ConnectionState::Streaming);
        sim.setNodeDown(node, false);
        QTRY_COMPARE_WITH_TIMEOUT(stream.connectionState(), ConnectionState::Streaming, 10000);
        const int before = int(samples.size());
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() > before, 10000);
    }

    void stopIsClean()
    {
        PanelSimulator &sim = startSim();
        auto *stream = new StatsStream(client(), m_id, fastOptions());
        QSignalSpy samples(stream, &StatsStream::sampleReceived);
        stream->start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 1, 10000);
        stream->stop();
        QCOMPARE(stream->connectionState(), ConnectionState::Stopped);
        const int count = int(samples.size());
        QTRY_COMPARE_WITH_TIMEOUT(sim.wingsSessionCount(), 0, 10000);
        // An observation window for samples that must NOT come after stop(): a slow run can
        // only make it miss one (a false pass), never fail a stream that stopped.
        QTest::qWait(kQuietWindowMs);
        QCOMPARE(int(samples.size()), count);
        // Restartable, and destroying it mid-fetch is harmless.
        stream->start();
        QVERIFY(stream->connectionState() != ConnectionState::Stopped);
        delete stream;
        m_client.reset(); // client gone after the stream: nothing dangling
        // Lets whatever was still queued run (a sanitizer build reports a dangling callback);
        // it asserts nothing that a slow run could fail.
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestStatsStream)
#include "tst_statsstream.moc"
