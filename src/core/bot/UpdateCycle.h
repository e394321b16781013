#pragma once

#include <QCoroTask>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "bot/OutageAlerts.h"
#include "bot/StatusEmbed.h"
#include "net/ApiError.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

struct BotContext;
class EmbedPublisher;
class SampleIntake;
class LiveStreams;

//! What one update cycle did; the GUI and the benchmarks read it.
struct CycleReport
{
    int number = 0;
    qint64 startedAtMs = 0; //!< monotonic
    qint64 durationMs = 0;
    int tracked = 0;
    int polled = 0;   //!< /resources requests sent
    int streamed = 0; //!< samples taken from Wings streams instead
    int failed = 0;   //!< tracked servers without a sample this cycle
    bool serverListFetched = false;
    bool panelReachable = true;
    //! Why the panel counts as down this cycle; empty when reachable.
    QString panelError;
    int edits = 0; //!< embeds written (edits and reposts)
    int editsFailed = 0;
    int chartsRendered = 0;
    int imagesUploaded = 0;
    int imagesKept = 0;
    int untracked = 0;
    int reposted = 0;
    //! Edits by reason ("state changed", "first check", ...).
    QHash<QString, int> reasons;
};

//! The background cycle: every interval it refreshes the cached server list when due, gets a
//! sample of each tracked server (polled concurrently, or from its Wings stream when
//! stats_source = websocket), feeds MetricsHistory and OutageAlerts, and asks UpdatePolicy
//! whether each embed is worth an edit. A panel outage turns every embed to "unreachable"
//! once; the first sample afterwards edits it back. A cycle never overlaps the previous one.
class UpdateCycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateCycle)

public:
    UpdateCycle(BotContext *context, EmbedPublisher *publisher, SampleIntake *intake,
                QObject *parent = nullptr);
    ~UpdateCycle() override;

    //! Starts the timer and runs a first cycle at once.
    void start();
    //! Stops the timer and the Wings streams; a running cycle finishes (see waitIdle()).
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    //! Milliseconds until the next timed cycle; -1 when the timer is stopped.
    int msUntilNextCycle() const { return m_timer.isActive() ? m_timer.remainingTime() : -1; }
    bool isRunning() const { return m_running; }
    //! Applies a changed interval at once.
    void setIntervalMs(int ms);

    //! Runs a cycle now, after the running one (if any) finished.
    QCoro::Task<CycleReport> runNow();
    //! Returns when no cycle runs and no Discord write is in flight.
    QCoro::Task<> waitIdle();

    //! Starts Wings streams for tracked servers (stats_source = websocket) and stops the ones
    //! no longer needed. \a restart: stop every stream first (the panel client changed).
    void syncStreams(bool restart = false);
    int streamCount() const;

    int cycleCount() const { return m_count; }
    //! Ticks skipped because the previous cycle was still running.
    int skippedCount() const { return m_skipped; }
    const CycleReport &lastReport() const { return m_last; }

signals:
    void cycleFinished(const Pterodisbot::CycleReport &report);
    //! A tracked server's display state changed (also the first time it is known).
    void statusChanged(const QString &serverId, Pterodisbot::DisplayState state);

private:
    struct Fetched
    {
        QString serverId;
        bool ok = false;
        bool streamed = false;
        ResourceSample sample;
        ApiError error;
    };

    void onTimer();
    QCoro::Task<CycleReport> run();
    //! Handles one sample (poll or stream): state, history, alerts; returns the edit reason
    //! or an empty string when the embed is fine as it is. Edits that only freshen an embed
    //! (forced refresh, first graph) take one from \a lazyBudget and wait for a later cycle
    //! when it is spent; null means no limit.
    QString absorb(const QString &serverId, const ResourceSample &sample, bool addToHistory,
                   int *lazyBudget);
    //! Freshening edits allowed in one cycle: enough to refresh every embed about twice per
    //! forced-refresh period, so embeds edited together (at start) do not come due together
    //! forever after.
    int lazyBudget(int tracked) const;
    //! The edit reason for an embed whose server the panel reports in a condition without
    //! resources (409: suspended, installing, transferring): the condition when it is news,
    //! else a budgeted forced refresh when one is due; empty when the embed is fine.
    QString conditionEditReason(const QString &serverId, DisplayState display, int *lazyBudget);
    //! Logs once when polling \a tracked servers per interval exceeds the panel budget.
    void warnAboutPanelBudget(int tracked);
    void noteDisplay(const QString &serverId, DisplayState state);
    //! A state change pushed by Wings: the embed follows at once instead of at the next cycle.
    QCoro::Task<> follow(QString serverId, ResourceSample sample);
    void raise(const OutageAlerts::Alert &alert);

    BotContext *m_context;
    EmbedPublisher *m_publisher;
    SampleIntake *m_intake;
    QTimer m_timer;
    bool m_running = false;
    int m_count = 0;
    int m_skipped = 0;
    int m_cyclesSinceList = 0;
    bool m_budgetWarned = false;
    //! Tracked ids the last full server list did not contain (deleted from the panel).
    QSet<QString> m_missing;
    QHash<QString, DisplayState> m_displays;
    LiveStreams *m_live;
    CycleReport m_last;
};

} // namespace Pterodisbot

Q_DECLARE_METATYPE(Pterodisbot::CycleReport)
Q_DECLARE_METATYPE(Pterodisbot::DisplayState)
