#include "StateLatency.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include "bot/BotCore.h"
#include "EventWait.h"
#include "Measure.h"
#include "Monotonic.h"
#include "net/DirectNetworkManager.h"
#include "QtChartRenderer.h"
#include "SimProcess.h"

using namespace Pterodisbot;

namespace PterodisbotBench {
namespace {

//! Something the bot did, on the shared monotonic clock.
struct Stamped
{
    QString server;
    QString what;
    qint64 atUs = 0;
};

//! What the bot process saw while the states changed.
struct Observed
{
    QList<qint64> cycleStartsUs;
    QList<qint64> cycleEndsUs;
    QList<Stamped> statusChanges; //!< BotCore::statusChanged: the bot knows the state
    QList<Stamped> edits;         //!< BotCore::embedEdited: Discord answered the edit
};

//! One transition of the child's list, with what the bot did about it.
struct Measured
{
    QString server;
    QString from;
    QString to;
    qint64 atUs = 0;
    qint64 shownUs = -1;
    bool superseded = false;
    bool graph = false;   //!< the edit showing it carried the graph (rendered for it)
    QString reason;       //!< of the edit that showed it
    qint64 knownUs = -1;  //!< the bot's statusChanged with the new state
    double phaseMs = -1;  //!< since the start of the cycle it fell in
    bool inCycle = false; //!< a cycle was running at the transition

    double latencyMs() const { return double(shownUs - atUs) / 1000.0; }
};

QString ms(double value)
{
    return value >= 1000 ? QStringLiteral("%1 s").arg(value / 1000.0, 0, 'f', 2)
                         : QStringLiteral("%1 ms").arg(value, 0, 'f', 0);
}

//! "p50 | p95 | max" of \a samples, or dashes.
QString spread(const QList<double> &samples)
{
    if (samples.isEmpty())
        return QStringLiteral("— | — | —");
    return QStringLiteral("%1 | %2 | %3")
        .arg(ms(quantile(samples, 0.5)), ms(quantile(samples, 0.95)),
             ms(*std::max_element(samples.cbegin(), samples.cend())));
}

Config botConfig(const SimProcess &sim, const QString &dataDir)
{
    Config config = sim.botConfig();
    config.pterodactyl.statsSource = StatsSource::WebSocket;
    config.bot.dataDir = dataDir;
    return config; // update_interval, forced_refresh and the rest: the defaults
}

//! Starts and stops tracked servers at seeded random moments until \a changes transitions are
//! under way; returns what was done ("31 start, 24 stop, 8 kill").
QString changeStates(SimProcess &sim, const LatencyArgs &args)
{
    QRandomGenerator random(args.seed);
    int transitions = 0;
    int starts = 0;
    int stops = 0;
    int kills = 0;
    while (transitions < args.changes) {
        // Gaps in real time that bear no relation to the 10 s cycle: the changes fall at every
        // phase of it alike.
        spin(int(random.bounded(quint32(args.minGapMs), quint32(args.maxGapMs + 1))));
        const QStringList eligible = sim.request(QStringLiteral("eligible %1").arg(args.servers))
                                         .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (eligible.isEmpty())
            continue;
        const QString pick = eligible.at(int(random.bounded(quint32(eligible.size()))));
        const QString server = pick.section(QLatin1Char(':'), 0, 0);
        QString action;
        if (pick.endsWith(QLatin1String(":offline"))) {
            action = QStringLiteral("start"); // starting, then running
            transitions += 2;
            ++starts;
        } else if (random.bounded(4) == 0) {
            action = QStringLiteral("kill"); // offline at once
            transitions += 1;
            ++kills;
        } else {
            action = QStringLiteral("stop"); // stopping, then offline
            transitions += 2;
            ++stops;
        }
        sim.request(QStringLiteral("power %1 %2").arg(server, action));
    }
    return QStringLiteral("%1 start, %2 stop, %3 kill").arg(starts).arg(stops).arg(kills);
}

QList<Measured> measure(const QJsonArray &transitions, const Observed &observed, int intervalMs)
{
    QList<Measured> out;
    for (const QJsonValue &value : transitions) {
        const QJsonObject object = value.toObject();
        Measured m;
        m.server = object[QStringLiteral("server")].toString();
        m.from = object[QStringLiteral("from")].toString();
        m.to = object[QStringLiteral("to")].toString();
        m.atUs = qint64(object[QStringLiteral("at")].toDouble());
        m.shownUs = qint64(object[QStringLiteral("shown")].toDouble());
        m.superseded = object[QStringLiteral("superseded")].toBool();
        m.graph = object[QStringLiteral("graph")].toBool();
        for (const Stamped &edit : observed.edits) {
            if (m.shownUs >= 0 && edit.server == m.server && edit.atUs >= m.shownUs) {
                m.reason = edit.what;
                break;
            }
        }
        for (const Stamped &status : observed.statusChanges) {
            if (status.server == m.server && status.what == m.to && status.atUs >= m.atUs) {
                m.knownUs = status.atUs;
                break;
            }
        }
        for (qsizetype i = observed.cycleStartsUs.size() - 1; i >= 0; --i) {
            if (observed.cycleStartsUs.at(i) <= m.atUs) {
                m.phaseMs = double(m.atUs - observed.cycleStartsUs.at(i)) / 1000.0;
                m.inCycle = observed.cycleEndsUs.at(i) >= m.atUs;
                break;
            }
        }
        if (m.phaseMs >= intervalMs) // a cycle start is missing (none before the first)
            m.phaseMs = -1;
        out.append(m);
    }
    return out;
}

void printTable(const LatencyArgs &args, const QList<Measured> &measured, const QString &actions,
                int intervalMs, int edits, int rateLimited)
{
    const double timeoutMs = args.timeoutMs;
    std::printf("\n## State change -> embed edited (stats_source = websocket)\n\n");
    std::printf("command: %s\n", qPrintable(args.command));
    std::printf("BotCore (graphs on) tracking %d status embeds in 10 channels; update_interval "
                "%d s (a cycle every %d ms, its timer running as in production), forced_refresh "
                "600 s, the other settings their defaults. Panel simulator in real time: Wings "
                "stats every 1 s, starting 3 s, stopping 2 s, /resources cache %d s. Discord "
                "simulator: per-route buckets raised, global 50/s. Seed %u; %s at gaps uniform "
                "in %d-%d ms.\n",
                args.servers, intervalMs / 1000, intervalMs, args.panelCacheS, args.seed,
                qPrintable(actions), args.minGapMs, args.maxGapMs);
    std::printf("Start: the panel simulator changes the state (Wings pushes it in the same "
                "event-loop turn). End: the Discord simulator has the PATCH of that server's "
                "embed whose State field shows the new state.\n\n");
    std::printf("| transition | n | shown | p50 | p95 | max | no edit within %d s | shown later "
                "state first |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
                args.timeoutMs / 1000);
    struct Row
    {
        const char *name;
        std::function<bool(const Measured &)> match;
    };
    const QList<Row> rows{
        {"all", [](const Measured &) { return true; }},
        {"→ starting", [](const Measured &m) { return m.to == QLatin1String("starting"); }},
        {"→ running", [](const Measured &m) { return m.to == QLatin1String("running"); }},
        {"→ stopping", [](const Measured &m) { return m.to == QLatin1String("stopping"); }},
        {"stopping → offline",
         [](const Measured &m) {
             return m.to == QLatin1String("offline") && m.from == QLatin1String("stopping");
         }},
        {"running → offline (kill)",
         [](const Measured &m) {
             return m.to == QLatin1String("offline") && m.from != QLatin1String("stopping");
         }},
    };
    for (const Row &row : rows) {
        QList<double> latencies;
        int n = 0;
        int missed = 0;
        int superseded = 0;
        for (const Measured &m : measured) {
            if (!row.match(m))
                continue;
            ++n;
            if (m.superseded)
                ++superseded;
            else if (m.shownUs < 0 || m.latencyMs() > timeoutMs)
                ++missed;
            else
                latencies.append(m.latencyMs());
        }
        std::printf("| %s | %d | %d | %s | %d | %d |\n", row.name, n, int(latencies.size()),
                    qPrintable(spread(latencies)), missed, superseded);
    }

    QList<double> known;
    QList<double> knownToShown;
    QList<double> withGraph;
    QList<double> withoutGraph;
    QHash<QString, int> reasons;
    for (const Measured &m : measured) {
        if (m.knownUs >= 0)
            known.append(double(m.knownUs - m.atUs) / 1000.0);
        if (m.knownUs >= 0 && m.shownUs >= m.knownUs)
            knownToShown.append(double(m.shownUs - m.knownUs) / 1000.0);
        if (m.shownUs >= 0 && !m.superseded)
            (m.graph ? withGraph : withoutGraph).append(m.latencyMs());
        if (m.shownUs >= 0)
            reasons[m.reason.isEmpty() ? QStringLiteral("(no answer seen)") : m.reason] += 1;
    }
    std::printf("\nSplit (p50 | p95 | max): transition -> the bot knows the state "
                "(BotCore::statusChanged) %s; -> PATCH at Discord %s.\n",
                qPrintable(spread(known)), qPrintable(spread(knownToShown)));
    std::printf("Edits that showed a transition with the graph attached: %d (p50 | p95 | max "
                "%s); without: %d (%s).\n",
                int(withGraph.size()), qPrintable(spread(withGraph)), int(withoutGraph.size()),
                qPrintable(spread(withoutGraph)));
    QStringList reasonText;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        reasonText << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    reasonText.sort();
    std::printf("Edits that showed a transition, by the bot's reason: %s. Embed PATCHes in all: "
                "%d; 429s: %d.\n",
                qPrintable(reasonText.join(QStringLiteral(", "))), edits, rateLimited);

    std::printf("\nBy the transition's moment in the update cycle (0 = the cycle started):\n\n"
                "| phase | n | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n");
    const int bins = 4;
    for (int bin = 0; bin < bins; ++bin) {
        const double from = double(intervalMs) * bin / bins;
        const double to = double(intervalMs) * (bin + 1) / bins;
        QList<double> latencies;
        for (const Measured &m : measured) {
            if (m.phaseMs >= from && m.phaseMs < to && !m.superseded && m.shownUs >= 0)
                latencies.append(m.latencyMs());
        }
        std::printf("| %.1f-%.1f s | %d | %s |\n", from / 1000, to / 1000, int(latencies.size()),
                    qPrintable(spread(latencies)));
    }
    int inCycle = 0;
    QList<double> inCycleLatencies;
    for (const Measured &m : measured) {
        if (m.inCycle && !m.superseded && m.shownUs >= 0) {
            ++inCycle;
            inCycleLatencies.append(m.latencyMs());
        }
    }
    std::printf("\nTransitions while a cycle was running: %d (p50 | p95 | max %s).\n", inCycle,
                qPrintable(spread(inCycleLatencies)));
    std::fflush(stdout);
}

} // namespace

bool runStateLatency(const LatencyArgs &args)
{
    SimProcess sim;
    if (!sim.start(args.servers, args.panelCacheS))
        return false;
    const QJsonObject &setup = sim.setup;
    QTemporaryDir dataDir;
    DirectNetworkManager nam; // the service's transport
    QtChartRenderer renderer;
    BotCore bot(botConfig(sim, dataDir.path()), BotServices{&nam, nullptr, &renderer});

    Observed observed;
    QObject::connect(&bot, &BotCore::cycleFinished, [&](const CycleReport &report) {
        const qint64 now = monotonicUs();
        observed.cycleStartsUs.append(now - report.durationMs * 1000);
        observed.cycleEndsUs.append(now);
    });
    QObject::connect(
        &bot, &BotCore::statusChanged, [&](const QString &serverId, DisplayState state) {
            observed.statusChanges.append({serverId, displayStateName(state), monotonicUs()});
        });
    QObject::connect(&bot, &BotCore::embedEdited,
                     [&](const QString &serverId, const QString &reason) {
                         observed.edits.append({serverId, reason, monotonicUs()});
                     });
    int posted = 0;
    QObject::connect(&bot, &BotCore::embedPosted, [&] { ++posted; });

    const ApiError error = QCoro::waitFor(bot.start());
    if (error) {
        std::fprintf(stderr, "bot did not start: %s\n", qPrintable(error.toString()));
        sim.stop();
        return false;
    }
    // The embeds are posted as /server_status does it, spread over the channels, once the
    // first cycle has the panel's server list.
    if (!waitUntil([&] { return bot.servers().size() >= args.servers; }, 60000)) {
        std::fprintf(stderr, "the bot did not list the panel's servers\n");
        sim.stop();
        return false;
    }
    const QJsonArray channels = setup[QStringLiteral("channels")].toArray();
    const QJsonArray servers = setup[QStringLiteral("servers")].toArray();
    for (int i = 0; i < args.servers && i < servers.size(); ++i)
        bot.postEmbed(servers.at(i).toString(), channels.at(i % channels.size()).toString());
    const bool ready =
        waitUntil([&] { return posted >= args.servers; }, 60000) &&
        waitUntil(
            [&] {
                spin(100);
                return sim.request(QStringLiteral("sessions")).toInt() >= args.servers;
            },
            60000);
    if (!ready) {
        std::fprintf(stderr, "the embeds or the Wings streams did not come up (%d posted)\n",
                     posted);
        sim.stop();
        return false;
    }
    spin(2000); // every stream authenticated and its first stats in

    const QString actions = changeStates(sim, args);
    // The last changes get their time to show (or to time out).
    waitUntil(
        [&] {
            spin(200);
            return sim.request(QStringLiteral("pending %1").arg(args.timeoutMs)).toInt() == 0;
        },
        args.timeoutMs + 2000);
    const QJsonObject result =
        QJsonDocument::fromJson(sim.request(QStringLiteral("transitions")).toUtf8()).object();
    const int intervalMs = bot.cycleIntervalMs();
    QCoro::waitFor(bot.stop());
    sim.stop();

    const QList<Measured> measured =
        measure(result[QStringLiteral("transitions")].toArray(), observed, intervalMs);
    printTable(args, measured, actions, intervalMs, result[QStringLiteral("edits")].toInt(),
               result[QStringLiteral("rateLimited")].toInt());
    return true;
}

} // namespace PterodisbotBench
