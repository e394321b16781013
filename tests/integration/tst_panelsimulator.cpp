// The panel + Wings simulator against raw Qt clients (never the project's PanelClient), so a
// bug shared by client and simulator cannot hide.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include "PanelSimulator.h"
#include "TestSupport.h"

using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    bool finished = false;

    QJsonObject firstError() const
    {
        return json.value(QLatin1String("errors")).toArray().at(0).toObject();
    }
};

//! Collects the JSON frames of one Wings socket.
class WingsProbe
{
public:
    explicit WingsProbe(const QString &origin)
        : socket(origin)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    void send(const QString &event, const QStringList &args = {})
    {
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("event"), event},
                                      {QStringLiteral("args"), QJsonArray::fromStringList(args)}})
                .toJson(QJsonDocument::Compact)));
    }
    QStringList events() const
    {
        QStringList out;
        for (const auto &frame : frames)
            out.append(frame.value(QLatin1String("event")).toString());
        return out;
    }
    //! The events received since the last call.
    QStringList takeEvents()
    {
        const QStringList out = freshEvents();
        m_taken = int(frames.size());
        return out;
    }
    //! The events received since the last takeEvents(), without consuming them.
    QStringList freshEvents() const { return events().mid(m_taken); }
    QJsonObject last(const QString &event) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (it->value(QLatin1String("event")).toString() == event)
                return *it;
        }
        return {};
    }

    QWebSocket socket;
    QList<QJsonObject> frames;

private:
    int m_taken = 0;
};

} // namespace

class TestPanelSimulator final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    HttpResult request(const QByteArray &verb, const QUrl &url, const QString &key,
                       const QByteArray &body = {}, bool jsonAccept = true,
                       const QByteArray &contentType = "application/json", int waitMs = 5000)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
        if (jsonAccept)
            req.setRawHeader("Accept", "application/json");
        if (!key.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
        if (!body.isEmpty())
            req.setRawHeader("Content-Type", contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        HttpResult result;
        result.finished = done.wait(waitMs);
        if (!result.finished) {
            reply->abort();
            reply->deleteLater();
            return result;
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.error = reply->error();
        for (const auto &pair : reply->rawHeaderPairs())
            result.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return result;
    }
    HttpResult get(const PanelSimulator &sim, const QString &pathAndQuery, const QString &key,
                   bool jsonAccept = true)
    {
        return request("GET", QUrl(sim.panelUrl().toString() + pathAndQuery), key, {}, jsonAccept);
    }
    HttpResult power(const PanelSimulator &sim, const QString &server, const QByteArray &body,
                     const QString &key = {})
    {
        return request("POST",
                       QUrl(sim.panelUrl().toString() + QStringLiteral("/api/client/servers/") +
                            server + QStringLiteral("/power")),
                       key.isEmpty() ? sim.clientKey() : key, body);
    }
    static PanelSimOptions manualOptions(int servers = 4)
    {
        PanelSimOptions options;
        options.serverCount = servers;
        options.tickIntervalMs = 0;
        return options;
    }
    //! The first generated server in \a state.
    static QString serverIn(const PanelSimulator &sim, const QString &state)
    {
        for (const auto &id : sim.serverIdentifiers()) {
            if (sim.serverState(id) == state)
                return id;
        }
        return {};
    }
    bool connectWings(const PanelSimulator &sim, WingsProbe &probe, const QString &id)
    {
        const HttpResult ws =
            get(sim, QStringLiteral("/api/client/servers/%1/websocket").arg(id), sim.clientKey());
        if (ws.status != 200)
            return false;
        const QJsonObject data = ws.json.value(QLatin1String("data")).toObject();
        QSignalSpy connected(&probe.socket, &QWebSocket::connected);
        probe.socket.open(QUrl(data.value(QLatin1String("socket")).toString()));
        if (!connected.wait(5000))
            return false;
        probe.send(QStringLiteral("auth"), {data.value(QLatin1String("token")).toString()});
        return true;
    }
    //! Waits until \a event arrives among the events not yet taken.
    static bool waitForEvent(WingsProbe &probe, const QString &event, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!probe.freshEvents().contains(event) && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        return probe.freshEvents().contains(event);
    }

private slots:
    void startsOnLoopbackWithRealPorts()
    {
        PanelSimulator sim;
        QVERIFY2(sim.start(manualOptions()), qPrintable(sim.errorString()));
        QCOMPARE(sim.panelUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(sim.panelUrl().port() > 0);
        QVERIFY(sim.panelUrl().path().isEmpty());
        QCOMPARE(sim.wingsUrl().scheme(), QStringLiteral("ws"));
        QVERIFY(sim.wingsUrl().port() > 0);
        QVERIFY(sim.wingsUrl().port() != sim.panelUrl().port());
        const QStringList keys{sim.clientKey(), sim.adminClientKey(), sim.applicationKey(),
                               sim.pelicanClientKey(), sim.pelicanApplicationKey()};
        const QStringList prefixes{QStringLiteral("ptlc_"), QStringLiteral("ptlc_"),
                                   QStringLiteral("ptla_"), QStringLiteral("pacc_"),
                                   QStringLiteral("papp_")};
        for (int i = 0; i < keys.size(); ++i) {
            QCOMPARE(keys.at(i).size(), 48);
            QVERIFY(keys.at(i).startsWith(prefixes.at(i)));
        }
        QCOMPARE(sim.serverIdentifiers().size(), 4);
        QCOMPARE(sim.serverIdentifiers().first().size(), 8);
    }

    void clientListPagination_data()
    {
        QTest::addColumn<int>("servers");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("totalPages");
        QTest::addColumn<int>("currentPage");
        QTest::addColumn<QStringList>("links"); // empty = the JSON array []

        QTest::newRow("one page") << 3 << QString() << 3 << 1 << 1 << QStringList();
        QTest::newRow("default 50")
            << 120 << QString() << 50 << 3 << 1 << QStringList{QStringLiteral("next")};
        QTest::newRow("middle page")
            << 120 << QStringLiteral("?page=2") << 50 << 3 << 2
            << QStringList{QStringLiteral("next"), QStringLiteral("previous")};
        QTest::newRow("last page") << 120 << QStringLiteral("?page=3") << 20 << 3 << 3
                                   << QStringList{QStringLiteral("previous")};
        QTest::newRow("per_page 100") << 120 << QStringLiteral("?per_page=100") << 100 << 2 << 1
                                      << QStringList{QStringLiteral("next")};
        QTest::newRow("per_page capped at 100") << 120 << QStringLiteral("?per_page=500") << 100
                                                << 2 << 1 << QStringList{QStringLiteral("next")};
        QTest::newRow("past the end") << 3 << QStringLiteral("?page=5") << 0 << 1 << 5
                                      << QStringList{QStringLiteral("previous")};
    }
    void clientListPagination()
    {
        QFETCH(int, servers);
        QFETCH(QString, query);
        QFETCH(int, count);
        QFETCH(int, totalPages);
        QFETCH(int, currentPage);
        QFETCH(QStringList, links);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions(servers)));
        const HttpResult r = get(sim, QStringLiteral("/api/client") + query, sim.clientKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("object")).toString(), QStringLiteral("list"));
        const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), count);
        const QJsonObject pagination = r.json.value(QLatin1String("meta"))
                                           .toObject()
                                           .value(QLatin1String("pagination"))
                                           .toObject();
        QCOMPARE(pagination.value(QLatin1String("total")).toInt(), servers);
        QCOMPARE(pagination.value(QLatin1String("count")).toInt(), count);
        QCOMPARE(pagination.value(QLatin1String("total_pages")).toInt(), totalPages);
        QCOMPARE(pagination.value(QLatin1String("current_page")).toInt(), currentPage);
        const QJsonValue linkValue = pagination.value(QLatin1String("links"));
        if (links.isEmpty()) {
            QVERIFY2(linkValue.isArray() && linkValue.toArray().isEmpty(), r.body.constData());
        } else {
            QVERIFY(linkValue.isObject());
            QStringList keys = linkValue.toObject().keys();
            keys.sort();
            QCOMPARE(keys, links);
            if (linkValue.toObject().contains(QLatin1String("next"))) {
                const QUrl next(linkValue.toObject().value(QLatin1String("next")).toString());
                QCOMPARE(next.host(), QStringLiteral("127.0.0.1"));
                QVERIFY(next.query().contains(QStringLiteral("page=%1").arg(currentPage + 1)));
            }
        }
        if (count > 0) {
            const QJsonObject first = data.at(0).toObject();
            QCOMPARE(first.value(QLatin1String("object")).toString(), QStringLiteral("server"));
            const QJsonObject rel = first.value(QLatin1String("attributes"))
                                        .toObject()
                                        .value(QLatin1String("relationships"))
                                        .toObject();
            QVERIFY(rel.contains(QLatin1String("allocations")));
            QVERIFY(rel.contains(QLatin1String("variables")));
            QVERIFY(!first.contains(QLatin1String("meta")));
        }
    }

    void clientListFiltersAndTypes()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions(20)));
        HttpResult r =
            get(sim, QStringLiteral("/api/client?filter%5Bname%5D=valheim"), sim.clientKey());
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
        QVERIFY(!data.isEmpty());
        for (const auto &item : data) {
            QVERIFY(item.toObject()
                        .value(QLatin1String("attributes"))
                        .toObject()
                        .value(QLatin1String("name"))
                        .toString()
                        .contains(QLatin1String("Valheim")));
        }
        QVERIFY(data.size() < 20);
        // A non-admin asking for admin views gets an empty list, not an error.
        r = get(sim, QStringLiteral("/api/client?type=admin-all"), sim.clientKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 0);
        // The root admin owns nothing but sees everything as admin.
        r = get(sim, QStringLiteral("/api/client"), sim.adminClientKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 0);
        r = get(sim, QStringLiteral("/api/client?type=admin-all&per_page=100"),
                sim.adminClientKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 20);
        r = get(sim, QStringLiteral("/api/client?type=owner"), sim.pelicanClientKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 20);
    }

    void bothIdentifierForms()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().at(1);
        const QString uuid = sim.serverUuid(id);
        QCOMPARE(uuid.size(), 36);
        QVERIFY(uuid.startsWith(id));
        for (const QString &form : {id, uuid}) {
            const HttpResult r =
                get(sim, QStringLiteral("/api/client/servers/") + form, sim.clientKey());
            QCOMPARE(r.status, 200);
            const QJsonObject attributes = r.json.value(QLatin1String("attributes")).toObject();
            QCOMPARE(attributes.value(QLatin1String("identifier")).toString(), id);
            QCOMPARE(attributes.value(QLatin1String("uuid")).toString(), uuid);
            QCOMPARE(attributes.value(QLatin1String("internal_id")).toInt(),
                     sim.serverInternalId(id));
            QVERIFY(attributes.value(QLatin1String("server_owner")).toBool());
            QVERIFY(r.json.value(QLatin1String("meta"))
                        .toObject()
                        .value(QLatin1String("is_server_owner"))
                        .toBool());
            const HttpResult res = get(
                sim, QStringLiteral("/api/client/servers/%1/resources").arg(form), sim.clientKey());
            QCOMPARE(res.status, 200);
            QCOMPARE(res.json.value(QLatin1String("object")).toString(), QStringLiteral("stats"));
        }
        const HttpResult missing =
            get(sim, QStringLiteral("/api/client/servers/deadbeef"), sim.clientKey());
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.firstError().value(QLatin1String("code")).toString(),
                 QStringLiteral("NotFoundHttpException"));
        QVERIFY(missing.firstError().value(QLatin1String("status")).isString());
        QCOMPARE(missing.firstError().value(QLatin1String("status")).toString(),
                 QStringLiteral("404"));
        QCOMPARE(missing.firstError().value(QLatin1String("detail")).toString(),
                 QStringLiteral("The requested resource could not be found on the server."));
    }

    void authentication_data()
    {
        QTest::addColumn<int>("keyKind"); // 0 none, 1 garbage, 2 client
        QTest::addColumn<bool>("jsonAccept");
        QTest::addColumn<int>("status");
        QTest::newRow("no key, json") << 0 << true << 401;
        QTest::newRow("bad key, json") << 1 << true << 401;
        QTest::newRow("no key, browser") << 0 << false << 302;
        QTest::newRow("bad key, browser") << 1 << false << 302;
        QTest::newRow("good key, no accept") << 2 << false << 200;
    }
    void authentication()
    {
        QFETCH(int, keyKind);
        QFETCH(bool, jsonAccept);
        QFETCH(int, status);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString key = keyKind == 0 ? QString()
                            : keyKind == 1
                                ? Pterodisbot::TestSupport::fakeKey(QStringLiteral("ptlc_"))
                                : sim.clientKey();
        const HttpResult r = get(sim, QStringLiteral("/api/client"), key, jsonAccept);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.firstError().value(QLatin1String("status")).toString(),
                     QStringLiteral("401"));
            QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(),
                     QStringLiteral("Unauthenticated."));
        } else if (status == 302) {
            QCOMPARE(r.headers.value("location"),
                     (sim.panelUrl().toString() + QStringLiteral("/auth/login")).toUtf8());
        }
    }

    void wrongKeyTypes()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        for (const QString &key : {sim.applicationKey(), sim.pelicanApplicationKey()}) {
            const HttpResult r = get(sim, QStringLiteral("/api/client"), key);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(),
                     QStringLiteral("You are attempting to use an application API key on an "
                                    "endpoint that requires a client API key."));
        }
        for (const QString &key : {sim.clientKey(), sim.pelicanClientKey()}) {
            const HttpResult r = get(sim, QStringLiteral("/api/application/servers"), key);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.firstError().value(QLatin1String("code")).toString(),
                     QStringLiteral("AccessDeniedHttpException"));
            QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(),
                     QStringLiteral("This account does not have permission to access the API."));
        }
        for (const QString &key :
             {sim.adminClientKey(), sim.applicationKey(), sim.pelicanApplicationKey()}) {
            QCOMPARE(get(sim, QStringLiteral("/api/application/servers"), key).status, 200);
        }
    }

    void powerStateMachine()
    {
        PanelSimOptions options = manualOptions();
        options.startingDurationMs = 3000;
        options.stoppingDurationMs = 2000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("offline"));
        QVERIFY(!id.isEmpty());
        QSignalSpy changes(&sim, &PanelSimulator::serverStateChanged);

        HttpResult r = power(sim, id, R"({"signal":"start"})");
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(sim.serverState(id), QStringLiteral("starting"));
        sim.tick(2999);
        QCOMPARE(sim.serverState(id), QStringLiteral("starting"));
        sim.tick(1);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));

        // A start of a running server is accepted and ignored.
        QCOMPARE(power(sim, id, R"({"signal":"start"})").status, 204);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));

        QCOMPARE(power(sim, id, R"({"signal":"stop"})").status, 204);
        QCOMPARE(sim.serverState(id), QStringLiteral("stopping"));
        sim.tick(1999);
        QCOMPARE(sim.serverState(id), QStringLiteral("stopping"));
        sim.tick(1);
        QCOMPARE(sim.serverState(id), QStringLiteral("offline"));

        sim.setServerState(id, QStringLiteral("running"));
        changes.clear();
        QCOMPARE(power(sim, sim.serverUuid(id), R"({"signal":"restart"})").status, 204);
        sim.tick(2000); // stopping -> offline -> starting
        sim.tick(3000); // starting -> running
        QStringList sequence;
        for (const auto &change : changes)
            sequence.append(change.at(1).toString());
        QCOMPARE(sequence, (QStringList{QStringLiteral("stopping"), QStringLiteral("offline"),
                                        QStringLiteral("starting"), QStringLiteral("running")}));
        QCOMPARE(changes.first().at(0).toString(), id);

        // A long tick runs a whole restart at once.
        QCOMPARE(power(sim, id, R"({"signal":"restart"})").status, 204);
        sim.tick(60000);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));

        QCOMPARE(power(sim, id, R"({"signal":"kill"})").status, 204);
        QCOMPARE(sim.serverState(id), QStringLiteral("offline"));
        const HttpResult res =
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id), sim.clientKey());
        const QJsonObject attributes = res.json.value(QLatin1String("attributes")).toObject();
        QCOMPARE(attributes.value(QLatin1String("current_state")).toString(),
                 QStringLiteral("offline"));
        const QJsonObject resources = attributes.value(QLatin1String("resources")).toObject();
        QCOMPARE(resources.value(QLatin1String("cpu_absolute")).toDouble(), 0.0);
        QCOMPARE(resources.value(QLatin1String("memory_bytes")).toInteger(), 0);
        QCOMPARE(resources.value(QLatin1String("uptime")).toInteger(), 0);
        QCOMPARE(resources.value(QLatin1String("network_rx_bytes")).toInteger(), 0);
    }

    void powerValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rule");
        QTest::newRow("bad signal")
            << QByteArray(R"({"signal":"explode"})") << 422 << QStringLiteral("in");
        QTest::newRow("numeric signal")
            << QByteArray(R"({"signal":1})") << 422 << QStringLiteral("in");
        QTest::newRow("no signal")
            << QByteArray(R"({"other":"start"})") << 422 << QStringLiteral("required");
        QTest::newRow("malformed") << QByteArray(R"({"signal":)") << 400 << QString();
    }
    void powerValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, rule);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().first();
        const QString before = sim.serverState(id);
        const HttpResult r = power(sim, id, body);
        QCOMPARE(r.status, status);
        const QJsonObject error = r.firstError();
        QCOMPARE(error.value(QLatin1String("status")).toString(), QString::number(status));
        if (!rule.isEmpty()) {
            const QJsonObject meta = error.value(QLatin1String("meta")).toObject();
            QCOMPARE(meta.value(QLatin1String("rule")).toString(), rule);
            QCOMPARE(meta.value(QLatin1String("source_field")).toString(),
                     QStringLiteral("signal"));
        }
        QCOMPARE(sim.serverState(id), before);
    }

    void conflicts_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("suspended")
            << QStringLiteral("suspended")
            << QStringLiteral("This server is currently suspended and the functionality "
                              "requested is unavailable.");
        QTest::newRow("installing")
            << QStringLiteral("installing")
            << QStringLiteral("This server has not yet completed its installation process, "
                              "please try again later.");
        QTest::newRow("restoring")
            << QStringLiteral("restoring_backup")
            << QStringLiteral("This server is currently restoring from a backup, please try "
                              "again later.");
        QTest::newRow("transferring")
            << QStringLiteral("transferring")
            << QStringLiteral("This server is currently being transferred to a new machine, "
                              "please try again later.");
        QTest::newRow("maintenance")
            << QStringLiteral("maintenance")
            << QStringLiteral("The node of this server is currently under maintenance and the "
                              "functionality requested is unavailable.");
    }
    void conflicts()
    {
        QFETCH(QString, status);
        QFETCH(QString, detail);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().first();
        const QString other = sim.serverIdentifiers().last();
        if (status == QLatin1String("maintenance"))
            sim.setNodeMaintenance(sim.serverNodeId(id), true);
        else
            sim.setServerStatus(id, status);
        HttpResult r = power(sim, id, R"({"signal":"restart"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.firstError().value(QLatin1String("code")).toString(),
                 QStringLiteral("ConflictHttpException"));
        QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(), detail);
        r = get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id), sim.clientKey());
        QCOMPARE(r.status, 409);
        // Viewing the server stays possible and shows why.
        r = get(sim, QStringLiteral("/api/client/servers/%1").arg(id), sim.clientKey());
        QCOMPARE(r.status, 200);
        const QJsonObject attributes = r.json.value(QLatin1String("attributes")).toObject();
        if (status == QLatin1String("suspended")) {
            QCOMPARE(attributes.value(QLatin1String("status")).toString(), status);
            QVERIFY(attributes.value(QLatin1String("is_suspended")).toBool());
        } else if (status == QLatin1String("maintenance")) {
            QVERIFY(attributes.value(QLatin1String("is_node_under_maintenance")).toBool());
        } else if (status == QLatin1String("transferring")) {
            QVERIFY(attributes.value(QLatin1String("is_transferring")).toBool());
        }
        if (status != QLatin1String("maintenance")) {
            // Only that server is affected.
            QCOMPARE(power(sim, other, R"({"signal":"start"})").status, 204);
            sim.setServerStatus(id, QString());
            QCOMPARE(power(sim, id, R"({"signal":"start"})").status, 204);
        }
    }

    void throttling()
    {
        PanelSimOptions options = manualOptions();
        options.clientRateLimit = 3;
        options.applicationRateLimit = 2;
        options.rateLimitWindowMs = 2000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        // Every key of one user shares one bucket.
        const QStringList keys{sim.clientKey(), sim.pelicanClientKey(), sim.clientKey()};
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = get(sim, QStringLiteral("/api/client"), keys.at(i));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("x-ratelimit-limit"), QByteArray("3"));
            QCOMPARE(r.headers.value("x-ratelimit-remaining"), QByteArray::number(2 - i));
        }
        HttpResult r = get(sim, QStringLiteral("/api/client"), sim.pelicanClientKey());
        QCOMPARE(r.status, 429);
        QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(),
                 QStringLiteral("Too Many Attempts."));
        QCOMPARE(r.headers.value("x-ratelimit-remaining"), QByteArray("0"));
        bool ok = false;
        const int retryAfter = r.headers.value("retry-after").toInt(&ok);
        QVERIFY(ok);
        QVERIFY2(retryAfter >= 1 && retryAfter <= 2, r.headers.value("retry-after").constData());
        const qint64 reset = r.headers.value("x-ratelimit-reset").toLongLong();
        QVERIFY(qAbs(reset - (QDateTime::currentSecsSinceEpoch() + retryAfter)) <= 1);

        // Other users and the application budget are separate.
        QCOMPARE(get(sim, QStringLiteral("/api/client"), sim.adminClientKey()).status, 200);
        r = get(sim, QStringLiteral("/api/application/servers"), sim.applicationKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("x-ratelimit-limit"), QByteArray("2"));
        QCOMPARE(get(sim, QStringLiteral("/api/application/nodes"), sim.applicationKey()).status,
                 200);
        QCOMPARE(get(sim, QStringLiteral("/api/application/nodes"), sim.applicationKey()).status,
                 429);

        // A new window opens when the old one ends.
        QTRY_COMPARE_WITH_TIMEOUT(get(sim, QStringLiteral("/api/client"), sim.clientKey()).status,
                                  200, 4000);
    }

    void simulatedLoad()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions(16)));
        QSet<int> cpuLimits;
        for (const auto &id : sim.serverIdentifiers()) {
            const HttpResult r =
                get(sim, QStringLiteral("/api/client/servers/") + id, sim.clientKey());
            const int cpuLimit = r.json.value(QLatin1String("attributes"))
                                     .toObject()
                                     .value(QLatin1String("limits"))
                                     .toObject()
                                     .value(QLatin1String("cpu"))
                                     .toInt();
            cpuLimits.insert(cpuLimit);
            if (sim.serverState(id) != QLatin1String("running"))
                continue;
            const qint64 uptimeBefore = sim.serverUptimeMs(id);
            for (int i = 0; i < 30; ++i) {
                sim.tick(1000);
                const double cpu = sim.serverCpu(id);
                QVERIFY(cpu > 0);
                QVERIFY2(cpu <= (cpuLimit > 0 ? cpuLimit : 400), qPrintable(QString::number(cpu)));
            }
            QVERIFY(sim.serverUptimeMs(id) >= uptimeBefore + 30000);
        }
        // Multi-core and unlimited servers are part of the mix.
        QVERIFY(cpuLimits.contains(200));
        QVERIFY(cpuLimits.contains(400));
        QVERIFY(cpuLimits.contains(0));

        const QString id = serverIn(sim, QStringLiteral("running"));
        const HttpResult r =
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id), sim.clientKey());
        const QJsonObject res = r.json.value(QLatin1String("attributes"))
                                    .toObject()
                                    .value(QLatin1String("resources"))
                                    .toObject();
        QCOMPARE(res.value(QLatin1String("cpu_absolute")).toDouble(), sim.serverCpu(id));
        QCOMPARE(res.value(QLatin1String("memory_bytes")).toInteger(), sim.serverMemoryBytes(id));
        QVERIFY(res.value(QLatin1String("network_rx_bytes")).toInteger() > 0);
        QVERIFY(res.value(QLatin1String("disk_bytes")).toInteger() > 0);
        QCOMPARE(res.value(QLatin1String("uptime")).toInteger(), sim.serverUptimeMs(id));

        // Offline reported as "stopped" when asked to.
        const QString offline = serverIn(sim, QStringLiteral("offline"));
        sim.setReportStopped(offline, true);
        const HttpResult stopped = get(
            sim, QStringLiteral("/api/client/servers/%1/resources").arg(offline), sim.clientKey());
        QCOMPARE(stopped.json.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("current_state"))
                     .toString(),
                 QStringLiteral("stopped"));
    }

    void loadIsDeterministicPerSeed()
    {
        auto trace = [](quint32 seed) {
            PanelSimOptions options = manualOptions(6);
            options.randomSeed = seed;
            PanelSimulator sim;
            sim.start(options);
            QList<double> cpu;
            for (int i = 0; i < 20; ++i) {
                sim.tick(1000);
                for (const auto &id : sim.serverIdentifiers())
                    cpu.append(sim.serverCpu(id));
            }
            return qMakePair(sim.serverIdentifiers(), cpu);
        };
        const auto a = trace(7);
        const auto b = trace(7);
        const auto c = trace(8);
        QCOMPARE(a.first, b.first);
        QCOMPARE(a.second, b.second);
        QVERIFY(a.first != c.first);
        QVERIFY(a.second != c.second);
    }

    void seedFile()
    {
        PanelSimOptions options = manualOptions();
        options.seedFile = Pterodisbot::TestSupport::dataPath(QStringLiteral("sim/servers.json"));
        PanelSimulator sim;
        QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
        QCOMPARE(sim.serverIdentifiers(),
                 (QStringList{QStringLiteral("1a7ce997"), QStringLiteral("5b2e4c1d"),
                              QStringLiteral("9f8e7d6c"), QStringLiteral("c3d4e5f6"),
                              QStringLiteral("e1f2a3b4")}));
        QCOMPARE(sim.serverState(QStringLiteral("1a7ce997")), QStringLiteral("running"));
        QCOMPARE(sim.serverState(QStringLiteral("9f8e7d6c")), QStringLiteral("offline"));
        QCOMPARE(sim.nodeCount(), 2);
        HttpResult r = get(sim, QStringLiteral("/api/client/servers/1a7ce997"), sim.clientKey());
        const QJsonObject attributes = r.json.value(QLatin1String("attributes")).toObject();
        QCOMPARE(attributes.value(QLatin1String("name")).toString(), QStringLiteral("Survival"));
        QCOMPARE(attributes.value(QLatin1String("node")).toString(), QStringLiteral("Frankfurt 1"));
        const QJsonObject allocation = attributes.value(QLatin1String("relationships"))
                                           .toObject()
                                           .value(QLatin1String("allocations"))
                                           .toObject()
                                           .value(QLatin1String("data"))
                                           .toArray()
                                           .at(0)
                                           .toObject()
                                           .value(QLatin1String("attributes"))
                                           .toObject();
        QCOMPARE(allocation.value(QLatin1String("ip_alias")).toString(),
                 QStringLiteral("mc.example.com"));
        QCOMPARE(allocation.value(QLatin1String("port")).toInt(), 25565);
        QVERIFY(allocation.value(QLatin1String("is_default")).toBool());
        // The suspended seed server answers 409 to power.
        QCOMPARE(power(sim, QStringLiteral("e1f2a3b4"), R"({"signal":"start"})").status, 409);
    }

    void applicationApi()
    {
        PanelSimOptions options = manualOptions();
        options.seedFile = Pterodisbot::TestSupport::dataPath(QStringLiteral("sim/servers.json"));
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        HttpResult r = get(sim, QStringLiteral("/api/application/servers?include=allocations,node"),
                           sim.applicationKey());
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 5);
        const QJsonObject second =
            data.at(1).toObject().value(QLatin1String("attributes")).toObject();
        QCOMPARE(second.value(QLatin1String("id")).toInt(), 2);
        QCOMPARE(second.value(QLatin1String("node")).toInt(), 1);
        QCOMPARE(second.value(QLatin1String("external_id")).toString(),
                 QStringLiteral("valheim-1"));
        const QJsonObject rel = second.value(QLatin1String("relationships")).toObject();
        const QJsonArray allocations = rel.value(QLatin1String("allocations"))
                                           .toObject()
                                           .value(QLatin1String("data"))
                                           .toArray();
        QCOMPARE(allocations.size(), 2);
        const QJsonObject a0 =
            allocations.at(0).toObject().value(QLatin1String("attributes")).toObject();
        QCOMPARE(a0.value(QLatin1String("alias")).toString(),
                 QStringLiteral("valheim.example.com"));
        QVERIFY(a0.value(QLatin1String("assigned")).toBool());
        QVERIFY(!a0.contains(QLatin1String("ip_alias")));
        QVERIFY(allocations.at(1)
                    .toObject()
                    .value(QLatin1String("attributes"))
                    .toObject()
                    .value(QLatin1String("alias"))
                    .isNull());
        QCOMPARE(rel.value(QLatin1String("node"))
                     .toObject()
                     .value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Frankfurt 1"));
        QCOMPARE(second.value(QLatin1String("allocation")).toInt(),
                 a0.value(QLatin1String("id")).toInt());

        // Without include there are no relationships; per_page has no cap of 100.
        r = get(sim, QStringLiteral("/api/application/servers?per_page=2&page=2"),
                sim.applicationKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 2);
        QVERIFY(!r.json.value(QLatin1String("data"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("attributes"))
                     .toObject()
                     .contains(QLatin1String("relationships")));

        r = get(sim, QStringLiteral("/api/application/servers/3"), sim.applicationKey());
        QCOMPARE(r.json.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("identifier"))
                     .toString(),
                 QStringLiteral("9f8e7d6c"));
        r = get(sim, QStringLiteral("/api/application/servers/external/ark-island"),
                sim.applicationKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("suspended"))
                     .toBool(),
                 true);
        QCOMPARE(
            get(sim, QStringLiteral("/api/application/servers/99"), sim.applicationKey()).status,
            404);
        QCOMPARE(
            get(sim, QStringLiteral("/api/application/servers/external/nope"), sim.applicationKey())
                .status,
            404);

        r = get(sim, QStringLiteral("/api/application/nodes"), sim.applicationKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 2);
        const QJsonObject node = r.json.value(QLatin1String("data"))
                                     .toArray()
                                     .at(1)
                                     .toObject()
                                     .value(QLatin1String("attributes"))
                                     .toObject();
        QCOMPARE(node.value(QLatin1String("fqdn")).toString(), QStringLiteral("hel2.example.com"));
        QCOMPARE(node.value(QLatin1String("daemon_listen")).toInt(), sim.wingsUrl().port());
        r = get(sim, QStringLiteral("/api/application/nodes/2/allocations"), sim.applicationKey());
        QCOMPARE(r.status, 200);
        // Three assigned to servers plus three free ones.
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 6);
        QCOMPARE(
            get(sim, QStringLiteral("/api/application/nodes/9/allocations"), sim.applicationKey())
                .status,
            404);
    }

    // Pterodactyl caches /resources for 20 s per server: a state change shows only when the
    // entry expires, and an answer comes from the cache even while the node is down.
    void resourcesAreCachedTwentySeconds()
    {
        PanelSimOptions options = manualOptions();
        options.startingDurationMs = 1000;
        options.resourcesCacheMs = PterodisbotSim::kPanelResourcesCacheMs;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("offline"));
        const QString other = serverIn(sim, QStringLiteral("running"));
        QVERIFY(!id.isEmpty() && !other.isEmpty());
        const auto state = [&](const QString &server) {
            const HttpResult r =
                get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(server),
                    sim.clientKey());
            return r.status == 200
                       ? r.json[QLatin1String("attributes")][QLatin1String("current_state")]
                             .toString()
                       : QString::number(r.status);
        };
        QCOMPARE(state(id), QStringLiteral("offline"));
        QCOMPARE(power(sim, id, R"({"signal":"start"})").status, 204);
        sim.tick(1000);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));
        QCOMPARE(state(id), QStringLiteral("offline"));    // cached at t = 0
        QCOMPARE(state(other), QStringLiteral("running")); // per server: its own entry
        sim.tick(18999);
        QCOMPARE(state(id), QStringLiteral("offline"));
        sim.tick(1);
        QCOMPARE(state(id), QStringLiteral("running")); // 20 s: fresh, and cached again

        sim.setNodeDown(sim.serverNodeId(id), true);
        QCOMPARE(state(id), QStringLiteral("running"));
        sim.tick(20000);
        QCOMPARE(state(id), QStringLiteral("504")); // a failure is not remembered...
        sim.setNodeDown(sim.serverNodeId(id), false);
        QCOMPARE(state(id), QStringLiteral("running")); // ...so the next answer is fresh

        // Without the cache (the default) every answer is fresh.
        PanelSimulator uncached;
        QVERIFY(uncached.start(manualOptions()));
        const QString server = serverIn(uncached, QStringLiteral("offline"));
        const HttpResult before =
            get(uncached, QStringLiteral("/api/client/servers/%1/resources").arg(server),
                uncached.clientKey());
        QCOMPARE(
            before.json[QLatin1String("attributes")][QLatin1String("current_state")].toString(),
            QStringLiteral("offline"));
        QCOMPARE(power(uncached, server, R"({"signal":"start"})").status, 204);
        const HttpResult after =
            get(uncached, QStringLiteral("/api/client/servers/%1/resources").arg(server),
                uncached.clientKey());
        QCOMPARE(after.json[QLatin1String("attributes")][QLatin1String("current_state")].toString(),
                 QStringLiteral("starting"));
    }

    void faultInjection()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString a = sim.serverIdentifiers().at(0);
        const QString b = sim.serverIdentifiers().at(1);
        const auto resources = [&](const QString &id) {
            return get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id),
                       sim.clientKey());
        };

        sim.setFailure(504, a);
        HttpResult r = resources(a);
        QCOMPARE(r.status, 504);
        QCOMPARE(r.firstError().value(QLatin1String("status")).toString(), QStringLiteral("504"));
        QVERIFY(!r.headers.value("x-ratelimit-limit").isEmpty());
        QCOMPARE(resources(b).status, 200);
        sim.setFailure(0, a);
        QCOMPARE(resources(a).status, 200);
        sim.setFailure(502);
        QCOMPARE(resources(b).status, 502);
        QCOMPARE(get(sim, QStringLiteral("/api/client"), sim.clientKey()).status, 502);
        sim.setFailure(0);

        sim.setMalformedBodies(true, b);
        r = resources(b);
        QCOMPARE(r.status, 200);
        QJsonParseError parseError;
        QJsonDocument::fromJson(r.body, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
        QCOMPARE(resources(a).json.value(QLatin1String("object")).toString(),
                 QStringLiteral("stats"));
        sim.setMalformedBodies(false);
        QCOMPARE(resources(b).json.value(QLatin1String("object")).toString(),
                 QStringLiteral("stats"));

        sim.setRateLimitStorm(true);
        r = resources(a);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("1"));
        sim.setRateLimitStorm(false);
        QCOMPARE(resources(a).status, 200);

        const int node = sim.serverNodeId(a);
        sim.setNodeDown(node, true);
        QCOMPARE(resources(a).status, 504);
        QCOMPARE(power(sim, a, R"({"signal":"start"})").status, 502);
        QCOMPARE(get(sim, QStringLiteral("/api/client/servers/") + a, sim.clientKey()).status, 200);
        sim.setNodeDown(node, false);
        QCOMPARE(resources(a).status, 200);

        sim.setLatency(150);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(resources(a).status, 200);
        QVERIFY(timer.elapsed() >= 140);
        sim.setLatency(0);
    }

    void hangingAndDroppedConnections()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString a = sim.serverIdentifiers().at(0);
        const QString b = sim.serverIdentifiers().at(1);
        QSignalSpy handled(&sim, &PanelSimulator::requestHandled);
        sim.setHanging(true, a);
        HttpResult r = request("GET",
                               QUrl(sim.panelUrl().toString() +
                                    QStringLiteral("/api/client/servers/%1/resources").arg(a)),
                               sim.clientKey(), {}, true, {}, 300);
        QVERIFY(!r.finished);
        QCOMPARE(
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(b), sim.clientKey())
                .status,
            200);
        QVERIFY(!handled.isEmpty());
        QCOMPARE(handled.first().at(0).value<PterodisbotSim::PanelRequestRecord>().status, 0);

        // A held request dies with its connection (a raw socket: QNAM would resend it).
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, quint16(sim.panelUrl().port()));
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /api/client/servers/" + a.toLatin1() +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                  "Authorization: Bearer " +
                  sim.clientKey().toLatin1() + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(sim.requests().size(), 3, 5000);
        QCOMPARE(sim.requests().last().status, 0);
        QSignalSpy closed(&raw, &QTcpSocket::disconnected);
        sim.dropHttpConnections();
        QVERIFY(closed.wait(5000));
        QCOMPARE(raw.bytesAvailable(), 0);
        sim.setHanging(false);
        QCOMPARE(
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(a), sim.clientKey())
                .status,
            200);
    }

    void requestsAreRecorded()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        QSignalSpy handled(&sim, &PanelSimulator::requestHandled);
        get(sim, QStringLiteral("/api/client?page=2"), sim.clientKey());
        get(sim, QStringLiteral("/api/client/servers/deadbeef"), sim.clientKey());
        const auto records = sim.requests();
        QCOMPARE(records.size(), 2);
        QCOMPARE(handled.size(), 2);
        QCOMPARE(records.at(0).method, QStringLiteral("GET"));
        QCOMPARE(records.at(0).path, QStringLiteral("/api/client"));
        QCOMPARE(records.at(0).query, QStringLiteral("page=2"));
        QCOMPARE(records.at(0).status, 200);
        QCOMPARE(records.at(1).status, 404);
        QVERIFY(records.at(1).elapsedMs >= records.at(0).elapsedMs);
        sim.clearRequests();
        QVERIFY(sim.requests().isEmpty());
    }

    void thousandServers()
    {
        PanelSimOptions options = manualOptions(1000);
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        QCOMPARE(sim.nodeCount(), 20);
        const HttpResult r =
            get(sim, QStringLiteral("/api/client?per_page=100&page=10"), sim.clientKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 100);
        QCOMPARE(r.json.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 1000);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i)
            sim.tick(1000);
        const qint64 tickMs = timer.elapsed();
        qInfo("100 ticks of 1000 servers: %lld ms", tickMs);
        QVERIFY2(tickMs < 2000, qPrintable(QString::number(tickMs)));
        timer.restart();
        const QString last = sim.serverIdentifiers().last();
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(last),
                         sim.clientKey())
                         .status,
                     200);
        }
        qInfo("50 /resources round trips with 1000 servers: %lld ms", timer.elapsed());
    }

    void wingsAuthStatsAndStatus()
    {
        PanelSimOptions options = manualOptions();
        options.statsIntervalMs = 1000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString running = serverIn(sim, QStringLiteral("running"));
        const HttpResult ws = get(
            sim, QStringLiteral("/api/client/servers/%1/websocket").arg(running), sim.clientKey());
        QCOMPARE(ws.status, 200);
        const QJsonObject data = ws.json.value(QLatin1String("data")).toObject();
        QVERIFY(!data.value(QLatin1String("token")).toString().isEmpty());
        QCOMPARE(data.value(QLatin1String("socket")).toString(),
                 sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                     sim.serverUuid(running) + QStringLiteral("/ws"));

        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, running));
        QVERIFY(waitForEvent(probe, QStringLiteral("status")));
        QCOMPARE(probe.takeEvents(),
                 (QStringList{QStringLiteral("auth success"), QStringLiteral("status")}));
        QCOMPARE(probe.last(QStringLiteral("status"))
                     .value(QLatin1String("args"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("running"));
        sim.tick(1000);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        const QJsonValue arg =
            probe.last(QStringLiteral("stats")).value(QLatin1String("args")).toArray().at(0);
        QVERIFY(arg.isString()); // a JSON document inside a string
        const QJsonObject stats = QJsonDocument::fromJson(arg.toString().toUtf8()).object();
        QCOMPARE(stats.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(stats.value(QLatin1String("cpu_absolute")).toDouble(), sim.serverCpu(running));
        QVERIFY(stats.value(QLatin1String("memory_limit_bytes")).toInteger() >= 0);
        QVERIFY(
            stats.value(QLatin1String("network")).toObject().contains(QLatin1String("rx_bytes")));
        QCOMPARE(stats.value(QLatin1String("uptime")).toInteger(), sim.serverUptimeMs(running));

        // Status on change, with a last zero stats when it goes offline.
        probe.takeEvents();
        QCOMPARE(power(sim, running, R"({"signal":"kill"})").status, 204);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QCOMPARE(probe.takeEvents(),
                 (QStringList{QStringLiteral("status"), QStringLiteral("stats")}));
        // No stats for an offline server, but "send stats" answers at once.
        sim.tick(3000);
        QTest::qWait(50);
        QVERIFY(probe.takeEvents().isEmpty());
        probe.send(QStringLiteral("send stats"));
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        // "set state" drives the same state machine.
        probe.takeEvents();
        probe.send(QStringLiteral("set state"), {QStringLiteral("start")});
        QTRY_COMPARE(sim.serverState(running), QStringLiteral("starting"));

        // An offline server gets one stats right after the first auth.
        const QString offline = serverIn(sim, QStringLiteral("offline"));
        WingsProbe second(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, second, offline));
        QVERIFY(waitForEvent(second, QStringLiteral("stats")));
        QCOMPARE(second.events(), (QStringList{QStringLiteral("auth success"),
                                               QStringLiteral("status"), QStringLiteral("stats")}));
    }

    void wingsTokenLifetime()
    {
        PanelSimOptions options = manualOptions();
        options.tokenLifetimeMs = 10000;
        options.tokenExpiringWarningMs = 3000;
        options.statsIntervalMs = 1000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("running"));
        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, id));
        QVERIFY(waitForEvent(probe, QStringLiteral("status")));
        probe.takeEvents();

        sim.tick(6000);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QTest::qWait(30);
        QVERIFY(!probe.events().contains(QStringLiteral("token expiring")));
        sim.tick(1000); // 3 s left
        QVERIFY(waitForEvent(probe, QStringLiteral("token expiring")));
        sim.tick(1000);
        QTest::qWait(30);
        QCOMPARE(probe.events().count(QStringLiteral("token expiring")), 1);
        probe.takeEvents();
        sim.tick(2000); // expired
        QVERIFY(waitForEvent(probe, QStringLiteral("token expired")));
        probe.takeEvents();
        probe.send(QStringLiteral("send stats"));
        QVERIFY(waitForEvent(probe, QStringLiteral("jwt error")));
        QCOMPARE(probe.last(QStringLiteral("jwt error"))
                     .value(QLatin1String("args"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("jwt: exp claim is invalid"));
        QVERIFY(!probe.takeEvents().contains(QStringLiteral("stats")));
        // Pushed events become jwt errors too.
        sim.tick(1000);
        QVERIFY(waitForEvent(probe, QStringLiteral("jwt error")));
        QVERIFY(!probe.takeEvents().contains(QStringLiteral("stats")));

        // A fresh token revives the same socket.
        const HttpResult ws =
            get(sim, QStringLiteral("/api/client/servers/%1/websocket").arg(id), sim.clientKey());
        probe.send(QStringLiteral("auth"), {ws.json.value(QLatin1String("data"))
                                                .toObject()
                                                .value(QLatin1String("token"))
                                                .toString()});
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
        probe.takeEvents();
        sim.tick(1000);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QVERIFY(!probe.takeEvents().contains(QStringLiteral("jwt error")));

        // Garbage tokens are refused.
        WingsProbe intruder(sim.panelUrl().toString());
        QSignalSpy connected(&intruder.socket, &QWebSocket::connected);
        intruder.socket.open(QUrl(sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                                  sim.serverUuid(id) + QStringLiteral("/ws")));
        QVERIFY(connected.wait(5000));
        intruder.send(QStringLiteral("auth"), {QStringLiteral("not.a.token")});
        QVERIFY(waitForEvent(intruder, QStringLiteral("jwt error")));
        QVERIFY(!intruder.events().contains(QStringLiteral("auth success")));
    }

    void wingsAuthThrottle()
    {
        PanelSimOptions options = manualOptions();
        options.wingsAuthThrottle = true;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = sim.serverIdentifiers().first();
        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, id)); // first auth of the burst of two
        QVERIFY(waitForEvent(probe, QStringLiteral("status")));
        probe.takeEvents();
        const HttpResult ws =
            get(sim, QStringLiteral("/api/client/servers/%1/websocket").arg(id), sim.clientKey());
        const QString token = ws.json.value(QLatin1String("data"))
                                  .toObject()
                                  .value(QLatin1String("token"))
                                  .toString();
        probe.send(QStringLiteral("auth"), {token});
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
        probe.takeEvents();
        probe.send(QStringLiteral("auth"), {token});
        QVERIFY(waitForEvent(probe, QStringLiteral("throttled")));
        QCOMPARE(probe.last(QStringLiteral("throttled"))
                     .value(QLatin1String("args"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("auth"));
        probe.takeEvents();
        sim.tick(5000); // one more attempt earned
        probe.send(QStringLiteral("auth"), {token});
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
    }

    void wingsRefusesWrongOrigin_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::newRow("none") << QString();
        QTest::newRow("other site") << QStringLiteral("http://evil.example.com");
    }
    void wingsRefusesWrongOrigin()
    {
        QFETCH(QString, origin);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().first();
        QWebSocket socket(origin);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(QUrl(sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                         sim.serverUuid(id) + QStringLiteral("/ws")));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(connected.size(), 0);
        QCOMPARE(sim.wingsSessionCount(), 0);
    }

    void wingsClosesUnknownServersAndDownNodes()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        QWebSocket unknown(sim.panelUrl().toString());
        QSignalSpy unknownClosed(&unknown, &QWebSocket::disconnected);
        unknown.open(QUrl(sim.wingsUrl().toString() +
                          QStringLiteral("/api/servers/00000000-0000-4000-8000-000000000000/ws")));
        QVERIFY(unknownClosed.wait(5000));

        const QString id = serverIn(sim, QStringLiteral("running"));
        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, id));
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
        QTRY_COMPARE(sim.wingsSessionCount(), 1);
        QSignalSpy dropped(&probe.socket, &QWebSocket::disconnected);
        sim.setNodeDown(sim.serverNodeId(id), true);
        QVERIFY(dropped.wait(5000));
        QTRY_COMPARE(sim.wingsSessionCount(), 0);

        // While the node is down, new sockets die at once.
        QWebSocket again(sim.panelUrl().toString());
        QSignalSpy againDropped(&again, &QWebSocket::disconnected);
        again.open(QUrl(sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                        sim.serverUuid(id) + QStringLiteral("/ws")));
        QVERIFY(againDropped.wait(5000));
        QCOMPARE(sim.wingsSessionCount(), 0);
        sim.setNodeDown(sim.serverNodeId(id), false);

        WingsProbe third(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, third, id));
        QVERIFY(waitForEvent(third, QStringLiteral("auth success")));
        QSignalSpy thirdDropped(&third.socket, &QWebSocket::disconnected);
        sim.dropWingsConnections();
        QVERIFY(thirdDropped.wait(5000));
    }

    void timerDrivesTheWorld()
    {
        PanelSimOptions options;
        options.serverCount = 2;
        options.tickIntervalMs = 20;
        options.startingDurationMs = 100;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("offline"));
        QVERIFY(!id.isEmpty() || sim.serverIdentifiers().size() == 2);
        const QString target = id.isEmpty() ? sim.serverIdentifiers().first() : id;
        sim.setServerState(target, QStringLiteral("offline"));
        QCOMPARE(power(sim, target, R"({"signal":"start"})").status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(sim.serverState(target), QStringLiteral("running"), 5000);
    }
};

QTEST_GUILESS_MAIN(TestPanelSimulator)
#include "tst_panelsimulator.moc"
