#pragma once

// Shared fixture of the tst_bot* integration tests: both simulators on 127.0.0.1, a real
// QtChartRenderer, and a BotCore wired to them with short intervals.

#include <functional>
#include <memory>
#include <optional>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "bot/BotCore.h"
#include "Clock.h"
#include "DiscordSimulator.h"
#include "net/DirectNetworkManager.h"
#include "PanelSimulator.h"
#include "QtChartRenderer.h"

namespace Pterodisbot::BotTest {

//! Spins the event loop until \a predicate holds or \a timeoutMs passed.
//!
//! Not QTest::qWaitFor / QTRY_*: they force-send DeferredDelete events, which deletes a job
//! or reply that emitted finished() and called deleteLater() before QCoro's queued resume
//! reaches it, and the awaiting coroutine then never resumes. A plain QEventLoop keeps the
//! order in which the events were posted, like the application's own loop.
bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 10000);

//! Lets the event loop run for \a ms. Only for an observation window (see kQuietWindowMs):
//! a test that waits for something to happen waits for it (waitUntil, QSignalSpy::wait).
void spin(int ms);

//! How long a test watches for something that must NOT happen ("no second answer", "no
//! alert"). Such a window can only produce false passes, never false failures: a loaded
//! machine shortens it in effect and may let a bug slip through, but never fails a correct
//! bot. Prefer a deterministic end (a sentinel, a further finished cycle) where there is one.
inline constexpr int kQuietWindowMs = 500;
//! The limit of a wait for something the bot does on its own within a cycle or two: generous,
//! because a loaded two-core machine (or a sanitizer build) is many times slower.
inline constexpr int kSoonMs = 15000;

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

//! The simulators, the bot's services and the bot; options and tuning may be changed before
//! startSimulators() / startBot().
class BotHarness
{
public:
    PterodisbotSim::PanelSimOptions panelOptions;
    PterodisbotSim::DiscordSimOptions discordOptions;
    std::unique_ptr<PterodisbotSim::PanelSimulator> panel;
    std::unique_ptr<PterodisbotSim::DiscordSimulator> discord;
    //! The bot's own HTTP transport, as the service uses it.
    DirectNetworkManager nam;
    //! The bot's clock: real time that advance() skips ahead (forced refreshes, cooldowns).
    SteppedClock clock;
    QtChartRenderer renderer;
    QTemporaryDir dataDir;
    std::unique_ptr<BotCore> bot;
    BotTuning tuning;

    //! Short intervals, cooldowns and backoffs, the seeded five servers.
    BotHarness();

    bool startSimulators();
    //! One simulator (again): with a fixed port in its options it comes back where it was.
    bool startPanel();
    bool startDiscord();
    //! A port on 127.0.0.1 that nothing listens on (for a simulator started later).
    static quint16 freePort();

    //! A configuration that points at both simulators and the data directory; a simulator
    //! that is not running yet is addressed by its options' fixed port (and token).
    Config config() const;

    QString channel() const { return discord->channelIds().at(0); }
    QString alertChannel() const { return discord->channelIds().at(1); }

    //! A new BotCore over the same data directory, not started, drawing with \a chartRenderer.
    void createBot(const Config &config, ChartRenderer *chartRenderer);
    //! A new BotCore over the same data directory, not started, drawing with the real renderer.
    void createBot(const Config &config) { createBot(config, &renderer); }
    //! A new BotCore over the same data directory, started and connected.
    bool startBot(const Config &config);
    bool startBot() { return startBot(config()); }
    void stopBot();

    //! /server_status by the admin; the interaction id (answered once this returns true).
    QString serverStatus(const QString &user = kAdmin, const QStringList &roles = {kAdminRole});
    //! The admin picks \a identifier in the /server_status menu; returns the embed message id.
    QString postEmbed(const QString &identifier);

    std::optional<PterodisbotSim::SimMessage> embedMessage(const QString &serverId) const;
    //! The embed's colour, -1 when there is no such message.
    qint64 embedColour(const QString &serverId) const;
    QString embedStateField(const QString &serverId) const;
    //! The embed's timestamp ("last update"), invalid when there is none.
    QDateTime embedTimestamp(const QString &serverId) const;

    //! Power requests the panel simulator saw.
    int powerRequests() const;
    //! Panel requests about \a identifier (any endpoint).
    int panelRequestsAbout(const QString &identifier) const;

    static bool isPng(const QByteArray &bytes);
};

} // namespace Pterodisbot::BotTest
