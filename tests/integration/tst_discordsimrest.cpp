// The Discord simulator's REST API over the wire: auth and User-Agent, message create / edit /
// delete, channel access errors and multipart attachments.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"
#include "TestSupport.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;
using Pterodisbot::TestSupport::readData;

class TestDiscordSimRest final : public QObject
{
    Q_OBJECT

private slots:
    void restBasicsAndAuth();
    void missingUserAgentIsRefused();
    void messageCreateEditDelete();
    void channelAccessErrors();
    void multipartAttachmentRoundTrip();
};

void TestDiscordSimRest::restBasicsAndAuth()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QCOMPARE(sim.restBaseUrl().path(), QStringLiteral("/api/v10"));
    RestClient rest(sim);

    const HttpResult gateway = rest.send("GET", QStringLiteral("/gateway/bot"));
    QCOMPARE(gateway.status, 200);
    QCOMPARE(gateway.object().value(QStringLiteral("url")).toString(), sim.gatewayUrl().toString());
    QCOMPARE(gateway.object().value(QStringLiteral("shards")).toInt(), 1);
    const QJsonObject limit =
        gateway.object().value(QStringLiteral("session_start_limit")).toObject();
    QCOMPARE(limit.value(QStringLiteral("max_concurrency")).toInt(), 1);
    QVERIFY(limit.value(QStringLiteral("remaining")).toInt() > 0);
    QVERIFY(!gateway.header("X-RateLimit-Bucket").isEmpty());

    const HttpResult me = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object().value(QStringLiteral("id")).toString(), sim.botUserId());
    QVERIFY(me.object().value(QStringLiteral("bot")).toBool());

    const HttpResult roles =
        rest.send("GET", QStringLiteral("/guilds/%1/roles").arg(sim.guildId()));
    QCOMPARE(roles.status, 200);
    QCOMPARE(roles.array().size(), 2);
    QCOMPARE(roles.array().at(1).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("1400000000000000001"));
    QCOMPARE(rest.send("GET", QStringLiteral("/guilds/999/roles"))
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             50001);
    QCOMPARE(rest.send("GET", QStringLiteral("/nothing/here")).status, 404);

    rest.authorize = false;
    const HttpResult unauthorized = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("401: Unauthorized"));
    QCOMPARE(unauthorized.object().value(QStringLiteral("code")).toInt(), 0);

    // A browser-like User-Agent is served but noted.
    rest.authorize = true;
    rest.agent = "Mozilla/5.0";
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
    QCOMPARE(sim.foreignUserAgentCount(), 1);
    QCOMPARE(sim.requests().size(), 7);
    QCOMPARE(sim.requests().at(0).path, QStringLiteral("/api/v10/gateway/bot"));
    QCOMPARE(sim.requests().at(4).status, 404);
}

void TestDiscordSimRest::missingUserAgentIsRefused()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(sim.restBaseUrl().port()));
    QVERIFY(socket.waitForConnected(waitMs));
    socket.write("GET /api/v10/users/@me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bot " +
                 sim.botToken().toUtf8() + "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n");
        },
        waitMs));
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QCOMPARE(sim.missingUserAgentCount(), 1);
}

void TestDiscordSimRest::messageCreateEditDelete()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    QSignalSpy created(&sim, &DiscordSimulator::messageCreated);
    QSignalSpy edited(&sim, &DiscordSimulator::messageEdited);
    const QString channel = sim.channelIds().at(1);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);

    const HttpResult create = rest.send(
        "POST", path,
        QJsonObject{{QStringLiteral("content"), QStringLiteral("hello")},
                    {QStringLiteral("embeds"),
                     QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Status")},
                                            {QStringLiteral("color"), 0x2ecc71}}}}});
    QCOMPARE(create.status, 200);
    const QJsonObject message = create.object();
    const QString id = message.value(QStringLiteral("id")).toString();
    QVERIFY(id.toULongLong() > 0);
    QCOMPARE(message.value(QStringLiteral("channel_id")).toString(), channel);
    QCOMPARE(
        message.value(QStringLiteral("author")).toObject().value(QStringLiteral("id")).toString(),
        sim.botUserId());
    QVERIFY(message.value(QStringLiteral("edited_timestamp")).isNull());
    QCOMPARE(message.value(QStringLiteral("embeds"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toString(),
             QStringLiteral("rich"));
    QCOMPARE(created.count(), 1);
    QCOMPARE(created.at(0).at(1).toString(), id);
    QCOMPARE(sim.messages(channel).size(), 1);
    QCOMPARE(sim.messages(channel)
                 .at(0)
                 .embeds.at(0)
                 .toObject()
                 .value(QStringLiteral("title"))
                 .toString(),
             QStringLiteral("Status"));

    const HttpResult edit =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("edited")}});
    QCOMPARE(edit.status, 200);
    QCOMPARE(edit.object().value(QStringLiteral("content")).toString(), QStringLiteral("edited"));
    QVERIFY(edit.object().value(QStringLiteral("edited_timestamp")).isString());
    // Fields the edit did not send stay as they were.
    QCOMPARE(edit.object().value(QStringLiteral("embeds")).toArray().size(), 1);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(sim.message(channel, id)->editCount, 1);

    QCOMPARE(rest.send("GET", path + QLatin1Char('/') + id)
                 .object()
                 .value(QStringLiteral("content"))
                 .toString(),
             QStringLiteral("edited"));
    rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("second")}});
    const HttpResult list = rest.send("GET", path + QStringLiteral("?limit=10"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.array().size(), 2);
    QCOMPARE(list.array().at(0).toObject().value(QStringLiteral("content")).toString(),
             QStringLiteral("second"));

    QCOMPARE(rest.send("DELETE", path + QLatin1Char('/') + id).status, 204);
    const HttpResult gone = rest.send("GET", path + QLatin1Char('/') + id);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.object().value(QStringLiteral("code")).toInt(), 10008);
    QCOMPARE(sim.messages(channel).size(), 1);
    const HttpResult empty =
        rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QString()}});
    QCOMPARE(empty.object().value(QStringLiteral("code")).toInt(), 50006);
}

void TestDiscordSimRest::channelAccessErrors()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QJsonObject body{{QStringLiteral("content"), QStringLiteral("x")}};
    const HttpResult unknown =
        rest.send("POST", QStringLiteral("/channels/1399999999999999999/messages"), body);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.object().value(QStringLiteral("code")).toInt(), 10003);
    QCOMPARE(unknown.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("Unknown Channel"));

    sim.setChannelAccess(sim.channelIds().at(0), SimChannelAccess::NoAccess);
    const HttpResult noAccess = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)), body);
    QCOMPARE(noAccess.status, 403);
    QCOMPARE(noAccess.object().value(QStringLiteral("code")).toInt(), 50001);

    sim.setChannelAccess(sim.channelIds().at(1), SimChannelAccess::NoPermission);
    const HttpResult noPermission = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(1)), body);
    QCOMPARE(noPermission.status, 403);
    QCOMPARE(noPermission.object().value(QStringLiteral("code")).toInt(), 50013);
}

void TestDiscordSimRest::multipartAttachmentRoundTrip()
{
    const QByteArray png = readData(QStringLiteral("discord/chart.png"));
    const QByteArray png2 = readData(QStringLiteral("discord/chart2.png"));
    QVERIFY(!png.isEmpty() && !png2.isEmpty());
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(0);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);
    const auto imageEmbed = [](const QString &file) {
        return QJsonArray{
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Chart")},
                        {QStringLiteral("image"),
                         QJsonObject{{QStringLiteral("url"),
                                      QString(QStringLiteral("attachment://") + file)}}}}};
    };

    const HttpResult create = rest.sendMultipart(
        "POST", path,
        {{QStringLiteral("embeds"), imageEmbed(QStringLiteral("chart.png"))},
         {QStringLiteral("attachments"),
          QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("0")},
                                 {QStringLiteral("filename"), QStringLiteral("chart.png")}}}}},
        {{QStringLiteral("chart.png"), png}});
    QCOMPARE(create.status, 200);
    const QString id = create.object().value(QStringLiteral("id")).toString();
    const QJsonObject attachment =
        create.object().value(QStringLiteral("attachments")).toArray().at(0).toObject();
    QCOMPARE(attachment.value(QStringLiteral("filename")).toString(), QStringLiteral("chart.png"));
    QCOMPARE(attachment.value(QStringLiteral("size")).toInt(), int(png.size()));
    QCOMPARE(attachment.value(QStringLiteral("width")).toInt(), 64);
    QCOMPARE(attachment.value(QStringLiteral("height")).toInt(), 32);
    const QUrl url(attachment.value(QStringLiteral("url")).toString());
    QVERIFY(url.path().startsWith(QStringLiteral("/attachments/") + channel + QLatin1Char('/')));
    QVERIFY(url.path().endsWith(QStringLiteral("/chart.png")));
    // Discord resolves attachment:// in the answer; the stored message keeps what was sent.
    const QJsonObject image = create.object()
                                  .value(QStringLiteral("embeds"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("image"))
                                  .toObject();
    QCOMPARE(image.value(QStringLiteral("url")).toString(), url.toString());
    const SimMessage stored = *sim.message(channel, id);
    QCOMPARE(stored.attachments.size(), 1);
    QCOMPARE(stored.attachments.at(0).bytes, png);
    QCOMPARE(stored.embeds.at(0)
                 .toObject()
                 .value(QStringLiteral("image"))
                 .toObject()
                 .value(QStringLiteral("url"))
                 .toString(),
             QStringLiteral("attachment://chart.png"));
    const HttpResult download = rest.getUrl(url);
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, png);
    QCOMPARE(download.header("Content-Type"), QByteArray("image/png"));

    // Edit: the new file replaces the old one, which is gone because it is not listed.
    const HttpResult replace = rest.sendMultipart(
        "PATCH", path + QLatin1Char('/') + id,
        {{QStringLiteral("embeds"), imageEmbed(QStringLiteral("chart2.png"))},
         {QStringLiteral("attachments"),
          QJsonArray{QJsonObject{{QStringLiteral("id"), 0},
                                 {QStringLiteral("filename"), QStringLiteral("chart2.png")}}}}},
        {{QStringLiteral("chart2.png"), png2}});
    QCOMPARE(replace.status, 200);
    const QJsonArray after = replace.object().value(QStringLiteral("attachments")).toArray();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.at(0).toObject().value(QStringLiteral("filename")).toString(),
             QStringLiteral("chart2.png"));
    QVERIFY(after.at(0).toObject().value(QStringLiteral("id")).toString() !=
            attachment.value(QStringLiteral("id")).toString());
    QCOMPARE(rest.getUrl(QUrl(after.at(0).toObject().value(QStringLiteral("url")).toString())).body,
             png2);
    QCOMPARE(rest.getUrl(url).status, 404);
    QCOMPARE(sim.message(channel, id)->attachments.at(0).bytes, png2);

    // Listing the existing id keeps it; an empty list drops it.
    const QString keptId = after.at(0).toObject().value(QStringLiteral("id")).toString();
    const HttpResult keep =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("kept")},
                              {QStringLiteral("attachments"),
                               QJsonArray{QJsonObject{{QStringLiteral("id"), keptId}}}}});
    QCOMPARE(keep.status, 200);
    QCOMPARE(keep.object().value(QStringLiteral("attachments")).toArray().size(), 1);
    const HttpResult dangling =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("attachments"), QJsonArray()}});
    QCOMPARE(dangling.status, 400); // the embed still points at attachment://chart2.png
    QCOMPARE(errorAt(dangling.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("embeds.0.image.url"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("ATTACHMENT_NOT_FOUND"));
    const HttpResult drop = rest.send("PATCH", path + QLatin1Char('/') + id,
                                      QJsonObject{{QStringLiteral("embeds"), QJsonArray()},
                                                  {QStringLiteral("attachments"), QJsonArray()}});
    QCOMPARE(drop.status, 200);
    QCOMPARE(drop.object().value(QStringLiteral("attachments")).toArray().size(), 0);
    QCOMPARE(sim.message(channel, id)->attachments.size(), 0);
}

QTEST_GUILESS_MAIN(TestDiscordSimRest)
#include "tst_discordsimrest.moc"
