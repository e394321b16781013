#include <QCoroTask>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include "Clock.h"
#include "net/HttpClient.h"
#include "PanelSimulator.h"
#include "pterodactyl/PanelClient.h"
#include "pterodisbot_version.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using PterodisbotSim::PanelRequestRecord;
using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;

Q_DECLARE_METATYPE(Pterodisbot::ApiError::Kind)

namespace {

//! The simulator stamps a request when it arrives: one delayed on its way by a loaded machine
//! makes the gap before the next look shorter than the client kept it. A client that does
//! not spread its requests at all is off by a whole window.
constexpr qint64 kArrivalSlackMs = 150;

//! Records every request the client makes (headers included) before it goes out.
class RecordingNam final : public QNetworkAccessManager
{
public:
    QList<QNetworkRequest> requests;
    QList<QByteArray> verbs;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        requests.append(request);
        verbs.append(request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
        return QNetworkAccessManager::createRequest(operation, request, data);
    }
};

QList<PanelRequestRecord> recordsFor(const PanelSimulator &sim, const QString &pathPart)
{
    QList<PanelRequestRecord> out;
    for (const PanelRequestRecord &record : sim.requests()) {
        if (record.path.contains(pathPart))
            out.append(record);
    }
    return out;
}

template<typename T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

QStringList identifiersOf(const QList<Server> &servers)
{
    QStringList out;
    for (const Server &server : servers)
        out.append(server.identifier);
    return out;
}

} // namespace

class TestPanelClient final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PanelSimulator> m_sim;
    std::unique_ptr<RecordingNam> m_nam;

    PanelSimulator &startSim(PanelSimOptions options = {})
    {
        options.tickIntervalMs = 0; // the tests move the simulation by hand
        m_sim = std::make_unique<PanelSimulator>();
        if (!m_sim->start(options))
            qFatal("simulator: %s", qPrintable(m_sim->errorString()));
        return *m_sim;
    }
    PanelClientOptions optionsFor(const PanelSimulator &sim) const
    {
        PanelClientOptions options;
        options.panelUrl = sim.panelUrl();
        options.clientKey = sim.clientKey();
        options.applicationKey = sim.applicationKey();
        options.retryBackoffsMs = {50, 50};
        options.requestTimeoutMs = 3000;
        return options;
    }
    std::unique_ptr<PanelClient> client(const PanelClientOptions &options)
    {
        return std::make_unique<PanelClient>(m_nam.get(), SystemClock::instance(), options);
    }

private slots:
    void init() { m_nam = std::make_unique<RecordingNam>(); }
    void cleanup()
    {
        m_sim.reset();
        m_nam.reset();
    }

    void listServersFollowsEveryPage()
    {
        PanelSimOptions simOptions;
        simOptions.serverCount = 120;
        PanelSimulator &sim = startSim(simOptions);
        auto panel = client(optionsFor(sim));

        const auto result = await(panel->fetchServers());
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QCOMPARE(result.value.size(), 120);
        QCOMPARE(identifiersOf(result.value), sim.serverIdentifiers());
        const auto pages = recordsFor(sim, QStringLiteral("/api/client"));
        QCOMPARE(pages.size(), 3);
        QStringList queries;
        for (const PanelRequestRecord &record : pages) {
            QCOMPARE(record.path, QStringLiteral("/api/client"));
            QCOMPARE(record.status, 200);
            queries.append(record.query);
        }
        for (int page = 1; page <= 3; ++page)
            QVERIFY2(queries.join(QLatin1Char(' ')).contains(QStringLiteral("page=%1").arg(page)),
                     qPrintable(queries.join(QLatin1Char(' '))));
        for (const Server &server : result.value) {
            QCOMPARE(server.uuid, sim.serverUuid(server.identifier));
            QCOMPARE(server.internalId, sim.serverInternalId(server.identifier));
            QVERIFY(!server.address().isEmpty());
        }
    }

    void listServersSinglePage()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        QPointer<ListServersJob> job = panel->listServers();
        int pages = 0;
        int total = 0;
        connect(job, &PanelJob::finished, this, [&] {
            pages = job->pagesFetched();
            total = job->pageInfo().total;
        });
        QSignalSpy finished(job.data(), &PanelJob::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(pages, 1);
        QCOMPARE(total, 8);
        QCOMPARE(recordsFor(sim, QStringLiteral("/api/client")).size(), 1);
    }

    void serverDetailsEitherIdentifier_data()
    {
        QTest::addColumn<bool>("byUuid");
        QTest::newRow("identifier") << false;
        QTest::newRow("uuid") << true;
    }
    void serverDetailsEitherIdentifier()
    {
        QFETCH(bool, byUuid);
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString identifier = sim.serverIdentifiers().at(2);
        const QString id = byUuid ? sim.serverUuid(identifier) : identifier;

        const auto server = await(panel->fetchServer(id));
        QVERIFY2(server.ok(), qPrintable(server.error.toString()));
        QCOMPARE(server.value.identifier, identifier);
        QCOMPARE(server.value.uuid, sim.serverUuid(identifier));
        QCOMPARE(server.value.name, sim.serverName(identifier));
        QVERIFY(!server.value.allocations.isEmpty());
        QVERIFY(!server.value.address().isEmpty());

        sim.setServerState(identifier, QStringLiteral("running"));
        const auto sample = await(panel->fetchResources(id));
        QVERIFY2(sample.ok(), qPrintable(sample.error.toString()));
        QCOMPARE(sample.value.state, PowerState::Running);
        QVERIFY(sample.value.timestamp.isValid());
        QVERIFY(sample.value.memoryBytes > 0);
    }

    void resourcesStates_data()
    {
        QTest::addColumn<QString>("simState");
        QTest::addColumn<bool>("reportStopped");
        QTest::addColumn<PowerState>("expected");
        QTest::newRow("running") << "running" << false << PowerState::Running;
        QTest::newRow("starting") << "starting" << false << PowerState::Starting;
        QTest::newRow("offline") << "offline" << false << PowerState::Offline;
        QTest::newRow("stopped means offline") << "offline" << true << PowerState::Offline;
    }
    void resourcesStates()
    {
        QFETCH(QString, simState);
        QFETCH(bool, reportStopped);
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString id = sim.serverIdentifiers().first();
        sim.setServerState(id, simState);
        sim.setReportStopped(id, reportStopped);
        const auto sample = await(panel->fetchResources(id));
        QVERIFY2(sample.ok(), qPrintable(sample.error.toString()));
        QTEST(sample.value.state, "expected");
    }

    void power()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString id = sim.serverIdentifiers().first();
        sim.setServerState(id, QStringLiteral("offline"));
        const ApiError error = await(panel->sendPower(id, PowerSignal::Start));
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(sim.serverState(id), QStringLiteral("starting"));
        const auto posts = recordsFor(sim, QStringLiteral("/power"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().method, QStringLiteral("POST"));
        QCOMPARE(posts.first().status, 204);

        sim.setServerState(id, QStringLiteral("running"));
        QVERIFY(!await(panel->sendPower(sim.serverUuid(id), PowerSignal::Stop)));
        QCOMPARE(sim.serverState(id), QStringLiteral("stopping"));
        QVERIFY(!await(panel->sendPower(id, PowerSignal::Kill)));
        QCOMPARE(sim.serverState(id), QStringLiteral("offline"));
    }

    void websocketCredentials()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString id = sim.serverIdentifiers().first();
        const auto credentials = await(panel->fetchWebsocketCredentials(id));
        QVERIFY2(credentials.ok(), qPrintable(credentials.error.toString()));
        QVERIFY(credentials.value.token.count(QLatin1Char('.')) == 2); // a JWT
        QCOMPARE(credentials.value.socket.port(), sim.wingsUrl().port());
        QVERIFY(credentials.value.socket.path().contains(sim.serverUuid(id)));
    }

    void applicationServersAndNodes()
    {
        PanelSimOptions simOptions;
        simOptions.serverCount = 120;
        PanelSimulator &sim = startSim(simOptions);
        auto panel = client(optionsFor(sim));

        const auto servers = await(panel->fetchApplicationServers());
        QVERIFY2(servers.ok(), qPrintable(servers.error.toString()));
        QCOMPARE(servers.value.size(), 120);
        QCOMPARE(identifiersOf(servers.value), sim.serverIdentifiers());
        const Server &first = servers.value.first();
        QCOMPARE(first.internalId, sim.serverInternalId(first.identifier));
        QCOMPARE(first.nodeId, sim.serverNodeId(first.identifier));
        QVERIFY(!first.node.isEmpty() && first.node != QString::number(first.nodeId));
        QVERIFY(!first.address().isEmpty());
        const auto pages = recordsFor(sim, QStringLiteral("/api/application/servers"));
        QCOMPARE(pages.size(), 3);
        QVERIFY(pages.first().query.contains(QLatin1String("include=allocations")));

        const auto nodes = await(panel->fetchNodes());
        QVERIFY2(nodes.ok(), qPrintable(nodes.error.toString()));
        QCOMPARE(nodes.value.size(), sim.nodeCount());
        QVERIFY(!nodes.value.first().name.isEmpty());
    }

    void errorsCarryPanelText_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("requests");
        QTest::newRow("404 unknown server") << "unknown" << ApiError::Kind::NotFound << 404
                                            << "could not be found on the server" << 1;
        QTest::newRow("409 suspended")
            << "suspended" << ApiError::Kind::Conflict << 409 << "currently suspended" << 1;
        QTest::newRow("409 installing")
            << "installing" << ApiError::Kind::Conflict << 409 << "installation process" << 1;
        QTest::newRow("409 transferring")
            << "transferring" << ApiError::Kind::Conflict << 409 << "being transferred" << 1;
        QTest::newRow("409 maintenance")
            << "maintenance" << ApiError::Kind::Conflict << 409 << "under maintenance" << 1;
        QTest::newRow("401 bad key")
            << "badkey" << ApiError::Kind::Auth << 401 << "Unauthenticated." << 1;
        QTest::newRow("504 node down (retried)") << "nodedown" << ApiError::Kind::DaemonUnreachable
                                                 << 504 << "Could not establish a connection" << 3;
        QTest::newRow("malformed body")
            << "malformed" << ApiError::Kind::Parse << 200 << "malformed JSON" << 1;
        QTest::newRow("500 not retried")
            << "500" << ApiError::Kind::Http << 500 << "unexpected error" << 1;
    }
    void errorsCarryPanelText()
    {
        QFETCH(QString, fault);
        PanelSimulator &sim = startSim();
        PanelClientOptions options = optionsFor(sim);
        QString id = sim.serverIdentifiers().first();
        if (fault == QLatin1String("unknown"))
            id = QStringLiteral("deadbeef");
        else if (fault == QLatin1String("maintenance"))
            sim.setNodeMaintenance(sim.serverNodeId(id), true);
        else if (fault == QLatin1String("badkey"))
            options.clientKey = TestSupport::fakeKey(QStringLiteral("ptlc_"));
        else if (fault == QLatin1String("nodedown"))
            sim.setNodeDown(sim.serverNodeId(id), true);
        else if (fault == QLatin1String("malformed"))
            sim.setMalformedBodies(true, id);
        else if (fault == QLatin1String("500"))
            sim.setFailure(500, id);
        else
            sim.setServerStatus(id, fault);
        auto panel = client(options);

        const auto result = await(panel->fetchResources(id));
        QTEST(result.error.kind, "kind");
        QFETCH(QString, text);
        QVERIFY2(result.error.message.contains(text), qPrintable(result.error.toString()));
        QFETCH(int, status);
        if (status != 200)
            QCOMPARE(result.error.httpStatus, status);
        QTEST(int(recordsFor(sim, QStringLiteral("/resources")).size()), "requests");
    }

    void powerOnDownNodeIsDaemonError()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString id = sim.serverIdentifiers().first();
        sim.setNodeDown(sim.serverNodeId(id), true);
        const ApiError error = await(panel->sendPower(id, PowerSignal::Start));
        QCOMPARE(error.kind, ApiError::Kind::DaemonUnreachable);
        QCOMPARE(error.httpStatus, 502);
        QVERIFY(error.message.contains(QLatin1String("Could not establish a connection")));
    }

    void wrongKeyTypeRefusedBeforeSending()
    {
        PanelSimulator &sim = startSim();
        PanelClientOptions options = optionsFor(sim);
        options.clientKey = sim.applicationKey();
        auto panel = client(options);
        const auto result = await(panel->fetchServers());
        QCOMPARE(result.error.kind, ApiError::Kind::Auth);
        QVERIFY(result.error.message.contains(QLatin1String("application API key")));
        QVERIFY(sim.requests().isEmpty());
        QVERIFY(m_nam->requests.isEmpty());
    }

    void wrongKeyTypeFromThePanel()
    {
        // A non-admin's client key on the application API: the panel's own 403.
        PanelSimulator &sim = startSim();
        PanelClientOptions options = optionsFor(sim);
        options.applicationKey = sim.clientKey();
        auto panel = client(options);
        const auto result = await(panel->fetchNodes());
        QCOMPARE(result.error.kind, ApiError::Kind::Auth);
        QCOMPARE(result.error.httpStatus, 403);
        QCOMPARE(result.error.serviceCode, QStringLiteral("AccessDeniedHttpException"));
        QVERIFY(!result.error.message.isEmpty());

        // A root admin's client key may use it.
        options.applicationKey = sim.adminClientKey();
        auto admin = client(options);
        QVERIFY(await(admin->fetchNodes()).ok());
    }

    void pelicanKeysWork()
    {
        PanelSimulator &sim = startSim();
        PanelClientOptions options = optionsFor(sim);
        options.clientKey = sim.pelicanClientKey();
        options.applicationKey = sim.pelicanApplicationKey();
        auto panel = client(options);
        const auto servers = await(panel->fetchServers());
        QVERIFY2(servers.ok(), qPrintable(servers.error.toString()));
        QCOMPARE(servers.value.size(), 8);
        const auto appServers = await(panel->fetchApplicationServers());
        QVERIFY2(appServers.ok(), qPrintable(appServers.error.toString()));
        QCOMPARE(appServers.value.size(), 8);
    }

    // Pelican allows /websocket five times a minute per user, on top of the API budget. The
    // client paces those fetches in a budget of their own: no 429, and polling does not queue
    // behind them.
    void pelicanWebsocketBudgetIsItsOwn()
    {
        PanelSimOptions simOptions;
        simOptions.pelicanWebsocketRateLimit = 2;
        simOptions.rateLimitWindowMs = 1000;
        PanelSimulator &sim = startSim(simOptions);
        PanelClientOptions options = optionsFor(sim);
        options.clientKey = sim.pelicanClientKey();
        options.applicationKey = sim.pelicanApplicationKey();
        options.pelicanWebsocketRequestsPerWindow = 2;
        options.rateLimitWindowMs = 1000;
        auto panel = client(options);
        const QString id = sim.serverIdentifiers().first();

        std::vector<QCoro::Task<ApiResult<WebsocketCredentials>>> fetches;
        for (int i = 0; i < 5; ++i)
            fetches.push_back(panel->fetchWebsocketCredentials(id));
        const auto resources = await(panel->fetchResources(id));
        QVERIFY2(resources.ok(), qPrintable(resources.error.toString()));
        for (auto &fetch : fetches) {
            const auto credentials = await(std::move(fetch));
            QVERIFY2(credentials.ok(), qPrintable(credentials.error.toString()));
        }

        const auto sockets = recordsFor(sim, QStringLiteral("/websocket"));
        QCOMPARE(sockets.size(), 5);
        for (const PanelRequestRecord &record : sockets)
            QCOMPARE(record.status, 200);
        // Two per window: the fifth waited for the third window.
        QVERIFY2(sockets.at(4).elapsedMs - sockets.at(0).elapsedMs >= 2000 - kArrivalSlackMs,
                 qPrintable(QString::number(sockets.at(4).elapsedMs - sockets.at(0).elapsedMs)));
        // The poll went out while the later fetches were still waiting for their window.
        const auto polls = recordsFor(sim, QStringLiteral("/resources"));
        QCOMPARE(polls.size(), 1);
        QVERIFY(polls.at(0).elapsedMs < sockets.at(2).elapsedMs);
    }

    void rateLimitedWaitsRetryAfter()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString id = sim.serverIdentifiers().first();
        sim.setRateLimitStorm(true);
        // Lift the storm as soon as the first 429 went out.
        connect(&sim, &PanelSimulator::requestHandled, this,
                [&sim](const PanelRequestRecord &record) {
                    if (record.status == 429)
                        sim.setRateLimitStorm(false);
                });
        const auto result = await(panel->fetchResources(id));
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        const auto records = recordsFor(sim, QStringLiteral("/resources"));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).status, 429);
        QCOMPARE(records.at(1).status, 200);
        const qint64 gap = records.at(1).elapsedMs - records.at(0).elapsedMs;
        QVERIFY2(gap >= 1000, qPrintable(QStringLiteral("retried after %1 ms").arg(gap)));
    }

    void rateLimitedGivesUp()
    {
        PanelSimulator &sim = startSim();
        PanelClientOptions options = optionsFor(sim);
        options.maxRateLimitRetries = 1;
        auto panel = client(options);
        sim.setRateLimitStorm(true);
        const auto result = await(panel->fetchResources(sim.serverIdentifiers().first()));
        QCOMPARE(result.error.kind, ApiError::Kind::RateLimited);
        QCOMPARE(result.error.message, QStringLiteral("Too Many Attempts."));
        QCOMPARE(result.error.retryAfterMs, 1000);
        QCOMPARE(recordsFor(sim, QStringLiteral("/resources")).size(), 2);
    }

    void noBurstBeyondBudget()
    {
        PanelSimOptions simOptions;
        simOptions.clientRateLimit = 10;
        simOptions.rateLimitWindowMs = 1000;
        PanelSimulator &sim = startSim(simOptions);
        PanelClientOptions options = optionsFor(sim);
        options.clientRequestsPerWindow = 8; // the panel allows 10
        options.rateLimitWindowMs = 1000;
        options.maxConcurrentRequests = 6;
        auto panel = client(options);

        const QStringList ids = sim.serverIdentifiers();
        int done = 0;
        int failed = 0;
        for (int i = 0; i < 24; ++i) {
            GetResourcesJob *job = panel->resources(ids.at(i % ids.size()));
            connect(job, &PanelJob::finished, this, [&done, &failed, job] {
                ++done;
                failed += job->error() ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 24, 15000);
        QCOMPARE(failed, 0);
        const auto records = recordsFor(sim, QStringLiteral("/resources"));
        QCOMPARE(records.size(), 24);
        for (const PanelRequestRecord &record : records)
            QCOMPARE(record.status, 200); // no 429 ever
        // Spread: at most 8 in any second, so 24 requests span at least two windows.
        for (int i = 8; i < records.size(); ++i)
            QVERIFY2(records.at(i).elapsedMs - records.at(i - 8).elapsedMs >=
                         1000 - kArrivalSlackMs,
                     qPrintable(
                         QStringLiteral("requests %1 and %2 within one window").arg(i - 8).arg(i)));
        QVERIFY(records.last().elapsedMs - records.first().elapsedMs >= 2000 - kArrivalSlackMs);
    }

    void adoptsThePanelsLowerLimit()
    {
        // Configured for 720/min, but the panel (Pelican: 256/min) says less in
        // X-RateLimit-Limit/-Remaining: the client follows the panel instead of earning 429s.
        PanelSimOptions simOptions;
        simOptions.clientRateLimit = 10;
        simOptions.rateLimitWindowMs = 1000;
        PanelSimulator &sim = startSim(simOptions);
        PanelClientOptions options = optionsFor(sim);
        options.rateLimitWindowMs = 1000;
        options.maxConcurrentRequests = 1;
        auto panel = client(options);
        const QString id = sim.serverIdentifiers().first();
        int done = 0;
        int failed = 0;
        for (int i = 0; i < 20; ++i) {
            GetResourcesJob *job = panel->resources(id);
            connect(job, &PanelJob::finished, this, [&done, &failed, job] {
                ++done;
                failed += job->error() ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 20, 15000);
        QCOMPARE(failed, 0);
        int throttled = 0;
        for (const PanelRequestRecord &record : sim.requests())
            throttled += record.status == 429 ? 1 : 0;
        QCOMPARE(throttled, 0);
    }

    void timeoutAgainstHangingPanel()
    {
        PanelSimulator &sim = startSim();
        PanelClientOptions options = optionsFor(sim);
        options.requestTimeoutMs = 300;
        options.retryBackoffsMs = {50};
        auto panel = client(options);
        sim.setHanging(true);
        QElapsedTimer timer;
        timer.start();
        const auto result = await(panel->fetchResources(sim.serverIdentifiers().first()));
        QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
        QVERIFY(result.error.message.contains(QLatin1String("300 ms")));
        QVERIFY(timer.elapsed() >= 300 + 50 + 300);
        // Did not hang on the panel: generous, a loaded machine is slow.
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(recordsFor(sim, QStringLiteral("/resources")).size(), 2);
    }

    void retriesThenGivesUp()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim)); // 3 attempts, 50 ms apart
        const QString id = sim.serverIdentifiers().first();
        sim.setFailure(503, id);
        const auto result = await(panel->fetchServer(id));
        QCOMPARE(result.error.httpStatus, 503);
        QCOMPARE(recordsFor(sim, id).size(), 3);

        // A blip heals: the second attempt succeeds.
        sim.clearRequests();
        sim.setFailure(502, id);
        connect(&sim, &PanelSimulator::requestHandled, this,
                [&sim, id](const PanelRequestRecord &record) {
                    if (record.status == 502)
                        sim.setFailure(0, id);
                });
        const auto healed = await(panel->fetchServer(id));
        QVERIFY2(healed.ok(), qPrintable(healed.error.toString()));
        QCOMPARE(recordsFor(sim, id).size(), 2);
    }

    void requestsInFlightAreCapped()
    {
        PanelSimulator &sim = startSim();
        sim.setLatency(100);
        PanelClientOptions options = optionsFor(sim);
        options.maxConcurrentRequests = 2;
        auto panel = client(options);
        int done = 0;
        for (const QString &id : sim.serverIdentifiers())
            connect(panel->resources(id), &PanelJob::finished, this, [&done] { ++done; });
        QTRY_COMPARE_WITH_TIMEOUT(done, 8, 10000);
        QCOMPARE(panel->http()->peakInFlight(), 2);
    }

    void headersAndNoSecretsInLogs()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const QString id = sim.serverIdentifiers().first();

        static QStringList captured;
        captured.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*=true"));
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                      const QString &message) { captured.append(message); });
        sim.setFailure(503, id);
        const auto failed = await(panel->fetchResources(id));
        sim.setFailure(0, id);
        const ApiError powered = await(panel->sendPower(id, PowerSignal::Start));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(failed.error);
        QVERIFY(!powered);
        QVERIFY(!captured.isEmpty());
        for (const QString &line : std::as_const(captured)) {
            QVERIFY2(!line.contains(sim.clientKey()), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("Bearer")), qPrintable(line));
        }

        QVERIFY(m_nam->requests.size() >= 4);
        for (const QNetworkRequest &request : std::as_const(m_nam->requests)) {
            QCOMPARE(request.rawHeader("Accept"), QByteArray("application/json"));
            QCOMPARE(request.rawHeader("Authorization"), "Bearer " + sim.clientKey().toUtf8());
            QVERIFY(request.rawHeader("User-Agent").startsWith("Pterodisbot/" PTERODISBOT_VERSION));
        }
        const QNetworkRequest &post = m_nam->requests.last();
        QCOMPARE(m_nam->verbs.last(), QByteArray("POST"));
        QCOMPARE(post.rawHeader("Content-Type"), QByteArray("application/json"));
    }

    void jobsSurviveClientDestruction()
    {
        PanelSimulator &sim = startSim();
        sim.setHanging(true);
        auto panel = client(optionsFor(sim));
        QPointer<ListServersJob> job = panel->listServers();
        ApiError::Kind kind = ApiError::Kind::None;
        connect(job, &PanelJob::finished, this, [&kind, job] { kind = job->error().kind; });
        auto task = panel->fetchResources(sim.serverIdentifiers().first());
        QTRY_VERIFY(panel->http()->inFlightCount() == 2);
        panel.reset();
        QCOMPARE(kind, ApiError::Kind::Cancelled);
        const auto result = await(std::move(task));
        QCOMPARE(result.error.kind, ApiError::Kind::Cancelled);
        QTRY_VERIFY(!job); // deleted itself
    }

    void invalidIdentifierNeverSent()
    {
        PanelSimulator &sim = startSim();
        auto panel = client(optionsFor(sim));
        const auto result = await(panel->fetchResources(QStringLiteral("../application/nodes")));
        QCOMPARE(result.error.kind, ApiError::Kind::Validation);
        QVERIFY(sim.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPanelClient)
#include "tst_panelclient.moc"
