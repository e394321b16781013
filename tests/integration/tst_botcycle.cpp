// BotCore's update cycle end to end: embeds follow the panel, edits only when needed, images
// uploaded only when they changed, tracking survives deletions and restarts, Wings streams.
#include "BotTestCase.h"

#include <algorithm>

#include <QBuffer>
#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

//! Always the same picture: what a server whose graph does not change would produce.
class FixedRenderer final : public ChartRenderer
{
public:
    FixedRenderer()
    {
        QImage image(40, 20, QImage::Format_RGB32);
        image.fill(Qt::darkGray);
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    QByteArray render(Kind, const ChartInput &) override
    {
        ++renders;
        return m_png;
    }
    QSize imageSize(Kind) const override { return {40, 20}; }
    int renders = 0;

private:
    QByteArray m_png;
};

int countRequests(const PterodisbotSim::PanelSimulator &panel, const QString &suffix)
{
    int count = 0;
    for (const auto &request : panel.requests())
        count += request.path.endsWith(suffix);
    return count;
}

} // namespace

class TestBotCycle final : public BotTestCase
{
    Q_OBJECT

private slots:
    // An authorised Start: the panel moves and the embed follows it to running.
    void authorisedStartEmbedFollows()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kRust);
        QVERIFY(!messageId.isEmpty());
        BOT_VERIFY_SOON(h.embedColour(kRust) == StatusEmbed::ColourOffline, kSoonMs);
        const auto offline = h.embedMessage(kRust);
        QVERIFY(
            !offline->components.at(0)[QStringLiteral("components")][0][QStringLiteral("disabled")]
                 .toBool());

        QSignalSpy changed(h.bot.get(), &BotCore::statusChanged);
        const QString press =
            h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:power:start:") + kRust);
        BOT_VERIFY_SOON(h.discord->originalResponse(press).has_value(), kSoonMs);
        const auto answer = h.discord->originalResponse(press);
        QVERIFY(answer->ephemeral);
        QVERIFY2(answer->content.startsWith(QStringLiteral("Start sent to **Rust Monthly**")),
                 qPrintable(answer->content));
        QVERIFY2(answer->content.contains(QStringLiteral("it is starting")) ||
                     answer->content.contains(QStringLiteral("it is running")),
                 qPrintable(answer->content));
        QCOMPARE(h.powerRequests(), 1);

        // Pressing again at once is refused by the cooldown and never reaches the panel.
        const QString again =
            h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:power:start:") + kRust);
        BOT_VERIFY_SOON(h.discord->originalResponse(again).has_value(), kSoonMs);
        QVERIFY2(h.discord->originalResponse(again)->content.contains(QStringLiteral("wait")),
                 qPrintable(h.discord->originalResponse(again)->content));
        QCOMPARE(h.powerRequests(), 1);

        BOT_VERIFY_SOON(h.panel->serverState(kRust) == QLatin1String("running"), kSoonMs);
        BOT_VERIFY_SOON(h.embedColour(kRust) == StatusEmbed::ColourRunning, kSoonMs);
        QVERIFY(h.embedStateField(kRust).contains(QStringLiteral("Running")));
        bool sawRunning = false;
        for (const auto &call : changed)
            sawRunning |= call.at(0).toString() == kRust &&
                          call.at(1).value<DisplayState>() == DisplayState::Running;
        QVERIFY(sawRunning);
        // Still the same message: the embed was edited, not reposted.
        QCOMPARE(h.bot->embedStore()->lookup(kRust)->messageId, messageId);
    }

    // Edits only when a reader would notice; a state change is one.
    void editsOnlyWhenNeeded()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.cpuDeltaThreshold = 100000; // load noise never counts here
        h.tuning.cycleIntervalMs = 60000;      // cycles only when the test asks
        QVERIFY(h.startBot(config));
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        // Two distinct readings give the graph: one edit adds it; afterwards nothing changes.
        // The panel moves on explicitly before each cycle: a slow run (sanitizers) could
        // otherwise read the same world twice, which counts as one reading.
        h.panel->tick(1000);
        QCoro::waitFor(h.bot->runCycleNow());
        h.panel->tick(1000);
        const CycleReport graph = QCoro::waitFor(h.bot->runCycleNow());
        Q_UNUSED(graph)
        for (int i = 0; i < 3; ++i) {
            h.panel->tick(1000);
            const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
            QCOMPARE(report.tracked, 1);
            QCOMPARE(report.polled, 1);
            QCOMPARE(report.edits, 0);
            QCOMPARE(report.chartsRendered, 0); // charts only for embeds being edited
        }
        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(report.edits, 1);
        QCOMPARE(report.reasons.value(QStringLiteral("state changed")), 1);
        BOT_VERIFY_SOON(h.embedColour(kSurvival) == StatusEmbed::ColourOffline, kSoonMs);
        // Offline: no graph any more, and Start is the button to press.
        QVERIFY(h.embedMessage(kSurvival)->attachments.isEmpty());
    }

    // A suspended server: grey, "Suspended", no power button, and no edit per cycle although
    // the panel answers its /resources with 409.
    void suspendedServerShowsItsCondition()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        const QString ark = QStringLiteral("e1f2a3b4");
        QVERIFY(!h.postEmbed(ark).isEmpty());
        QCOMPARE(h.embedColour(ark), StatusEmbed::ColourGrey);
        QVERIFY(h.embedStateField(ark).contains(QStringLiteral("Suspended")));
        const QJsonArray buttons =
            h.embedMessage(ark)->components.at(0)[QStringLiteral("components")].toArray();
        for (int b = 0; b < 3; ++b)
            QVERIFY(buttons.at(b)[QStringLiteral("disabled")].toBool());
        for (int i = 0; i < 3; ++i) {
            const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
            QVERIFY(report.panelReachable);
            QCOMPARE(report.edits, 0);
        }
        QVERIFY(h.embedStateField(ark).contains(QStringLiteral("Suspended")));

        // Pressed anyway (an old client, a forged enable): the panel's 409 reason comes back in
        // words, and the cooldown is released since nothing happened.
        const QString messageId = h.bot->embedStore()->lookup(ark)->messageId;
        for (int attempt = 0; attempt < 2; ++attempt) {
            const QString press =
                h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                           QStringLiteral("pdb:v1:power:start:") + ark);
            BOT_VERIFY_SOON(h.discord->originalResponse(press).has_value(), kSoonMs);
            const QString answer = h.discord->originalResponse(press)->content;
            QVERIFY2(answer.startsWith(QStringLiteral("Could not start **ARK Island**")),
                     qPrintable(answer));
            QVERIFY2(answer.contains(QStringLiteral("suspended")), qPrintable(answer));
        }
        QCOMPARE(h.powerRequests(), 2);
    }

    // Embeds edited together (a restart, /refresh_embeds) come due for their forced refresh
    // together: the cycle spreads those freshening edits instead of sending them all at once.
    void forcedRefreshesAreSpread()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.forcedRefresh = 600;        // due ten minutes after the last edit
        config.bot.cpuDeltaThreshold = 100000; // only forced refreshes here
        h.tuning.cycleIntervalMs = 60000;      // cycles only when the test asks
        h.tuning.lazyEditsPerCycle = 2;
        QVERIFY(h.startBot(config));
        // Every server but the suspended one (suspendedEmbedIsRefreshedToo).
        for (const QString &server : h.panel->serverIdentifiers()) {
            if (server != QLatin1String("e1f2a3b4"))
                QVERIFY(!h.postEmbed(server).isEmpty());
        }
        QCOMPARE(h.bot->embedStore()->size(), 4);
        // Graphs first (also freshening edits, also budgeted), then everything settles.
        for (int i = 0; i < 4; ++i)
            QCoro::waitFor(h.bot->runCycleNow());

        const QString refresh = h.discord->injectSlashCommand(h.channel(), kAdmin, {kAdminRole},
                                                              QStringLiteral("refresh_embeds"));
        BOT_VERIFY_SOON(h.discord->originalResponse(refresh).has_value() &&
                            h.discord->originalResponse(refresh)->content.contains(
                                QStringLiteral("Refreshed 4 of 4")),
                        kSoonMs);
        h.clock.advance(600'000); // all four are due now
        QList<int> forced;
        for (int i = 0; i < 4; ++i) {
            const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
            forced << report.reasons.value(QStringLiteral("forced refresh"));
        }
        // Four due, two per cycle.
        QCOMPARE(forced, (QList<int>{2, 2, 0, 0}));
    }

    // A suspended server's /resources answers 409, so no sample ever moves its embed; the
    // forced refresh still comes, so "last update" tells the truth, and only then.
    void suspendedEmbedIsRefreshedToo()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.forcedRefresh = 600;
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot(config));
        const QString ark = QStringLiteral("e1f2a3b4");
        QVERIFY(!h.postEmbed(ark).isEmpty());
        const QDateTime posted = h.embedTimestamp(ark);
        QVERIFY(posted.isValid());
        QCOMPARE(QCoro::waitFor(h.bot->runCycleNow()).edits, 0);

        h.clock.advance(599'000);
        QCOMPARE(QCoro::waitFor(h.bot->runCycleNow()).edits, 0);
        h.clock.advance(1'000);
        const CycleReport due = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(due.edits, 1);
        QCOMPARE(due.reasons.value(QStringLiteral("forced refresh")), 1);
        QVERIFY(h.embedStateField(ark).contains(QStringLiteral("Suspended")));
        // The skip of ten minutes shows in "last update".
        QVERIFY2(h.embedTimestamp(ark) >= posted.addSecs(600),
                 qPrintable(h.embedTimestamp(ark).toString(Qt::ISODateWithMs)));
        // Fresh again: the next cycles leave it alone.
        QCOMPARE(QCoro::waitFor(h.bot->runCycleNow()).edits, 0);
        QCOMPARE(QCoro::waitFor(h.bot->runCycleNow()).edits, 0);
    }

    // The panel answers /resources from a 20 s cache: a repeated answer (the same uptime
    // although time moved on) is the cache, not a measurement, and stays out of the graph.
    void cachedAnswersStayOutOfTheGraph_data()
    {
        QTest::addColumn<int>("panelCacheMs");
        QTest::addColumn<int>("newSamples");
        QTest::newRow("no cache: three measurements") << 0 << 3;
        QTest::newRow("cache longer than the test: none") << 600'000 << 0;
    }
    void cachedAnswersStayOutOfTheGraph()
    {
        QFETCH(int, panelCacheMs);
        QFETCH(int, newSamples);
        BotHarness &h = harness();
        h.panelOptions.resourcesCacheMs = panelCacheMs;
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QCoro::waitFor(h.bot->runCycleNow());
        const int before = h.bot->metrics().sampleCount(kSurvival);
        QVERIFY(before >= 1);
        const QDateTime measured = h.bot->lastSample(kSurvival)->timestamp;
        for (int i = 0; i < 3; ++i) {
            h.panel->tick(10'000);   // the server's uptime grows by ten seconds...
            h.clock.advance(10'000); // ...while the bot waits one interval
            QCoro::waitFor(h.bot->runCycleNow());
        }
        QCOMPARE(h.bot->metrics().sampleCount(kSurvival), before + newSamples);
        QCOMPARE(h.bot->lastSample(kSurvival)->state, PowerState::Running);
        // A cached answer is as old as its first delivery.
        QCOMPARE(h.bot->lastSample(kSurvival)->timestamp == measured, newSamples == 0);
    }

    // Polling has to fit the panel's request budget: Pelican allows 256 client requests a
    // minute, not Pterodactyl's 720. Four servers polled every second need 240 a minute: a
    // warning with a Pelican key, none with a Pterodactyl key.
    void pollingBudgetFollowsThePanel_data()
    {
        QTest::addColumn<bool>("pelican");
        QTest::newRow("Pelican key: 240 of 256") << true;
        QTest::newRow("Pterodactyl key: 240 of 720") << false;
    }
    void pollingBudgetFollowsThePanel()
    {
        QFETCH(bool, pelican);
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        if (pelican)
            config.pterodactyl.clientKey = h.panel->pelicanClientKey();
        h.tuning.cycleIntervalMs = 1000;
        QVERIFY(h.startBot(config));
        const QStringList servers = h.panel->serverIdentifiers().mid(0, 4);
        for (const QString &server : servers)
            QVERIFY(!h.postEmbed(server).isEmpty());
        const QRegularExpression warning(QStringLiteral("4 tracked servers polled every 1 s need "
                                                        "240 panel requests per minute, more "
                                                        "than the 256 the panel allows"));
        if (pelican)
            QTest::ignoreMessage(QtWarningMsg, warning);
        else
            QTest::failOnWarning(QRegularExpression(QStringLiteral("panel requests per minute")));
        QCoro::waitFor(h.bot->runCycleNow());
        h.stopBot();
    }

    // The same picture is not uploaded twice: the edit keeps the attachment.
    void unchangedImageIsKept()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        FixedRenderer fixed;
        Config config = h.config();
        config.bot.forcedRefresh = 0; // an edit every cycle
        h.tuning.cycleIntervalMs = 60000;
        h.createBot(config, &fixed);
        QVERIFY(!QCoro::waitFor(h.bot->start()));
        QVERIFY(waitUntil([&] { return h.bot->gatewayState() == Gateway::State::Ready; }));
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());

        // A graph needs two distinct readings: cycles until the simulator has moved on.
        BOT_VERIFY_SOON(
            (QCoro::waitFor(h.bot->runCycleNow()), h.bot->metrics().sampleCount(kSurvival) >= 2),
            kSoonMs);
        const CycleReport first = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(first.edits, 1);
        const auto uploaded = h.embedMessage(kSurvival);
        QCOMPARE(uploaded->attachments.size(), 1);
        const QString attachmentId = uploaded->attachments.at(0).id;

        h.discord->clearRequests();
        for (int i = 0; i < 3; ++i) {
            const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
            QCOMPARE(report.edits, 1);
            QCOMPARE(report.imagesKept, 1);
            QCOMPARE(report.imagesUploaded, 0);
        }
        const auto kept = h.embedMessage(kSurvival);
        QCOMPARE(kept->attachments.size(), 1);
        QCOMPARE(kept->attachments.at(0).id, attachmentId);
        QVERIFY(kept->embeds.at(0)[QStringLiteral("image")][QStringLiteral("url")]
                    .toString()
                    .startsWith(QStringLiteral("attachment://")));
        for (const auto &request : h.discord->requests()) {
            if (request.method == QLatin1String("PATCH"))
                QVERIFY2(!request.body.contains("Content-Disposition"), "an image was uploaded");
        }
        h.stopBot();
    }

    void deletedMessageIsUntracked()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.forcedRefresh = 0; // every cycle writes, so the deletion is noticed at once
        QVERIFY(h.startBot(config));
        const QString survival = h.postEmbed(kSurvival);
        const QString rust = h.postEmbed(kRust);
        QVERIFY(!survival.isEmpty() && !rust.isEmpty());

        QSignalSpy untracked(h.bot.get(), &BotCore::embedUntracked);
        h.discord->deleteMessage(h.channel(), survival);
        QVERIFY(untracked.wait(5000));
        QCOMPARE(untracked.at(0).at(0).toString(), kSurvival);
        QVERIFY(!h.bot->embedStore()->contains(kSurvival));
        QVERIFY(h.bot->embedStore()->contains(kRust));

        QFile file(h.dataDir.filePath(EmbedStore::fileName()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!saved.contains(kSurvival));
        QCOMPARE(saved.value(kRust)[QStringLiteral("message_id")].toString(), rust);
    }

    // A new BotCore over the same data directory edits the same messages: no duplicates.
    void restartEditsTheSameMessages()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString survival = h.postEmbed(kSurvival);
        const QString rust = h.postEmbed(kRust);
        QVERIFY(!survival.isEmpty() && !rust.isEmpty());
        h.stopBot();
        const int messagesBefore = int(h.discord->messages(h.channel()).size());
        const int survivalEdits = h.discord->message(h.channel(), survival)->editCount;
        const int rustEdits = h.discord->message(h.channel(), rust)->editCount;

        h.createBot(h.config());
        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        QSignalSpy posted(h.bot.get(), &BotCore::embedPosted);
        QVERIFY(!QCoro::waitFor(h.bot->start()));
        QCOMPARE(h.bot->embedStore()->size(), 2);
        BOT_VERIFY_SOON(edited.size() >= 2, kSoonMs);
        QSet<QString> first;
        for (const auto &call : edited)
            first.insert(call.at(0).toString());
        QCOMPARE(first, (QSet<QString>{kSurvival, kRust}));
        QCOMPARE(posted.size(), 0);
        QCOMPARE(int(h.discord->messages(h.channel()).size()), messagesBefore);
        QVERIFY(h.discord->message(h.channel(), survival)->editCount > survivalEdits);
        QVERIFY(h.discord->message(h.channel(), rust)->editCount > rustEdits);
        QCOMPARE(h.bot->embedStore()->lookup(kSurvival)->messageId, survival);
    }

    // A store that names a server by its uuid (an older store, an import) is keyed by the
    // identifier once the panel's list arrives: one key for every part of the bot.
    void aTrackedUuidBecomesItsIdentifier()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        h.stopBot();
        const QString uuid = h.panel->serverUuid(kSurvival);
        QCOMPARE(uuid.size(), 36);
        const QString path = h.dataDir.filePath(EmbedStore::fileName());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.contains(kSurvival.toUtf8()));
        text.replace(kSurvival.toUtf8(), uuid.toUtf8());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();

        h.createBot(h.config());
        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        QVERIFY(!QCoro::waitFor(h.bot->start()));
        QVERIFY(edited.wait(5000));
        QCOMPARE(edited.at(0).at(0).toString(), kSurvival);
        QVERIFY(!h.bot->embedStore()->contains(uuid));
        QCOMPARE(h.bot->embedStore()->lookup(kSurvival)->messageId, messageId);
        const auto snapshot = h.bot->serverSnapshot(kSurvival);
        QVERIFY(snapshot && snapshot->tracked && snapshot->lastSample);
        h.stopBot();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY2(saved.contains(kSurvival.toUtf8()) && !saved.contains(uuid.toUtf8()),
                 saved.constData());
    }

    // A power button's follow-up reading goes through the same intake as the cycle's: when the
    // panel does not answer it, the server is unreachable (it used to be left as it was).
    void aPowerButtonsFailedReadingMarksTheServerUnreachable()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000; // only the button reads the server meanwhile
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        QVERIFY(h.bot->serverSnapshot(kSurvival)->unreachableReason.isEmpty());
        // The power request is answered; every request after it fails.
        connect(h.panel.get(), &PterodisbotSim::PanelSimulator::requestHandled, this,
                [&h](const PterodisbotSim::PanelRequestRecord &record) {
                    if (record.path.endsWith(QStringLiteral("/power")))
                        h.panel->setFailure(503, kSurvival);
                });
        const QString press =
            h.discord->injectComponent(h.channel(), messageId, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:power:start:") + kSurvival);
        BOT_VERIFY_SOON(h.discord->originalResponse(press).has_value(), kSoonMs);
        QCOMPARE(h.powerRequests(), 1);
        BOT_VERIFY_SOON(!h.bot->serverSnapshot(kSurvival)->unreachableReason.isEmpty(), kSoonMs);
    }

    // The Python bot's embed/embed_locations.json is imported once: its messages are edited,
    // not posted again.
    void importsThePythonBotsFile()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        h.stopBot();
        // What the Python bot left behind: its file under embed/, none of ours yet.
        QVERIFY(QDir(h.dataDir.path()).mkpath(QStringLiteral("embed")));
        QVERIFY(QFile::rename(h.dataDir.filePath(EmbedStore::fileName()),
                              h.dataDir.filePath(QStringLiteral("embed/embed_locations.json"))));
        const int messages = int(h.discord->messages(h.channel()).size());

        h.createBot(h.config());
        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        QVERIFY(!QCoro::waitFor(h.bot->start()));
        QCOMPARE(h.bot->embedStore()->lookup(kSurvival)->messageId, messageId);
        QVERIFY(edited.wait(5000));
        QCOMPARE(int(h.discord->messages(h.channel()).size()), messages);
        QVERIFY(QFile::exists(h.dataDir.filePath(EmbedStore::fileName())));
        QVERIFY(QFile::exists(h.dataDir.filePath(QStringLiteral("embed/embed_locations.json"))));
    }

    // stats_source = websocket: the embed follows a state change pushed by Wings within ~2 s,
    // without waiting for (or making) a poll.
    void websocketStatsFollowStateChanges()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.pterodactyl.statsSource = StatsSource::WebSocket;
        h.tuning.cycleIntervalMs = 600'000; // no cycle unless the test runs one
        QVERIFY(h.startBot(config));
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        BOT_VERIFY_SOON(h.panel->wingsSessionCount() >= 1, kSoonMs);
        // Authenticated and streaming: a cycle takes the stream's sample.
        BOT_VERIFY_SOON(QCoro::waitFor(h.bot->runCycleNow()).streamed == 1, kSoonMs);
        const int polls = countRequests(*h.panel, kSurvival + QStringLiteral("/resources"));
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);

        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        BOT_VERIFY_SOON(h.embedColour(kSurvival) == StatusEmbed::ColourOffline, kSoonMs);
        // Followed the push: no cycle ran and nothing was polled (not "within 2 s", which a
        // loaded machine cannot promise, but the reason it is fast).
        QCOMPARE(cycles.size(), 0);
        QCOMPARE(countRequests(*h.panel, kSurvival + QStringLiteral("/resources")), polls);

        // A cycle takes the stream's sample instead of polling.
        const CycleReport report = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(report.streamed, 1);
        QCOMPARE(report.polled, 0);
    }

    // Without a working stream the cycle polls: Wings of the node down -> /resources again.
    void websocketFallsBackToPolling()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.pterodactyl.statsSource = StatsSource::WebSocket;
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot(config));
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        BOT_VERIFY_SOON(h.panel->wingsSessionCount() >= 1, kSoonMs);
        // Authenticated and streaming: a cycle takes the stream's sample.
        BOT_VERIFY_SOON(QCoro::waitFor(h.bot->runCycleNow()).streamed == 1, kSoonMs);

        h.panel->setNodeDown(h.panel->serverNodeId(kSurvival), true);
        // Once the stream has seen its socket close, the cycle polls instead.
        CycleReport down;
        BOT_VERIFY_SOON((down = QCoro::waitFor(h.bot->runCycleNow())).streamed == 0, kSoonMs);
        QCOMPARE(down.polled, 1);
        BOT_VERIFY_SOON(h.embedStateField(kSurvival).contains(QStringLiteral("Unreachable")),
                        kSoonMs);

        h.panel->setNodeDown(h.panel->serverNodeId(kSurvival), false);
        const CycleReport back = QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(back.failed, 0);
        BOT_VERIFY_SOON(h.embedColour(kSurvival) == StatusEmbed::ColourRunning, kSoonMs);
    }

    // After a restart every embed of a channel gets its first-check edit, and Discord's
    // per-channel limit spreads them over seconds: expected pacing, said as such, not the
    // "longer than the interval" warning of a slow panel.
    void pacedFirstCycleIsNoWarning()
    {
        BotHarness &h = harness();
        h.discordOptions.messageBucketLimit = 2;
        h.discordOptions.messageBucketWindowMs = 1000;
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        h.tuning.lazyEditsPerCycle = 10;
        QVERIFY(h.startBot());
        for (const QString &server : {kSurvival, kValheim, kRust})
            QVERIFY(!h.postEmbed(server).isEmpty());
        h.stopBot();
        h.tuning.cycleIntervalMs = 200;
        QTest::failOnWarning(QRegularExpression(QStringLiteral("longer than the")));
        QTest::ignoreMessage(QtInfoMsg,
                             QRegularExpression(QStringLiteral("edits paced by Discord")));
        QVERIFY(h.startBot());
        QSignalSpy finished(h.bot.get(), &BotCore::cycleFinished);
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(0).at(0).value<CycleReport>().edits >= 3);
        QVERIFY(finished.at(0).at(0).value<CycleReport>().durationMs > 200);
    }
};

QTEST_MAIN(TestBotCycle)
#include "tst_botcycle.moc"
