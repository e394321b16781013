// BotCore as a service that never gives up: Discord or the panel absent at start, a host name
// that does not resolve, and a shutdown with a deadline while the panel hangs.
#include "BotTestCase.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include "pterodactyl/PanelClient.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

//! A reply that fails like a name lookup that found nothing.
class UnresolvedReply final : public QNetworkReply
{
public:
    UnresolvedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
                    QObject *parent)
        : QNetworkReply(parent)
    {
        setOperation(operation);
        setRequest(request);
        setUrl(request.url());
        open(QIODevice::ReadOnly);
        QTimer::singleShot(0, this, [this] {
            setError(HostNotFoundError, QStringLiteral("Host %1 not found").arg(url().host()));
            emit errorOccurred(HostNotFoundError);
            setFinished(true);
            emit finished();
        });
    }
    void abort() override {}
    qint64 bytesAvailable() const override { return 0; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
};

//! Name resolution for one host name, switched on by the test: until then every request to it
//! fails with HostNotFoundError (no DNS query ever leaves the machine); afterwards it goes to
//! \c target on 127.0.0.1.
class TestDns final : public QNetworkAccessManager
{
public:
    QString host = QStringLiteral("discord.example");
    quint16 targetPort = 0;
    bool resolves = false;
    int lookupsFailed = 0;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        if (request.url().host() != host)
            return QNetworkAccessManager::createRequest(operation, request, outgoingData);
        if (!resolves) {
            ++lookupsFailed;
            return new UnresolvedReply(operation, request, this);
        }
        QNetworkRequest resolved = request;
        QUrl url = request.url();
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(targetPort);
        resolved.setUrl(url);
        return QNetworkAccessManager::createRequest(operation, resolved, outgoingData);
    }
};

} // namespace

class TestBotStartup final : public BotTestCase
{
    Q_OBJECT

    // The Discord simulator's token, learnt from a first run, so that a simulator started
    // later on a fixed port accepts the configuration made before it existed.
    static void prepareLateDiscord(BotHarness &h)
    {
        QVERIFY(h.startDiscord());
        h.discordOptions.botToken = h.discord->botToken();
        h.discord.reset();
        h.discordOptions.restPort = BotHarness::freePort();
        QVERIFY(h.discordOptions.restPort != 0);
    }

private slots:
    // Network not up yet at boot: the bot keeps trying with backoff, says so once, and when
    // Discord appears it connects, registers its commands and keeps its embeds current.
    void discordAbsentAtStartIsWaitedFor()
    {
        BotHarness &h = harness();
        prepareLateDiscord(h);
        QVERIFY(h.startPanel());
        h.createBot(h.config());
        QSignalSpy connection(h.bot.get(), &BotCore::connectionChanged);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "Discord unreachable since .* next try in")));
        QCoro::Task<ApiError> starting = h.bot->start();
        BOT_VERIFY_SOON(!h.bot->connection().discordProblem.isEmpty(), kSoonMs);
        QVERIFY(h.bot->connection().discordProblem.contains(QStringLiteral("network")));
        QVERIFY(connection.size() >= 1);
        QCOMPARE(h.bot->state(), BotCore::State::Starting);
        // Several tries (20-200 ms apart), logged once: ignoreMessage above fails on a second
        // warning. An observation window: a slow run makes fewer tries in it and may miss a
        // repeated warning, but cannot fail a bot that logs once.
        spin(kQuietWindowMs);
        QCOMPARE(h.bot->state(), BotCore::State::Starting);

        QVERIFY(h.startDiscord());
        QSignalSpy registered(h.discord.get(),
                              &PterodisbotSim::DiscordSimulator::commandsRegistered);
        BOT_VERIFY_SOON(h.bot->state() == BotCore::State::Running, kSoonMs);
        BOT_VERIFY_SOON(h.bot->gatewayState() == Gateway::State::Ready, kSoonMs);
        QVERIFY(h.bot->connection().discordProblem.isEmpty());
        QVERIFY(registered.size() >= 1);
        QVERIFY(!QCoro::waitFor(std::move(starting)));

        const QString message = h.postEmbed(kSurvival);
        QVERIFY(!message.isEmpty());
        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        // The simulator has the edit a moment before the bot has Discord's answer: wait for both.
        BOT_VERIFY_SOON(!edited.isEmpty() && h.embedColour(kSurvival) == StatusEmbed::ColourOffline,
                        kSoonMs);
    }

    // A host name that does not resolve is a network fault like any other: retried, not fatal.
    void unresolvableHostIsRetried()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        TestDns dns;
        dns.targetPort = quint16(h.discord->restBaseUrl().port());
        Config config = h.config();
        QUrl api = config.discord.apiUrl;
        api.setHost(dns.host);
        config.discord.apiUrl = api;
        BotCore bot(config, BotServices{&dns, &h.clock, nullptr}, h.tuning);
        QSignalSpy failed(&bot, &BotCore::fatalError);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Discord unreachable since")));
        QCoro::Task<ApiError> starting = bot.start();
        BOT_VERIFY_SOON(dns.lookupsFailed >= 3, kSoonMs);
        QCOMPARE(bot.state(), BotCore::State::Starting);
        QVERIFY(failed.isEmpty());

        dns.resolves = true;
        BOT_VERIFY_SOON(bot.state() == BotCore::State::Running, kSoonMs);
        BOT_VERIFY_SOON(bot.gatewayState() == Gateway::State::Ready, kSoonMs);
        QVERIFY(!QCoro::waitFor(std::move(starting)));
        QCoro::waitFor(bot.stop());
    }

    // The panel down at boot does not hold Discord back: the bot connects, answers commands
    // with a clear "the panel is not answering", its embeds say Unreachable, and it comes
    // back by itself when the panel does.
    void panelAbsentAtStartDoesNotHoldDiscordBack()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        h.stopBot();
        // The same panel (port and key), taken down before the bot starts again.
        h.panelOptions.panelPort = quint16(h.panel->panelUrl().port());
        h.panelOptions.clientKey = h.panel->clientKey();
        const Config config = h.config();
        h.panel.reset();

        QVERIFY(h.startBot(config));
        QCOMPARE(h.bot->state(), BotCore::State::Running);
        const QString command = h.discord->injectSlashCommand(h.channel(), kAdmin, {kAdminRole},
                                                              QStringLiteral("server_status"));
        BOT_VERIFY_SOON(h.discord->originalResponse(command).has_value() &&
                            h.discord->originalResponse(command)->content.contains(
                                QStringLiteral("panel is not answering")),
                        kSoonMs);
        BOT_VERIFY_SOON(h.embedStateField(kSurvival).contains(QStringLiteral("Unreachable")),
                        kSoonMs);
        BOT_VERIFY_SOON(!h.bot->connection().panelReachable, kSoonMs);

        QVERIFY(h.startPanel());
        BOT_VERIFY_SOON(h.embedColour(kSurvival) == StatusEmbed::ColourRunning, kSoonMs);
        BOT_VERIFY_SOON(h.bot->connection().panelReachable, kSoonMs);
    }

    // SIGTERM while a cycle waits on a hanging panel: nothing is retried, the hanging
    // requests get the short grace and are cancelled, the store is saved and the gateway
    // closed resumably, long before the panel's own 30 s timeout.
    void stopWithHangingPanelKeepsItsDeadline()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.pterodactyl.requestTimeout = 30;
        constexpr int retryBackoffMs = 1000;
        h.tuning.panelRetryBackoffsMs = {retryBackoffMs, retryBackoffMs, retryBackoffMs};
        QVERIFY(h.startBot(config));
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        h.panel->setHanging(true);
        BOT_VERIFY_SOON(h.bot->panelRequestsInFlight() > 0, kSoonMs);

        QElapsedTimer stopping;
        stopping.start();
        QCoro::waitFor(h.bot->stop());
        const qint64 tookMs = stopping.elapsed();
        QCOMPARE(h.bot->state(), BotCore::State::Stopped);
        // Did not wait for the panel: generous for a loaded machine, well below its 30 s.
        QVERIFY2(tookMs < 20000, qPrintable(QString::number(tookMs)));
        QCOMPARE(h.bot->panelRequestsInFlight(), 0);
        // What was on the wire before the stop has reached the panel by now (counting it
        // earlier raced the simulator under load); a retry would follow a 1 s backoff. An
        // observation window longer than that backoff: it can only miss a retry on a slow run
        // (a false pass), never fail a bot that does not retry.
        const int requestsAtStop = h.panelRequestsAbout(kSurvival);
        spin(retryBackoffMs + kQuietWindowMs);
        QCOMPARE(h.panelRequestsAbout(kSurvival), requestsAtStop); // nothing retried
        BOT_VERIFY_SOON(h.discord->lastClientCloseCode() == 4900, kSoonMs);
        QFile store(h.dataDir.filePath(EmbedStore::fileName()));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(store.readAll()).object().contains(kSurvival));
    }

    // The impatient stop (second SIGTERM) saves and closes at once.
    void stopNowSavesAtOnce()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        h.panel->setHanging(true);
        BOT_VERIFY_SOON(h.bot->panelRequestsInFlight() > 0, kSoonMs);
        QCoro::Task<> stopping = h.bot->stop();
        QCOMPARE(h.bot->state(), BotCore::State::Stopping);
        h.bot->stopNow();
        QCOMPARE(h.bot->state(), BotCore::State::Stopped);
        QFile store(h.dataDir.filePath(EmbedStore::fileName()));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(store.readAll()).object().contains(kSurvival));
        QCoro::waitFor(std::move(stopping));
        QCOMPARE(h.bot->state(), BotCore::State::Stopped);
    }

    // stop() while Discord is still awaited ends the wait at once.
    void stopWhileWaitingForDiscord()
    {
        BotHarness &h = harness();
        prepareLateDiscord(h);
        QVERIFY(h.startPanel());
        h.createBot(h.config());
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Discord unreachable since")));
        QCoro::Task<ApiError> starting = h.bot->start();
        BOT_VERIFY_SOON(!h.bot->connection().discordProblem.isEmpty(), kSoonMs);
        QCoro::waitFor(h.bot->stop());
        QCOMPARE(h.bot->state(), BotCore::State::Stopped);
        QCOMPARE(QCoro::waitFor(std::move(starting)).kind, ApiError::Kind::Cancelled);
    }
};

QTEST_MAIN(TestBotStartup)
#include "tst_botstartup.moc"
