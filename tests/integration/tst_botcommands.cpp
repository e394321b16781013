// BotCore end to end against both simulators: the slash commands, the server menu and the
// buttons, with access control and tampered interactions.
#include "BotTestCase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

QJsonObject firstEmbed(const PterodisbotSim::SimMessage &message)
{
    return message.embeds.at(0).toObject();
}

QJsonArray buttons(const PterodisbotSim::SimMessage &message)
{
    return message.components.at(0)[QStringLiteral("components")].toArray();
}

} // namespace

class TestBotCommands final : public BotTestCase
{
    Q_OBJECT

private slots:
    void registersCommandsOnce()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QJsonArray commands = h.discord->registeredCommands();
        QStringList names;
        for (const QJsonValue &command : commands)
            names << command[QStringLiteral("name")].toString();
        names.sort();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("purge_embeds"), QStringLiteral("refresh_embeds"),
                              QStringLiteral("server_status")}));
        h.stopBot();

        // A second start finds them unchanged and does not overwrite them.
        h.discord->clearRequests();
        QVERIFY(h.startBot());
        for (const auto &request : h.discord->requests())
            QVERIFY2(request.method != QLatin1String("PUT"), qPrintable(request.path));
    }

    // /server_status -> menu -> choose a server -> embed with a PNG graph in the channel.
    void commandSelectPostsEmbedWithPng()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());

        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        QVERIFY(h.discord->interactionAckLatencyMs(command) >= 0);
        QVERIFY(h.discord->interactionAckLatencyMs(command) < 3000);
        const auto menu = h.discord->originalResponse(command);
        QVERIFY(menu->ephemeral);
        QVERIFY2(menu->content.contains(QStringLiteral("**5** servers")),
                 qPrintable(menu->content));
        QVERIFY2(menu->content.contains(QStringLiteral("**3** running")),
                 qPrintable(menu->content));
        QVERIFY2(menu->content.contains(QStringLiteral("**1** offline")),
                 qPrintable(menu->content));
        const QJsonObject select =
            menu->components.at(0)[QStringLiteral("components")][0].toObject();
        const QJsonArray options = select[QStringLiteral("options")].toArray();
        QCOMPARE(options.size(), 5);
        for (const QJsonValue &option : options)
            QVERIFY(!option[QStringLiteral("emoji")].toObject().isEmpty());
        QCOMPARE(options.at(0)[QStringLiteral("value")].toString(), kSurvival);

        QSignalSpy posted(h.bot.get(), &BotCore::embedPosted);
        const QString choice = h.discord->injectComponent(
            h.channel(), menu->id, kAdmin, {kAdminRole},
            select[QStringLiteral("custom_id")].toString(), 3, {kSurvival});
        QVERIFY(posted.wait(10000));
        QCOMPARE(posted.at(0).at(0).toString(), kSurvival);
        QCOMPARE(posted.at(0).at(1).toString(), h.channel());
        BOT_VERIFY_SOON(h.discord->originalResponse(choice).has_value(), kSoonMs);
        QVERIFY(h.discord->originalResponse(choice)->ephemeral);
        QVERIFY(h.discord->originalResponse(choice)->content.contains(QStringLiteral("Survival")));

        // The graph arrives once two samples exist: a PNG attached to the same message.
        const QString messageId = posted.at(0).at(2).toString();
        BOT_VERIFY_SOON(!h.discord->message(h.channel(), messageId)->attachments.isEmpty(),
                        kSoonMs);
        const auto message = h.discord->message(h.channel(), messageId);
        QCOMPARE(message->attachments.size(), 1);
        QVERIFY(BotHarness::isPng(message->attachments.at(0).bytes));
        const QJsonObject embed = firstEmbed(*message);
        QCOMPARE(embed[QStringLiteral("title")].toString(), QStringLiteral("Survival"));
        QCOMPARE(embed[QStringLiteral("image")][QStringLiteral("url")].toString(),
                 QStringLiteral("attachment://") + message->attachments.at(0).filename);
        QCOMPARE(embed[QStringLiteral("color")].toInteger(), StatusEmbed::ColourRunning);
        // Running: Start is disabled, Stop and Restart are not.
        QVERIFY(buttons(*message).at(0)[QStringLiteral("disabled")].toBool());
        QVERIFY(!buttons(*message).at(1)[QStringLiteral("disabled")].toBool());
        // The address is not in the public message.
        const QByteArray wire = QJsonDocument(message->embeds).toJson();
        QVERIFY(!wire.contains("mc.example.com"));
        QVERIFY(!wire.contains("25565"));

        // Only one message for the server in the channel, and the store has it.
        QCOMPARE(h.bot->embedStore()->lookup(kSurvival)->messageId, messageId);
        int embeds = 0;
        for (const auto &m : h.discord->messages(h.channel()))
            embeds += !m.embeds.isEmpty();
        QCOMPARE(embeds, 1);

        // Choosing it again replaces the old embed.
        const QString second = h.postEmbed(kSurvival);
        QVERIFY(!second.isEmpty());
        QVERIFY(second != messageId);
        QVERIFY(!h.discord->message(h.channel(), messageId).has_value());
        QCOMPARE(h.bot->embedStore()->lookup(kSurvival)->messageId, second);
    }

    // Two picks of one server at once, Discord answering slowly so that both posts are under
    // way together: both delete the same old message and both post. One embed of the server
    // must stay, the one the store tracks (the fault soak found the other left behind).
    void concurrentPicksOfOneServerLeaveOneEmbed()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        h.discord->setRestLatency(300);
        QSignalSpy posted(h.bot.get(), &BotCore::embedPosted);
        for (int pick = 0; pick < 2; ++pick) {
            h.discord->injectComponent(h.channel(), menu->id, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:select:0"), 3, {kSurvival});
        }
        BOT_VERIFY_SOON(posted.size() == 2, kSoonMs);
        h.discord->setRestLatency(0);
        const auto embeds = [&] {
            int count = 0;
            for (const auto &message : h.discord->messages(h.channel()))
                count += !message.embeds.isEmpty();
            return count;
        };
        BOT_VERIFY2_SOON(embeds() == 1, qPrintable(QString::number(embeds())), kSoonMs);
        const auto tracked = h.bot->embedStore()->lookup(kSurvival);
        QVERIFY(tracked.has_value());
        QVERIFY(h.discord->message(h.channel(), tracked->messageId).has_value());
    }

    // Two picks of a tracked server in two other channels. Both delete the tracked embed
    // first; the channel's bucket (one write per second here) holds the second delete while
    // the first pick posts in its own channel. The second pick's delete then finds the message
    // gone and must not forget the newer embed the first pick tracks meanwhile (the fault soak
    // found it left behind, untracked): it posts and deletes that one as overtaken.
    void picksWhoseDeletesOverlapLeaveOneEmbed()
    {
        BotHarness &h = harness();
        h.discordOptions.messageBucketLimit = 1;
        h.discordOptions.messageBucketWindowMs = 1500;
        h.discordOptions.channelIds << QStringLiteral("1300000000000000003")
                                    << QStringLiteral("1300000000000000004");
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        const QStringList channels = h.discord->channelIds();
        QCOMPARE(channels.size(), 4);
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        QSignalSpy posted(h.bot.get(), &BotCore::embedPosted);
        for (int pick = 2; pick <= 3; ++pick) { // not the alert channel
            h.discord->injectComponent(channels.at(pick), menu->id, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:select:0"), 3, {kSurvival});
        }
        BOT_VERIFY_SOON(posted.size() == 2, kSoonMs);
        const auto embeds = [&] {
            int count = 0;
            for (const QString &channel : channels) {
                for (const auto &message : h.discord->messages(channel))
                    count += !message.embeds.isEmpty();
            }
            return count;
        };
        BOT_VERIFY2_SOON(embeds() == 1, qPrintable(QString::number(embeds())), kSoonMs);
        const auto tracked = h.bot->embedStore()->lookup(kSurvival);
        QVERIFY(tracked.has_value());
        QVERIFY(h.discord->message(tracked->channelId, tracked->messageId).has_value());
    }

    // Discord fails the delete of the older embed with 5xx: nothing new is posted (it would
    // leave the old one behind, frozen and untracked), the old one stays tracked.
    void olderEmbedThatCannotBeDeletedStaysTracked()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString first = h.postEmbed(kSurvival);
        QVERIFY(!first.isEmpty());
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        const auto deletes = [&] {
            int count = 0;
            for (const PterodisbotSim::DiscordRequestRecord &record : h.discord->requests())
                count += record.method == QLatin1String("DELETE") && record.path.endsWith(first);
            return count;
        };
        const auto posts = [&] {
            int count = 0;
            for (const PterodisbotSim::DiscordRequestRecord &record : h.discord->requests())
                count += record.method == QLatin1String("POST") &&
                         record.path.endsWith(h.channel() + QStringLiteral("/messages"));
            return count;
        };
        const int postsBefore = posts();
        h.discord->setServerErrors(1000, 503); // every request fails for now
        const QString pick =
            h.discord->injectComponent(h.channel(), menu->id, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:select:0"), 3, {kSurvival});
        // The handler's answer (a reply, or the edit of a deferred one) comes after the post
        // was decided; it fails too, but the simulator records it.
        const auto answered = [&] {
            const QString token = h.discord->interactionToken(pick);
            for (const PterodisbotSim::DiscordRequestRecord &record : h.discord->requests()) {
                const bool reply =
                    record.path.contains(pick) && record.path.endsWith(u"/callback") &&
                    QJsonDocument::fromJson(record.body).object()[u"type"].toInt() == 4;
                const bool edit = !token.isEmpty() && record.method == QLatin1String("PATCH") &&
                                  record.path.contains(token) &&
                                  record.path.endsWith(u"/messages/@original");
                if (reply || edit)
                    return true;
            }
            return false;
        };
        BOT_VERIFY_SOON(answered(), kSoonMs);
        QVERIFY(deletes() > 0);
        h.discord->setServerErrors(0);
        QCOMPARE(posts(), postsBefore);
        QVERIFY(h.discord->message(h.channel(), first).has_value());
        QCOMPARE(h.bot->embedStore()->lookup(kSurvival)->messageId, first);
    }

    void slowPanelDefersThenAnswers()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        h.panel->setLatency(900); // past the 400 ms auto-defer of the harness
        const QString command = h.discord->injectSlashCommand(h.channel(), kAdmin, {kAdminRole},
                                                              QStringLiteral("server_status"));
        BOT_VERIFY_SOON(h.discord->interactionAcknowledged(command), kSoonMs);
        QCOMPARE(h.discord->interactionResponse(command)[QStringLiteral("type")].toInt(), 5);
        QVERIFY(h.discord->interactionAckLatencyMs(command) < 3000);
        BOT_VERIFY_SOON(
            h.discord->originalResponse(command).has_value() &&
                h.discord->originalResponse(command)->content.contains(QStringLiteral("servers")),
            15000);
        QVERIFY(h.discord->originalResponse(command)->ephemeral);
    }

    // Refusals are ephemeral and the panel never hears about them.
    void refusedAndTamperedNeverReachThePanel()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        const int powerBefore = h.powerRequests();
        QCOMPARE(powerBefore, 0);

        struct Attempt
        {
            const char *what;
            QString user;
            QStringList roles;
            QString customId;
            QString message;
            QString guild;
            QString expected;
        };
        const QString start = QStringLiteral("pdb:v1:power:start:") + kSurvival;
        const QList<Attempt> attempts{
            {"member without the role",
             kStranger,
             {},
             start,
             messageId,
             {},
             QStringLiteral("Server Admin")},
            {"unknown server",
             kAdmin,
             {kAdminRole},
             QStringLiteral("pdb:v1:power:stop:deadbeef"),
             messageId,
             {},
             QStringLiteral("no status embed")},
            {"server of another message",
             kAdmin,
             {kAdminRole},
             QStringLiteral("pdb:v1:power:stop:") + kSurvival,
             QStringLiteral("1300000000000000999"),
             {},
             QStringLiteral("does not belong")},
            {"kill is not a button",
             kAdmin,
             {kAdminRole},
             QStringLiteral("pdb:v1:power:kill:") + kSurvival,
             messageId,
             {},
             QStringLiteral("not one of mine")},
            {"garbage",
             kAdmin,
             {kAdminRole},
             QStringLiteral("server_start_1a7ce997;rm -rf"),
             messageId,
             {},
             QStringLiteral("not one of mine")},
            {"another guild",
             kAdmin,
             {kAdminRole},
             start,
             messageId,
             QStringLiteral("1200000000000000999"),
             QStringLiteral("only works in")},
            {"address by a stranger",
             kStranger,
             {},
             QStringLiteral("pdb:v1:addr:") + kSurvival,
             messageId,
             {},
             QStringLiteral("Server Admin")},
        };
        for (const Attempt &attempt : attempts) {
            const QString id =
                h.discord->injectComponent(h.channel(), attempt.message, attempt.user,
                                           attempt.roles, attempt.customId, 2, {}, attempt.guild);
            BOT_VERIFY2_SOON(h.discord->originalResponse(id).has_value(), attempt.what, kSoonMs);
            const auto answer = h.discord->originalResponse(id);
            QVERIFY2(answer->ephemeral, attempt.what);
            QVERIFY2(
                answer->content.contains(attempt.expected),
                qPrintable(QLatin1String(attempt.what) + QStringLiteral(": ") + answer->content));
            QVERIFY2(!answer->content.contains(QStringLiteral("mc.example.com")), attempt.what);
        }
        QCOMPARE(h.powerRequests(), 0);
        QCOMPARE(h.panelRequestsAbout(QStringLiteral("deadbeef")), 0);
        QCOMPARE(h.panel->serverState(kSurvival), QStringLiteral("running"));

        // A select value that is not a listed server is refused without asking the panel.
        const QString command = h.serverStatus();
        const auto menu = h.discord->originalResponse(command);
        const QString forged = h.discord->injectComponent(
            h.channel(), menu->id, kAdmin, {kAdminRole}, QStringLiteral("pdb:v1:select:0"), 3,
            {QStringLiteral("0badc0de")});
        BOT_VERIFY_SOON(h.discord->originalResponse(forged).has_value(), kSoonMs);
        QVERIFY(
            h.discord->originalResponse(forged)->content.contains(QStringLiteral("do not know")));
        QCOMPARE(h.panelRequestsAbout(QStringLiteral("0badc0de")), 0);
    }

    void showAddressIsEphemeralForTheRole()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        const QString id = h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                                      QStringLiteral("pdb:v1:addr:") + kSurvival);
        BOT_VERIFY_SOON(h.discord->originalResponse(id).has_value(), kSoonMs);
        const auto answer = h.discord->originalResponse(id);
        QVERIFY(answer->ephemeral);
        QVERIFY2(answer->content.contains(QStringLiteral("mc.example.com:25565")),
                 qPrintable(answer->content));
        // Nobody else sees it: no public message in the channel carries it.
        for (const auto &message : h.discord->messages(h.channel()))
            QVERIFY(!QJsonDocument(message.embeds).toJson().contains("mc.example.com"));
    }

    // As in the original bot, any member of the guild may run /server_status and post an embed;
    // the buttons under it still need the control role, and [discord] status_role narrows
    // /server_status to a role.
    void anyMemberShowsStatusUnlessAStatusRoleIsSet()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString command = h.serverStatus(kStranger, {});
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        QVERIFY2(menu->content.contains(QStringLiteral("**5** servers")),
                 qPrintable(menu->content));
        QVERIFY(!menu->components.isEmpty());

        QSignalSpy posted(h.bot.get(), &BotCore::embedPosted);
        const QString select =
            h.discord->injectComponent(h.channel(), menu->id, kStranger, {},
                                       QStringLiteral("pdb:v1:select:0"), 3, {kSurvival});
        QVERIFY(posted.wait(10000));
        BOT_VERIFY_SOON(h.discord->originalResponse(select).has_value(), kSoonMs);
        QVERIFY2(h.discord->originalResponse(select)->content.contains(
                     QStringLiteral("Posted the status")),
                 qPrintable(h.discord->originalResponse(select)->content));
        QCOMPARE(h.discord->messages(h.channel()).size(), 1);

        const QString messageId = h.discord->messages(h.channel()).first().id;
        const QString start =
            h.discord->injectComponent(h.channel(), messageId, kStranger, {},
                                       QStringLiteral("pdb:v1:power:start:") + kSurvival);
        BOT_VERIFY_SOON(h.discord->originalResponse(start).has_value(), kSoonMs);
        QVERIFY(
            h.discord->originalResponse(start)->content.contains(QStringLiteral("Server Admin")));
        QCOMPARE(h.powerRequests(), 0);

        Config config = h.config();
        config.discord.statusRole = QStringLiteral("1400000000000000777"); // nobody has it
        h.bot->reloadConfig(config);
        const QString refused = h.serverStatus(kStranger, {});
        QVERIFY(!refused.isEmpty());
        const auto refusal = h.discord->originalResponse(refused);
        QVERIFY2(refusal->content.contains(QStringLiteral("role")), qPrintable(refusal->content));
        QVERIFY(refusal->components.isEmpty());
        // The control role still suffices.
        const QString admin = h.serverStatus();
        QVERIFY(!admin.isEmpty());
        QVERIFY(!h.discord->originalResponse(admin)->components.isEmpty());
    }

    // SIGHUP: a new control role applies at once, without a restart.
    void reloadAppliesTheControlRoleLive()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        Config config = h.config();
        config.discord.controlRole = QStringLiteral("1400000000000000777"); // nobody has it
        h.bot->reloadConfig(config);
        const QString refused =
            h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:addr:") + kSurvival);
        BOT_VERIFY_SOON(h.discord->originalResponse(refused).has_value(), kSoonMs);
        QVERIFY2(!h.discord->originalResponse(refused)->content.contains(QStringLiteral("25565")),
                 qPrintable(h.discord->originalResponse(refused)->content));
        QVERIFY(h.discord->originalResponse(refused)->content.contains(QStringLiteral("role")));

        h.bot->reloadConfig(h.config());
        const QString allowed =
            h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:addr:") + kSurvival);
        BOT_VERIFY_SOON(h.discord->originalResponse(allowed).has_value(), kSoonMs);
        QVERIFY(h.discord->originalResponse(allowed)->content.contains(QStringLiteral("25565")));
    }

    void moreThan25ServersPage()
    {
        BotHarness &h = harness();
        h.panelOptions.seedFile.clear();
        h.panelOptions.serverCount = 30;
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        QVERIFY(menu->content.contains(QStringLiteral("**30** servers")));
        QCOMPARE(menu->components.size(), 2);
        QCOMPARE(menu->components.at(0)[QStringLiteral("components")][0][QStringLiteral("options")]
                     .toArray()
                     .size(),
                 25);
        const QJsonArray pager = menu->components.at(1)[QStringLiteral("components")].toArray();
        QVERIFY(pager.at(0)[QStringLiteral("disabled")].toBool());
        QVERIFY(!pager.at(1)[QStringLiteral("disabled")].toBool());

        const QString next =
            h.discord->injectComponent(h.channel(), menu->id, kAdmin, {kAdminRole},
                                       pager.at(1)[QStringLiteral("custom_id")].toString());
        BOT_VERIFY_SOON(h.discord->interactionAcknowledged(next), kSoonMs);
        QCOMPARE(h.discord->interactionResponse(next)[QStringLiteral("type")].toInt(), 7);
        BOT_VERIFY_SOON(h.discord->message(h.channel(), menu->id).has_value() &&
                            h.discord->message(h.channel(), menu->id)
                                ->content.contains(QStringLiteral("page 2")),
                        kSoonMs);
        const auto page2 = h.discord->message(h.channel(), menu->id);
        QCOMPARE(page2->components.at(0)[QStringLiteral("components")][0][QStringLiteral("options")]
                     .toArray()
                     .size(),
                 5);
    }

    void refreshAndPurge()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString survival = h.postEmbed(kSurvival);
        const QString rust = h.postEmbed(kRust);
        QVERIFY(!survival.isEmpty() && !rust.isEmpty());

        // A stranger cannot refresh or purge.
        const QString refused = h.discord->injectSlashCommand(h.channel(), kStranger, {},
                                                              QStringLiteral("purge_embeds"));
        BOT_VERIFY_SOON(h.discord->originalResponse(refused).has_value(), kSoonMs);
        QVERIFY(h.discord->originalResponse(refused)->ephemeral);
        QCOMPARE(h.bot->embedStore()->size(), 2);

        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        const QString refresh = h.discord->injectSlashCommand(h.channel(), kAdmin, {kAdminRole},
                                                              QStringLiteral("refresh_embeds"));
        BOT_VERIFY_SOON(h.discord->originalResponse(refresh).has_value() &&
                            h.discord->originalResponse(refresh)->content.contains(
                                QStringLiteral("Refreshed 2 of 2")),
                        kSoonMs);
        QVERIFY(h.discord->originalResponse(refresh)->ephemeral);
        QSet<QString> refreshed;
        for (const auto &call : edited) {
            if (call.at(1).toString() == QLatin1String("refresh"))
                refreshed.insert(call.at(0).toString());
        }
        QCOMPARE(refreshed, (QSet<QString>{kSurvival, kRust}));

        const QString purge = h.discord->injectSlashCommand(h.channel(), kAdmin, {kAdminRole},
                                                            QStringLiteral("purge_embeds"));
        BOT_VERIFY_SOON(
            h.discord->originalResponse(purge).has_value() &&
                h.discord->originalResponse(purge)->content.contains(QStringLiteral("Deleted 2")),
            kSoonMs);
        QVERIFY(!h.discord->message(h.channel(), survival).has_value());
        QVERIFY(!h.discord->message(h.channel(), rust).has_value());
        QCOMPARE(h.bot->embedStore()->size(), 0);
        QFile file(h.dataDir.filePath(EmbedStore::fileName()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().size(), 0);
    }
};

QTEST_MAIN(TestBotCommands)
#include "tst_botcommands.moc"
