#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include "SoakContext.h"

namespace PterodisbotSim {
struct DiscordRequestRecord;
struct PanelRequestRecord;
} // namespace PterodisbotSim

namespace Pterodisbot::Soak {

/*!
 * Injects one random fault every few hundred milliseconds into the Discord gateway, Discord's
 * REST API, the panel and Wings, using only the simulators' fault controls; timed faults are
 * cleared after a random duration. Counts every fault by kind in SoakContext::injected and
 * records the windows the invariants judge by (storms, lost sessions, refusing channels).
 */
class FaultInjector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultInjector)

public:
    explicit FaultInjector(SoakContext *context, QObject *parent = nullptr);
    ~FaultInjector() override;

    //! Faults until stop(); fatal close codes only before \a fatalUntilMs (soak time).
    void start(qint64 fatalUntilMs);
    //! Stops injecting and lifts every fault in force.
    void stop();

    //! Feeds the storm windows: a forced global 429 starts when Discord first answers one.
    void onDiscordRequest(const PterodisbotSim::DiscordRequestRecord &record);

    //! Close codes that end the session for good: the bot stops with fatalError().
    static const QList<int> &fatalCloseCodes();

signals:
    //! A fatal close code was sent: a fatalError() of the bot is expected now.
    void fatalCloseInjected(int code);

private:
    void injectOne();
    void injectGateway();
    void injectDiscordRest();
    void injectPanel();
    //! Runs \a clear after \a durationMs unless stop() came first; \a slot stays busy until.
    void holdFor(const QString &slot, int durationMs, std::function<void()> clear);
    bool busy(const QString &slot) const;
    bool gatewayReady() const;

    SoakContext *m_context;
    QTimer m_timer;
    bool m_running = false;
    qint64 m_fatalUntilMs = 0;
    qint64 m_lastGatewayFaultMs = -100000;
    qint64 m_lastFatalMs = -100000;
    qint64 m_lastChannelDeleteMs = -100000;
    int m_nextFatal = 0;
    //! Slot -> soak time until which a timed fault of that kind is in force.
    QHash<QString, qint64> m_busyUntil;
    //! Clears of the faults in force, by slot, run by stop().
    QHash<QString, std::function<void()>> m_clears;
    //! The global 429 armed in the simulator, waiting for its first victim; -1 = none.
    int m_armedGlobalWindow = -1;
    int m_armedGlobalRetryMs = 0;
};

} // namespace Pterodisbot::Soak
