#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "monitoring/PrometheusText.h"

namespace Pterodisbot {

class BotCore;
struct CycleReport;
enum class DisplayState;

//! The bot's numbers for /metrics. Counters follow BotCore's observation signals from the
//! moment it is created (cycles, edits, requests, reconnects), gauges are read from the bot's
//! snapshots when families() is called (tracked embeds, servers by state, heartbeat latency,
//! panel budget). Label values come from small fixed sets, never from ids or free text.
class BotMetrics final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotMetrics)

public:
    //! \a bot must outlive the metrics (make them its child).
    explicit BotMetrics(BotCore *bot, QObject *parent = nullptr);
    ~BotMetrics() override;

    //! Every family, in a fixed order; families without samples still carry HELP and TYPE.
    QList<MetricFamily> families() const;
    //! renderPrometheusText(families()).
    QByteArray exposition() const;

    //! Upper bounds of the cycle duration histogram, in seconds.
    static QList<double> cycleDurationBuckets();
    //! The label of an edit reason ("state changed (live)" -> "state_changed"); reasons not in
    //! editReasonLabels() become "other".
    static QString editReasonLabel(const QString &reason);
    static QStringList editReasonLabels();

private:
    void onCycleFinished(const CycleReport &report);
    void onEmbedEdited(const QString &reason);
    void onDiscordRequest(const QString &routeKind, int status);
    void onPanelRequest(const QString &api, int attempts, bool failed);

    QPointer<BotCore> m_bot;
    quint64 m_cycles = 0;
    quint64 m_cyclesPanelUnreachable = 0;
    QList<quint64> m_cycleBuckets; //!< per bucket of cycleDurationBuckets(), +Inf last
    qint64 m_cycleMsSum = 0; //!< whole milliseconds: a sum of doubles would show rounding noise
    quint64 m_chartsRendered = 0;
    quint64 m_chartsUploaded = 0;
    quint64 m_chartsKept = 0;
    quint64 m_editsFailed = 0;
    quint64 m_embedsPosted = 0;
    quint64 m_gatewayReconnects = 0;
    QHash<QString, quint64> m_edits;              //!< reason label -> count
    QHash<QString, quint64> m_discordRequests;    //!< route kind -> HTTP attempts
    QHash<QString, quint64> m_discordRateLimited; //!< route kind -> 429s
    QHash<QString, quint64> m_panelRequests;      //!< api -> HTTP attempts
    QHash<QString, quint64> m_panelFailures;      //!< api -> failed requests
};

} // namespace Pterodisbot
