#include "bot/UpdateCycle.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <QCoroSignal>
#include <QPointer>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/LiveStreams.h"
#include "bot/SampleIntake.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

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
    m_live = new LiveStreams(context, this);
    connect(m_live, &LiveStreams::stateChanged, this,
            [this](const QString &serverId, const ResourceSample &sample) {
                follow(serverId, sample);
            });
}

UpdateCycle::~UpdateCycle() = default;

void UpdateCycle::start()
{
    m_timer.start(m_context->cycleIntervalMs());
    syncStreams();
    onTimer();
}

void UpdateCycle::stop()
{
    m_timer.stop();
    m_live->stopAll();
}

void UpdateCycle::syncStreams(bool restart)
{
    const BotContext &context = *m_context;
    m_live->sync(context.config.pterodactyl.statsSource == StatsSource::WebSocket &&
                     m_timer.isActive(),
                 context.store->serverIds(), restart);
}

int UpdateCycle::streamCount() const
{
    return m_live->count();
}

QCoro::Task<> UpdateCycle::follow(QString serverId, ResourceSample sample)
{
    if (!m_context->store->contains(serverId))
        co_return;
    const QString reason = absorb(serverId, sample, false, nullptr);
    if (reason.isEmpty())
        co_return;
    co_await m_publisher->edit(serverId, reason + QStringLiteral(" (live)"));
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
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        Fetched &entry = fetched[size_t(i)];
        entry.serverId = id;
        if (const auto streamed = m_live->freshSample(id, context.streamStaleMs())) {
            entry.ok = true;
            entry.streamed = true;
            entry.sample = *streamed;
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
        raise(*alert);

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
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    emit cycleFinished(report);
    co_return report;
}

// The deciding half: what one sample means for its embed, and how many freshening edits a
// cycle may send.
void UpdateCycle::noteDisplay(const QString &serverId, DisplayState state)
{
    const auto it = m_displays.constFind(serverId);
    if (it != m_displays.cend() && *it == state)
        return;
    m_displays.insert(serverId, state);
    emit statusChanged(serverId, state);
}

void UpdateCycle::raise(const OutageAlerts::Alert &alert)
{
    m_publisher->postAlert(alert);
}

void UpdateCycle::warnAboutPanelBudget(int tracked)
{
    // Polling every tracked server each cycle has to fit the panel's request budget, or every
    // cycle waits for the rate limiter.
    const BotContext &context = *m_context;
    if (context.config.pterodactyl.statsSource != StatsSource::Poll) {
        m_budgetWarned = false;
        return;
    }
    // What the panel client works with: Pelican's lower budget for a Pelican key, or less when
    // the panel reports less.
    const int budget = context.panel ? int(context.panel->clientRequestBudget() * 60000.0 /
                                           context.panel->options().rateLimitWindowMs)
                                     : context.tuning.panelClientRequestsPerMinute;
    const double perMinute = tracked * 60000.0 / context.cycleIntervalMs();
    const bool tight = budget > 0 && perMinute > 0.9 * budget;
    if (tight && !m_budgetWarned) {
        qCWarning(lcBot).noquote()
            << QStringLiteral("%1 tracked servers polled every %2 s need %3 panel requests per "
                              "minute, more than the %4 the panel allows: cycles will wait. "
                              "Use stats_source = websocket or a longer update_interval.")
                   .arg(tracked)
                   .arg(context.cycleIntervalMs() / 1000.0)
                   .arg(qRound(perMinute))
                   .arg(budget);
    }
    m_budgetWarned = tight;
}

int UpdateCycle::lazyBudget(int tracked) const
{
    if (m_context->tuning.lazyEditsPerCycle > 0)
        return m_context->tuning.lazyEditsPerCycle;
    const qint64 forcedMs = m_context->policy.settings().forcedRefreshMs;
    if (forcedMs <= 0)
        return std::numeric_limits<int>::max();
    const double perCycle = 2.0 * tracked * m_context->cycleIntervalMs() / double(forcedMs);
    return std::max(4, int(std::ceil(perCycle)));
}

QString UpdateCycle::absorb(const QString &serverId, const ResourceSample &sample,
                            bool addToHistory, int *lazyBudget)
{
    BotContext &context = *m_context;
    m_intake->record(serverId, sample,
                     addToHistory ? SampleIntake::Source::Poll : SampleIntake::Source::Stream);

    const Server *server = context.state.server(serverId);
    const DisplayState display =
        StatusEmbed::displayState(server ? *server : Server{}, &sample, false);
    noteDisplay(serverId, display);

    const UpdatePolicy::Decision preview =
        context.policy.evaluate(serverId, sample.state, sample.cpuAbsolute);
    const bool lazy = preview.edit && preview.reason == UpdatePolicy::Reason::ForcedRefresh;
    if (lazy && lazyBudget && *lazyBudget <= 0)
        return {}; // still due next cycle: evaluate() recorded nothing
    const UpdatePolicy::Decision decision =
        context.policy.decide(serverId, sample.state, sample.cpuAbsolute);
    if (decision.edit) {
        if (lazy && lazyBudget)
            --*lazyBudget;
        return UpdatePolicy::reasonName(decision.reason);
    }
    const EmbedRuntime *runtime = context.state.embedIfKnown(serverId);
    if (runtime && runtime->shown && *runtime->shown != display) {
        // Suspended, installing, maintenance: not a power state change, still worth showing.
        return QStringLiteral("condition changed");
    }
    if (display == DisplayState::Running && context.renderer && runtime &&
        runtime->attachmentId.isEmpty() && context.history.sampleCount(serverId) >= 2 &&
        (!lazyBudget || *lazyBudget > 0)) {
        // The embed was posted before there was a graph to show: one edit adds it.
        if (lazyBudget)
            --*lazyBudget;
        return QStringLiteral("chart available");
    }
    return {};
}

QString UpdateCycle::conditionEditReason(const QString &serverId, DisplayState display,
                                         int *lazyBudget)
{
    BotContext &context = *m_context;
    const EmbedRuntime *runtime = context.state.embedIfKnown(serverId);
    if (!runtime || runtime->shown != display)
        return QStringLiteral("condition changed");
    // Shown already. The policy still keeps its "last update" honest: EmbedPublisher records
    // the last sample (or Unknown without one) for such an embed, so the same values here say
    // only when the forced refresh is due.
    const auto sample = context.state.sample(serverId);
    const UpdatePolicy::Decision preview = context.policy.evaluate(
        serverId, sample ? sample->state : PowerState::Unknown, sample ? sample->cpuAbsolute : 0);
    const bool freshen = preview.reason == UpdatePolicy::Reason::ForcedRefresh ||
                         preview.reason == UpdatePolicy::Reason::FirstCheck;
    if (!freshen || *lazyBudget <= 0)
        return {};
    --*lazyBudget;
    return UpdatePolicy::reasonName(UpdatePolicy::Reason::ForcedRefresh);
}

} // namespace Pterodisbot
