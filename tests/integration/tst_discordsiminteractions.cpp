// The Discord simulator's interactions: callbacks answered once, component interactions, deferred
// responses, interaction webhooks and autocomplete.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QSignalSpy>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;

class TestDiscordSimInteractions final : public QObject
{
    Q_OBJECT

private slots:
    void interactionCallbackOnlyOnce();
    void componentInteractionDeferAndWebhooks();
    void deferredResponseEditedOnOriginal();
    void autocompleteResult();
};

void TestDiscordSimInteractions::interactionCallbackOnlyOnce()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    auto client = identifiedClient(sim);
    QVERIFY(client);
    RestClient rest(sim);
    rest.authorize = false; // callbacks need no bot token
    QSignalSpy answered(&sim, &DiscordSimulator::interactionAnswered);
    const QString channel = sim.channelIds().at(0);
    const QString id = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"),
                                              {QStringLiteral("1400000000000000001")},
                                              QStringLiteral("server_status"));
    const QJsonObject event = client->waitFor(0, QStringLiteral("INTERACTION_CREATE"));
    const QJsonObject interaction = event.value(QStringLiteral("d")).toObject();
    QCOMPARE(interaction.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(interaction.value(QStringLiteral("type")).toInt(), 2);
    QCOMPARE(interaction.value(QStringLiteral("application_id")).toString(), sim.applicationId());
    QCOMPARE(interaction.value(QStringLiteral("guild_id")).toString(), sim.guildId());
    QCOMPARE(interaction.value(QStringLiteral("channel_id")).toString(), channel);
    QCOMPARE(interaction.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("server_status"));
    const QJsonObject member = interaction.value(QStringLiteral("member")).toObject();
    QCOMPARE(member.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("1600000000000000001"));
    QCOMPARE(member.value(QStringLiteral("roles")).toArray(),
             QJsonArray{QStringLiteral("1400000000000000001")});
    QVERIFY(member.value(QStringLiteral("permissions")).isString());
    QCOMPARE(interaction.value(QStringLiteral("locale")).toString(), QStringLiteral("en-US"));
    const QString token = interaction.value(QStringLiteral("token")).toString();
    QCOMPARE(token, sim.interactionToken(id));

    const QString callback = QStringLiteral("/interactions/%1/%2/callback").arg(id, token);
    const QJsonObject response{
        {QStringLiteral("type"), 4},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("content"), QStringLiteral("3 servers")},
                     {QStringLiteral("flags"), 64}}}};
    const HttpResult first = rest.send("POST", callback, response);
    QCOMPARE(first.status, 204);
    QVERIFY(first.body.isEmpty());
    QCOMPARE(answered.count(), 1);
    QVERIFY(sim.interactionAcknowledged(id));
    QVERIFY(sim.interactionAckLatencyMs(id) >= 0);
    QCOMPARE(sim.interactionResponse(id).value(QStringLiteral("type")).toInt(), 4);
    const auto original = sim.originalResponse(id);
    QVERIFY(original);
    QVERIFY(original->ephemeral);
    QCOMPARE(original->content, QStringLiteral("3 servers"));
    QVERIFY(sim.messages(channel).isEmpty()); // ephemeral: nobody else sees it

    const HttpResult second = rest.send("POST", callback, response);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.object().value(QStringLiteral("code")).toInt(), 40060);
    const HttpResult wrongToken =
        rest.send("POST", QStringLiteral("/interactions/%1/nope/callback").arg(id), response);
    QCOMPARE(wrongToken.status, 404);
    QCOMPARE(wrongToken.object().value(QStringLiteral("code")).toInt(), 10062);

    // Too late: more than 3 s on the simulator clock.
    const QString late = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"), {},
                                                QStringLiteral("x"));
    sim.advanceClock(3001);
    const HttpResult expired = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(late, sim.interactionToken(late)),
        response);
    QCOMPARE(expired.status, 404);
    QCOMPARE(expired.object().value(QStringLiteral("code")).toInt(), 10062);
    QVERIFY(!sim.interactionAcknowledged(late));

    // Invalid data is refused and leaves the interaction unanswered.
    const QString invalid = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"),
                                                   {}, QStringLiteral("x"));
    const HttpResult refused = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(invalid, sim.interactionToken(invalid)),
        QJsonObject{{QStringLiteral("type"), 4},
                    {QStringLiteral("data"),
                     embedMessage({{QStringLiteral("title"), QString(300, QLatin1Char('t'))}})}});
    QCOMPARE(refused.object().value(QStringLiteral("code")).toInt(), 50035);
    QCOMPARE(errorAt(refused.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("data.embeds.0.title"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("BASE_TYPE_MAX_LENGTH"));
    QVERIFY(!sim.interactionAcknowledged(invalid));
}

void TestDiscordSimInteractions::componentInteractionDeferAndWebhooks()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(0);
    const HttpResult posted = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(channel),
        QJsonObject{{QStringLiteral("content"), QStringLiteral("status")},
                    {QStringLiteral("components"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("type"), 1},
                         {QStringLiteral("components"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), 2},
                              {QStringLiteral("style"), 3},
                              {QStringLiteral("label"), QStringLiteral("Start")},
                              {QStringLiteral("custom_id"), QStringLiteral("start:abc")}}}}}}}});
    const QString messageId = posted.object().value(QStringLiteral("id")).toString();
    const QString id = sim.injectComponent(
        channel, messageId, QStringLiteral("1600000000000000001"), {}, QStringLiteral("start:abc"));
    const QJsonObject payload = sim.interactionPayload(id);
    QCOMPARE(payload.value(QStringLiteral("type")).toInt(), 3);
    QCOMPARE(payload.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("custom_id"))
                 .toString(),
             QStringLiteral("start:abc"));
    QCOMPARE(payload.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("component_type"))
                 .toInt(),
             2);
    QCOMPARE(
        payload.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toString(),
        messageId);
    const QString token = sim.interactionToken(id);

    rest.authorize = false;
    const QString webhook = QStringLiteral("/webhooks/%1/%2").arg(sim.applicationId(), token);
    // No webhook before the interaction was answered.
    QCOMPARE(rest.send("GET", webhook + QStringLiteral("/messages/@original"))
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             10015);
    QCOMPARE(rest.send("POST", QStringLiteral("/interactions/%1/%2/callback").arg(id, token),
                       QJsonObject{{QStringLiteral("type"), 6}})
                 .status,
             204);

    // After a deferred update, @original is the component's message.
    const HttpResult edit =
        rest.send("PATCH", webhook + QStringLiteral("/messages/@original"),
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("starting...")}});
    QCOMPARE(edit.status, 200);
    QCOMPARE(edit.object().value(QStringLiteral("id")).toString(), messageId);
    QCOMPARE(sim.message(channel, messageId)->content, QStringLiteral("starting..."));
    QCOMPARE(sim.message(channel, messageId)->components.size(), 1);

    const HttpResult followUp =
        rest.send("POST", webhook,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("Only you can see this")},
                              {QStringLiteral("flags"), 64}});
    QCOMPARE(followUp.status, 200);
    const QString followUpId = followUp.object().value(QStringLiteral("id")).toString();
    QCOMPARE(sim.followUps(id).size(), 1);
    QVERIFY(sim.followUps(id).at(0).ephemeral);
    QCOMPARE(followUp.object().value(QStringLiteral("flags")).toInt() & 64, 64);
    QCOMPARE(rest.send("GET", webhook + QStringLiteral("/messages/") + followUpId).status, 200);
    QCOMPARE(rest.send("DELETE", webhook + QStringLiteral("/messages/") + followUpId).status, 204);
    QVERIFY(sim.followUps(id).isEmpty());

    const HttpResult wrongApp =
        rest.send("POST", QStringLiteral("/webhooks/42/%1").arg(token),
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}});
    QCOMPARE(wrongApp.object().value(QStringLiteral("code")).toInt(), 10015);
    sim.advanceClock(15 * 60 * 1000 + 1);
    const HttpResult expired = rest.send("GET", webhook + QStringLiteral("/messages/@original"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.object().value(QStringLiteral("code")).toInt(), 50027);
}

void TestDiscordSimInteractions::deferredResponseEditedOnOriginal()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    rest.authorize = false;
    const QString channel = sim.channelIds().at(0);
    const QString id = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"), {},
                                              QStringLiteral("refresh_embeds"));
    const QString token = sim.interactionToken(id);
    QCOMPARE(
        rest.send("POST", QStringLiteral("/interactions/%1/%2/callback").arg(id, token),
                  QJsonObject{{QStringLiteral("type"), 5},
                              {QStringLiteral("data"), QJsonObject{{QStringLiteral("flags"), 64}}}})
            .status,
        204);
    QVERIFY(sim.originalResponse(id));
    QCOMPARE(sim.originalResponse(id)->flags & 128, 128); // loading
    const HttpResult edit = rest.send(
        "PATCH",
        QStringLiteral("/webhooks/%1/%2/messages/@original").arg(sim.applicationId(), token),
        QJsonObject{{QStringLiteral("content"), QStringLiteral("done")}});
    QCOMPARE(edit.status, 200);
    QCOMPARE(sim.originalResponse(id)->content, QStringLiteral("done"));
    QCOMPARE(sim.originalResponse(id)->flags & 128, 0);
    QVERIFY(sim.originalResponse(id)->ephemeral);
    QCOMPARE(rest.send("DELETE", QStringLiteral("/webhooks/%1/%2/messages/@original")
                                     .arg(sim.applicationId(), token))
                 .status,
             204);
    QVERIFY(!sim.originalResponse(id));
    // Deferred update (6) is only for component interactions.
    const QString other = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"), {},
                                                 QStringLiteral("x"));
    const HttpResult wrongType = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(other, sim.interactionToken(other)),
        QJsonObject{{QStringLiteral("type"), 6}});
    QCOMPARE(wrongType.object().value(QStringLiteral("code")).toInt(), 50035);
}

void TestDiscordSimInteractions::autocompleteResult()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    rest.authorize = false;
    const QString channel = sim.channelIds().at(0);
    const QString id = sim.injectAutocomplete(
        channel, QStringLiteral("1600000000000000001"), {}, QStringLiteral("server_status"),
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("server")},
                               {QStringLiteral("type"), 3},
                               {QStringLiteral("value"), QStringLiteral("mine")},
                               {QStringLiteral("focused"), true}}});
    QCOMPARE(sim.interactionPayload(id).value(QStringLiteral("type")).toInt(), 4);
    const QJsonObject choices{
        {QStringLiteral("type"), 8},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("choices"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Minecraft")},
                                             {QStringLiteral("value"), QStringLiteral("abc")}}}}}}};
    QCOMPARE(
        rest.send("POST",
                  QStringLiteral("/interactions/%1/%2/callback").arg(id, sim.interactionToken(id)),
                  choices)
            .status,
        204);
    QCOMPARE(sim.interactionResponse(id).value(QStringLiteral("type")).toInt(), 8);
    // Autocomplete results only answer autocomplete interactions.
    const QString command = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"),
                                                   {}, QStringLiteral("x"));
    const HttpResult refused = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(command, sim.interactionToken(command)),
        choices);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.object().value(QStringLiteral("code")).toInt(), 50035);
}

QTEST_GUILESS_MAIN(TestDiscordSimInteractions)
#include "tst_discordsiminteractions.moc"
