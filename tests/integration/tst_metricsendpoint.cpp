// The /healthz and /metrics endpoint of `[bot] http_listen`, scraped over HTTP on 127.0.0.1 while
// the real bot runs against both simulators: in-process (MonitoringEndpoint on a BotCore), and
// as users run it (the service and the demo as child processes).
#include <csignal>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

#include "BotTestCase.h"
#include "monitoring/MonitoringEndpoint.h"
#include "pterodisbot_version.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

//! What one HTTP request got.
struct Scrape
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray allow;
    QString error;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QStringList reasons() const
    {
        QStringList list;
        for (const QJsonValue &reason : json().value(QStringLiteral("reasons")).toArray())
            list << reason.toString();
        return list;
    }
};

Scrape request(QNetworkAccessManager &nam, const QString &url, const QByteArray &method = "GET")
{
    QNetworkRequest httpRequest{QUrl(url)};
    QNetworkReply *reply = nam.sendCustomRequest(httpRequest, method);
    Scrape scrape;
    if (!waitUntil([reply] { return reply->isFinished(); }, 10000)) {
        scrape.error = QStringLiteral("no answer");
        reply->abort();
    }
    scrape.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        scrape.body = reply->readAll();
    scrape.contentType = reply->rawHeader("Content-Type");
    scrape.allow = reply->rawHeader("Allow");
    if (reply->error() != QNetworkReply::NoError && scrape.status == 0)
        scrape.error = reply->errorString();
    reply->deleteLater();
    return scrape;
}

//! A parsed exposition: families with their HELP and TYPE, and every sample.
struct Exposition
{
    struct Sample
    {
        QString name;
        QHash<QString, QString> labels;
        double value = 0;
    };
    QHash<QString, QString> help;
    QHash<QString, QString> type;
    QList<Sample> samples;
    QStringList problems; //!< what does not follow the format

    //! The value of \a name with exactly \a labels; NaN when absent.
    double value(const QString &name, const QHash<QString, QString> &labels = {}) const
    {
        for (const Sample &sample : samples) {
            if (sample.name == name && sample.labels == labels)
                return sample.value;
        }
        return std::numeric_limits<double>::quiet_NaN();
    }
    //! The sum over every sample of \a name.
    double sum(const QString &name) const
    {
        double total = 0;
        for (const Sample &sample : samples) {
            if (sample.name == name)
                total += sample.value;
        }
        return total;
    }
    bool has(const QString &name) const
    {
        return std::any_of(samples.begin(), samples.end(),
                           [&name](const Sample &sample) { return sample.name == name; });
    }
    //! The family a sample belongs to (histogram suffixes stripped).
    QString familyOf(const QString &sample) const
    {
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            const QLatin1String s(suffix);
            if (sample.endsWith(s)) {
                const QString base = sample.chopped(s.size());
                if (type.value(base) == QLatin1String("histogram"))
                    return base;
            }
        }
        return sample;
    }

    static QString unescape(const QString &text)
    {
        QString out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()) {
                const QChar next = text.at(++i);
                out += next == QLatin1Char('n') ? QChar(u'\n') : next;
            } else {
                out += text.at(i);
            }
        }
        return out;
    }

    static Exposition parse(const QByteArray &text)
    {
        static const QRegularExpression sampleLine(
            QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$"));
        static const QRegularExpression label(
            QStringLiteral("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)"));
        Exposition result;
        if (!text.endsWith('\n'))
            result.problems << QStringLiteral("the text does not end with a newline");
        for (const QString &line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
            if (line.isEmpty())
                continue;
            if (line.startsWith(QLatin1String("# HELP "))) {
                const QString rest = line.mid(7);
                const QString name = rest.section(QLatin1Char(' '), 0, 0);
                if (result.help.contains(name))
                    result.problems << QStringLiteral("two HELP lines for ") + name;
                result.help.insert(name, unescape(rest.section(QLatin1Char(' '), 1)));
                continue;
            }
            if (line.startsWith(QLatin1String("# TYPE "))) {
                const QStringList parts = line.mid(7).split(QLatin1Char(' '));
                if (parts.size() != 2 ||
                    !QStringList{QStringLiteral("counter"), QStringLiteral("gauge"),
                                 QStringLiteral("histogram")}
                         .contains(parts.at(1)))
                    result.problems << QStringLiteral("bad TYPE line: ") + line;
                else if (!result.help.contains(parts.at(0)))
                    result.problems << QStringLiteral("TYPE before HELP: ") + line;
                else
                    result.type.insert(parts.at(0), parts.at(1));
                continue;
            }
            const QRegularExpressionMatch match = sampleLine.match(line);
            if (!match.hasMatch()) {
                result.problems << QStringLiteral("not a sample: ") + line;
                continue;
            }
            Sample sample;
            sample.name = match.captured(1);
            QString labels = match.captured(3);
            qsizetype at = 0;
            while (at < labels.size()) {
                const QRegularExpressionMatch pair =
                    label.match(labels, at, QRegularExpression::NormalMatch,
                                QRegularExpression::AnchorAtOffsetMatchOption);
                if (!pair.hasMatch()) {
                    result.problems << QStringLiteral("bad labels: ") + line;
                    break;
                }
                sample.labels.insert(pair.captured(1), unescape(pair.captured(2)));
                at = pair.capturedEnd();
            }
            const QString value = match.captured(4);
            bool ok = false;
            sample.value = value == QLatin1String("+Inf")   ? qInf()
                           : value == QLatin1String("-Inf") ? -qInf()
                           : value == QLatin1String("NaN")  ? qQNaN()
                                                            : value.toDouble(&ok);
            if (!ok && !value.endsWith(QLatin1String("Inf")) && value != QLatin1String("NaN"))
                result.problems << QStringLiteral("bad value: ") + line;
            const QString family = result.familyOf(sample.name);
            if (!result.type.contains(family))
                result.problems << QStringLiteral("sample without HELP/TYPE: ") + line;
            if (result.type.value(family) == QLatin1String("counter") &&
                !family.endsWith(QLatin1String("_total")))
                result.problems << QStringLiteral("counter without _total: ") + family;
            result.samples.append(sample);
        }
        return result;
    }
};

//! The families the issue asks for, by name.
const QStringList kRequiredFamilies{
    QStringLiteral("pterodisbot_cycle_duration_seconds"),
    QStringLiteral("pterodisbot_cycles_total"),
    QStringLiteral("pterodisbot_embed_edits_total"),
    QStringLiteral("pterodisbot_charts_rendered_total"),
    QStringLiteral("pterodisbot_charts_uploaded_total"),
    QStringLiteral("pterodisbot_discord_requests_total"),
    QStringLiteral("pterodisbot_discord_rate_limited_total"),
    QStringLiteral("pterodisbot_panel_requests_total"),
    QStringLiteral("pterodisbot_panel_rate_limit_remaining"),
    QStringLiteral("pterodisbot_panel_rate_limit_budget"),
    QStringLiteral("pterodisbot_embeds_tracked"),
    QStringLiteral("pterodisbot_servers"),
    QStringLiteral("pterodisbot_gateway_reconnects_total"),
    QStringLiteral("pterodisbot_gateway_heartbeat_latency_seconds"),
};

QString programPath()
{
    return QStringLiteral(PTERODISBOT_BINARY);
}

bool finishes(QProcess &process, int timeoutMs = 30000)
{
    return waitUntil([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
}

} // namespace

class TestMetricsEndpoint final : public BotTestCase
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    //! An endpoint on 127.0.0.1, any free port, for the harness's bot (its child).
    MonitoringEndpoint *listenOnLoopback()
    {
        auto *endpoint = new MonitoringEndpoint(harness().bot.get(), harness().bot.get());
        QString error;
        // Port 0 (any free one) exists only in this form: the configuration's text needs a port.
        ListenAddress address;
        address.address = QHostAddress(QHostAddress::LocalHost);
        address.port = 0;
        if (!endpoint->listen(address, &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return endpoint;
    }

    Scrape get(MonitoringEndpoint *endpoint, const QString &path, const QByteArray &method = "GET")
    {
        return request(m_nam, endpoint->baseUrl() + path, method);
    }

    Exposition scrapeMetrics(MonitoringEndpoint *endpoint)
    {
        const Scrape scrape = get(endpoint, QStringLiteral("/metrics"));
        if (scrape.status != 200)
            qWarning("/metrics answered %d %s", scrape.status, qPrintable(scrape.error));
        return Exposition::parse(scrape.body);
    }

private slots:
    // Not ready, then READY and a cycle: 503 with the reason, then 200.
    void healthzFollowsTheGatewayAndTheCycle()
    {
        BotHarness &h = harness();
        // The first gateway connection waits for HELLO: the bot runs, the gateway does not.
        h.discordOptions.heartbeatIntervalMs = 100;
        QVERIFY(h.startSimulators());
        h.discord->setNextHelloDelayMs(1500);
        h.createBot(h.config());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);
        QVERIFY(endpoint->baseUrl().startsWith(QLatin1String("http://127.0.0.1:")));

        Scrape health = get(endpoint, QStringLiteral("/healthz"));
        QCOMPARE(health.status, 503);
        QCOMPARE(health.contentType, QByteArray("application/json"));
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("unhealthy"));
        QCOMPARE(health.reasons(), QStringList{QStringLiteral("the bot is not running")});

        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        const ApiError error = QCoro::waitFor(h.bot->start());
        QVERIFY2(!error, qPrintable(error.toString()));
        QVERIFY(h.bot->gatewayState() != Gateway::State::Ready);
        health = get(endpoint, QStringLiteral("/healthz"));
        QCOMPARE(health.status, 503);
        QVERIFY2(health.reasons().join(u'|').contains(
                     QStringLiteral("the Discord gateway is not ready")),
                 health.body.constData());

        BOT_VERIFY_SOON(h.bot->gatewayState() == Gateway::State::Ready && !cycles.isEmpty(), 10000);
        health = get(endpoint, QStringLiteral("/healthz"));
        QCOMPARE(health.status, 200);
        const QJsonObject body = health.json();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(body.value(QStringLiteral("gateway")).toString(), QStringLiteral("ready"));
        QCOMPARE(body.value(QStringLiteral("panel")).toString(), QStringLiteral("reachable"));
        QVERIFY(body.contains(QStringLiteral("last_cycle_seconds_ago")));
    }

    void healthzSaysWhenThePanelIsDown()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000; // cycles only when the test asks
        QVERIFY(h.startBot());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);
        QVERIFY(!h.postEmbed(kSurvival).isEmpty()); // a tracked server: the cycle asks the panel
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(get(endpoint, QStringLiteral("/healthz")).status, 200);

        h.panel->setFailure(500);
        QCoro::waitFor(h.bot->runCycleNow());
        const Scrape down = get(endpoint, QStringLiteral("/healthz"));
        QCOMPARE(down.status, 503);
        QCOMPARE(down.reasons().size(), 1);
        QVERIFY2(down.reasons().at(0).startsWith(
                     QStringLiteral("the panel did not answer the last update cycle: ")),
                 down.body.constData());
        QVERIFY2(down.reasons().at(0).contains(QStringLiteral("500")), down.body.constData());
        QCOMPARE(down.json().value(QStringLiteral("panel")).toString(),
                 QStringLiteral("unreachable"));
        QCOMPARE(scrapeMetrics(endpoint).value(QStringLiteral("pterodisbot_healthy")), 0.0);

        h.panel->setFailure(0);
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(get(endpoint, QStringLiteral("/healthz")).status, 200);
    }

    // "Recent" is read from the bot's own clock: three intervals later without a cycle, 503.
    void aStalledCycleIsUnhealthy()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(get(endpoint, QStringLiteral("/healthz")).status, 200);
        h.clock.advance(3 * 60000 + 1000);
        const Scrape stale = get(endpoint, QStringLiteral("/healthz"));
        QCOMPARE(stale.status, 503);
        QCOMPARE(stale.reasons().size(), 1);
        QVERIFY2(stale.reasons().at(0).contains(QStringLiteral("more than 3 update intervals")),
                 stale.body.constData());
        // Paused on purpose (the window's Pause): not held against the bot.
        h.bot->pauseUpdates();
        QCOMPARE(get(endpoint, QStringLiteral("/healthz")).status, 200);
        QCOMPARE(scrapeMetrics(endpoint).value(QStringLiteral("pterodisbot_updates_paused")), 1.0);
    }

    void metricsFollowTheExpositionFormat()
    {
        BotHarness &h = harness();
        h.discordOptions.heartbeatIntervalMs = 100;
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QCoro::waitFor(h.bot->runCycleNow());
        BOT_VERIFY_SOON(h.bot->connection().heartbeatLatencyMs >= 0, 5000);

        const Scrape scrape = get(endpoint, QStringLiteral("/metrics"));
        QCOMPARE(scrape.status, 200);
        QCOMPARE(scrape.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        const Exposition first = Exposition::parse(scrape.body);
        QVERIFY2(first.problems.isEmpty(), qPrintable(first.problems.join(u'\n')));
        for (const QString &name : kRequiredFamilies) {
            QVERIFY2(first.type.contains(name), qPrintable(name));
            QVERIFY2(!first.help.value(name).isEmpty(), qPrintable(name));
        }
        // Every HELP has its TYPE.
        QCOMPARE(QSet<QString>(first.help.keyBegin(), first.help.keyEnd()),
                 QSet<QString>(first.type.keyBegin(), first.type.keyEnd()));
        QCOMPARE(first.type.value(QStringLiteral("pterodisbot_cycle_duration_seconds")),
                 QStringLiteral("histogram"));
        QCOMPARE(first.type.value(QStringLiteral("pterodisbot_servers")), QStringLiteral("gauge"));

        // What the bot did so far, counted.
        const double cycles = first.value(QStringLiteral("pterodisbot_cycles_total"));
        QVERIFY(cycles >= 1);
        QCOMPARE(first.value(QStringLiteral("pterodisbot_cycle_duration_seconds_count")), cycles);
        QCOMPARE(first.value(QStringLiteral("pterodisbot_cycle_duration_seconds_bucket"),
                             {{QStringLiteral("le"), QStringLiteral("+Inf")}}),
                 cycles);
        QCOMPARE(first.value(QStringLiteral("pterodisbot_embeds_tracked")), 1.0);
        QCOMPARE(first.value(QStringLiteral("pterodisbot_gateway_ready")), 1.0);
        QCOMPARE(first.value(QStringLiteral("pterodisbot_healthy")), 1.0);
        QCOMPARE(first.sum(QStringLiteral("pterodisbot_servers")),
                 double(h.panel->serverIdentifiers().size()));
        QVERIFY(first.value(QStringLiteral("pterodisbot_servers"),
                            {{QStringLiteral("state"), QStringLiteral("running")}}) >= 1);
        QVERIFY(first.value(QStringLiteral("pterodisbot_discord_requests_total"),
                            {{QStringLiteral("route"), QStringLiteral("message_create")}}) >= 1);
        QVERIFY(first.value(QStringLiteral("pterodisbot_discord_requests_total"),
                            {{QStringLiteral("route"), QStringLiteral("interaction_callback")}}) >=
                1);
        QVERIFY(first.value(QStringLiteral("pterodisbot_panel_requests_total"),
                            {{QStringLiteral("api"), QStringLiteral("client")}}) >= 2);
        QVERIFY(first.value(QStringLiteral("pterodisbot_panel_rate_limit_budget")) > 0);
        QVERIFY(first.value(QStringLiteral("pterodisbot_panel_rate_limit_remaining")) >= 0);
        QVERIFY(first.value(QStringLiteral("pterodisbot_gateway_heartbeat_latency_seconds")) >= 0);
        QCOMPARE(first.sum(QStringLiteral("pterodisbot_discord_rate_limited_total")), 0.0);
        QCOMPARE(first.value(QStringLiteral("pterodisbot_build_info"),
                             {{QStringLiteral("version"), QStringLiteral(PTERODISBOT_VERSION)}}),
                 1.0);
        // Label values are the fixed sets: no id, no token.
        for (const Exposition::Sample &sample : first.samples) {
            for (const QString &value : sample.labels) {
                QVERIFY2(!value.contains(kSurvival) && !value.contains(h.channel()) &&
                             !value.contains(h.discord->botToken()),
                         qPrintable(sample.name + QLatin1Char(' ') + value));
            }
        }
        QVERIFY(!scrape.body.contains(h.discord->botToken().toUtf8()));
        QVERIFY(!scrape.body.contains(h.panel->clientKey().toUtf8()));

        // Counters grow: a refresh edits the embed, a cycle polls the panel.
        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        h.bot->refreshEmbed(kSurvival);
        QVERIFY(edited.wait(5000));
        QCoro::waitFor(h.bot->runCycleNow());
        const Exposition second = scrapeMetrics(endpoint);
        QVERIFY2(second.problems.isEmpty(), qPrintable(second.problems.join(u'\n')));
        QCOMPARE(second.value(QStringLiteral("pterodisbot_cycles_total")), cycles + 1);
        QCOMPARE(second.value(QStringLiteral("pterodisbot_cycle_duration_seconds_count")),
                 cycles + 1);
        QCOMPARE(second.value(QStringLiteral("pterodisbot_embed_edits_total"),
                              {{QStringLiteral("reason"), QStringLiteral("refresh")}}),
                 first.value(QStringLiteral("pterodisbot_embed_edits_total"),
                             {{QStringLiteral("reason"), QStringLiteral("refresh")}}) +
                     1);
        QVERIFY(second.value(QStringLiteral("pterodisbot_discord_requests_total"),
                             {{QStringLiteral("route"), QStringLiteral("message_edit")}}) >
                first.value(QStringLiteral("pterodisbot_discord_requests_total"),
                            {{QStringLiteral("route"), QStringLiteral("message_edit")}}));
        QVERIFY(second.value(QStringLiteral("pterodisbot_panel_requests_total"),
                             {{QStringLiteral("api"), QStringLiteral("client")}}) >
                first.value(QStringLiteral("pterodisbot_panel_requests_total"),
                            {{QStringLiteral("api"), QStringLiteral("client")}}));
        QVERIFY(second.value(QStringLiteral("pterodisbot_charts_rendered_total")) >=
                first.value(QStringLiteral("pterodisbot_charts_rendered_total")));
    }

    // A 429 injected by the Discord simulator is counted once, under the route that got it.
    void aRateLimitIsCountedByRouteKind()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        const Exposition before = scrapeMetrics(endpoint);
        QCOMPARE(before.sum(QStringLiteral("pterodisbot_discord_rate_limited_total")), 0.0);

        h.discord->setGlobalRateLimit(300);
        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        h.bot->refreshEmbed(kSurvival); // its PATCH gets the 429, waits, and is sent again
        QVERIFY(edited.wait(5000));
        QCOMPARE(h.discord->rateLimitedCount(), 1);

        const Exposition after = scrapeMetrics(endpoint);
        QCOMPARE(after.sum(QStringLiteral("pterodisbot_discord_rate_limited_total")), 1.0);
        QCOMPARE(after.value(QStringLiteral("pterodisbot_discord_rate_limited_total"),
                             {{QStringLiteral("route"), QStringLiteral("message_edit")}}),
                 1.0);
        // Both attempts of the edit are requests.
        QCOMPARE(after.value(QStringLiteral("pterodisbot_discord_requests_total"),
                             {{QStringLiteral("route"), QStringLiteral("message_edit")}}) -
                     before.value(QStringLiteral("pterodisbot_discord_requests_total"),
                                  {{QStringLiteral("route"), QStringLiteral("message_edit")}}),
                 2.0);
    }

    void gatewayReconnectsAreCounted()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);
        QCOMPARE(
            scrapeMetrics(endpoint).value(QStringLiteral("pterodisbot_gateway_reconnects_total")),
            0.0);
        QSignalSpy resumed(h.discord.get(), &PterodisbotSim::DiscordSimulator::clientResumed);
        h.discord->dropGateway();
        QVERIFY(resumed.wait(10000));
        BOT_VERIFY_SOON(h.bot->gatewayState() == Gateway::State::Ready, 5000);
        QCOMPARE(
            scrapeMetrics(endpoint).value(QStringLiteral("pterodisbot_gateway_reconnects_total")),
            1.0);
    }

    void otherPathsAndMethods()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.createBot(h.config());
        MonitoringEndpoint *endpoint = listenOnLoopback();
        QVERIFY(endpoint);

        const Scrape missing = get(endpoint, QStringLiteral("/nothing"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(get(endpoint, QStringLiteral("/")).status, 404);
        QCOMPARE(get(endpoint, QStringLiteral("/metrics/")).status, 404);
        QCOMPARE(get(endpoint, QStringLiteral("/nothing"), "POST").status, 404);
        for (const QByteArray method : {"POST", "PUT", "DELETE", "PATCH"}) {
            const Scrape refused = get(endpoint, QStringLiteral("/metrics"), method);
            QCOMPARE(refused.status, 405);
            QCOMPARE(refused.allow, QByteArray("GET, HEAD"));
            QCOMPARE(get(endpoint, QStringLiteral("/healthz"), method).status, 405);
        }
        // The query is not part of the path; HEAD answers the status without the body.
        QCOMPARE(get(endpoint, QStringLiteral("/metrics?name=x")).status, 200);
        const Scrape head = get(endpoint, QStringLiteral("/healthz"), "HEAD");
        QCOMPARE(head.status, 503);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(get(endpoint, QStringLiteral("/metrics"), "HEAD").status, 200);
    }

    void aBindFailureNamesTheAddress()
    {
        BotHarness &h = harness();
        h.createBot(h.config());
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        const QString taken = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());

        MonitoringEndpoint endpoint(h.bot.get());
        QString error;
        QVERIFY(!endpoint.listen(taken, &error));
        QVERIFY2(error.contains(taken), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("already in use")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("bot.http_listen")), qPrintable(error));
        QVERIFY(!endpoint.isListening());
        QVERIFY(endpoint.baseUrl().isEmpty());

        QVERIFY(!endpoint.listen(QStringLiteral("127.0.0.1"), &error));
        QVERIFY2(error.contains(QStringLiteral("\"127.0.0.1\"")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("no port")), qPrintable(error));
        QVERIFY(!endpoint.listen(QStringLiteral("monitor.example:9750"), &error));
        QVERIFY2(error.contains(QStringLiteral("monitor.example")), qPrintable(error));
    }

    // The service as systemd runs it: an address it cannot listen on ends it with the
    // invalid-configuration code (1) and a line that names the address; a free one is scraped.
    void theServiceExitsWhenItCannotListen()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        const QString taken = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());
        QProcess process;
        startService(process, taken);
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 1);
        const QByteArray log = process.readAllStandardError();
        QVERIFY2(log.contains(taken.toUtf8()), log.constData());
        QVERIFY2(log.contains("already in use"), log.constData());
        QVERIFY2(!log.contains(h.discord->botToken().toUtf8()), "the token was logged");
        QCOMPARE(h.discord->identifyCount(), 0); // it ended before connecting
    }

    void theServiceServesHealthAndMetrics()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        const quint16 port = BotHarness::freePort();
        QVERIFY(port != 0);
        QProcess process;
        startService(process, QStringLiteral("127.0.0.1:%1").arg(port));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QByteArray log;
        QVERIFY2(untilHealthy(process, base, &log), log.constData());
        const Scrape metrics = request(m_nam, base + QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        const Exposition exposition = Exposition::parse(metrics.body);
        QVERIFY2(exposition.problems.isEmpty(), qPrintable(exposition.problems.join(u'\n')));
        QVERIFY(exposition.value(QStringLiteral("pterodisbot_cycles_total")) >= 1);
        QVERIFY(!metrics.body.contains(h.discord->botToken().toUtf8()));
        QVERIFY(!metrics.body.contains(h.panel->clientKey().toUtf8()));
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 0);
        log += process.readAllStandardError();
        const QByteArray announced = "health and metrics endpoint on " + base.toUtf8();
        QVERIFY2(log.contains(announced), log.constData());
    }

    // The demo takes PTERODISBOT_BOT_HTTP_LISTEN like the service: the documented example.
    void theDemoHonoursTheEnvironment()
    {
        const quint16 port = BotHarness::freePort();
        QVERIFY(port != 0);
        QTemporaryDir home;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("PTERODISBOT_BOT_HTTP_LISTEN"),
                           QStringLiteral("127.0.0.1:%1").arg(port));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(programPath(),
                      {QStringLiteral("--no-gui"), QStringLiteral("--demo"),
                       QStringLiteral("--duration"), QStringLiteral("30"),
                       QStringLiteral("--output"), home.filePath(QStringLiteral("demo"))});
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QByteArray log;
        QVERIFY2(untilHealthy(process, base, &log), log.constData());
        const Exposition exposition =
            Exposition::parse(request(m_nam, base + QStringLiteral("/metrics")).body);
        QVERIFY2(exposition.problems.isEmpty(), qPrintable(exposition.problems.join(u'\n')));
        QCOMPARE(exposition.sum(QStringLiteral("pterodisbot_servers")), 8.0);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.contains((base + QStringLiteral("/metrics")).toUtf8()), out.constData());
    }

private:
    //! Scrapes \a base/healthz until it answers 200; the program's stderr goes to \a log.
    bool untilHealthy(QProcess &process, const QString &base, QByteArray *log)
    {
        return waitUntil(
            [&] {
                *log += process.readAllStandardError();
                return process.state() == QProcess::Running &&
                       request(m_nam, base + QStringLiteral("/healthz")).status == 200;
            },
            20000);
    }

    void startService(QProcess &process, const QString &listen)
    {
        BotHarness &h = harness();
        const QString text =
            QStringLiteral("[discord]\ntoken = %1\napi_url = %2\nguild_id = %3\n"
                           "control_role = Server Admin\n"
                           "[pterodactyl]\npanel_url = %4\nclient_key = %5\n"
                           "[bot]\nupdate_interval = 5\ndata_dir = %6\nkeychain = false\n"
                           "http_listen = %7\n")
                .arg(h.discord->botToken(), h.discord->restBaseUrl().toString(),
                     h.discord->guildId(), h.panel->panelUrl().toString(), h.panel->clientKey(),
                     h.dataDir.filePath(QStringLiteral("data")), listen);
        const QString path = h.dataDir.filePath(QStringLiteral("config.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        file.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), h.dataDir.path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(programPath(),
                      {QStringLiteral("--no-gui"), QStringLiteral("--config"), path});
    }
};

QTEST_MAIN(TestMetricsEndpoint)
#include "tst_metricsendpoint.moc"
