#include "RestBench.h"

#include <cstdio>

#include <QEventLoop>
#include <QList>
#include <QNetworkAccessManager>
#include <QPointer>

#include "Clock.h"
#include "discord/Message.h"
#include "discord/RestClient.h"
#include "Measure.h"
#include "SimHost.h"

using namespace Pterodisbot;
using namespace PterodisbotSim;

namespace PterodisbotBench {
namespace {

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

} // namespace

void benchRestEdits(int edits)
{
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

} // namespace PterodisbotBench
