#include "CycleRun.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sys/resource.h>

#include <QCoroTask>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include "bot/BotCore.h"
#include "Clock.h"
#ifdef PTERODISBOT_HAVE_GUI
#include "DesktopFace.h"
#include "MainWindow.h"
#endif
#include "discord/RestClient.h"
#include "EventWait.h"
#include "net/DirectNetworkManager.h"
#include "QtChartRenderer.h"
#include "SimProcess.h"

using namespace Pterodisbot;

namespace PterodisbotBench {
namespace {

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

} // namespace

//! Resident KiB per mapping of this process ("[anon]" for anonymous memory, the heap
//! included), largest first.
static QStringList residentByMapping()
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    QHash<QString, long> kib;
    QString name;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 5 && fields[0].contains('-') && !fields[0].endsWith(':'))
            name = fields.size() >= 6 ? QString::fromUtf8(fields[5]) : QStringLiteral("[anon]");
        else if (fields.size() >= 2 && fields[0] == "Rss:")
            kib[name] += fields[1].toLong();
    }
    QList<std::pair<long, QString>> sorted;
    for (auto it = kib.cbegin(); it != kib.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QStringList lines;
    for (const auto &[size, mapping] : sorted)
        lines << QStringLiteral("%1 KiB  %2").arg(size, 7).arg(mapping);
    return lines;
}

ModeResult runMode(const QString &name, const CycleArgs &args, int forcedRefreshS, int cycles,
                   bool interactions)
{
    ModeResult result;
    result.name = name;
    SimProcess sim;
    if (!sim.start(args.servers, args.panelCacheS))
        std::exit(1);
    sim.request(QStringLiteral("tracked %1").arg(args.tracked));
    const QJsonObject &setup = sim.setup;

    // The transport the service uses; --qt-http measures Qt's own HTTP stack instead.
    DirectNetworkManager directNam;
    QNetworkAccessManager qtNam;
    QNetworkAccessManager &nam = args.qtHttp ? qtNam : directNam;
    SteppedClock clock;
    QTemporaryDir dataDir;
    const QJsonObject store = createPlaceholders(&nam, &clock, setup, args.tracked);
    {
        QFile file(dataDir.filePath(EmbedStore::fileName()));
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(store).toJson());
    }
    sim.request(QStringLiteral("stats")); // reset the counters

    Config config = sim.botConfig();
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
    tuning.keepEmbedImages = args.gui;

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
#ifdef PTERODISBOT_HAVE_GUI
    std::unique_ptr<DesktopFace> face;
    if (args.gui) {
        face = std::make_unique<DesktopFace>(DesktopFace::Options{});
        face->setBot(&bot);
        face->window()->resize(1440, 900);
        face->show();
    }
#else
    if (args.gui) {
        std::fprintf(stderr, "--gui: this build has no admin window (BUILD_GUI=OFF)\n");
        std::exit(2);
    }
#endif
    const ApiError error = QCoro::waitFor(bot.start());
    if (error) {
        std::fprintf(stderr, "bot did not start: %s\n", qPrintable(error.toString()));
        std::exit(1);
    }
    waitUntil([&] { return firstEdits >= 0 && bot.gatewayState() == Gateway::State::Ready; },
              120000);
    result.firstCycleEdits = firstEdits;
#ifdef PTERODISBOT_HAVE_GUI
    if (face && !bot.embeds().isEmpty()) // the graph and the preview follow one of them
        face->window()->selectServer(bot.embeds().constFirst().serverId);
#endif
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
    if (args.rssMap)
        result.rssMap = residentByMapping();
    result.maxRssCyclesKiB = usage().maxRssKiB;
    QCoro::waitFor(bot.stop());
    sim.stop();
    result.maxRssKiB = usage().maxRssKiB;
    return result;
}

} // namespace PterodisbotBench
