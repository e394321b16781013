// BotCore when things go wrong: panel outage and recovery, a gateway drop mid-cycle, crash
// alerts with downtime, Discord's refusals (missing permissions, old messages, deleted
// channels) and a rejected token.
#include "BotTestCase.h"

#include <QCoroTask>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

QStringList contents(const QList<PterodisbotSim::SimMessage> &messages)
{
    QStringList texts;
    for (const auto &message : messages)
        texts << message.content;
    return texts;
}

int countContaining(const QStringList &texts, const QString &needle)
{
    int count = 0;
    for (const QString &text : texts)
        count += text.contains(needle);
    return count;
}

int patchesOf(const PterodisbotSim::DiscordSimulator &discord, const QString &messageId)
{
    int count = 0;
    for (const auto &request : discord.requests())
        count += request.method == QLatin1String("PATCH") && request.path.contains(messageId);
    return count;
}

} // namespace

class TestBotResilience final : public BotTestCase
{
    Q_OBJECT

private slots:
    // The panel goes away: each embed says so once (no edit storm), the alert channel hears
    // about it, and the first answer afterwards brings every embed back.
    void panelOutageAndRecovery()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000; // cycles only when the test asks
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QVERIFY(!h.postEmbed(kRust).isEmpty());
        QCoro::waitFor(h.bot->runCycleNow());
        QCoro::waitFor(h.bot->runCycleNow());

        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        QSignalSpy alerts(h.bot.get(), &BotCore::alertRaised);
        h.panel->setFailure(500);
        const CycleReport first = QCoro::waitFor(h.bot->runCycleNow());
        QVERIFY(!first.panelReachable);
        QCOMPARE(first.edits, 2);
        QCOMPARE(first.reasons.value(QStringLiteral("unreachable")), 2);
        for (int i = 0; i < 4; ++i) {
            const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
            QVERIFY(!report.panelReachable);
            QCOMPARE(report.edits, 0);
        }
        QCOMPARE(edited.size(), 2);
        for (const QString &server : {kSurvival, kRust}) {
            QCOMPARE(h.embedColour(server), StatusEmbed::ColourGrey);
            QVERIFY(h.embedStateField(server).contains(QStringLiteral("Unreachable")));
            const QByteArray embed = QJsonDocument(h.embedMessage(server)->embeds).toJson();
            QVERIFY(embed.contains("Panel unreachable"));
            // No button may send anything while the panel is away.
            const QJsonArray buttons =
                h.embedMessage(server)->components.at(0)[QStringLiteral("components")].toArray();
            for (int b = 0; b < 3; ++b)
                QVERIFY(buttons.at(b)[QStringLiteral("disabled")].toBool());
        }
        QCOMPARE(alerts.size(), 1);
        BOT_VERIFY_SOON(countContaining(contents(h.discord->messages(h.alertChannel())),
                                        QStringLiteral("The panel is unreachable")) == 1,
                        kSoonMs);

        h.panel->setFailure(0);
        const CycleReport back = QCoro::waitFor(h.bot->runCycleNow());
        QVERIFY(back.panelReachable);
        QCOMPARE(back.edits, 2);
        QCOMPARE(h.embedColour(kSurvival), StatusEmbed::ColourRunning);
        QCOMPARE(h.embedColour(kRust), StatusEmbed::ColourOffline);
        BOT_VERIFY_SOON(countContaining(contents(h.discord->messages(h.alertChannel())),
                                        QStringLiteral("reachable again after")) == 1,
                        kSoonMs);
        // Nothing changes any more; only a second distinct reading (the panel's world moves on
        // its own timer, so a slow run may see one) gives the running server its graph back.
        const CycleReport after = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(after.reasons.value(QStringLiteral("state changed")), 0);
        QCOMPARE(after.edits, after.reasons.value(QStringLiteral("chart available")));
        QVERIFY(after.edits <= 1);
    }

    // The gateway drops while cycles run and an interaction arrives meanwhile: the bot resumes,
    // receives it from the replay and answers it exactly once.
    void gatewayDropMidCycleLosesNothing()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        h.panel->setLatency(150); // cycles are in flight most of the time
        QSignalSpy received(h.bot.get(), &BotCore::interactionReceived);
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        BOT_VERIFY_SOON(!cycles.isEmpty(), kSoonMs); // the next one is due at once

        h.discord->dropGateway();
        const QString command = h.discord->injectSlashCommand(h.channel(), kAdmin, {kAdminRole},
                                                              QStringLiteral("server_status"));
        BOT_VERIFY_SOON(h.discord->resumeCount() >= 1, kSoonMs);
        BOT_VERIFY_SOON(
            h.discord->originalResponse(command).has_value() &&
                h.discord->originalResponse(command)->content.contains(QStringLiteral("servers")),
            kSoonMs);
        QCOMPARE(h.discord->identifyCount(), 1); // resumed, not a new session
        spin(kQuietWindowMs); // a second delivery or answer would show up meanwhile
        int seen = 0;
        for (const auto &call : received)
            seen += call.at(0).toString() == command;
        QCOMPARE(seen, 1);
        int callbacks = 0;
        for (const auto &request : h.discord->requests())
            callbacks += request.path.contains(QStringLiteral("/interactions/") + command);
        QCOMPARE(callbacks, 1);
        // The cycle kept going through it all.
        const int before = int(cycles.size());
        BOT_VERIFY_SOON(cycles.size() > before, kSoonMs);
        QVERIFY(h.bot->lastCycle().panelReachable);
    }

    // A panel slower than the interval: cycles queue up behind each other, never overlap.
    void slowCyclesNeverOverlap()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 100;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QVERIFY(!h.postEmbed(kRust).isEmpty());
        h.panel->setLatency(250); // every cycle takes longer than the interval
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        BOT_VERIFY_SOON(cycles.size() >= 3, 30000);
        qint64 previousEnd = -1;
        for (const auto &call : cycles) {
            const CycleReport report = call.at(0).value<CycleReport>();
            QVERIFY2(report.startedAtMs >= previousEnd,
                     qPrintable(QStringLiteral("cycle %1 started before the previous ended")
                                    .arg(report.number)));
            previousEnd = report.startedAtMs + report.durationMs;
            if (report.number > cycles.at(0).at(0).value<CycleReport>().number)
                QVERIFY(report.durationMs > 100);
        }
    }

    // A crash (running -> offline without a stop from the bot) and the recovery, with the
    // downtime, reach the alert channel; a stop sent by the bot is no crash.
    void alertsWithDowntime()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        QSignalSpy alerts(h.bot.get(), &BotCore::alertRaised);
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        BOT_VERIFY_SOON(cycles.size() >= 2, kSoonMs); // the bot has seen it running

        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        BOT_VERIFY_SOON(countContaining(contents(h.discord->messages(h.alertChannel())),
                                        QStringLiteral("Survival went offline unexpectedly")) == 1,
                        kSoonMs);
        h.clock.advance(1500); // the downtime, on the bot's clock
        h.panel->setServerState(kSurvival, QStringLiteral("running"));
        BOT_VERIFY_SOON(countContaining(contents(h.discord->messages(h.alertChannel())),
                                        QStringLiteral("Survival is back after")) == 1,
                        kSoonMs);
        const QStringList texts = contents(h.discord->messages(h.alertChannel()));
        const QString back = texts.filter(QStringLiteral("is back after")).value(0);
        QVERIFY2(back.contains(QStringLiteral(" s")), qPrintable(back));
        QVERIFY2(!back.contains(QStringLiteral("less than 1 s")), qPrintable(back));
        QCOMPARE(alerts.size(), 2);

        // Stop pressed by an admin: offline is expected, no alert.
        BOT_VERIFY_SOON(h.embedColour(kSurvival) == StatusEmbed::ColourRunning, kSoonMs);
        const QString press =
            h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:power:stop:") + kSurvival);
        BOT_VERIFY_SOON(h.discord->originalResponse(press).has_value(), kSoonMs);
        QVERIFY2(
            h.discord->originalResponse(press)->content.startsWith(QStringLiteral("Stop sent")),
            qPrintable(h.discord->originalResponse(press)->content));
        BOT_VERIFY_SOON(h.panel->serverState(kSurvival) == QLatin1String("offline"), kSoonMs);
        BOT_VERIFY_SOON(h.embedColour(kSurvival) == StatusEmbed::ColourOffline, kSoonMs);
        // Two more whole cycles have seen it offline: an alert would have been raised by now.
        const qsizetype seen = cycles.size();
        BOT_VERIFY_SOON(cycles.size() >= seen + 2, kSoonMs);
        QCOMPARE(alerts.size(), 2);
    }

    // 50013: one clear log line, the embed is left alone and not retried every cycle.
    void missingPermissionsLeaveTheEmbedAlone()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        QCoro::waitFor(h.bot->runCycleNow());
        QCoro::waitFor(h.bot->runCycleNow());
        const auto before = h.discord->message(h.channel(), messageId);

        h.discord->setChannelAccess(h.channel(), PterodisbotSim::SimChannelAccess::NoPermission);
        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "cannot edit the embed of Survival.*Missing Permissions")));
        const CycleReport refused = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(refused.editsFailed, 1);
        const int patches = patchesOf(*h.discord, messageId);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(QCoro::waitFor(h.bot->runCycleNow()).editsFailed, 0);
        QCOMPARE(patchesOf(*h.discord, messageId), patches); // not retried every cycle
        QVERIFY(h.bot->embedStore()->contains(kSurvival));
        const auto after = h.discord->message(h.channel(), messageId);
        QCOMPARE(after->editCount, before->editCount);
        QCOMPARE(after->embeds, before->embeds);
    }

    // 30046: too many edits to an old message; the embed is posted again and tracked there.
    void oldMessageIsReposted()
    {
        BotHarness &h = harness();
        h.discordOptions.oldMessageEditLimit = 1;
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.forcedRefresh = 0; // edits every cycle
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot(config));
        const QString old = h.postEmbed(kSurvival);
        QVERIFY(!old.isEmpty());
        h.discord->ageMessage(h.channel(), old, 2 * 3600 * 1000);

        QSignalSpy posted(h.bot.get(), &BotCore::embedPosted);
        int reposted = 0;
        for (int i = 0; i < 4 && reposted == 0; ++i)
            reposted += QCoro::waitFor(h.bot->runCycleNow()).reposted;
        QCOMPARE(reposted, 1);
        QCOMPARE(posted.size(), 1);
        const QString fresh = h.bot->embedStore()->lookup(kSurvival)->messageId;
        QVERIFY(fresh != old);
        QCOMPARE(posted.at(0).at(2).toString(), fresh);
        BOT_VERIFY_SOON(!h.discord->message(h.channel(), old).has_value(), kSoonMs);
        QVERIFY(h.discord->message(h.channel(), fresh).has_value());
        // The new message takes the edits from now on.
        QCOMPARE(QCoro::waitFor(h.bot->runCycleNow()).edits, 1);
    }

    void deletedChannelIsUntracked()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.forcedRefresh = 0;
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot(config));
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        h.discord->deleteChannel(h.channel());
        QSignalSpy untracked(h.bot.get(), &BotCore::embedUntracked);
        const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(report.untracked, 1);
        QCOMPARE(untracked.size(), 1);
        QVERIFY(untracked.at(0).at(1).toString().contains(QStringLiteral("channel")));
        QVERIFY(h.bot->embedStore()->isEmpty());
    }

    void rejectedTokenIsFatal()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.discord.token =
            QStringLiteral("MTEwMDAwMDAwMDAwMDAwMDAwMQ.bogus.not-the-right-token");
        h.createBot(config);
        QSignalSpy fatal(h.bot.get(), &BotCore::fatalError);
        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral("rejected the bot token")));
        const ApiError error = QCoro::waitFor(h.bot->start());
        QCOMPARE(error.kind, ApiError::Kind::Auth);
        QCOMPARE(fatal.size(), 1);
        QVERIFY(fatal.at(0).at(0).toString().contains(QStringLiteral("token")));
        QVERIFY(!fatal.at(0).at(0).toString().contains(QStringLiteral("bogus")));
        QCOMPARE(h.bot->state(), BotCore::State::Failed);
        QCOMPARE(h.discord->gatewayConnectionCount(), 0);
    }
};

QTEST_MAIN(TestBotResilience)
#include "tst_botresilience.moc"
