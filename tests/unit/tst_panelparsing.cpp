#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "net/ApiError.h"
#include "pterodactyl/PanelParsing.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using namespace Pterodisbot::PanelParsing;
using TestSupport::readData;

Q_DECLARE_METATYPE(Pterodisbot::ApiError::Kind)
Q_DECLARE_METATYPE(Pterodisbot::PowerState)
Q_DECLARE_METATYPE(Pterodisbot::ServerCondition)

namespace {

QJsonObject fixture(const QString &name)
{
    QJsonObject object;
    const ApiError error = parseDocument(readData(QStringLiteral("panel/") + name), &object);
    if (error)
        qWarning("fixture %s: %s", qPrintable(name), qPrintable(error.toString()));
    return object;
}

} // namespace

class TestPanelParsing final : public QObject
{
    Q_OBJECT

private slots:
    void clientServer_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<int>("internalId");
        QTest::addColumn<QString>("node");
        QTest::addColumn<int>("cpuLimit");
        QTest::addColumn<qint64>("memoryLimit");
        QTest::addColumn<ServerCondition>("condition");
        QTest::addColumn<bool>("maintenance");
        QTest::addColumn<int>("allocations");
        QTest::addColumn<QString>("address");

        QTest::newRow("reference server")
            << "client_server.json"
            << "1a7ce997" << 5 << "Node 1" << 200 << qint64(4096) << ServerCondition::Normal
            << false << 2 << "mc.example.com:25565";
        QTest::newRow("suspended status")
            << "client_server_suspended.json"
            << "7f3d2b10" << 9 << "Node 2" << 0 << qint64(0) << ServerCondition::Suspended << false
            << 1 << "10.0.0.6:27015";
        QTest::newRow("deprecated installing flag")
            << "client_server_deprecated_flags.json"
            << "0badc0de" << 11 << "Node 3" << 100 << qint64(1024) << ServerCondition::Installing
            << false << 0 << "";
        QTest::newRow("node under maintenance")
            << "client_server_maintenance.json"
            << "5e5e5e5e" << 12 << "Node 4" << 400 << qint64(8192)
            << ServerCondition::NodeMaintenance << true << 1 << "10.0.0.9:25570";
    }
    void clientServer()
    {
        QFETCH(QString, file);
        Server server;
        const ApiError error = parseClientServer(fixture(file), &server);
        QVERIFY2(!error, qPrintable(error.toString()));
        QTEST(server.identifier, "identifier");
        QTEST(server.internalId, "internalId");
        QTEST(server.node, "node");
        QTEST(server.limits.cpuPercent, "cpuLimit");
        QTEST(server.limits.memoryMiB, "memoryLimit");
        QTEST(server.condition, "condition");
        QTEST(server.nodeUnderMaintenance, "maintenance");
        QTEST(int(server.allocations.size()), "allocations");
        QTEST(server.address(), "address");
        QCOMPARE(server.uuid.left(8), server.identifier);
    }

    void clientServerDetails()
    {
        Server server;
        QVERIFY(!parseClientServer(fixture(QStringLiteral("client_server.json")), &server));
        QCOMPARE(server.name, QStringLiteral("Survival"));
        QCOMPARE(server.limits.diskMiB, 10240);
        QCOMPARE(server.limits.swapMiB, 0);
        const Allocation &first = server.allocations.at(0);
        QCOMPARE(first.id, 12);
        QCOMPARE(first.ip, QStringLiteral("10.0.0.5"));
        QCOMPARE(first.alias, QStringLiteral("mc.example.com"));
        QVERIFY(first.isDefault);
        QCOMPARE(server.allocations.at(1).notes, QStringLiteral("query"));
        QVERIFY(!server.allocations.at(1).isDefault);
    }

    void condition_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("suspended");
        QTest::addColumn<bool>("installing");
        QTest::addColumn<bool>("transferring");
        QTest::addColumn<bool>("maintenance");
        QTest::addColumn<ServerCondition>("expected");
        QTest::newRow("null") << QString() << false << false << false << false
                              << ServerCondition::Normal;
        QTest::newRow("suspended")
            << "suspended" << false << false << false << false << ServerCondition::Suspended;
        QTest::newRow("installing")
            << "installing" << false << false << false << false << ServerCondition::Installing;
        QTest::newRow("install_failed") << "install_failed" << false << false << false << false
                                        << ServerCondition::InstallFailed;
        QTest::newRow("reinstall_failed") << "reinstall_failed" << false << false << false << false
                                          << ServerCondition::InstallFailed;
        QTest::newRow("restoring_backup") << "restoring_backup" << false << false << false << false
                                          << ServerCondition::RestoringBackup;
        QTest::newRow("flag suspended")
            << QString() << true << false << false << false << ServerCondition::Suspended;
        QTest::newRow("flag installing")
            << QString() << false << true << false << false << ServerCondition::Installing;
        QTest::newRow("flag transferring")
            << QString() << false << false << true << false << ServerCondition::Transferring;
        QTest::newRow("maintenance")
            << QString() << false << false << false << true << ServerCondition::NodeMaintenance;
        QTest::newRow("status beats maintenance")
            << "suspended" << false << false << false << true << ServerCondition::Suspended;
    }
    void condition()
    {
        QFETCH(QString, status);
        QFETCH(bool, suspended);
        QFETCH(bool, installing);
        QFETCH(bool, transferring);
        QFETCH(bool, maintenance);
        QTEST(conditionFrom(status, suspended, installing, transferring, maintenance), "expected");
    }

    void list_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("currentPage");
        QTest::addColumn<int>("totalPages");
        QTest::newRow("links []") << "client_list_links_array.json" << 2 << 2 << 1 << 1;
        QTest::newRow("links {}") << "client_list_links_object.json" << 1 << 120 << 2 << 120;
        QTest::newRow("empty") << "client_list_empty.json" << 0 << 0 << 1 << 1;
        QTest::newRow("nodes, links {} on one page")
            << "application_nodes.json" << 2 << 2 << 1 << 1;
    }
    void list()
    {
        QFETCH(QString, file);
        QJsonArray items;
        PageInfo page;
        const ApiError error = parseList(fixture(file), &items, &page);
        QVERIFY2(!error, qPrintable(error.toString()));
        QTEST(int(items.size()), "items");
        QTEST(page.total, "total");
        QTEST(page.currentPage, "currentPage");
        QTEST(page.totalPages, "totalPages");
    }

    void listItemsParse()
    {
        QJsonArray items;
        PageInfo page;
        QVERIFY(!parseList(fixture(QStringLiteral("client_list_links_array.json")), &items, &page));
        Server second;
        QVERIFY(!parseClientServer(items.at(1).toObject(), &second));
        QCOMPARE(second.name, QStringLiteral("Lobby"));
        QCOMPARE(second.condition, ServerCondition::Installing);
    }

    void resources_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<PowerState>("state");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("memory");
        QTest::addColumn<qint64>("uptime");
        QTest::newRow("running") << "resources_running.json" << PowerState::Running << 37.512
                                 << qint64(1073741824) << qint64(3600123);
        QTest::newRow("stopped is offline")
            << "resources_stopped.json" << PowerState::Offline << 0.0 << qint64(0) << qint64(0);
        QTest::newRow("starting, four cores")
            << "resources_starting_multicore.json" << PowerState::Starting << 312.25
            << qint64(3221225472) << qint64(1500);
    }
    void resources()
    {
        QFETCH(QString, file);
        ResourceSample sample;
        const ApiError error = parseResources(fixture(file), &sample);
        QVERIFY2(!error, qPrintable(error.toString()));
        QTEST(sample.state, "state");
        QTEST(sample.cpuAbsolute, "cpu");
        QTEST(sample.memoryBytes, "memory");
        QTEST(sample.uptimeMs, "uptime");
    }

    void resourcesCounters()
    {
        ResourceSample sample;
        QVERIFY(!parseResources(fixture(QStringLiteral("resources_running.json")), &sample));
        QCOMPARE(sample.diskBytes, 524288000);
        QCOMPARE(sample.networkRxBytes, 12345);
        QCOMPARE(sample.networkTxBytes, 6789);
        QVERIFY(!sample.isSuspended);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("parser");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("server without identifier") << "client_server_missing_identifier.json"
                                                   << "server"
                                                   << "identifier";
        QTest::newRow("resources without state") << "resources_missing_state.json"
                                                 << "resources"
                                                 << "current_state";
        QTest::newRow("memory as text") << "resources_wrong_type.json"
                                        << "resources"
                                        << "memory_bytes";
        QTest::newRow("list that is a server") << "client_list_not_a_list.json"
                                               << "list"
                                               << "list";
        QTest::newRow("resources instead of server") << "resources_running.json"
                                                     << "server"
                                                     << "stats";
        QTest::newRow("websocket without data") << "resources_running.json"
                                                << "websocket"
                                                << "data";
    }
    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(QString, parser);
        QFETCH(QString, mentions);
        const QJsonObject document = fixture(file);
        ApiError error;
        if (parser == QLatin1String("server")) {
            Server server;
            error = parseClientServer(document, &server);
        } else if (parser == QLatin1String("resources")) {
            ResourceSample sample;
            error = parseResources(document, &sample);
        } else if (parser == QLatin1String("websocket")) {
            WebsocketCredentials credentials;
            error = parseWebsocketCredentials(document, &credentials);
        } else {
            QJsonArray items;
            PageInfo page;
            error = parseList(document, &items, &page);
        }
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
    }

    void malformedJson()
    {
        QJsonObject object;
        const ApiError error =
            parseDocument(readData(QStringLiteral("panel/malformed.json")), &object);
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY(error.message.contains(QLatin1String("malformed JSON")));
        QCOMPARE(parseDocument("[1,2]", &object).kind, ApiError::Kind::Parse);
        QCOMPARE(parseDocument("", &object).kind, ApiError::Kind::Parse);
    }

    void applicationServers()
    {
        QJsonArray items;
        PageInfo page;
        QVERIFY(!parseList(fixture(QStringLiteral("application_servers.json")), &items, &page));
        QCOMPARE(items.size(), 2);
        Server first;
        QVERIFY(!parseApplicationServer(items.at(0).toObject(), &first));
        QCOMPARE(first.internalId, 5);
        QCOMPARE(first.identifier, QStringLiteral("1a7ce997"));
        QCOMPARE(first.nodeId, 1);
        QCOMPARE(first.node, QStringLiteral("Node 1")); // from the included node
        QCOMPARE(first.allocations.size(), 2);
        // Application flavour: `alias`, and the default is the server's `allocation`, not
        // `assigned`.
        QCOMPARE(first.allocations.at(1).alias, QStringLiteral("mc.example.com"));
        QVERIFY(!first.allocations.at(0).isDefault);
        QVERIFY(first.allocations.at(1).isDefault);
        QCOMPARE(first.address(), QStringLiteral("mc.example.com:25565"));
        QCOMPARE(first.condition, ServerCondition::Normal);

        Server second;
        QVERIFY(!parseApplicationServer(items.at(1).toObject(), &second));
        QCOMPARE(second.externalId, QStringLiteral("billing-77"));
        QCOMPARE(second.condition, ServerCondition::Suspended);
        QCOMPARE(second.node, QStringLiteral("2")); // node relation was a null_resource
        QCOMPARE(second.address(), QStringLiteral("10.0.0.6:27015"));
    }

    void nodes()
    {
        QJsonArray items;
        PageInfo page;
        QVERIFY(!parseList(fixture(QStringLiteral("application_nodes.json")), &items, &page));
        Node second;
        QVERIFY(!parseNode(items.at(1).toObject(), &second));
        QCOMPARE(second.id, 2);
        QCOMPARE(second.name, QStringLiteral("Node 2"));
        QCOMPARE(second.fqdn, QStringLiteral("node2.example.com"));
        QCOMPARE(second.scheme, QStringLiteral("http"));
        QVERIFY(second.maintenanceMode);
        QCOMPARE(second.memoryMiB, 16384);
        QCOMPARE(second.daemonListen, 8443);
        QVERIFY(second.description.isEmpty());
    }

    void websocketCredentials()
    {
        WebsocketCredentials credentials;
        QVERIFY(
            !parseWebsocketCredentials(fixture(QStringLiteral("websocket.json")), &credentials));
        QVERIFY(credentials.token.startsWith(QLatin1String("eyJ")));
        QCOMPARE(credentials.socket.scheme(), QStringLiteral("wss"));
        QCOMPARE(credentials.socket.host(), QStringLiteral("node1.example.com"));
        QVERIFY(credentials.socket.path().endsWith(QLatin1String("/ws")));
    }

    void wingsStats()
    {
        const QJsonObject frame = fixture(QStringLiteral("wings_stats_event.json"));
        const QString payload = frame.value(QLatin1String("args")).toArray().at(0).toString();
        ResourceSample sample;
        const ApiError error = parseWingsStats(payload, &sample);
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(sample.state, PowerState::Running);
        QCOMPARE(sample.cpuAbsolute, 37.512);
        QCOMPARE(sample.memoryBytes, 1073741824);
        QCOMPARE(sample.memoryLimitBytes, 4724464025);
        QCOMPARE(sample.networkRxBytes, 12345);
        QCOMPARE(sample.networkTxBytes, 6789);
        QCOMPARE(sample.diskBytes, 524288000);
        QCOMPARE(sample.uptimeMs, 3600123);

        QCOMPARE(parseWingsStats(QStringLiteral("{\"cpu_absolute\":1"), &sample).kind,
                 ApiError::Kind::Parse);
        QCOMPARE(parseWingsStats(QStringLiteral("{\"state\":\"running\"}"), &sample).kind,
                 ApiError::Kind::Parse);
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("file");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("404") << 404 << "error_404.json" << ApiError::Kind::NotFound
                             << "NotFoundHttpException"
                             << "The requested resource could not be found on the server.";
        QTest::newRow("409 suspended")
            << 409 << "error_409_suspended.json" << ApiError::Kind::Conflict
            << "ConflictHttpException"
            << "This server is currently suspended and the functionality requested is unavailable.";
        QTest::newRow("409 maintenance")
            << 409 << "error_409_maintenance.json" << ApiError::Kind::Conflict
            << "ConflictHttpException"
            << "The node of this server is currently under maintenance and the functionality "
               "requested is unavailable.";
        QTest::newRow("403 wrong key type")
            << 403 << "error_403_wrong_key_type.json" << ApiError::Kind::Auth
            << "AccessDeniedHttpException"
            << "You are attempting to use an application API key on an endpoint that requires "
               "a client API key.";
        QTest::newRow("401") << 401 << "error_401.json" << ApiError::Kind::Auth
                             << "AuthenticationException"
                             << "Unauthenticated.";
        QTest::newRow("429") << 429 << "error_429.json" << ApiError::Kind::RateLimited
                             << "TooManyRequestsHttpException"
                             << "Too Many Attempts.";
        QTest::newRow("504 daemon")
            << 504 << "error_504_daemon.json" << ApiError::Kind::DaemonUnreachable
            << "DaemonConnectionException"
            << "Could not establish a connection to the machine running this server. Please try "
               "again.";
        QTest::newRow("422 signal")
            << 422 << "error_422_signal.json" << ApiError::Kind::Validation << "ValidationException"
            << "The selected signal is invalid.";
        QTest::newRow("502 html from a proxy")
            << 502 << "" << ApiError::Kind::DaemonUnreachable << ""
            << "the panel could not reach the node (Wings) of this server";
        QTest::newRow("500 no body") << 500 << "" << ApiError::Kind::Http << ""
                                     << "the panel answered HTTP 500";
    }
    void errors()
    {
        QFETCH(int, status);
        QFETCH(QString, file);
        const QByteArray body = file.isEmpty() ? QByteArrayLiteral("<html>Bad Gateway</html>")
                                               : readData(QStringLiteral("panel/") + file);
        const ApiError error = panelError(status, {{"Retry-After", "7"}}, body);
        QTEST(error.kind, "kind");
        QTEST(error.serviceCode, "code");
        QTEST(error.message, "message");
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.retryAfterMs, status == 429 ? 7000 : 0);
    }

    void validationFields()
    {
        const ApiError error =
            panelError(422, {}, readData(QStringLiteral("panel/error_422_signal.json")));
        QCOMPARE(error.fieldErrors, QStringList{QStringLiteral("signal: in")});
    }

    void redirectToLogin_data()
    {
        QTest::addColumn<QByteArray>("location");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("login page") << QByteArray("https://panel.example.com/auth/login")
                                    << ApiError::Kind::Auth << "Accept: application/json";
        QTest::newRow("https upgrade") << QByteArray("https://panel.example.com/api/client")
                                       << ApiError::Kind::Http << "panel URL";
    }
    void redirectToLogin()
    {
        QFETCH(QByteArray, location);
        const ApiError error = panelError(302, {{"Location", location}}, QByteArray());
        QTEST(error.kind, "kind");
        QFETCH(QString, mentions);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
        QCOMPARE(error.httpStatus, 302);
    }
};

QTEST_GUILESS_MAIN(TestPanelParsing)
#include "tst_panelparsing.moc"
