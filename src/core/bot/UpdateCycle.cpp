#include "bot/UpdateCycle.h"

#include <algorithm>
#include <vector>

#include <QCoroSignal>
#include <QPointer>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/SampleIntake.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/StatsStream.h"

namespace Pterodisbot {

namespace {

// Errors that say nothing about the panel being up: the server is gone, busy, or we stopped.
bool saysPanelIsUp(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::Conflict:
    case ApiError::Kind::Validation:
    case ApiError::Kind::Cancelled:
        return true;
    default:
        return false;
    }
}

} // namespace

UpdateCycle::UpdateCycle(BotContext *context, EmbedPublisher *publisher, SampleIntake *intake,
                         QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_publisher(publisher)
    , m_intake(intake)
{
    qRegisterMetaType<Pterodisbot::CycleReport>();
    qRegisterMetaType<Pterodisbot::DisplayState>();
    connect(&m_timer, &QTimer::timeout, this, &UpdateCycle::onTimer);
}

UpdateCycle::~UpdateCycle()
{
    for (StatsStream *stream : std::as_const(m_streams))
        stream->stop();
}

void UpdateCycle::start()
{
    m_timer.start(m_context->cycleIntervalMs());
    syncStreams();
    onTimer();
}

void UpdateCycle::stop()
{
    m_timer.stop();
    for (StatsStream *stream : std::as_const(m_streams)) {
        stream->stop();
        stream->deleteLater();
    }
    m_streams.clear();
    m_streamSamples.clear();
}

void UpdateCycle::setIntervalMs(int ms)
{
    if (m_timer.isActive())
        m_timer.start(ms);
    else
        m_timer.setInterval(ms);
}

void UpdateCycle::onTimer()
{
    if (m_running) {
        ++m_skipped;
        qCDebug(lcBot) << "update cycle still running: this tick is skipped";
        return;
    }
    run();
}

QCoro::Task<CycleReport> UpdateCycle::runNow()
{
    QPointer<UpdateCycle> self(this);
    while (m_running) {
        co_await qCoro(this, &UpdateCycle::cycleFinished);
        if (!self)
            co_return CycleReport{};
    }
    co_return co_await run();
}

QCoro::Task<> UpdateCycle::waitIdle()
{
    QPointer<UpdateCycle> self(this);
    QPointer<EmbedPublisher> publisher(m_publisher);
    while (self && m_running)
        co_await qCoro(this, &UpdateCycle::cycleFinished);
    while (publisher && publisher->writesInFlight() > 0)
        co_await qCoro(publisher.data(), &EmbedPublisher::writesIdle);
}

QCoro::Task<CycleReport> UpdateCycle::run()
{
    QPointer<UpdateCycle> self(this);
    BotContext &context = *m_context;
    m_running = true;
    CycleReport report;
    report.number = ++m_count;
    report.startedAtMs = context.clock->monotonicMs();
    QStringList ids = context.store->serverIds();
    report.tracked = int(ids.size());
    warnAboutPanelBudget(int(ids.size()));

    // 1. The server list, cached between cycles.
    ApiError listError;
    bool listAttempted = false;
    ++m_cyclesSinceList;
    bool unknownTracked = false;
    for (const QString &id : ids)
        unknownTracked |= !context.state.server(id) && !m_missing.contains(id);
    if (context.panel &&
        (!context.state.hasServerList() ||
         m_cyclesSinceList >= std::max(1, context.tuning.serverListRefreshCycles) ||
         unknownTracked)) {
        listAttempted = true;
        auto listed = co_await context.panel->fetchServers();
        if (!self)
            co_return report;
        if (listed.ok()) {
            m_intake->recordServers(listed.value);
            ids = context.store->serverIds(); // tracked uuids are identifiers now
            m_cyclesSinceList = 0;
            report.serverListFetched = true;
            QSet<QString> present;
            for (const Server &server : std::as_const(listed.value)) {
                present.insert(server.identifier);
                present.insert(server.uuid);
            }
            context.history.retainOnly(present);
            m_missing.clear();
            for (const QString &id : ids) {
                if (!present.contains(id)) {
                    m_missing.insert(id);
                    qCWarning(lcBot)
                        << "tracked server" << id << "is not in the panel's list any more";
                }
            }
        } else {
            listError = listed.error;
            qCWarning(lcBot).noquote() << "could not list the servers:" << listError.toString();
        }
    }

    // 2. A sample of every tracked server: from its Wings stream when fresh, else polled. The
    // requests all start before the first co_await; the panel client bounds concurrency.
    std::vector<Fetched> fetched(size_t(ids.size()));
    std::vector<std::pair<size_t, QCoro::Task<ApiResult<ResourceSample>>>> polls;
    const qint64 now = context.clock->monotonicMs();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        Fetched &entry = fetched[size_t(i)];
        entry.serverId = id;
        const StatsStream *stream = m_streams.value(id);
        const auto streamed = m_streamSamples.constFind(id);
        if (stream && stream->connectionState() == StatsStream::ConnectionState::Streaming &&
            streamed != m_streamSamples.cend() && now - streamed->atMs <= context.streamStaleMs()) {
            entry.ok = true;
            entry.streamed = true;
            entry.sample = streamed->sample;
            entry.sample.timestamp = context.clock->utcNow();
            ++report.streamed;
            continue;
        }
        if (m_missing.contains(id) || !context.panel) {
            entry.error.kind = ApiError::Kind::NotFound;
            continue;
        }
        polls.emplace_back(size_t(i),
                           context.panel->fetchResources(context.state.identifierOf(id)));
    }
    report.polled = int(polls.size());
    for (auto &[index, task] : polls) {
        auto result = co_await task;
        if (!self)
            co_return report;
        fetched[index].ok = result.ok();
        fetched[index].sample = result.value;
        fetched[index].error = result.error;
    }
    // 3. Is the panel there at all? Nothing answered and every failure looks like an outage.
    bool anyOk = false;
    bool anyAttempt = listAttempted;
    bool allOutage = !listAttempted || !saysPanelIsUp(listError);
    ApiError outageError = listError;
    for (const Fetched &entry : fetched) {
        if (entry.ok) {
            anyOk = true;
        } else if (entry.error.kind != ApiError::Kind::NotFound ||
                   !m_missing.contains(entry.serverId)) {
            anyAttempt = true;
            allOutage &= !saysPanelIsUp(entry.error);
            if (!outageError)
                outageError = entry.error;
        }
    }
    if (listAttempted && !listError)
        anyOk = true;
    const bool panelDown = anyAttempt && !anyOk && allOutage && outageError;
    report.panelReachable = !panelDown;
    if (panelDown)
        report.panelError = outageError.toString();
    if (const auto alert = context.alerts.setPanelReachable(!panelDown))
        raise(alert->text);

    // 4. Decide per embed; edit only what a reader would notice.
    const qint64 writesStartedAtMs = context.clock->monotonicMs();
    std::vector<QCoro::Task<EmbedPublisher::Result>> edits;
    int lazy = lazyBudget(int(ids.size()));
    for (const Fetched &entry : fetched) {
        const QString &id = entry.serverId;
        if (!context.store->contains(id))
            continue; // untracked meanwhile (purge, deleted message)
        if (entry.ok) {
            const QString reason = absorb(id, entry.sample, true, &lazy);
            if (!reason.isEmpty()) {
                report.reasons[reason] += 1;
                edits.push_back(m_publisher->edit(id, reason));
            }
            continue;
        }
        ++report.failed;
        if (entry.error.kind == ApiError::Kind::Cancelled ||
            (entry.error.kind == ApiError::Kind::NotFound && !panelDown))
            continue;
        if (entry.error.kind == ApiError::Kind::Conflict && !panelDown) {
            // 409: suspended, installing, transferring. The panel answered; the embed shows
            // the condition from the server list, edited only when that is news.
            const Server *server = context.state.server(id);
            if (server && server->condition == ServerCondition::Normal)
                m_cyclesSinceList = std::max(1, context.tuning.serverListRefreshCycles);
            const auto sample = context.state.sample(id);
            const DisplayState display = StatusEmbed::displayState(
                server ? *server : Server{}, sample ? &*sample : nullptr, false);
            noteDisplay(id, display);
            const QString reason = conditionEditReason(id, display, &lazy);
            if (!reason.isEmpty()) {
                report.reasons[reason] += 1;
                edits.push_back(m_publisher->edit(id, reason));
            }
            continue;
        }
        m_intake->recordFailure(id, panelDown ? outageError : entry.error);
        noteDisplay(id, DisplayState::Unreachable);
        const EmbedRuntime *runtime = context.state.embedIfKnown(id);
        if (runtime && runtime->shown == DisplayState::Unreachable)
            continue; // shown once; no edit storm while it lasts
        report.reasons[QStringLiteral("unreachable")] += 1;
        edits.push_back(m_publisher->edit(id, QStringLiteral("unreachable")));
    }
    for (auto &task : edits) {
        const EmbedPublisher::Result result = co_await task;
        if (!self)
            co_return report;
        report.chartsRendered += result.chartRendered;
        report.imagesUploaded += result.imageUploaded;
        report.imagesKept += result.imageKept;
        switch (result.outcome) {
        case EmbedPublisher::Outcome::Done:
            ++report.edits;
            break;
        case EmbedPublisher::Outcome::Reposted:
            ++report.edits;
            ++report.reposted;
            break;
        case EmbedPublisher::Outcome::Untracked:
            ++report.untracked;
            break;
        case EmbedPublisher::Outcome::Refused:
        case EmbedPublisher::Outcome::Failed:
            ++report.editsFailed;
            break;
        case EmbedPublisher::Outcome::Coalesced:
        case EmbedPublisher::Outcome::Blocked:
        case EmbedPublisher::Outcome::NotTracked:
            break;
        }
    }
    m_publisher->saveStore();
    if (report.untracked > 0)
        syncStreams();

    report.durationMs = context.clock->monotonicMs() - report.startedAtMs;
    const int interval = context.cycleIntervalMs();
    const qint64 readingMs = writesStartedAtMs - report.startedAtMs;
    if (report.durationMs > interval && readingMs <= interval && report.edits > 0) {
        // The panel answered in time; the writes were paced by Discord's rate limits (five
        // edits per channel every few seconds): expected after a restart with many embeds in
        // one channel, not a problem.
        qCInfo(lcBot) << "update cycle" << report.number << "took" << report.durationMs
                      << "ms:" << report.edits << "edits paced by Discord's rate limits";
    } else if (report.durationMs > interval) {
        qCWarning(lcBot) << "update cycle" << report.number << "took" << report.durationMs
                         << "ms, longer than the" << interval << "ms interval (the panel took"
                         << readingMs << "ms)";
    } else {
        qCDebug(lcBot) << "update cycle" << report.number << ":" << report.tracked << "tracked,"
                       << report.edits << "edits in" << report.durationMs << "ms";
    }
    m_last = report;
    m_running = false;
    emit cycleFinished(report);
    co_return report;
}

} // namespace Pterodisbot
