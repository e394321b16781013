// Discord client benchmark against the DiscordSimulator (in its own thread, like a remote
// server): gateway dispatches parsed per second (plain JSON and zlib-stream), sustained REST
// throughput at the simulator's rate limits (one channel bucket; many channels up to the
// global limit), and start-up to READY.
// Usage: bench_discord [--events N] [--edits N] [--runs N] [--only gateway|rest|startup]
#include <algorithm>
#include <cstdio>
#include <functional>

#include <ctime>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include "Clock.h"
#include "discord/Gateway.h"
#include "discord/Message.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "DiscordSimulator.h"

using namespace Pterodisbot;
using namespace PterodisbotSim;

namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double quantile(QList<double> samples, double q)
{
    std::sort(samples.begin(), samples.end());
    return samples[qMin(samples.size() - 1, qsizetype(q * samples.size()))];
}

//! Runs \a loop until something quits it or \a timeoutMs passes; true when it was quit.
bool runLoop(QEventLoop &loop, int timeoutMs)
{
    bool timedOut = false;
    QTimer::singleShot(timeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    loop.exec();
    return !timedOut;
}

//! The simulator on a thread of its own: its JSON, compression and HTTP handling do not
//! share the client's thread, so the client thread's CPU time is the client's cost.
class SimHost
{
public:
    explicit SimHost(const DiscordSimOptions &options)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        call([&] {
            m_sim = new DiscordSimulator;
            if (!m_sim->start(options))
                m_error = m_sim->errorString();
        });
    }
    ~SimHost()
    {
        call([&] { delete m_sim; });
        m_thread.quit();
        m_thread.wait();
    }
    QString error() const { return m_error; }
    //! Runs \a work on the simulator's thread and waits for it.
    template<typename Work>
    void call(Work work)
    {
        QMetaObject::invokeMethod(&m_context, work, Qt::BlockingQueuedConnection);
    }
    //! Runs \a work on the simulator's thread without waiting.
    template<typename Work>
    void post(Work work)
    {
        QMetaObject::invokeMethod(&m_context, work, Qt::QueuedConnection);
    }
    DiscordSimulator *sim() const { return m_sim; } // only inside call()/post()
    //! CPU time of the simulator's thread so far.
    double cpuMs()
    {
        double ms = 0;
        call([&ms] { ms = threadCpuMs(); });
        return ms;
    }

private:
    QThread m_thread;
    QObject m_context;
    DiscordSimulator *m_sim = nullptr;
    QString m_error;
};

GatewaySettings gatewaySettings(const QString &token, bool zlib)
{
    GatewaySettings settings;
    settings.token = token;
    settings.zlibStream = zlib;
    return settings;
}

// --- 1. gateway dispatches -------------------------------------------------------------------

void benchDispatches(int events)
{
    std::printf(
        "Gateway: %d INTERACTION_CREATE dispatches, simulator thread -> Gateway::dispatch\n",
        events);
    std::printf("%-12s %8s %12s %14s %14s %12s\n", "transport", "bytes", "dispatch/s",
                "client CPU/ev", "client max/s", "sim CPU/ev");
    std::printf("(client CPU: the whole process minus the simulator's thread)\n");
    for (const bool zlib : {false, true}) {
        SimHost host({});
        if (!host.error().isEmpty()) {
            std::printf("simulator failed: %s\n", qPrintable(host.error()));
            return;
        }
        QUrl url;
        QString token;
        host.call([&] {
            url = host.sim()->gatewayUrl();
            token = host.sim()->botToken();
        });
        Gateway gateway(gatewaySettings(token, zlib));
        QEventLoop loop;
        int received = 0;
        int target = 0;
        QObject::connect(&gateway, &Gateway::ready, &loop, &QEventLoop::quit);
        QObject::connect(&gateway, &Gateway::dispatch, &loop, [&] {
            if (++received == target)
                loop.quit();
        });
        gateway.start(url);
        if (!runLoop(loop, 10000)) {
            std::printf("no READY\n");
            return;
        }
        // A real INTERACTION_CREATE (slash command with member, roles, permissions) as template.
        QJsonObject payload;
        host.call([&] {
            const QString id = host.sim()->injectSlashCommand(
                host.sim()->channelIds().first(), QStringLiteral("1500000000000000001"),
                {QStringLiteral("1400000000000000001")}, QStringLiteral("server_status"));
            payload = host.sim()->interactionPayload(id);
        });
        const auto burst = [&](int count) {
            received = 0;
            target = count;
            host.post([&host, &payload, count] {
                for (int i = 0; i < count; ++i)
                    host.sim()->dispatch(QStringLiteral("INTERACTION_CREATE"), payload);
            });
            runLoop(loop, 120000);
        };
        // The injected interaction's own dispatch may still be on its way; then warm up.
        target = 1;
        runLoop(loop, 2000);
        burst(qMin(1000, events));

        const double simStart = host.cpuMs();
        const double cpuStart = processCpuMs();
        QElapsedTimer timer;
        timer.start();
        burst(events);
        const double wallMs = timer.nsecsElapsed() / 1e6;
        const double simCpu = host.cpuMs() - simStart;
        const double clientCpu = processCpuMs() - cpuStart - simCpu;
        const QJsonObject full{{QStringLiteral("op"), 0},
                               {QStringLiteral("t"), QStringLiteral("INTERACTION_CREATE")},
                               {QStringLiteral("s"), 100000},
                               {QStringLiteral("d"), payload}};
        const qsizetype bytes = QJsonDocument(full).toJson(QJsonDocument::Compact).size();
        if (received != events)
            std::printf("only %d of %d dispatches arrived\n", received, events);
        std::printf("%-12s %8lld %12.0f %11.1f µs %14.0f %9.1f µs\n",
                    zlib ? "zlib-stream" : "json text", qlonglong(bytes),
                    received * 1000.0 / wallMs, clientCpu * 1000.0 / events,
                    events / (clientCpu / 1000.0), simCpu * 1000.0 / events);
        gateway.stop();
    }
    std::printf("\n");
}

// --- 2. REST throughput ----------------------------------------------------------------------

Message statusMessage(int n)
{
    Message message;
    Embed embed;
    embed.title = QStringLiteral("Survival SMP");
    embed.description = QStringLiteral("Update %1").arg(n);
    embed.color = 0x57F287;
    embed.addField(QStringLiteral("CPU"), QStringLiteral("%1 %").arg(n % 200), true);
    embed.addField(QStringLiteral("Memory"), QStringLiteral("2.1 GiB of 4 GiB"), true);
    message.embeds.append(embed);
    message.components.append(ActionRow::ofButtons(
        {Button::action(ButtonStyle::Danger, *ComponentId::create(QStringLiteral("stop:a1b2c3d4")),
                        QStringLiteral("Stop"))}));
    return message;
}

bool waitAll(const QList<QPointer<RestReply>> &replies, int timeoutMs)
{
    QEventLoop loop;
    int open = 0;
    for (const auto &reply : replies) {
        if (!reply || reply->isFinished())
            continue;
        ++open;
        QObject::connect(reply, &RestReply::finished, &loop, [&] {
            if (--open == 0)
                loop.quit();
        });
    }
    return open == 0 || runLoop(loop, timeoutMs);
}

struct RestRun
{
    QString label;
    int bucketLimit;
    int bucketWindowMs;
    int channels;
    int edits; //!< in total, round robin over the channels
    qint64 resetMarginMs;
};

void benchRest(const RestRun &run)
{
    DiscordSimOptions options;
    options.messageBucketLimit = run.bucketLimit;
    options.messageBucketWindowMs = run.bucketWindowMs;
    options.channelIds.clear();
    for (int i = 0; i < run.channels; ++i)
        options.channelIds.append(QString::number(1300000000000000001LL + i));
    SimHost host(options);
    QNetworkAccessManager nam;
    RestOptions restOptions;
    restOptions.rateLimits.resetMarginMs = run.resetMarginMs;
    host.call([&] {
        restOptions.baseUrl = host.sim()->restBaseUrl();
        restOptions.botToken = host.sim()->botToken();
    });
    RestClient rest(&nam, SystemClock::instance(), restOptions);

    QList<QPointer<RestReply>> creates;
    for (const QString &channel : std::as_const(options.channelIds))
        creates.append(rest.createMessage(channel, statusMessage(0)));
    for (const auto &reply : std::as_const(creates))
        reply->setAutoDelete(false);
    waitAll(creates, 60000);
    QStringList messageIds;
    for (const auto &reply : std::as_const(creates)) {
        messageIds.append(reply->object().value(QStringLiteral("id")).toString());
        delete reply;
    }
    // Start with fresh windows: the creates used the current ones.
    QEventLoop pause;
    runLoop(pause, qMax(run.bucketWindowMs, 1000) + 50);
    int before = 0;
    int limitedBefore = 0;
    host.call([&] {
        before = host.sim()->requests().size();
        limitedBefore = host.sim()->rateLimitedCount();
    });

    const double simStart = host.cpuMs();
    const double cpuStart = processCpuMs();
    QList<QPointer<RestReply>> replies;
    for (int i = 0; i < run.edits; ++i) {
        const int c = i % run.channels;
        replies.append(rest.editMessage(options.channelIds[c], messageIds[c], statusMessage(i)));
        replies.last()->setAutoDelete(false);
    }
    const bool finished = waitAll(replies, 300000);
    const double clientCpu = processCpuMs() - cpuStart - (host.cpuMs() - simStart);
    int failed = 0;
    for (const auto &reply : std::as_const(replies))
        failed += reply->ok() ? 0 : 1;
    qDeleteAll(replies);

    QList<DiscordRequestRecord> records;
    int limited = 0;
    host.call([&] {
        records = host.sim()->requests().mid(before);
        limited = host.sim()->rateLimitedCount() - limitedBefore;
    });
    if (!finished || records.isEmpty()) {
        std::printf("%-34s did not finish\n", qPrintable(run.label));
        return;
    }
    const qint64 span = records.last().elapsedMs - records.first().elapsedMs;
    // The binding limit: each channel's bucket, or the global 50/s across all of them.
    const double bucketRate = run.channels * run.bucketLimit * 1000.0 / run.bucketWindowMs;
    const bool global = bucketRate > 50.0;
    const int perWindow = global ? 50 : run.channels * run.bucketLimit;
    const int windowMs = global ? 1000 : run.bucketWindowMs;
    // n requests need ceil(n / perWindow) windows; the last starts (windows - 1) windows after
    // the first request: the shortest span the limit allows.
    const int windows = (run.edits + perWindow - 1) / perWindow;
    const double ideal = double(windows - 1) * windowMs;
    // Sustained rate: the edits over the windows they occupied (span + one window), so a run
    // that fills every window exactly shows the limit itself.
    std::printf("%-34s %6d %8lld ms %8.0f ms %7.1f %% %6.1f/s %6.1f/s %5d %6d %8.2f ms\n",
                qPrintable(run.label), run.edits, qlonglong(span), ideal,
                100.0 * ideal / double(qMax<qint64>(span, 1)),
                run.edits * 1000.0 / double(span + windowMs), perWindow * 1000.0 / windowMs,
                limited, failed, clientCpu / run.edits);
}

// --- 3. start-up -----------------------------------------------------------------------------

void benchStartup(int runs)
{
    DiscordSimOptions options;
    // GET /gateway/bot shares the simulator's 10/s bucket of other routes; back-to-back runs
    // would measure its 429 wait instead of the start-up.
    options.otherBucketLimit = 1000;
    SimHost host(options);
    QUrl url;
    QString token;
    QUrl restUrl;
    host.call([&] {
        url = host.sim()->gatewayUrl();
        token = host.sim()->botToken();
        restUrl = host.sim()->restBaseUrl();
    });
    std::printf("Start-up to READY, %d runs each (one new Gateway per run)\n", runs);
    std::printf("%-44s %9s %9s %9s %9s\n", "path", "median", "p90", "min", "CPU med");
    for (int variant = 0; variant < 3; ++variant) {
        const bool zlib = variant == 1;
        const bool viaRest = variant == 2;
        QList<double> wall;
        QList<double> cpu;
        for (int i = -2; i < runs; ++i) { // two warm-up runs
            QNetworkAccessManager nam;    // a new connection for GET /gateway/bot, as at start-up
            RestOptions restOptions;
            restOptions.baseUrl = restUrl;
            restOptions.botToken = token;
            RestClient rest(&nam, SystemClock::instance(), restOptions);
            Gateway gateway(gatewaySettings(token, zlib));
            QEventLoop loop;
            QObject::connect(&gateway, &Gateway::ready, &loop, &QEventLoop::quit);
            const double cpuStart = threadCpuMs();
            QElapsedTimer timer;
            timer.start();
            if (viaRest) {
                RestReply *info = rest.getGatewayBot();
                QObject::connect(info, &RestReply::finished, &loop, [&gateway, info] {
                    if (const auto parsed = GatewayBotInfo::fromJson(info->object()))
                        gateway.start(QUrl(parsed->url));
                });
            } else {
                gateway.start(url);
            }
            if (!runLoop(loop, 10000)) {
                std::printf("no READY\n");
                return;
            }
            const double ms = timer.nsecsElapsed() / 1e6;
            const double cpuMs = threadCpuMs() - cpuStart;
            if (i >= 0) {
                wall.append(ms);
                cpu.append(cpuMs);
            }
            gateway.stop();
        }
        const char *label = viaRest ? "GET /gateway/bot, then start -> ready"
                            : zlib  ? "Gateway::start -> ready (zlib-stream)"
                                    : "Gateway::start -> ready (json text)";
        std::printf("%-44s %6.2f ms %6.2f ms %6.2f ms %6.2f ms\n", label, quantile(wall, 0.5),
                    quantile(wall, 0.9), quantile(wall, 0.0), quantile(cpu, 0.5));
    }
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("events"), QStringLiteral("Dispatches per transport."),
                      QStringLiteral("n"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("edits"), QStringLiteral("Edits per REST row."),
                      QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Start-ups per row (>= 20)."),
                      QStringLiteral("n"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("gateway, rest or startup."),
                      QStringLiteral("section")});
    parser.process(app);
    // Per-request and per-connection info lines would flood the table; warnings stay on.
    QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*.info=false"));
    const QString only = parser.value(QStringLiteral("only"));
    const auto wanted = [&only](const char *section) {
        return only.isEmpty() || only == QLatin1String(section);
    };
    std::printf("bench_discord: Qt %s\n\n", qVersion());

    if (wanted("gateway"))
        benchDispatches(qMax(1000, parser.value(QStringLiteral("events")).toInt()));
    if (wanted("rest")) {
        const int edits = qMax(20, parser.value(QStringLiteral("edits")).toInt());
        std::printf("REST: message edits against the simulator's limits (global 50/s)\n");
        std::printf("%-34s %6s %11s %11s %9s %8s %8s %5s %6s %11s\n", "bucket", "edits", "span",
                    "ideal", "of limit", "rate", "limit", "429s", "failed", "CPU/edit");
        benchRest({QStringLiteral("1 channel, 5 per 250 ms"), 5, 250, 1, edits, 25});
        benchRest({QStringLiteral("1 channel, 10 per 250 ms, margin 3"), 10, 250, 1, edits, 3});
        benchRest({QStringLiteral("1 channel, 5 per 5 s (Discord)"), 5, 5000, 1, 20, 25});
        benchRest({QStringLiteral("25 channels, 5 per 250 ms each"), 5, 250, 25, edits * 2, 25});
        // Without the margin the global gate's second may end before the simulator's does.
        benchRest({QStringLiteral("25 channels, margin 0"), 5, 250, 25, edits * 2, 0});
        std::printf("\n");
    }
    if (wanted("startup"))
        benchStartup(qMax(20, parser.value(QStringLiteral("runs")).toInt()));
    return 0;
}
