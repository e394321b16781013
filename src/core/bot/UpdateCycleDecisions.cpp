// The deciding half of the update cycle: what one sample means for its server and its embed
// (state, history, alerts, which edit), and how many freshening edits a cycle may send.
#include "bot/UpdateCycle.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/SampleIntake.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

namespace Pterodisbot {

void UpdateCycle::noteDisplay(const QString &serverId, DisplayState state)
{
    const auto it = m_displays.constFind(serverId);
    if (it != m_displays.cend() && *it == state)
        return;
    m_displays.insert(serverId, state);
    emit statusChanged(serverId, state);
}

void UpdateCycle::raise(const QString &text)
{
    m_publisher->postAlert(text);
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
