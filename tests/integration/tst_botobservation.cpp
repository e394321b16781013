// BotCore's observation surface, as the admin window and the tray will use it: snapshots of
// embeds, servers and connections, change signals precise to the row, and the slots.
#include "BotTestCase.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

QStringList firstArguments(const QSignalSpy &spy)
{
    QStringList values;
    for (const auto &call : spy)
        values << call.at(0).toString();
    return values;
}

} // namespace

class TestBotObservation final : public BotTestCase
{
    Q_OBJECT

private slots:
    void embedSnapshotDescribesWhatDiscordShows()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000; // cycles only when the test asks
        QVERIFY(h.startBot());
        QSignalSpy added(h.bot.get(), &BotCore::embedAdded);
        const QString message = h.postEmbed(kSurvival);
        QVERIFY(!message.isEmpty());
        QCOMPARE(firstArguments(added), QStringList{kSurvival});

        const auto embed = h.bot->embed(kSurvival);
        QVERIFY(embed.has_value());
        QCOMPARE(embed->serverId, kSurvival);
        QCOMPARE(embed->location.channelId, h.channel());
        QCOMPARE(embed->location.messageId, message);
        QVERIFY(!embed->serverName.isEmpty());
        QCOMPARE(embed->state, DisplayState::Running);
        QCOMPARE(embed->shown, std::optional<DisplayState>(DisplayState::Running));
        QVERIFY(embed->lastSample.has_value());
        QCOMPARE(embed->lastEditReason, QStringLiteral("posted"));
        QVERIFY(embed->lastEditAt.isValid());
        QCOMPARE(embed->lastEditAt.msecsTo(embed->nextForcedRefreshAt),
                 qint64(h.config().bot.forcedRefresh) * 1000);
        QVERIFY(embed->lastError.isEmpty());
        // The exact payload that is in Discord now.
        const QJsonArray embeds = embed->lastPayload.value(QStringLiteral("embeds")).toArray();
        QCOMPARE(embeds.size(), 1);
        QCOMPARE(embeds.at(0).toObject(), h.embedMessage(kSurvival)->embeds.at(0).toObject());
        QCOMPARE(h.bot->embeds().size(), 1);
        QVERIFY(!h.bot->embed(kRust).has_value());
    }

    // A cycle announces each sampled server once, and a tracked one as an embed change too:
    // enough for an item model to update row by row.
    void changeSignalsNameTheRows()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QSignalSpy embedChanged(h.bot.get(), &BotCore::embedChanged);
        QSignalSpy serverChanged(h.bot.get(), &BotCore::serverChanged);
        QCoro::waitFor(h.bot->runCycleNow());
        QVERIFY(firstArguments(embedChanged).contains(kSurvival));
        QVERIFY(!firstArguments(embedChanged).contains(kRust));
        QCOMPARE(firstArguments(serverChanged).count(kSurvival), 1);

        const QList<ServerSnapshot> servers = h.bot->serverSnapshots();
        QCOMPARE(servers.size(), h.panel->serverIdentifiers().size());
        int tracked = 0;
        for (const ServerSnapshot &server : servers)
            tracked += server.tracked;
        QCOMPARE(tracked, 1);
        QVERIFY(h.bot->serverSnapshot(kSurvival)->tracked);
        QVERIFY(!h.bot->serverSnapshot(QStringLiteral("00000000")).has_value());
        QVERIFY(!h.bot->recentCycles().isEmpty());
        QCOMPARE(h.bot->recentCycles().last().number, h.bot->lastCycle().number);
    }

    void connectionFollowsThePanel()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QCoro::waitFor(h.bot->runCycleNow());
        ConnectionSnapshot connection = h.bot->connection();
        QCOMPARE(connection.gateway, Gateway::State::Ready);
        QVERIFY(connection.panelReachable);
        QVERIFY(connection.panelProblem.isEmpty());
        QVERIFY(connection.panelRequestBudget > 0);
        QVERIFY(connection.nextCycleAt.isValid());
        QVERIFY(connection.discordProblem.isEmpty());
        QVERIFY(connection.fatalProblem.isEmpty());

        QSignalSpy changed(h.bot.get(), &BotCore::connectionChanged);
        h.panel->setFailure(500);
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(changed.size(), 1);
        connection = h.bot->connection();
        QVERIFY(!connection.panelReachable);
        QVERIFY2(connection.panelProblem.contains(QStringLiteral("500")),
                 qPrintable(connection.panelProblem));
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(changed.size(), 1); // no news, no signal
        h.panel->setFailure(0);
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(changed.size(), 2);
        QVERIFY(h.bot->connection().panelReachable);
    }

    void heartbeatLatencyIsReported()
    {
        BotHarness &h = harness();
        h.discordOptions.heartbeatIntervalMs = 100;
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        BOT_VERIFY_SOON(h.bot->connection().heartbeatLatencyMs >= 0, kSoonMs);
    }

    void slotsActOnTheEmbeds()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());

        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        h.bot->refreshEmbed(kSurvival);
        QVERIFY(edited.wait(5000));
        QCOMPARE(edited.at(0).at(1).toString(), QStringLiteral("refresh"));
        QCOMPARE(h.bot->embed(kSurvival)->lastEditReason, QStringLiteral("refresh"));

        // Post from the window: any server of the list, any channel id of the guild.
        QSignalSpy added(h.bot.get(), &BotCore::embedAdded);
        h.bot->postEmbed(kRust, h.alertChannel());
        QVERIFY(added.wait(5000));
        QCOMPARE(added.at(0).at(0).toString(), kRust);
        QCOMPARE(h.bot->embed(kRust)->location.channelId, h.alertChannel());
        QVERIFY(h.embedMessage(kRust).has_value());

        edited.clear();
        h.bot->refreshAllEmbeds();
        BOT_VERIFY_SOON(edited.size() >= 2, kSoonMs);

        // Bad input from the window changes nothing.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("post ignored")));
        h.bot->postEmbed(QStringLiteral("nosuchid"), h.channel());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("post ignored")));
        h.bot->postEmbed(kValheim, QStringLiteral("12x"));
        QCOMPARE(h.bot->embeds().size(), 2);

        QSignalSpy removed(h.bot.get(), &BotCore::embedRemoved);
        const EmbedLocation rust = h.bot->embed(kRust)->location;
        h.bot->stopTracking(kRust);
        QCOMPARE(firstArguments(removed), QStringList{kRust});
        QVERIFY(!h.bot->embed(kRust).has_value());
        QVERIFY(h.discord->message(rust.channelId, rust.messageId).has_value()); // left alone

        const EmbedLocation survival = h.bot->embed(kSurvival)->location;
        h.bot->deleteEmbed(kSurvival);
        QVERIFY(removed.wait(5000));
        QCOMPARE(firstArguments(removed), (QStringList{kRust, kSurvival}));
        QVERIFY(!h.discord->message(survival.channelId, survival.messageId).has_value());
        QVERIFY(h.bot->embeds().isEmpty());
    }

    void aFailedEditIsTheEmbedsLastError()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        h.discord->setChannelAccess(h.channel(), PterodisbotSim::SimChannelAccess::NoPermission);
        QSignalSpy changed(h.bot.get(), &BotCore::embedChanged);
        h.bot->refreshEmbed(kSurvival);
        BOT_VERIFY_SOON(!h.bot->embed(kSurvival)->lastError.isEmpty(), kSoonMs);
        QVERIFY2(h.bot->embed(kSurvival)->lastError.contains(QStringLiteral("permission")),
                 qPrintable(h.bot->embed(kSurvival)->lastError));
        QVERIFY(firstArguments(changed).contains(kSurvival));
    }

    void pauseStopsTheCycleUntilResumed()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        // What connection() said at each change signal: heartbeats may add their own (latency)
        // under load, so the test looks for the pause and the resume among them.
        QList<bool> pausedAtSignal;
        QObject listening; // the connection ends with this function, before the bot stops
        connect(h.bot.get(), &BotCore::connectionChanged, &listening,
                [&] { pausedAtSignal << h.bot->connection().paused; });
        h.bot->pauseUpdates();
        QVERIFY(h.bot->isPaused());
        QVERIFY(h.bot->connection().paused);
        QVERIFY(!h.bot->connection().nextCycleAt.isValid());
        QVERIFY(!pausedAtSignal.isEmpty());
        QCOMPARE(pausedAtSignal.last(), true);
        const qsizetype beforeResume = pausedAtSignal.size();
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        h.bot->resumeUpdates();
        QVERIFY(cycles.wait(5000));
        QVERIFY(!h.bot->connection().paused);
        QVERIFY(pausedAtSignal.size() > beforeResume);
        QCOMPARE(pausedAtSignal.at(beforeResume), false); // the resume itself was announced
    }
};

QTEST_MAIN(TestBotObservation)
#include "tst_botobservation.moc"
