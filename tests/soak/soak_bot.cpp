// The fault soak: the real BotCore against both simulators under random, seeded faults for
// --minutes N (default 2), then a quiet phase and a table of invariants; exits non-zero when
// one fails. How to run it and what it proves: docs/reliability.md, section "Fault soak".

#include <cstdio>
#include <memory>

#include <QApplication>
#include <QCoroTask>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include "DiscordSimulator.h"
#include "PanelSimulator.h"
#include "SoakContext.h"
#include "SoakFaults.h"
#include "SoakLogWatch.h"
#include "SoakMembers.h"
#include "SoakMemory.h"

using namespace Pterodisbot;
using namespace Pterodisbot::Soak;

namespace {

struct Options
{
    double minutes = 2;
    quint32 seed = 0;
    QString logFile; //!< every log line, for diagnosis
};

//! One row of the final table.
struct Invariant
{
    QString name;
    bool ok = false;
    QString detail;
};

void say(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

/*!
 * Phases: faults (the duration less kQuietMs), then quiet: the faults are lifted, the bot gets
 * one forced-refresh period and two whole cycles, the embeds are checked; then the admin runs
 * /refresh_embeds (which lifts the 10-minute back-off of embeds that met missing permissions),
 * two more cycles, every embed is checked; then the bot stops and the rest is judged.
 */
class SoakRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SoakRun)

public:
    static constexpr qint64 kQuietMs = 25000;
    static constexpr int kCycleMs = 300;
    static constexpr int kForcedRefreshSeconds = 3;

    explicit SoakRun(const Options &options)
        : m_options(options)
        , m_context(options.seed)
        , m_durationMs(qint64(options.minutes * 60000))
    {}

    int run();

private:
    bool setUp();
    bool startBot();
    void attachBot();
    void restartBot();
    void onFatal(const QString &message);
    void onDiscordRequest(const PterodisbotSim::DiscordRequestRecord &record);
    void onPanelRequest(const PterodisbotSim::PanelRequestRecord &record);
    void progress();
    //! Runs the event loop until \a predicate holds or the run's deadline passes.
    bool waitFor(const std::function<bool()> &predicate, qint64 deadlineMs);
    //! Waits until \a cycles more update cycles finished (the first may have started earlier).
    bool waitCycles(int cycles, qint64 deadlineMs);
    struct EmbedCheck
    {
        int checked = 0;
        int skipped = 0;
        int orphans = 0; //!< copies posted while Discord's answers came after the timeout
        QStringList problems;
    };
    EmbedCheck checkEmbeds(bool includeRefusing) const;
    Invariant checkStore(const QHash<QString, EmbedLocation> &tracked) const;
    void quietPhase();
    int report();

    Options m_options;
    SoakContext m_context;
    LogWatch m_logs;
    qint64 m_durationMs;
    Config m_config;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<MemberTraffic> m_members;
    std::unique_ptr<MemoryWatch> m_memory;
    QTimer m_progress;
    int m_cycles = 0;
    int m_restarts = 0;
    qint64 m_lastFatalInjectedMs = -100000;
    QStringList m_unexpectedFatals;
    QStringList m_restartFailures;
    int m_injected429 = 0;
    QStringList m_botCaused429;
    int m_panelInjected429 = 0;
    QStringList m_panelBotCaused429;
    QList<Invariant> m_invariants;
    EmbedCheck m_afterFaults;
    EmbedCheck m_afterRefresh;
    QString m_quietProblem;
    QHash<QString, EmbedLocation> m_finalTracked;
    bool m_stoppedCleanly = false;
};

bool SoakRun::setUp()
{
    BotTest::BotHarness &h = m_context.harness;
    h.panelOptions.randomSeed = m_options.seed;
    // Tokens that expire every few seconds: the streams renew them all the time, and a
    // renewal that meets a panel fault lets a token really expire.
    h.panelOptions.tokenLifetimeMs = 3000;
    h.panelOptions.tokenExpiringWarningMs = 1000;
    h.discordOptions.channelIds = {QStringLiteral("1300000000000000001"),
                                   QStringLiteral("1300000000000000002")};
    for (int i = 3; i <= 10; ++i)
        h.discordOptions.channelIds
            << QStringLiteral("13000000000000000%1").arg(i, 2, 10, QLatin1Char('0'));
    // Heartbeats fast enough that a zombie connection shows within seconds.
    h.discordOptions.heartbeatIntervalMs = 1500;
    // Discord-like per-channel message limits, so the bot's bucket handling is exercised.
    h.discordOptions.messageBucketLimit = 10;
    h.discordOptions.messageBucketWindowMs = 2000;
    // The simulator keeps the requests' bodies (PNGs): a short history keeps its memory flat.
    h.discordOptions.historyLimit = 300;
    h.tuning.cycleIntervalMs = kCycleMs;
    if (!h.startSimulators()) {
        say(QStringLiteral("cannot start the simulators"));
        return false;
    }
    const QStringList channels = h.discord->channelIds();
    m_context.homeChannel = channels.at(0);
    m_context.embedChannels = channels;
    m_context.embedChannels.removeAt(1); // the alert channel

    m_logs.addSecret(QStringLiteral("Discord token"), h.discord->botToken());
    m_logs.addSecret(QStringLiteral("panel client key"), h.panel->clientKey());

    m_config = h.config();
    m_config.pterodactyl.statsSource = StatsSource::WebSocket;
    m_config.discord.requestTimeout = 2;
    // The bot learns that a message or channel was deleted only when an edit fails (it asks
    // for the GUILDS intent alone); the forced refresh bounds how long that takes.
    m_config.bot.forcedRefresh = kForcedRefreshSeconds;

    m_faults = std::make_unique<FaultInjector>(&m_context);
    m_members = std::make_unique<MemberTraffic>(&m_context);
    connect(m_faults.get(), &FaultInjector::fatalCloseInjected, this,
            [this] { m_lastFatalInjectedMs = m_context.nowMs(); });
    connect(h.discord.get(), &PterodisbotSim::DiscordSimulator::requestHandled, this,
            &SoakRun::onDiscordRequest);
    connect(h.panel.get(), &PterodisbotSim::PanelSimulator::requestHandled, this,
            &SoakRun::onPanelRequest);
    connect(h.discord.get(), &PterodisbotSim::DiscordSimulator::messageCreated, this,
            [this](const QString &, const QString &messageId) {
                if (m_context.discordTimingOut)
                    m_context.postedWhileTimingOut.insert(messageId);
            });
    return startBot();
}

bool SoakRun::startBot()
{
    BotTest::BotHarness &h = m_context.harness;
    if (!h.startBot(m_config))
        return false;
    attachBot();
    return true;
}

void SoakRun::attachBot()
{
    BotCore *bot = m_context.harness.bot.get();
    connect(bot, &BotCore::fatalError, this, &SoakRun::onFatal);
    connect(bot, &BotCore::cycleFinished, this, [this] { ++m_cycles; });
    m_members->attachBot();
}

void SoakRun::onFatal(const QString &message)
{
    if (m_context.nowMs() - m_lastFatalInjectedMs > 5000)
        m_unexpectedFatals << message;
    // As systemd would (Restart=on-failure): a new bot over the same data directory. Not from
    // inside the bot's own signal.
    QTimer::singleShot(0, this, &SoakRun::restartBot);
}

void SoakRun::restartBot()
{
    if (m_context.restarting)
        return;
    m_context.restarting = true;
    BotTest::BotHarness &h = m_context.harness;
    h.stopBot();
    if (!startBot()) {
        m_restartFailures << QStringLiteral("restart at t=%1 ms failed").arg(m_context.nowMs());
        // Try once more; the run's checks will tell if the bot stays away.
        h.stopBot();
        if (startBot())
            m_restartFailures.removeLast();
    }
    ++m_restarts;
    m_context.sessionLosses.append(m_context.nowMs());
    m_context.restarting = false;
}

void SoakRun::onDiscordRequest(const PterodisbotSim::DiscordRequestRecord &record)
{
    m_faults->onDiscordRequest(record);
    m_members->onDiscordRequest(record);
    if (record.status != 429)
        return;
    const qint64 now = m_context.nowMs();
    for (const FaultWindow &window : std::as_const(m_context.discordStorms)) {
        if (window.covers(now, 300)) {
            ++m_injected429;
            return;
        }
    }
    m_botCaused429 << QStringLiteral("t=%1 ms %2 %3").arg(now).arg(record.method, record.path);
}

void SoakRun::onPanelRequest(const PterodisbotSim::PanelRequestRecord &record)
{
    m_members->onPanelRequest(record);
    if (record.path.endsWith(QLatin1String("/websocket"))) {
        // Written to the socket just now, so known before the bot can read (and log) it.
        for (const QString &token : m_context.harness.panel->wingsTokens()) {
            m_logs.addSecretPart(QStringLiteral("Wings token"), token,
                                 token.section(QLatin1Char('.'), 2));
        }
    }
    if (record.status != 429)
        return;
    const qint64 now = m_context.nowMs();
    for (const FaultWindow &window : std::as_const(m_context.panelStorms)) {
        // An answer decided in the storm may be written later (injected latency).
        if (window.covers(now, 3000)) {
            ++m_panelInjected429;
            return;
        }
    }
    m_panelBotCaused429 << QStringLiteral("t=%1 ms %2 %3").arg(now).arg(record.method, record.path);
}

void SoakRun::progress()
{
    const BotCore *bot = m_context.restarting ? nullptr : m_context.harness.bot.get();
    int faults = 0;
    for (const int count : std::as_const(m_context.injected))
        faults += count;
    say(QStringLiteral("[%1 s] cycles %2, interactions %3, faults %4, restarts %5, tracked %6, "
                       "gateway %7, log lines %8")
            .arg(m_context.nowMs() / 1000, 4)
            .arg(m_cycles)
            .arg(m_members->interactionCount())
            .arg(faults)
            .arg(m_restarts)
            .arg(bot ? bot->trackedEmbeds().size() : 0)
            .arg(bot ? QString::fromLatin1(QMetaEnum::fromType<Gateway::State>().valueToKey(
                           int(bot->gatewayState())))
                     : QStringLiteral("restarting"))
            .arg(m_logs.lineCount()));
}

bool SoakRun::waitFor(const std::function<bool()> &predicate, qint64 deadlineMs)
{
    while (!predicate()) {
        if (m_context.nowMs() >= deadlineMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool SoakRun::waitCycles(int cycles, qint64 deadlineMs)
{
    const int target = m_cycles + cycles;
    return waitFor([&] { return m_cycles >= target; }, deadlineMs);
}

SoakRun::EmbedCheck SoakRun::checkEmbeds(bool includeRefusing) const
{
    const BotTest::BotHarness &h = m_context.harness;
    EmbedCheck check;
    // Every status embed in Discord, by the server its buttons name.
    QHash<QString, QStringList> copies;
    for (const QString &channel : h.discord->channelIds()) {
        for (const auto &message : h.discord->messages(channel)) {
            const QString text = QString::fromUtf8(QJsonDocument(message.components).toJson());
            static const QRegularExpression power(
                QStringLiteral("pdb:v1:power:start:([0-9a-f]{8})"));
            const auto match = power.match(text);
            if (match.hasMatch())
                copies[match.captured(1)] << channel + QLatin1Char('/') + message.id;
        }
    }
    const auto tracked = h.bot->trackedEmbeds();
    for (auto it = tracked.cbegin(); it != tracked.cend(); ++it) {
        const QString &server = it.key();
        const EmbedLocation &location = it.value();
        if (!includeRefusing && m_context.refusingChannels.contains(location.channelId)) {
            ++check.skipped;
            continue;
        }
        ++check.checked;
        const QString name = h.panel->serverName(server);
        if (!h.discord->message(location.channelId, location.messageId)) {
            check.problems << QStringLiteral("%1: tracked message %2 does not exist")
                                  .arg(name, location.messageId);
            continue;
        }
        int orphans = 0;
        for (const QString &copy : copies.value(server)) {
            const QString id = copy.section(QLatin1Char('/'), 1);
            orphans += id != location.messageId && m_context.postedWhileTimingOut.contains(id);
        }
        check.orphans += orphans;
        if (copies.value(server).size() - orphans != 1) {
            check.problems << QStringLiteral("%1: %2 embeds in Discord (%3)")
                                  .arg(name)
                                  .arg(copies.value(server).size())
                                  .arg(copies.value(server).join(QStringLiteral(", ")));
        }
        // A condition (suspended, installing) shows instead of the power state.
        const QString status = h.panel->serverStatus(server);
        const QString truth = status.isEmpty() ? h.panel->serverState(server) : status;
        const QString shown = h.embedStateField(server);
        if (!shown.contains(truth, Qt::CaseInsensitive)) {
            check.problems << QStringLiteral("%1: embed shows \"%2\", the panel says %3")
                                  .arg(name, shown, truth);
        }
    }
    return check;
}

Invariant SoakRun::checkStore(const QHash<QString, EmbedLocation> &tracked) const
{
    Invariant result{QStringLiteral("embed store file valid and equal to the tracked embeds")};
    const QDir dir(m_context.harness.dataDir.path());
    QFile file(dir.filePath(EmbedStore::fileName()));
    if (!file.open(QIODevice::ReadOnly)) {
        result.detail = QStringLiteral("cannot read %1").arg(file.fileName());
        return result;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        result.detail = QStringLiteral("not a JSON object: %1").arg(error.errorString());
        return result;
    }
    QStringList problems;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const QString channel = entry.value(QStringLiteral("channel_id")).toString();
        const QString message = entry.value(QStringLiteral("message_id")).toString();
        if (!EmbedStore::isValidSnowflake(channel) || !EmbedStore::isValidSnowflake(message))
            problems << QStringLiteral("%1: bad ids").arg(it.key());
        else if (tracked.value(it.key()) != EmbedLocation{channel, message})
            problems << QStringLiteral("%1: file and bot disagree").arg(it.key());
    }
    if (object.size() != tracked.size())
        problems << QStringLiteral("%1 entries in the file, %2 tracked")
                        .arg(object.size())
                        .arg(tracked.size());
    // QSaveFile's temporaries and moved-aside files must not pile up.
    const QStringList others =
        dir.entryList({EmbedStore::fileName() + QStringLiteral("*")}, QDir::Files | QDir::Hidden)
            .filter(QRegularExpression(QStringLiteral("^embed_locations\\.json.+")));
    if (!others.isEmpty())
        problems << QStringLiteral("stray files: %1").arg(others.join(QStringLiteral(", ")));
    result.ok = problems.isEmpty();
    result.detail = result.ok ? QStringLiteral("%1 entries").arg(object.size())
                              : problems.join(QStringLiteral("; "));
    return result;
}

void SoakRun::quietPhase()
{
    BotTest::BotHarness &h = m_context.harness;
    const qint64 deadline = m_durationMs + 45000;
    m_faults->stop();
    m_members->stop();
    say(QStringLiteral("[%1 s] faults stop; quiet phase").arg(m_context.nowMs() / 1000, 4));
    // Settled: the bot runs and is connected, and no server is between two states.
    const bool settled = waitFor(
        [&] {
            if (m_context.restarting || !h.bot || h.bot->state() != BotCore::State::Running ||
                h.bot->gatewayState() != Gateway::State::Ready)
                return false;
            for (const QString &server : h.panel->serverIdentifiers()) {
                const QString state = h.panel->serverState(server);
                if (state == QLatin1String("starting") || state == QLatin1String("stopping"))
                    return false;
            }
            return true;
        },
        deadline);
    if (!settled) {
        m_quietProblem = QStringLiteral("the bot did not come back (running, gateway ready)");
        return;
    }
    // Something to check even when the faults left few embeds: the untracked servers are
    // posted (as the admin window does) in a channel that never refused the bot.
    QString channel = m_context.homeChannel;
    for (const QString &candidate : std::as_const(m_context.embedChannels)) {
        if (!m_context.refusingChannels.contains(candidate))
            channel = candidate;
    }
    const int posts = int(h.panel->serverIdentifiers().size()) - int(h.bot->trackedEmbeds().size());
    for (const QString &server : h.panel->serverIdentifiers()) {
        if (!h.bot->embedStore()->contains(server))
            h.bot->postEmbed(server, channel);
    }
    if (posts > 0)
        waitFor(
            [&] { return h.bot->trackedEmbeds().size() >= h.panel->serverIdentifiers().size(); },
            m_context.nowMs() + 10000);
    // One forced-refresh period (the only way the bot learns of a deletion), then the cycle in
    // flight and two whole cycles.
    const qint64 settledAt = m_context.nowMs();
    waitFor([&] { return m_context.nowMs() - settledAt >= kForcedRefreshSeconds * 1000; },
            deadline);
    if (!waitCycles(3, deadline)) {
        m_quietProblem = QStringLiteral("no update cycles after the faults");
        return;
    }
    m_afterFaults = checkEmbeds(false);

    // The admin asks for a rebuild: embeds that met missing permissions wait for it (or ten
    // minutes) before the bot tries them again.
    const QString refresh = h.discord->injectSlashCommand(
        h.channel(), BotTest::kAdmin, {BotTest::kAdminRole}, QStringLiteral("refresh_embeds"));
    const bool answered = waitFor(
        [&] {
            const auto reply = h.discord->originalResponse(refresh);
            return reply && !reply->content.isEmpty();
        },
        deadline);
    if (!answered || !waitCycles(3, deadline)) {
        m_quietProblem = QStringLiteral("/refresh_embeds got no answer, or no cycles followed");
        return;
    }
    m_afterRefresh = checkEmbeds(true);
}

int SoakRun::run()
{
    m_logs.install();
    if (!m_options.logFile.isEmpty() && !m_logs.setFile(m_options.logFile))
        say(QStringLiteral("cannot write %1").arg(m_options.logFile));
    say(QStringLiteral("soak_bot: seed %1, %2 minutes (replay: soak_bot --minutes %2 --seed %1)")
            .arg(m_options.seed)
            .arg(m_options.minutes));
    // The program's own bound: duration + 1 minute.
    QTimer::singleShot(m_durationMs + 58000, this, [this] {
        say(QStringLiteral("FAIL: the soak did not finish within its duration + 1 minute"));
        for (const QString &line : m_logs.recentLines().mid(m_logs.recentLines().size() - 40))
            say(QStringLiteral("  log: ") + line);
        std::_Exit(2);
    });
    if (!setUp()) {
        say(QStringLiteral("FAIL: could not start the simulators and the bot"));
        return 1;
    }
    m_memory = std::make_unique<MemoryWatch>(m_options.minutes <= 2 ? 30000 : 60000);
    m_memory->start(m_context.nowMs());
    m_memory->record();
    m_progress.setInterval(m_options.minutes <= 2 ? 15000 : 60000);
    connect(&m_progress, &QTimer::timeout, this, &SoakRun::progress);
    m_progress.start();

    const qint64 faultsEndMs = std::max<qint64>(20000, m_durationMs - kQuietMs);
    m_faults->start(faultsEndMs - 15000);
    m_members->start();
    waitFor([] { return false; }, faultsEndMs);
    waitFor([this] { return !m_context.restarting; }, m_durationMs + 30000);
    quietPhase();
    progress();
    m_finalTracked = m_context.harness.bot ? m_context.harness.bot->trackedEmbeds()
                                           : QHash<QString, EmbedLocation>();
    m_memory->record();
    return report();
}

int SoakRun::report()
{
    BotTest::BotHarness &h = m_context.harness;
    const qint64 totalMs = m_context.nowMs();
    const bool running = h.bot && h.bot->state() == BotCore::State::Running;
    const MemberTraffic::WindowTally windows = m_members->judgeWindows();
    const auto growth = m_memory->growth(totalMs);
    qint64 peakKb = 0;
    for (const MemorySample &sample : m_memory->samples())
        peakKb = std::max(peakKb, sample.hwmKb);

    // The bot stops as the service would; the store is judged after that.
    m_progress.stop();
    h.stopBot();
    m_stoppedCleanly = !h.bot;

    QList<Invariant> rows;
    rows << Invariant{
        QStringLiteral("no crash; no fatal error not injected; restarts succeeded"),
        running && m_unexpectedFatals.isEmpty() && m_restartFailures.isEmpty() && m_stoppedCleanly,
        QStringLiteral("bot %1 at the end, %2 restarts after fatal close codes%3%4")
            .arg(running ? QStringLiteral("running") : QStringLiteral("NOT running"))
            .arg(m_restarts)
            .arg(m_unexpectedFatals.isEmpty() ? QString()
                                              : QStringLiteral("; unexpected: ") +
                                                    m_unexpectedFatals.join(QStringLiteral(" | ")))
            .arg(m_restartFailures.isEmpty()
                     ? QString()
                     : QStringLiteral("; ") + m_restartFailures.join(QStringLiteral(", ")))};
    const auto embedRow = [&](const QString &name, const EmbedCheck &check, bool all) {
        Invariant row{name,
                      m_quietProblem.isEmpty() && check.problems.isEmpty() && check.checked > 0};
        if (!m_quietProblem.isEmpty())
            row.detail = m_quietProblem;
        else if (check.checked == 0)
            row.detail = QStringLiteral("no embed to check");
        else if (!check.problems.isEmpty())
            row.detail = check.problems.join(QStringLiteral("; "));
        else
            row.detail = QStringLiteral("%1 embeds exist once and show the panel's state "
                                        "(%2 orphans of posts answered after the timeout)%3")
                             .arg(check.checked)
                             .arg(check.orphans)
                             .arg(all ? QString()
                                      : QStringLiteral(" (%1 in channels that refused the bot "
                                                       "wait for /refresh_embeds)")
                                            .arg(check.skipped));
        return row;
    };
    rows << embedRow(QStringLiteral("embeds true within 2 cycles after the faults"), m_afterFaults,
                     false);
    rows << embedRow(QStringLiteral("all embeds true within 2 cycles after /refresh_embeds"),
                     m_afterRefresh, true);
    rows << Invariant{
        QStringLiteral("every interaction answered within 3 s"),
        windows.missed.isEmpty() && windows.inTime > 0,
        QStringLiteral("%1 in time (worst %2 ms), %3 exempt (lost with a Discord "
                       "session or callback failed by an injected 5xx), %4 missed%5")
            .arg(windows.inTime)
            .arg(windows.worstLatencyMs)
            .arg(windows.exempt)
            .arg(windows.missed.size())
            .arg(windows.missed.isEmpty()
                     ? QString()
                     : QStringLiteral(": ") + windows.missed.mid(0, 8).join(QStringLiteral("; ")))};
    const auto power = m_members->powerByOrigin();
    rows << Invariant{
        QStringLiteral("zero power actions by members without the role"),
        m_members->unexplainedPower().isEmpty(),
        QStringLiteral("%1 power requests, all explained by presses of members "
                       "with the role%2")
            .arg(power.value(originName(Origin::Admin)))
            .arg(m_members->unexplainedPower().isEmpty()
                     ? QString()
                     : QStringLiteral("; UNEXPLAINED: ") +
                           m_members->unexplainedPower().mid(0, 8).join(QStringLiteral("; ")))};
    rows << Invariant{
        QStringLiteral("no 429 the bot caused (Discord)"), m_botCaused429.isEmpty(),
        QStringLiteral("%1 429s inside injected storms, %2 outside%3")
            .arg(m_injected429)
            .arg(m_botCaused429.size())
            .arg(m_botCaused429.isEmpty()
                     ? QString()
                     : QStringLiteral(": ") + m_botCaused429.mid(0, 5).join(QStringLiteral("; ")))};
    rows << Invariant{QStringLiteral("no 429 the bot caused (panel)"),
                      m_panelBotCaused429.isEmpty(),
                      QStringLiteral("%1 429s inside injected storms, %2 outside%3")
                          .arg(m_panelInjected429)
                          .arg(m_panelBotCaused429.size())
                          .arg(m_panelBotCaused429.isEmpty()
                                   ? QString()
                                   : QStringLiteral(": ") +
                                         m_panelBotCaused429.mid(0, 5).join(QStringLiteral("; ")))};
    rows << Invariant{QStringLiteral("peak RSS bounded"),
                      peakKb > 0 && peakKb <= MemoryWatch::kPeakLimitKb,
                      QStringLiteral("VmHWM %1 MB (limit %2 MB)")
                          .arg(peakKb / 1024)
                          .arg(MemoryWatch::kPeakLimitKb / 1024)};
    rows << Invariant{QStringLiteral("no memory growth (last minute vs first)"), growth.ok,
                      QStringLiteral("%1: first minute %2 MB, last minute %3 MB, allowed +%4 MB "
                                     "(%5 % + %6 MB)")
                          .arg(growth.measure)
                          .arg(growth.firstKb / 1024)
                          .arg(growth.lastKb / 1024)
                          .arg(growth.allowedKb / 1024)
                          .arg(MemoryWatch::kGrowthPercent)
                          .arg(MemoryWatch::kGrowthSlackKb / 1024)};
    rows << checkStore(m_finalTracked);
    rows << Invariant{
        QStringLiteral("no secret in any log line"),
        m_logs.leaks().isEmpty() && m_logs.lineCount() > 0,
        QStringLiteral("%1 lines checked against %2 secrets (Discord token, panel "
                       "key, Wings tokens), %3 leaks%4")
            .arg(m_logs.lineCount())
            .arg(m_logs.secretCount())
            .arg(m_logs.leaks().size())
            .arg(m_logs.leaks().isEmpty()
                     ? QString()
                     : QStringLiteral(": ") + m_logs.leaks().mid(0, 5).join(QStringLiteral("; ")))};

    say(QString());
    say(QStringLiteral("Faults injected by kind"));
    int faults = 0;
    for (auto it = m_context.injected.cbegin(); it != m_context.injected.cend(); ++it) {
        say(QStringLiteral("  %1 %2").arg(it.value(), 6).arg(it.key()));
        faults += it.value();
    }
    say(QStringLiteral("  %1 in all").arg(faults, 6));
    say(QStringLiteral("Interactions by kind"));
    const auto kinds = m_members->interactionsByKind();
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        say(QStringLiteral("  %1 %2").arg(it.value(), 6).arg(it.key()));
    say(QStringLiteral("Power requests at the panel, by origin"));
    for (const QString &origin : {originName(Origin::Admin), originName(Origin::NoRole),
                                  originName(Origin::OtherGuild), originName(Origin::Forged)}) {
        say(QStringLiteral("  %1 button presses, %2 power requests: %3")
                .arg(m_members->pressesByOrigin().value(origin), 6)
                .arg(origin == originName(Origin::Admin) ? power.value(origin) : 0, 4)
                .arg(origin));
    }
    say(QStringLiteral("  %1 power requests no press of a member with the role explains")
            .arg(power.value(QStringLiteral("unexplained")), 6));
    say(QStringLiteral("Memory"));
    for (const MemorySample &sample : m_memory->samples()) {
        say(QStringLiteral("  %1 s: VmRSS %2 MB, VmHWM %3 MB%4")
                .arg(sample.atMs / 1000, 5)
                .arg(sample.rssKb / 1024, 4)
                .arg(sample.hwmKb / 1024, 4)
                .arg(sample.heapKb >= 0
                         ? QStringLiteral(", ASan heap %1 MB").arg(sample.heapKb / 1024)
                         : QString()));
    }
    say(QStringLiteral("Log lines by type"));
    const auto types = m_logs.linesByType();
    for (auto it = types.cbegin(); it != types.cend(); ++it)
        say(QStringLiteral("  %1 %2").arg(it.value(), 8).arg(it.key()));
    say(QStringLiteral("Cycles: %1 in %2 s").arg(m_cycles).arg(totalMs / 1000));

    say(QString());
    say(QStringLiteral("%1  %2  %3")
            .arg(QStringLiteral("result"), -6)
            .arg(QStringLiteral("invariant"), -58)
            .arg(QStringLiteral("detail")));
    bool allOk = true;
    for (const Invariant &row : rows) {
        allOk &= row.ok;
        say(QStringLiteral("%1  %2  %3")
                .arg(row.ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"), -6)
                .arg(row.name, -58)
                .arg(row.detail));
    }
    if (!allOk) {
        say(QStringLiteral("\nLast log lines:"));
        const QStringList recent = m_logs.recentLines();
        for (const QString &line : recent.mid(std::max<qsizetype>(0, recent.size() - 60)))
            say(QStringLiteral("  ") + line.left(300));
    }
    say(QStringLiteral("\nsoak_bot: %1 (seed %2, %3 s)")
            .arg(allOk ? QStringLiteral("all invariants held") : QStringLiteral("FAILED"))
            .arg(m_options.seed)
            .arg(totalMs / 1000));
    return allOk ? 0 : 1;
}

bool parse(const QStringList &arguments, Options *options)
{
    options->seed = QRandomGenerator::system()->generate();
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        bool ok = i + 1 < arguments.size();
        if (argument == QLatin1String("--minutes") && ok)
            options->minutes = arguments.at(++i).toDouble(&ok);
        else if (argument == QLatin1String("--seed") && ok)
            options->seed = arguments.at(++i).toUInt(&ok);
        else if (argument == QLatin1String("--log") && ok)
            options->logFile = arguments.at(++i);
        else
            ok = false;
        if (!ok || options->minutes < 0.5) {
            std::fprintf(stderr, "usage: soak_bot [--minutes N (>= 0.5, default 2)] "
                                 "[--seed S] [--log FILE]\n");
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Options options;
    if (!parse(app.arguments(), &options))
        return 2;
    SoakRun run(options);
    return run.run();
}

#include "soak_bot.moc"
