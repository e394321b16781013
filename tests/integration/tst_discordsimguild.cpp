// The Discord simulator's guild state: bulk-overwritten slash commands, and messages and channels
// deleted behind the bot's back.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QSignalSpy>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;

class TestDiscordSimGuild final : public QObject
{
    Q_OBJECT

private slots:
    void commandsBulkOverwrite();
    void deletedBehindTheBotsBack();
};

void TestDiscordSimGuild::commandsBulkOverwrite()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    QSignalSpy registered(&sim, &DiscordSimulator::commandsRegistered);
    const QString path = QStringLiteral("/applications/%1/guilds/%2/commands")
                             .arg(sim.applicationId(), sim.guildId());
    const QJsonArray commands{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("server_status")},
                    {QStringLiteral("description"), QStringLiteral("Show servers")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("refresh_embeds")},
                    {QStringLiteral("description"), QStringLiteral("Rebuild embeds")}}};
    const HttpResult put = rest.send("PUT", path, commands);
    QCOMPARE(put.status, 200);
    QCOMPARE(put.array().size(), 2);
    const QString firstId = put.array().at(0).toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!firstId.isEmpty());
    QCOMPARE(put.array().at(0).toObject().value(QStringLiteral("application_id")).toString(),
             sim.applicationId());
    QCOMPARE(put.array().at(0).toObject().value(QStringLiteral("type")).toInt(), 1);
    QCOMPARE(registered.count(), 1);
    QCOMPARE(sim.registeredCommands().size(), 2);
    QCOMPARE(rest.send("GET", path).array(), put.array());
    // Overwriting again keeps the ids of commands that stay.
    const HttpResult again = rest.send("PUT", path, QJsonArray{commands.at(0)});
    QCOMPARE(again.array().size(), 1);
    QCOMPARE(again.array().at(0).toObject().value(QStringLiteral("id")).toString(), firstId);
    // The injected slash command carries the registered id.
    const QString interaction = sim.injectSlashCommand(sim.channelIds().at(0), QStringLiteral("1"),
                                                       {}, QStringLiteral("server_status"));
    QCOMPARE(sim.interactionPayload(interaction)
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             firstId);

    const HttpResult badName =
        rest.send("PUT", path,
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Server Status")},
                                         {QStringLiteral("description"), QStringLiteral("x")}}});
    QCOMPARE(badName.status, 400);
    QCOMPARE(errorAt(badName.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("0.name"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("APPLICATION_COMMAND_INVALID_NAME"));
    const HttpResult longDescription = rest.send(
        "PUT", path,
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("ok")},
                               {QStringLiteral("description"), QString(101, QLatin1Char('d'))}}});
    QCOMPARE(errorAt(longDescription.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("0.description"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("BASE_TYPE_BAD_LENGTH"));
    const HttpResult longName =
        rest.send("PUT", path,
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QString(33, QLatin1Char('n'))},
                                         {QStringLiteral("description"), QStringLiteral("d")}}});
    QCOMPARE(errorAt(longName.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("0.name"))
                 .value(QStringLiteral("message"))
                 .toString(),
             QStringLiteral("Must be between 1 and 32 in length."));
    QCOMPARE(sim.registeredCommands().size(), 1); // refused bodies change nothing
    const HttpResult otherGuild = rest.send(
        "PUT", QStringLiteral("/applications/%1/guilds/99/commands").arg(sim.applicationId()),
        commands);
    QCOMPARE(otherGuild.status, 403);
    QCOMPARE(otherGuild.object().value(QStringLiteral("code")).toInt(), 50001);
}

void TestDiscordSimGuild::deletedBehindTheBotsBack()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    auto client = identifiedClient(sim, 1 | (1 << 9)); // GUILDS | GUILD_MESSAGES
    QVERIFY(client);
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(1);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);
    const QString id =
        rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}})
            .object()
            .value(QStringLiteral("id"))
            .toString();
    QCOMPARE(client->waitFor(0, QStringLiteral("MESSAGE_CREATE"))
                 .value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             id);
    sim.deleteMessage(channel, id);
    QCOMPARE(client->waitFor(0, QStringLiteral("MESSAGE_DELETE"))
                 .value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             id);
    QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("y")}})
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             10008);
    sim.deleteChannel(channel);
    QCOMPARE(client->waitFor(0, QStringLiteral("CHANNEL_DELETE"))
                 .value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             channel);
    QCOMPARE(rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("y")}})
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             10003);
    QCOMPARE(sim.channelIds(), QStringList{sim.channelIds().at(0)});
}

QTEST_GUILESS_MAIN(TestDiscordSimGuild)
#include "tst_discordsimguild.moc"
