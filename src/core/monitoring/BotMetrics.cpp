#include "monitoring/BotMetrics.h"

#include <algorithm>

#include "bot/BotCore.h"
#include "discord/DiscordRouteKind.h"
#include "monitoring/HealthVerdict.h"
#include "pterodisbot_version.h"

namespace Pterodisbot {

namespace {

const QStringList kPanelApis{QStringLiteral("client"), QStringLiteral("application")};

const QList<DisplayState> kDisplayStates{DisplayState::Running,     DisplayState::Starting,
                                         DisplayState::Stopping,    DisplayState::Offline,
                                         DisplayState::Suspended,   DisplayState::Installing,
                                         DisplayState::Unreachable, DisplayState::Unknown};

MetricFamily family(const char *name, MetricFamily::Type type, const char *help)
{
    MetricFamily result;
    result.name = QString::fromLatin1(name);
    result.type = type;
    result.help = QString::fromUtf8(help);
    return result;
}

MetricFamily counter(const char *name, const char *help, double value)
{
    MetricFamily result = family(name, MetricFamily::Type::Counter, help);
    result.samples.append({{}, value});
    return result;
}

MetricFamily gauge(const char *name, const char *help, double value)
{
    MetricFamily result = family(name, MetricFamily::Type::Gauge, help);
    result.samples.append({{}, value});
    return result;
}

//! One sample per label value: the known ones first (0 when not seen yet, so that rate()
//! works from the first scrape), in their order.
MetricFamily labelled(const char *name, MetricFamily::Type type, const char *help,
                      const QString &label, const QStringList &known,
                      const QHash<QString, quint64> &counts)
{
    MetricFamily result = family(name, type, help);
    for (const QString &value : known)
        result.samples.append({{{label, value}}, double(counts.value(value))});
    return result;
}

} // namespace

BotMetrics::BotMetrics(BotCore *bot, QObject *parent)
    : QObject(parent)
    , m_bot(bot)
    , m_cycleBuckets(cycleDurationBuckets().size() + 1, 0)
{
    connect(bot, &BotCore::cycleFinished, this, &BotMetrics::onCycleFinished);
    connect(bot, &BotCore::embedEdited, this,
            [this](const QString &, const QString &reason) { onEmbedEdited(reason); });
    connect(bot, &BotCore::embedPosted, this, [this] { ++m_embedsPosted; });
    connect(bot, &BotCore::gatewayStateChanged, this, [this](Gateway::State state) {
        // Every reconnect, whatever its cause (a lost connection, Discord's op 7, an invalid
        // session, a failed attempt), waits in BackingOff first.
        if (state == Gateway::State::BackingOff)
            ++m_gatewayReconnects;
    });
    connect(bot, &BotCore::discordRequestFinished, this, &BotMetrics::onDiscordRequest);
    connect(bot, &BotCore::panelRequestFinished, this, &BotMetrics::onPanelRequest);
}

BotMetrics::~BotMetrics() = default;

QList<double> BotMetrics::cycleDurationBuckets()
{
    return {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

QStringList BotMetrics::editReasonLabels()
{
    return {QStringLiteral("first_check"),       QStringLiteral("state_changed"),
            QStringLiteral("cpu_delta"),         QStringLiteral("forced_refresh"),
            QStringLiteral("condition_changed"), QStringLiteral("chart_available"),
            QStringLiteral("unreachable"),       QStringLiteral("refresh"),
            QStringLiteral("power_action"),      QStringLiteral("other")};
}

QString BotMetrics::editReasonLabel(const QString &reason)
{
    QString text = reason.trimmed().toLower();
    // A change pushed by Wings is the same reason, only sooner.
    if (text.endsWith(QLatin1String(" (live)")))
        text.chop(7);
    for (QChar &c : text) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    }
    return editReasonLabels().contains(text) ? text : QStringLiteral("other");
}

void BotMetrics::onCycleFinished(const CycleReport &report)
{
    ++m_cycles;
    if (!report.panelReachable)
        ++m_cyclesPanelUnreachable;
    const double seconds = double(std::max<qint64>(0, report.durationMs)) / 1000.0;
    const QList<double> bounds = cycleDurationBuckets();
    const auto bucket = std::lower_bound(bounds.begin(), bounds.end(), seconds);
    ++m_cycleBuckets[bucket - bounds.begin()];
    m_cycleMsSum += std::max<qint64>(0, report.durationMs);
    m_chartsRendered += quint64(std::max(0, report.chartsRendered));
    m_chartsUploaded += quint64(std::max(0, report.imagesUploaded));
    m_chartsKept += quint64(std::max(0, report.imagesKept));
    m_editsFailed += quint64(std::max(0, report.editsFailed));
}

void BotMetrics::onEmbedEdited(const QString &reason)
{
    ++m_edits[editReasonLabel(reason)];
}

void BotMetrics::onDiscordRequest(const QString &routeKind, int status)
{
    // The kind comes from discordRouteKind(), a fixed set; anything else would be a bug, and
    // still must not grow the label set.
    const QString kind =
        discordRouteKinds().contains(routeKind) ? routeKind : QStringLiteral("other");
    ++m_discordRequests[kind];
    if (status == 429)
        ++m_discordRateLimited[kind];
}

void BotMetrics::onPanelRequest(const QString &api, int attempts, bool failed)
{
    const QString label = kPanelApis.contains(api) ? api : kPanelApis.first();
    m_panelRequests[label] += quint64(std::max(0, attempts));
    if (failed)
        ++m_panelFailures[label];
}

QList<MetricFamily> BotMetrics::families() const
{
    using Type = MetricFamily::Type;
    QList<MetricFamily> families;

    MetricFamily build = family("pterodisbot_build_info", Type::Gauge,
                                "Always 1; the version of the running program is its label.");
    build.samples.append({{{QStringLiteral("version"), QStringLiteral(PTERODISBOT_VERSION)}}, 1});
    families << build;

    // --- The update cycle
    families << counter("pterodisbot_cycles_total", "Update cycles finished.", double(m_cycles));
    families << counter("pterodisbot_cycles_panel_unreachable_total",
                        "Update cycles in which the panel did not answer.",
                        double(m_cyclesPanelUnreachable));
    MetricFamily duration = family("pterodisbot_cycle_duration_seconds", Type::Histogram,
                                   "Duration of the update cycles: panel requests, charts and "
                                   "Discord edits.");
    duration.histograms.append(
        {{}, cycleDurationBuckets(), m_cycleBuckets, double(m_cycleMsSum) / 1000.0});
    families << duration;

    // --- Embeds and charts
    families << labelled("pterodisbot_embed_edits_total", Type::Counter,
                         "Status embeds edited in Discord, by reason.", QStringLiteral("reason"),
                         editReasonLabels(), m_edits);
    families << counter("pterodisbot_embed_edit_failures_total",
                        "Embed edits of the update cycle that failed (retried next cycle).",
                        double(m_editsFailed));
    families << counter("pterodisbot_embeds_posted_total",
                        "Status embeds posted as new messages (reposts included).",
                        double(m_embedsPosted));
    families << counter("pterodisbot_charts_rendered_total", "Charts drawn by the update cycle.",
                        double(m_chartsRendered));
    families << counter("pterodisbot_charts_uploaded_total",
                        "Charts uploaded to Discord with an edit of the update cycle.",
                        double(m_chartsUploaded));
    families << counter("pterodisbot_charts_unchanged_total",
                        "Charts of the update cycle not uploaded again because their image "
                        "had not changed.",
                        double(m_chartsKept));

    // --- Discord
    families << labelled("pterodisbot_discord_requests_total", Type::Counter,
                         "HTTP requests sent to Discord's REST API (each retry counts), by "
                         "route kind.",
                         QStringLiteral("route"), discordRouteKinds(), m_discordRequests);
    families << labelled("pterodisbot_discord_rate_limited_total", Type::Counter,
                         "Discord REST answers with status 429 (rate limited), by route kind.",
                         QStringLiteral("route"), discordRouteKinds(), m_discordRateLimited);
    families << counter("pterodisbot_gateway_reconnects_total",
                        "Times the gateway connection was dropped or refused and the bot "
                        "scheduled a new attempt.",
                        double(m_gatewayReconnects));

    // --- The panel
    families << labelled("pterodisbot_panel_requests_total", Type::Counter,
                         "HTTP requests sent to the panel (each retry counts), by API.",
                         QStringLiteral("api"), kPanelApis, m_panelRequests);
    families << labelled("pterodisbot_panel_request_failures_total", Type::Counter,
                         "Panel requests that ended without a usable answer after their "
                         "retries, by API.",
                         QStringLiteral("api"), kPanelApis, m_panelFailures);

    if (!m_bot)
        return families;
    const BotCore &bot = *m_bot;
    const ConnectionSnapshot connection = bot.connection();

    families << gauge("pterodisbot_panel_rate_limit_budget",
                      "Client API requests per minute the bot allows itself (the configured "
                      "budget, lowered by what the panel reports).",
                      connection.panelRequestBudget);
    MetricFamily remaining = family("pterodisbot_panel_rate_limit_remaining", Type::Gauge,
                                    "Client API requests left in the panel's rate-limit window, "
                                    "as its last X-RateLimit-Remaining said (absent until one "
                                    "did).");
    if (bot.panelRequestsRemaining() >= 0)
        remaining.samples.append({{}, double(bot.panelRequestsRemaining())});
    families << remaining;
    families << gauge("pterodisbot_panel_requests_in_flight", "Panel requests on the wire now.",
                      bot.panelRequestsInFlight());

    // --- State now
    families << gauge("pterodisbot_embeds_tracked", "Status embeds the bot keeps up to date.",
                      bot.embedStore() ? double(bot.embedStore()->size()) : 0);
    QHash<QString, quint64> byState;
    for (const ServerSnapshot &server : bot.serverSnapshots())
        ++byState[displayStateName(server.state)];
    QStringList states;
    for (DisplayState state : kDisplayStates)
        states << displayStateName(state);
    families << labelled("pterodisbot_servers", Type::Gauge,
                         "Servers of the panel's last list, by the state the bot shows.",
                         QStringLiteral("state"), states, byState);
    families << gauge("pterodisbot_gateway_ready",
                      "1 while the Discord gateway session is READY, else 0.",
                      connection.gateway == Gateway::State::Ready ? 1 : 0);
    MetricFamily latency = family("pterodisbot_gateway_heartbeat_latency_seconds", Type::Gauge,
                                  "Round trip of the last acknowledged gateway heartbeat "
                                  "(absent before the first).");
    if (connection.heartbeatLatencyMs >= 0)
        latency.samples.append({{}, double(connection.heartbeatLatencyMs) / 1000.0});
    families << latency;
    const HealthVerdict health = HealthVerdict::judge(HealthVerdict::inputsOf(bot));
    MetricFamily age = family("pterodisbot_last_cycle_age_seconds", Type::Gauge,
                              "Seconds since the last update cycle ended (absent before the "
                              "first).");
    if (health.lastCycleAgeSeconds)
        age.samples.append({{}, *health.lastCycleAgeSeconds});
    families << age;
    families << gauge("pterodisbot_healthy",
                      "1 when /healthz answers 200 (gateway ready, panel reachable, last "
                      "cycle recent), else 0.",
                      health.healthy ? 1 : 0);
    families << gauge("pterodisbot_updates_paused", "1 while update cycles are paused, else 0.",
                      connection.paused ? 1 : 0);
    families << counter("pterodisbot_interactions_total",
                        "Slash commands, buttons and menu choices handled.",
                        bot.interactionCount());
    return families;
}

QByteArray BotMetrics::exposition() const
{
    return renderPrometheusText(families());
}

} // namespace Pterodisbot
