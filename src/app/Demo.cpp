#include "Demo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTime>
#include <QTimer>

#include "bot/BotCore.h"
#include "Clock.h"
#include "config/ConfigSchema.h"
#include "DiscordSimulator.h"
#include "logging.h"
#include "monitoring/MonitoringEndpoint.h"
#include "net/DirectNetworkManager.h"
#include "PanelSimulator.h"
#include "pterodisbot_version.h"
#include "ServerTable.h"

namespace Pterodisbot {

Demo::Demo(Options options, QTextStream &out, ChartRenderer *renderer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(out)
    , m_renderer(renderer)
{}

Demo::~Demo() = default;

void Demo::say(const QString &line)
{
    m_out << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << "  " << line << '\n';
    m_out.flush();
    emit narrated(line);
}

QCoro::Task<bool> Demo::start()
{
    QPointer<Demo> self(this);
    // The demo narrates what happens; the bot's own info lines would repeat it (a window's
    // log shows them, though).
    if (!m_options.botLog)
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*.info=false"));
    m_panel = std::make_unique<PterodisbotSim::PanelSimulator>();
    PterodisbotSim::PanelSimOptions panelOptions;
    panelOptions.serverCount = m_options.servers;
    panelOptions.tickIntervalMs = 1000;
    // No /resources cache (the real panel's is 20 s): the script is short and shows each change
    // within one update interval; pterodisbot-sim has the cache on.
    panelOptions.resourcesCacheMs = 0;
    if (!m_panel->start(panelOptions)) {
        say(QStringLiteral("the panel simulator could not start: ") + m_panel->errorString());
        co_return false;
    }
    m_discord = std::make_unique<PterodisbotSim::DiscordSimulator>();
    PterodisbotSim::DiscordSimOptions discordOptions;
    discordOptions.heartbeatIntervalMs = 5000;
    if (!m_discord->start(discordOptions)) {
        say(QStringLiteral("the Discord simulator could not start: ") + m_discord->errorString());
        co_return false;
    }

    // A fresh data directory each run: the simulated Discord forgets its messages on exit.
    QDir output(m_options.outputDir);
    QDir(output.filePath(QStringLiteral("data"))).removeRecursively();
    QDir(output.filePath(QStringLiteral("charts"))).removeRecursively();
    if (!output.mkpath(QStringLiteral("data")) || !output.mkpath(QStringLiteral("charts"))) {
        say(QStringLiteral("cannot create ") + output.absolutePath());
        co_return false;
    }

    Config config;
    config.discord.token = m_discord->botToken();
    config.discord.apiUrl = m_discord->restBaseUrl();
    config.discord.guildId = m_discord->guildId();
    config.discord.controlRole = QStringLiteral("Server Admin");
    config.discord.alertChannelId = m_discord->channelIds().value(1);
    config.pterodactyl.panelUrl = m_panel->panelUrl();
    config.pterodactyl.clientKey = m_panel->clientKey();
    config.bot.dataDir = output.absoluteFilePath(QStringLiteral("data"));
    config.bot.useKeychain = false;
    registerSecret(config.discord.token);

    m_out << "Pterodisbot " << PTERODISBOT_VERSION << " demo — everything runs on 127.0.0.1\n"
          << "  panel simulator   " << m_panel->panelUrl().toString() << " (" << m_options.servers
          << " servers)\n"
          << "  Discord simulator " << m_discord->restBaseUrl().toString() << ", gateway "
          << m_discord->gatewayUrl().toString() << '\n'
          << "  charts            " << output.absoluteFilePath(QStringLiteral("charts")) << '\n'
          << "  update interval   " << m_options.cycleMs / 1000.0 << " s; Ctrl+C stops\n";
    m_out.flush();

    connect(
        m_discord.get(), &PterodisbotSim::DiscordSimulator::messageCreated, this,
        [this](const QString &channel, const QString &id) { onMessageWritten(channel, id, true); });
    connect(m_discord.get(), &PterodisbotSim::DiscordSimulator::messageEdited, this,
            [this](const QString &channel, const QString &id) {
                onMessageWritten(channel, id, false);
            });

    m_nam = new DirectNetworkManager(this);
    BotTuning tuning;
    tuning.cycleIntervalMs = m_options.cycleMs;
    tuning.gatewayIdentifyGapMs = 100;
    tuning.keepEmbedImages = m_options.keepEmbedImages;
    m_bot = new BotCore(config, {m_nam, SystemClock::instance(), m_renderer}, tuning, this);
    // The demo's configuration is built here, not loaded, but this key is the user's: a
    // monitor or Prometheus can be tried against the demo.
    const QString listen = m_options.httpListen.isEmpty()
                               ? QProcessEnvironment::systemEnvironment()
                                     .value(configEnvironmentName(QStringLiteral("bot"),
                                                                  QStringLiteral("http_listen")))
                                     .trimmed()
                               : m_options.httpListen;
    if (!listen.isEmpty()) {
        m_endpoint = new MonitoringEndpoint(m_bot, m_bot);
        QString error;
        if (!m_endpoint->listen(listen, &error)) {
            say(error);
            co_return false;
        }
        m_out << "  health, metrics   " << m_endpoint->baseUrl() << "/healthz, "
              << m_endpoint->baseUrl() << "/metrics\n";
    }
    m_out << '\n';
    m_out.flush();
    emit botCreated(m_bot);
    connect(m_bot, &BotCore::embedPosted, this,
            [this](const QString &server, const QString &, const QString &message) {
                say(QStringLiteral("bot: posted the status embed of %1 (message %2)")
                        .arg(m_panel->serverName(server), message));
            });
    connect(m_bot, &BotCore::embedEdited, this,
            [this](const QString &server, const QString &reason) {
                say(QStringLiteral("bot: edited the embed of %1 (%2)")
                        .arg(m_panel->serverName(server), reason));
            });
    connect(m_bot, &BotCore::embedUntracked, this,
            [this](const QString &server, const QString &reason) {
                say(QStringLiteral("bot: stopped tracking %1 (%2)")
                        .arg(m_panel->serverName(server), reason));
            });
    connect(m_bot, &BotCore::alertRaised, this,
            [this](const QString &text) { say(QStringLiteral("bot alert: ") + text); });
    connect(m_bot, &BotCore::cycleFinished, this, [this](const CycleReport &report) {
        if (report.edits || !report.panelReachable)
            say(QStringLiteral("cycle %1: %2 tracked, %3 edits, %4 charts, %5 ms%6")
                    .arg(report.number)
                    .arg(report.tracked)
                    .arg(report.edits)
                    .arg(report.chartsRendered)
                    .arg(report.durationMs)
                    .arg(report.panelReachable ? QString()
                                               : QStringLiteral(", panel unreachable")));
    });
    connect(m_bot, &BotCore::fatalError, this, [this](const QString &message) {
        say(QStringLiteral("bot stopped: ") + message);
        emit finished(3);
    });

    const ApiError error = co_await m_bot->start();
    if (!self)
        co_return false;
    if (error) {
        say(QStringLiteral("the bot could not start: ") + error.toString());
        co_return false;
    }
    say(QStringLiteral("bot: connected to the Discord simulator as application %1")
            .arg(m_bot->applicationId()));

    m_table = new ServerTable({m_panel->panelUrl(), m_panel->clientKey(), 15000}, m_out, this);
    m_table->start();
    if (m_options.durationSeconds > 0)
        QTimer::singleShot(m_options.durationSeconds * 1000, this, [this] { emit finished(0); });
    m_tasks.start(m_options.interactive ? postFirstEmbeds() : visit());
    co_return true;
}

QStringList Demo::channelIds() const
{
    return m_discord ? m_discord->channelIds() : QStringList();
}

QCoro::Task<> Demo::stop()
{
    QPointer<Demo> self(this);
    m_tasks.cancel();
    co_await m_tasks.waitAll();
    if (!self)
        co_return;
    if (m_bot)
        co_await m_bot->stop();
    m_out << "\nDemo finished: " << m_chartsWritten << " chart(s) written to "
          << QDir(m_options.outputDir).absoluteFilePath(QStringLiteral("charts")) << '\n';
    m_out.flush();
}

void Demo::onMessageWritten(const QString &channelId, const QString &messageId, bool created)
{
    Q_UNUSED(created);
    const auto message = m_discord->message(channelId, messageId);
    if (!message)
        return;
    for (const PterodisbotSim::SimAttachment &attachment : message->attachments) {
        if (!attachment.filename.endsWith(QLatin1String(".png")) ||
            m_lastChart.value(messageId) == attachment.bytes)
            continue;
        m_lastChart.insert(messageId, attachment.bytes);
        const QString name = QStringLiteral("%1-%2.png")
                                 .arg(QFileInfo(attachment.filename).completeBaseName())
                                 .arg(++m_chartsWritten, 3, 10, QLatin1Char('0'));
        QFile file(QDir(m_options.outputDir).filePath(QStringLiteral("charts/") + name));
        if (file.open(QIODevice::WriteOnly) &&
            file.write(attachment.bytes) == attachment.bytes.size())
            say(QStringLiteral("chart uploaded with the embed, saved as charts/%1 (%2 KiB)")
                    .arg(name)
                    .arg(attachment.bytes.size() / 1024));
    }
}

} // namespace Pterodisbot
