// The panel simulator's client API: listing, pagination, filters, both identifier forms,
// authentication and which key type may call what.
// Raw Qt clients only (see PanelSimProbe.h).
#include "PanelSimProbe.h"

#include <QJsonArray>
#include <QTest>

#include "TestSupport.h"

using PterodisbotSim::PanelSimulator;
using namespace Pterodisbot::PanelSimTest;

class TestPanelSimClient final : public PanelSimTestCase
{
    Q_OBJECT

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
};

QTEST_GUILESS_MAIN(TestPanelSimClient)
#include "tst_panelsimclient.moc"
