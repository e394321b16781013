#pragma once

// Shared fixture of the tst_bot* integration tests: both simulators on 127.0.0.1, a real
// QtChartRenderer, and a BotCore wired to them with short intervals. Header-only because the
// test CMake turns every tst_*.cpp into an executable of its own.

#include <memory>

#include <QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "../support/TestSupport.h"
#include "bot/BotCore.h"
#include "Clock.h"
#include "DiscordSimulator.h"
#include "PanelSimulator.h"
#include "QtChartRenderer.h"

namespace Pterodisbot::BotTest {

//! Spins the event loop until \a predicate holds or \a timeoutMs passed.
//!
//! Not QTest::qWaitFor / QTRY_*: they force-send DeferredDelete events, which deletes a job
//! or reply that emitted finished() and called deleteLater() before QCoro's queued resume
//! reaches it, and the awaiting coroutine then never resumes. A plain QEventLoop keeps the
//! order in which the events were posted, like the application's own loop.
inline bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() >= timeoutMs)
            return predicate();
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

//! Lets the event loop run for \a ms.
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

#define BOT_VERIFY_SOON(expr, timeout)                                                             \
    QVERIFY2(::Pterodisbot::BotTest::waitUntil([&] { return bool(expr); }, timeout), #expr)
#define BOT_VERIFY2_SOON(expr, message, timeout)                                                   \
    QVERIFY2(::Pterodisbot::BotTest::waitUntil([&] { return bool(expr); }, timeout), message)

inline const QString kSurvival = QStringLiteral("1a7ce997");
inline const QString kValheim = QStringLiteral("5b2e4c1d");
inline const QString kRust = QStringLiteral("9f8e7d6c");
inline const QString kAdmin = QStringLiteral("1500000000000000001");
inline const QString kStranger = QStringLiteral("1500000000000000002");
//! "Server Admin" in the simulator's default roles: the control role of these tests.
inline const QString kAdminRole = QStringLiteral("1400000000000000001");

class BotHarness
{
public:
    PterodisbotSim::PanelSimOptions panelOptions;
    PterodisbotSim::DiscordSimOptions discordOptions;
    std::unique_ptr<PterodisbotSim::PanelSimulator> panel;
    std::unique_ptr<PterodisbotSim::DiscordSimulator> discord;
    QNetworkAccessManager nam;
    QtChartRenderer renderer;
    QTemporaryDir dataDir;
    std::unique_ptr<BotCore> bot;
    BotTuning tuning;

    BotHarness()
    {
        panelOptions.seedFile = TestSupport::dataPath(QStringLiteral("sim/servers.json"));
        panelOptions.tickIntervalMs = 50;
        panelOptions.startingDurationMs = 300;
        panelOptions.stoppingDurationMs = 200;
        panelOptions.statsIntervalMs = 200;
        discordOptions.messageBucketLimit = 50;
        discordOptions.otherBucketLimit = 50;
        tuning.cycleIntervalMs = 200;
        tuning.autoDeferMs = 400;
        tuning.powerCooldownMs = 300;
        tuning.discordRetryBackoffsMs = {50};
        tuning.panelRetryBackoffsMs = {};
        tuning.gatewayBackoffBaseMs = 20;
        tuning.gatewayIdentifyGapMs = 10;
        tuning.streamReconnectDelaysMs = {100, 200};
    }

    bool startSimulators()
    {
        panel = std::make_unique<PterodisbotSim::PanelSimulator>();
        discord = std::make_unique<PterodisbotSim::DiscordSimulator>();
        return panel->start(panelOptions) && discord->start(discordOptions);
    }

    Config config() const
    {
        Config config;
        config.discord.token = discord->botToken();
        config.discord.apiUrl = discord->restBaseUrl();
        config.discord.guildId = discord->guildId();
        config.discord.controlRole = QStringLiteral("Server Admin");
        config.discord.alertChannelId = alertChannel();
        config.discord.requestTimeout = 5;
        config.pterodactyl.panelUrl = panel->panelUrl();
        config.pterodactyl.clientKey = panel->clientKey();
        config.pterodactyl.requestTimeout = 2;
        config.bot.updateInterval = 1;
        config.bot.dataDir = dataDir.path();
        return config;
    }

    QString channel() const { return discord->channelIds().at(0); }
    QString alertChannel() const { return discord->channelIds().at(1); }

    //! A new BotCore over the same data directory, started and connected.
    bool startBot(const Config &config)
    {
        bot = std::make_unique<BotCore>(
            config, BotServices{&nam, SystemClock::instance(), &renderer}, tuning);
        const ApiError error = QCoro::waitFor(bot->start());
        if (error) {
            qWarning() << "start failed:" << error.toString();
            return false;
        }
        return waitUntil([&] { return bot->gatewayState() == Gateway::State::Ready; });
    }
    bool startBot() { return startBot(config()); }

    void stopBot()
    {
        if (bot)
            QCoro::waitFor(bot->stop());
        bot.reset();
    }

    //! /server_status by the admin; the interaction id (answered once this returns true).
    QString serverStatus(const QString &user = kAdmin, const QStringList &roles = {kAdminRole})
    {
        const QString id =
            discord->injectSlashCommand(channel(), user, roles, QStringLiteral("server_status"));
        if (!waitUntil([&] {
                return discord->originalResponse(id).has_value() &&
                       !discord->originalResponse(id)->content.isEmpty();
            }))
            return {};
        return id;
    }

    //! The admin picks \a identifier in the /server_status menu; returns the embed message id.
    QString postEmbed(const QString &identifier)
    {
        const QString command = serverStatus();
        if (command.isEmpty())
            return {};
        const auto menu = discord->originalResponse(command);
        QSignalSpy posted(bot.get(), &BotCore::embedPosted);
        const QString select =
            discord->injectComponent(channel(), menu->id, kAdmin, {kAdminRole},
                                     QStringLiteral("pdb:v1:select:0"), 3, {identifier});
        if (!posted.wait(10000) && posted.isEmpty())
            return {};
        if (!waitUntil([&] { return discord->originalResponse(select).has_value(); }, 5000))
            return {};
        return posted.last().at(2).toString();
    }

    std::optional<PterodisbotSim::SimMessage> embedMessage(const QString &serverId) const
    {
        const auto location = bot->embedStore()->lookup(serverId);
        if (!location)
            return std::nullopt;
        return discord->message(location->channelId, location->messageId);
    }

    //! The embed's colour, -1 when there is no such message.
    qint64 embedColour(const QString &serverId) const
    {
        const auto message = embedMessage(serverId);
        if (!message || message->embeds.isEmpty())
            return -1;
        return message->embeds.at(0).toObject().value(QStringLiteral("color")).toInteger(-1);
    }

    QString embedStateField(const QString &serverId) const
    {
        const auto message = embedMessage(serverId);
        if (!message || message->embeds.isEmpty())
            return {};
        const QJsonArray fields =
            message->embeds.at(0).toObject().value(QStringLiteral("fields")).toArray();
        for (const QJsonValue &field : fields) {
            if (field[QStringLiteral("name")].toString() == QLatin1String("State"))
                return field[QStringLiteral("value")].toString();
        }
        return {};
    }

    //! Power requests the panel simulator saw.
    int powerRequests() const
    {
        int count = 0;
        for (const auto &request : panel->requests())
            count += request.path.endsWith(QLatin1String("/power"));
        return count;
    }

    //! Panel requests about \a identifier (any endpoint).
    int panelRequestsAbout(const QString &identifier) const
    {
        int count = 0;
        for (const auto &request : panel->requests())
            count += request.path.contains(identifier);
        return count;
    }

    static bool isPng(const QByteArray &bytes)
    {
        QImage image;
        return bytes.startsWith("\x89PNG\r\n\x1a\n") && image.loadFromData(bytes, "PNG") &&
               !image.isNull();
    }
};

} // namespace Pterodisbot::BotTest
