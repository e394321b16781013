// bench_cycle: BotCore's update cycle at scale. The panel and Discord simulators run in a child
// process (this program with --child) so that CPU time and peak RSS are the bot's alone; the
// parent runs the real BotCore with the real chart renderer against them and drives simulated
// time: every cycle the child advances the panel by one interval and the bot's clock moves on
// by the same amount, so an hour of cycles takes minutes.
//
//   bench_cycle [--servers 1000] [--tracked 200] [--cycles 360] [--compare-cycles 30]
//               [--churn 1] [--interval 10] [--interactions 20]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoroSignal>
#include <QCoroTask>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include "bot/BotCore.h"
#include "Clock.h"
#include "discord/RestClient.h"
#include "DiscordSimulator.h"
#include "OffscreenPlatform.h"
#include "PanelSimulator.h"
#include "QtChartRenderer.h"

using namespace Pterodisbot;

namespace {

struct Args
{
    int servers = 1000;
    int tracked = 200;
    int cycles = 360;
    int compareCycles = 30;
    int churn = 1;
    int intervalS = 10;
    int interactions = 20;
    bool child = false;
    bool charts = true;
};

const QString kAdmin = QStringLiteral("1500000000000000001");
const QString kAdminRole = QStringLiteral("1400000000000000001");

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitUntil(const std::function<bool()> &predicate, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        spin(2);
    }
    return true;
}

// ------------------------------------------------------------------------------------------
// Child: both simulators, driven by one-line commands on stdin, one-line answers on stdout.

class SimChild final : public QObject
{
public:
    explicit SimChild(const Args &args)
        : m_args(args)
    {}

    bool start()
    {
        PterodisbotSim::PanelSimOptions panel;
        panel.serverCount = m_args.servers;
        panel.tickIntervalMs = 0; // time moves only on "tick"
        panel.statsIntervalMs = 3'600'000;
        panel.clientRateLimit = 10'000'000;
        panel.applicationRateLimit = 10'000'000;
        PterodisbotSim::DiscordSimOptions discord;
        discord.channelIds.clear();
        for (int i = 1; i <= 10; ++i)
            discord.channelIds
                << QStringLiteral("13000000000000000%1").arg(i, 2, 10, QLatin1Char('0'));
        // Generous limits: the benchmark measures the bot, not Discord's buckets (see the
        // notes in docs/benchmarks.md for what the real limits mean here).
        discord.messageBucketLimit = 100'000;
        discord.otherBucketLimit = 100'000;
        discord.globalLimitPerSecond = 100'000;
        discord.oldMessageAgeMs = 1'000'000'000;
        discord.interactionTimeoutMs = 3000;
        if (!m_panel.start(panel) || !m_discord.start(discord)) {
            std::fprintf(stderr, "child: simulators failed: %s %s\n",
                         qPrintable(m_panel.errorString()), qPrintable(m_discord.errorString()));
            return false;
        }
        m_ids = m_panel.serverIdentifiers();
        QJsonObject setup{
            {QStringLiteral("panelUrl"), m_panel.panelUrl().toString()},
            {QStringLiteral("clientKey"), m_panel.clientKey()},
            {QStringLiteral("restUrl"), m_discord.restBaseUrl().toString()},
            {QStringLiteral("token"), m_discord.botToken()},
            {QStringLiteral("guild"), m_discord.guildId()},
            {QStringLiteral("channels"), QJsonArray::fromStringList(m_discord.channelIds())},
            {QStringLiteral("servers"), QJsonArray::fromStringList(m_ids)},
        };
        reply(QString::fromUtf8(QJsonDocument(setup).toJson(QJsonDocument::Compact)));
        m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { readInput(); });
        return true;
    }

private:
    void reply(const QString &line)
    {
        std::fprintf(stdout, "%s\n", qPrintable(line));
        std::fflush(stdout);
    }

    void readInput()
    {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            QCoreApplication::quit();
            return;
        }
        m_input.append(buffer, n);
        int newline = -1;
        while ((newline = m_input.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_input.left(newline)).trimmed();
            m_input.remove(0, newline + 1);
            handle(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        }
    }

    void handle(const QStringList &words)
    {
        const QString command = words.value(0);
        if (command == QLatin1String("tick")) {
            const int ms = words.value(1).toInt();
            const int churn = words.value(2).toInt();
            m_panel.tick(ms);
            m_discord.advanceClock(ms);
            // Some tracked servers are started or stopped by their owners between cycles.
            for (int i = 0; i < churn; ++i) {
                const QString id =
                    m_ids.at(m_random.bounded(std::min<int>(m_tracked, m_ids.size())));
                const QString state = m_panel.serverState(id);
                if (state == QLatin1String("running"))
                    m_panel.setServerState(id, QStringLiteral("stopping"));
                else if (state == QLatin1String("offline"))
                    m_panel.setServerState(id, QStringLiteral("starting"));
            }
            reply(QStringLiteral("ok"));
        } else if (command == QLatin1String("tracked")) {
            m_tracked = words.value(1).toInt();
            reply(QStringLiteral("ok"));
        } else if (command == QLatin1String("inject")) {
            reply(m_discord.injectSlashCommand(m_discord.channelIds().at(0), kAdmin, {kAdminRole},
                                               QStringLiteral("server_status")));
        } else if (command == QLatin1String("ack")) {
            const QString id = words.value(1);
            const auto original = m_discord.originalResponse(id);
            const bool answered = original && original->content.contains(QStringLiteral("servers"));
            reply(QStringLiteral("%1 %2").arg(m_discord.interactionAckLatencyMs(id)).arg(answered));
        } else if (command == QLatin1String("stats")) {
            int patches = 0;
            int posts = 0;
            for (const auto &request : m_discord.requests()) {
                const bool message = request.path.contains(QStringLiteral("/messages"));
                patches += message && request.method == QLatin1String("PATCH");
                posts += message && request.method == QLatin1String("POST");
            }
            m_discord.clearRequests();
            m_panel.clearRequests();
            rusage ru{};
            getrusage(RUSAGE_SELF, &ru);
            const double cpuMs = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
                                 (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
            reply(QStringLiteral("%1 %2 %3").arg(patches).arg(posts).arg(cpuMs, 0, 'f', 0));
        } else if (command == QLatin1String("quit")) {
            reply(QStringLiteral("bye"));
            QCoreApplication::quit();
        } else {
            reply(QStringLiteral("?"));
        }
    }

    Args m_args;
    PterodisbotSim::PanelSimulator m_panel;
    PterodisbotSim::DiscordSimulator m_discord;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_input;
    QStringList m_ids;
    int m_tracked = 0;
    QRandomGenerator m_random{42};
};

// ------------------------------------------------------------------------------------------
// Parent: the bot.

//! The real monotonic clock plus simulated intervals: each cycle skips one interval ahead,
//! waits never get longer than real time.
class SteppedClock final : public Clock
{
public:
    SteppedClock() { m_timer.start(); }
    qint64 monotonicMs() const override { return m_timer.elapsed() + m_offsetMs; }
    QDateTime utcNow() const override { return m_start.addMSecs(monotonicMs()); }
    void advance(qint64 ms) { m_offsetMs += ms; }

private:
    QElapsedTimer m_timer;
    QDateTime m_start = QDateTime::currentDateTimeUtc();
    qint64 m_offsetMs = 0;
};

class SimProcess
{
public:
    bool start(const Args &args)
    {
        QStringList arguments{QStringLiteral("--child"), QStringLiteral("--servers"),
                              QString::number(args.servers)};
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QCoreApplication::applicationFilePath(), arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        const QString line = readLine(30000);
        setup = QJsonDocument::fromJson(line.toUtf8()).object();
        return !setup.isEmpty();
    }
    QString request(const QString &command)
    {
        m_process.write(command.toUtf8() + '\n');
        return readLine(60000);
    }
    void stop()
    {
        request(QStringLiteral("quit"));
        m_process.waitForFinished(5000);
    }
    qint64 pid() const { return m_process.processId(); }

    QJsonObject setup;

private:
    QString readLine(int timeoutMs)
    {
        waitUntil(
            [&] {
                m_buffer += m_process.readAllStandardOutput();
                return m_buffer.contains('\n');
            },
            timeoutMs);
        const int newline = int(m_buffer.indexOf('\n'));
        if (newline < 0)
            return {};
        const QString line = QString::fromUtf8(m_buffer.left(newline));
        m_buffer.remove(0, newline + 1);
        return line;
    }

    QProcess m_process;
    QByteArray m_buffer;
};

//! The real renderer, timed: how much of a cycle is drawing and encoding graphs.
class TimedRenderer final : public ChartRenderer
{
public:
    QByteArray render(Kind kind, const ChartInput &input) override
    {
        QElapsedTimer timer;
        timer.start();
        QByteArray png = m_renderer.render(kind, input);
        totalMs += double(timer.nsecsElapsed()) / 1e6;
        ++count;
        return png;
    }
    QSize imageSize(Kind kind) const override { return m_renderer.imageSize(kind); }
    double totalMs = 0;
    int count = 0;

private:
    QtChartRenderer m_renderer;
};

struct Usage
{
    double cpuMs = 0;
    long maxRssKiB = 0;
};

Usage usage()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    Usage result;
    result.cpuMs = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
                   (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    result.maxRssKiB = ru.ru_maxrss;
    return result;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

struct ModeResult
{
    QString name;
    int cycles = 0;
    double firstCycleWallMs = 0;
    int firstCycleEdits = 0;
    std::vector<double> wallMs;
    std::vector<double> cpuMs;
    int edits = 0;
    int patches = 0;
    int uploads = 0;
    int kept = 0;
    int charts = 0;
    std::vector<double> ackMs;
    std::vector<double> answerMs;
    long maxRssKiB = 0;
    long rssBeforeBotKiB = 0;
    double renderMs = 0;
    int renders = 0;
    double simCpuMs = 0; //!< the simulators' CPU time (child process) over the cycles
    double slowestMs = 0;
    int slowestCycle = 0;
    int slowestEdits = 0;
    int slowestCharts = 0;
    QString slowestReasons;
    QHash<QString, int> reasons;
};

//! Placeholder messages the tracked embeds start from, as after a restart of a running bot.
QJsonObject createPlaceholders(QNetworkAccessManager *nam, Clock *clock, const QJsonObject &setup,
                               int tracked)
{
    RestOptions options;
    options.baseUrl = QUrl(setup[QStringLiteral("restUrl")].toString());
    options.botToken = setup[QStringLiteral("token")].toString();
    RestClient rest(nam, clock, options);
    const QJsonArray channels = setup[QStringLiteral("channels")].toArray();
    const QJsonArray servers = setup[QStringLiteral("servers")].toArray();
    QJsonObject store;
    int pending = 0;
    for (int i = 0; i < tracked && i < servers.size(); ++i) {
        const QString channel = channels.at(i % channels.size()).toString();
        const QString server = servers.at(i).toString();
        Message message;
        message.content = QStringLiteral("status of %1 follows").arg(server);
        RestReply *reply = rest.createMessage(channel, message);
        ++pending;
        QObject::connect(reply, &RestReply::finished, [&store, &pending, reply, server, channel] {
            --pending;
            const QString id = reply->object().value(QStringLiteral("id")).toString();
            if (!id.isEmpty()) {
                store.insert(server, QJsonObject{{QStringLiteral("channel_id"), channel},
                                                 {QStringLiteral("message_id"), id}});
            }
        });
    }
    waitUntil([&] { return pending == 0; }, 60000);
    return store;
}

ModeResult runMode(const QString &name, const Args &args, int forcedRefreshS, int cycles,
                   bool interactions)
{
    ModeResult result;
    result.name = name;
    SimProcess sim;
    if (!sim.start(args)) {
        std::fprintf(stderr, "could not start the simulators\n");
        std::exit(1);
    }
    sim.request(QStringLiteral("tracked %1").arg(args.tracked));
    const QJsonObject &setup = sim.setup;

    QNetworkAccessManager nam;
    SteppedClock clock;
    QTemporaryDir dataDir;
    const QJsonObject store = createPlaceholders(&nam, &clock, setup, args.tracked);
    {
        QFile file(dataDir.filePath(EmbedStore::fileName()));
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(store).toJson());
    }
    sim.request(QStringLiteral("stats")); // reset the counters

    Config config;
    config.discord.token = setup[QStringLiteral("token")].toString();
    config.discord.apiUrl = QUrl(setup[QStringLiteral("restUrl")].toString());
    config.discord.guildId = setup[QStringLiteral("guild")].toString();
    config.discord.controlRole = QStringLiteral("Server Admin");
    config.pterodactyl.panelUrl = QUrl(setup[QStringLiteral("panelUrl")].toString());
    config.pterodactyl.clientKey = setup[QStringLiteral("clientKey")].toString();
    config.bot.updateInterval = args.intervalS;
    config.bot.forcedRefresh = forcedRefreshS;
    config.bot.dataDir = dataDir.path();
    BotTuning tuning;
    tuning.cycleIntervalMs = 24 * 3'600'000; // cycles run when the benchmark says so
    // What the automatic budget gives at the simulated interval: 2 x 200 x 10 s / 600 s = 7.
    if (forcedRefreshS > 0) {
        tuning.lazyEditsPerCycle = std::max(
            4, int(std::ceil(2.0 * args.tracked * args.intervalS / double(forcedRefreshS))));
    }
    tuning.panelClientRequestsPerMinute = 1'000'000;
    tuning.gatewayIdentifyGapMs = 10;

    TimedRenderer renderer;
    result.rssBeforeBotKiB = usage().maxRssKiB;
    BotCore bot(config, BotServices{&nam, &clock, args.charts ? &renderer : nullptr}, tuning);
    int firstEdits = -1;
    QObject::connect(&bot, &BotCore::cycleFinished, [&](const CycleReport &report) {
        if (report.number == 1) {
            firstEdits = report.edits;
            result.firstCycleWallMs = double(report.durationMs);
        }
    });
    const ApiError error = QCoro::waitFor(bot.start());
    if (error) {
        std::fprintf(stderr, "bot did not start: %s\n", qPrintable(error.toString()));
        std::exit(1);
    }
    waitUntil([&] { return firstEdits >= 0 && bot.gatewayState() == Gateway::State::Ready; },
              120000);
    result.firstCycleEdits = firstEdits;
    const double simCpuBefore =
        sim.request(QStringLiteral("stats")).section(QLatin1Char(' '), 2, 2).toDouble();

    const int interactionEvery =
        interactions && args.interactions > 0 ? std::max(1, cycles / args.interactions) : 0;
    for (int i = 0; i < cycles; ++i) {
        sim.request(QStringLiteral("tick %1 %2").arg(args.intervalS * 1000).arg(args.churn));
        clock.advance(qint64(args.intervalS) * 1000);
        const Usage before = usage();
        QElapsedTimer wall;
        wall.start();
        QString interaction;
        auto cycle = bot.runCycleNow();
        if (interactionEvery > 0 && i % interactionEvery == interactionEvery / 2)
            interaction = sim.request(QStringLiteral("inject")); // arrives during the cycle
        const CycleReport report = QCoro::waitFor(std::move(cycle));
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        const Usage after = usage();
        if (!interaction.isEmpty()) {
            QString answer;
            waitUntil(
                [&] {
                    answer = sim.request(QStringLiteral("ack ") + interaction);
                    return answer.endsWith(QLatin1String(" 1"));
                },
                10000);
            result.ackMs.push_back(answer.section(QLatin1Char(' '), 0, 0).toDouble());
            result.answerMs.push_back(double(wall.nsecsElapsed()) / 1e6);
            continue; // this cycle also carried the interaction: not a clean timing
        }
        if (wallMs > result.slowestMs) {
            result.slowestMs = wallMs;
            result.slowestCycle = report.number;
            result.slowestEdits = report.edits;
            result.slowestCharts = report.chartsRendered;
            QStringList reasons;
            for (auto it = report.reasons.cbegin(); it != report.reasons.cend(); ++it)
                reasons << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            result.slowestReasons = reasons.join(QStringLiteral(", "));
        }
        result.wallMs.push_back(wallMs);
        result.cpuMs.push_back(after.cpuMs - before.cpuMs);
        result.edits += report.edits;
        result.uploads += report.imagesUploaded;
        result.kept += report.imagesKept;
        result.charts += report.chartsRendered;
        for (auto it = report.reasons.cbegin(); it != report.reasons.cend(); ++it)
            result.reasons[it.key()] += it.value();
    }
    result.cycles = cycles;
    result.renderMs = renderer.totalMs;
    result.renders = renderer.count;
    const QStringList stats = sim.request(QStringLiteral("stats")).split(QLatin1Char(' '));
    result.patches = stats.value(0).toInt();
    result.simCpuMs = stats.value(2).toDouble() - simCpuBefore;
    QCoro::waitFor(bot.stop());
    sim.stop();
    result.maxRssKiB = usage().maxRssKiB;
    return result;
}

void print(const ModeResult &r, const Args &args)
{
    const double hours = double(r.cycles) * args.intervalS / 3600.0;
    const double cleanCycles = double(r.wallMs.size());
    std::printf("\n== %s: %d cycles of %d s = %.2f simulated hours, %d servers, %d tracked, "
                "churn %d/cycle\n",
                qPrintable(r.name), r.cycles, args.intervalS, hours, args.servers, args.tracked,
                args.churn);
    std::printf("first cycle (every embed first check): %.0f ms wall, %d edits\n",
                r.firstCycleWallMs, r.firstCycleEdits);
    std::printf("cycle wall   median %.1f ms  p90 %.1f ms  max %.1f ms\n",
                percentile(r.wallMs, 0.5), percentile(r.wallMs, 0.9), percentile(r.wallMs, 1.0));
    std::printf("cycle CPU    median %.1f ms  p90 %.1f ms  max %.1f ms (process, user+sys)\n",
                percentile(r.cpuMs, 0.5), percentile(r.cpuMs, 0.9), percentile(r.cpuMs, 1.0));
    std::printf("slowest      cycle %d: %.0f ms, %d edits, %d charts (%s)\n", r.slowestCycle,
                r.slowestMs, r.slowestEdits, r.slowestCharts, qPrintable(r.slowestReasons));
    const double scale = cleanCycles > 0 ? double(r.cycles) / cleanCycles / hours : 0;
    std::printf("edits        %d in %d timed cycles -> %.0f per hour (Discord saw %d PATCH "
                "in all %d cycles -> %.0f per hour)\n",
                r.edits, int(cleanCycles), r.edits * scale, r.patches, r.cycles, r.patches / hours);
    QStringList reasons;
    for (auto it = r.reasons.cbegin(); it != r.reasons.cend(); ++it)
        reasons << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    reasons.sort();
    std::printf("reasons      %s\n", qPrintable(reasons.join(QStringLiteral(", "))));
    std::printf("charts       %d rendered, %d uploaded, %d kept; all renders (first cycle "
                "included): %d in %.0f ms = %.1f ms each\n",
                r.charts, r.uploads, r.kept, r.renders, r.renderMs,
                r.renders ? r.renderMs / r.renders : 0.0);
    if (!r.ackMs.empty()) {
        std::printf("interaction  ack median %.0f ms  max %.0f ms; answered (during a cycle) "
                    "median %.0f ms  max %.0f ms (%zu interactions)\n",
                    percentile(r.ackMs, 0.5), percentile(r.ackMs, 1.0), percentile(r.answerMs, 0.5),
                    percentile(r.answerMs, 1.0), r.ackMs.size());
    }
    std::printf("simulators   %.0f ms CPU in the child process over the %d cycles (%.0f ms each)\n",
                r.simCpuMs, r.cycles, r.cycles ? r.simCpuMs / r.cycles : 0.0);
    std::printf("peak RSS     %.1f MiB (%.1f MiB before BotCore: Qt, QApplication, renderer)\n",
                r.maxRssKiB / 1024.0, r.rssBeforeBotKiB / 1024.0);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    Args args;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        auto next = [&] { return i + 1 < argc ? QByteArray(argv[++i]).toInt() : 0; };
        if (arg == "--child")
            args.child = true;
        else if (arg == "--servers")
            args.servers = next();
        else if (arg == "--tracked")
            args.tracked = next();
        else if (arg == "--cycles")
            args.cycles = next();
        else if (arg == "--compare-cycles")
            args.compareCycles = next();
        else if (arg == "--churn")
            args.churn = next();
        else if (arg == "--interval")
            args.intervalS = next();
        else if (arg == "--interactions")
            args.interactions = next();
        else if (arg == "--no-charts")
            args.charts = false;
    }
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.info=false;pterodisbot.*.warning=true;qt.*=false");
    if (args.child) {
        QCoreApplication app(argc, argv);
        SimChild child(args);
        if (!child.start())
            return 1;
        return app.exec();
    }
    prepareOffscreenPlatform(true);
    QApplication app(argc, argv);
    std::printf("bench_cycle: BotCore against the simulators (child process), %d servers, "
                "%d tracked\n",
                args.servers, args.tracked);
    const ModeResult smart = runMode(QStringLiteral("smart policy (forced refresh 600 s)"), args,
                                     600, args.cycles, true);
    print(smart, args);
    if (args.compareCycles > 0) {
        const ModeResult every = runMode(QStringLiteral("edit every cycle (forced refresh 0)"),
                                         args, 0, args.compareCycles, false);
        print(every, args);
    }
    return 0;
}
