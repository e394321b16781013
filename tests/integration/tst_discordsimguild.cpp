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
    void commandLocalizations();
    void guildAndUserLocales();
    void deletedBehindTheBotsBack();
};

// description_localizations (and name_localizations): keys are Discord's locales, values follow
// the rules of the field they translate; kept and answered with with_localizations=true.
void TestDiscordSimGuild::commandLocalizations()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QString path = QStringLiteral("/applications/%1/guilds/%2/commands")
                             .arg(sim.applicationId(), sim.guildId());
    const auto command = [](const QJsonValue &localizations) {
        return QJsonArray{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("server_status")},
                        {QStringLiteral("description"), QStringLiteral("Servers")},
                        {QStringLiteral("description_localizations"), localizations}}};
    };
    const QJsonObject german{{QStringLiteral("de"), QStringLiteral("Server zeigen")},
                             {QStringLiteral("fr"), QStringLiteral("Afficher les serveurs")}};
    const HttpResult put = rest.send("PUT", path, command(german));
    QCOMPARE(put.status, 200);
    QCOMPARE(
        put.array().at(0).toObject().value(QStringLiteral("description_localizations")).toObject(),
        german);
    const QJsonObject stored = rest.send("GET", path + QStringLiteral("?with_localizations=true"))
                                   .array()
                                   .at(0)
                                   .toObject();
    QCOMPARE(stored.value(QStringLiteral("description_localizations")).toObject(), german);
    QVERIFY(stored.value(QStringLiteral("name_localizations")).isNull());
    QCOMPARE(rest.send("PUT", path, command(QJsonValue(QJsonValue::Null))).status, 200);

    const auto codeAt = [](const HttpResult &result, const QString &field) {
        return errorAt(result.object().value(QStringLiteral("errors")).toObject(), field)
            .value(QStringLiteral("code"))
            .toString();
    };
    const HttpResult unknownLocale =
        rest.send("PUT", path, command(QJsonObject{{QStringLiteral("xx"), QStringLiteral("x")}}));
    QCOMPARE(unknownLocale.status, 400);
    QCOMPARE(codeAt(unknownLocale, QStringLiteral("0.description_localizations.xx")),
             QStringLiteral("ENUM_TYPE_COERCE"));
    // Locales are spelled as Discord spells them: "de-DE" is not one.
    QCOMPARE(
        rest.send("PUT", path, command(QJsonObject{{QStringLiteral("de-DE"), QStringLiteral("x")}}))
            .status,
        400);
    const HttpResult empty =
        rest.send("PUT", path, command(QJsonObject{{QStringLiteral("de"), QString()}}));
    QCOMPARE(codeAt(empty, QStringLiteral("0.description_localizations.de")),
             QStringLiteral("BASE_TYPE_BAD_LENGTH"));
    const HttpResult tooLong = rest.send(
        "PUT", path, command(QJsonObject{{QStringLiteral("fr"), QString(101, QLatin1Char('d'))}}));
    QCOMPARE(codeAt(tooLong, QStringLiteral("0.description_localizations.fr")),
             QStringLiteral("BASE_TYPE_BAD_LENGTH"));
    QCOMPARE(rest.send("PUT", path, command(QStringLiteral("de"))).status, 400);
    const HttpResult badName =
        rest.send("PUT", path,
                  QJsonArray{QJsonObject{
                      {QStringLiteral("name"), QStringLiteral("status")},
                      {QStringLiteral("description"), QStringLiteral("Servers")},
                      {QStringLiteral("name_localizations"),
                       QJsonObject{{QStringLiteral("de"), QStringLiteral("Server Status")}}}}});
    QCOMPARE(codeAt(badName, QStringLiteral("0.name_localizations.de")),
             QStringLiteral("APPLICATION_COMMAND_INVALID_NAME"));
    // Refused bodies change nothing.
    QCOMPARE(sim.registeredCommands().size(), 1);
    QVERIFY(sim.registeredCommands()
                .at(0)
                .toObject()
                .value(QStringLiteral("description_localizations"))
                .isNull());
}

// The guild's preferred_locale in GUILD_CREATE and GUILD_UPDATE, and the locale and guild_locale
// of interactions: each user's client language, the guild's language.
void TestDiscordSimGuild::guildAndUserLocales()
{
    DiscordSimulator sim;
    DiscordSimOptions options;
    options.guildLocale = QStringLiteral("fr");
    QVERIFY(sim.start(options));
    const auto client = identifiedClient(sim);
    QVERIFY(client);
    const QJsonObject guild =
        client->waitFor(0, QStringLiteral("GUILD_CREATE")).value(QStringLiteral("d")).toObject();
    QCOMPARE(guild.value(QStringLiteral("preferred_locale")).toString(), QStringLiteral("fr"));

    const QString channel = sim.channelIds().at(0);
    const auto locales = [&sim, &channel](const QString &user) {
        const QJsonObject payload = sim.interactionPayload(
            sim.injectSlashCommand(channel, user, {}, QStringLiteral("server_status")));
        return QStringList{payload.value(QStringLiteral("locale")).toString(),
                           payload.value(QStringLiteral("guild_locale")).toString()};
    };
    const QString german = QStringLiteral("1500000000000000007");
    QCOMPARE(locales(german), (QStringList{QStringLiteral("en-US"), QStringLiteral("fr")}));
    sim.setUserLocale(german, QStringLiteral("de"));
    QCOMPARE(locales(german), (QStringList{QStringLiteral("de"), QStringLiteral("fr")}));
    QCOMPARE(locales(QStringLiteral("1500000000000000008")),
             (QStringList{QStringLiteral("en-US"), QStringLiteral("fr")}));

    sim.setGuildLocale(QStringLiteral("de"));
    const QJsonObject update =
        client->waitFor(0, QStringLiteral("GUILD_UPDATE")).value(QStringLiteral("d")).toObject();
    QCOMPARE(update.value(QStringLiteral("id")).toString(), sim.guildId());
    QCOMPARE(update.value(QStringLiteral("preferred_locale")).toString(), QStringLiteral("de"));
    QVERIFY(!update.contains(QStringLiteral("members"))); // the guild object, not GUILD_CREATE's
    QCOMPARE(locales(german), (QStringList{QStringLiteral("de"), QStringLiteral("de")}));
}

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
    // The full localization dictionaries only when asked for, as Discord answers.
    QCOMPARE(rest.send("GET", path + QStringLiteral("?with_localizations=true")).array(),
             put.array());
    const QJsonObject plain = rest.send("GET", path).array().at(0).toObject();
    QCOMPARE(plain.value(QStringLiteral("id")).toString(), firstId);
    QVERIFY(!plain.contains(QStringLiteral("description_localizations")));
    QVERIFY(!plain.contains(QStringLiteral("name_localizations")));
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
