#pragma once

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

#include "TaskGroup.h"

class QNetworkAccessManager;
class QTextStream;

namespace PterodisbotSim {
class DiscordSimulator;
class PanelSimulator;
} // namespace PterodisbotSim

namespace Pterodisbot {

class BotCore;
class ChartRenderer;
class MonitoringEndpoint;
class ServerTable;

//! `pterodisbot --demo`: the panel and Discord simulators on 127.0.0.1, the real bot against
//! them, and a scripted visitor who uses /server_status and presses buttons. The output shows
//! the visitor's steps, the bot's replies, embeds being posted and edited, and a live panel
//! table; every chart the bot uploads is written to `<output>/charts`.
class Demo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Demo)

public:
    struct Options
    {
        int servers = 8;
        int durationSeconds = 0; //!< 0 = until interrupted
        int cycleMs = 3000;      //!< the bot's update interval in the demo
        QString outputDir;       //!< charts and the bot's data directory
        //! No scripted visitor: the status embeds of the first servers are posted and the
        //! user presses the buttons (pressButton()).
        bool interactive = false;
        //! The bot keeps its embeds' images (the window's preview shows them).
        bool keepEmbedImages = false;
        //! The bot's own log lines stay on (the window's log shows them); otherwise the
        //! narration replaces them.
        bool botLog = false;
        //! "host:port" of the /healthz and /metrics endpoint; empty: none. main() passes
        //! nothing, and start() then reads PTERODISBOT_BOT_HTTP_LISTEN like the service does.
        QString httpListen;
    };

    Demo(Options options, QTextStream &out, ChartRenderer *renderer, QObject *parent = nullptr);
    ~Demo() override;

    //! Starts the simulators, the bot, the panel table and the visitor; false when they cannot
    //! start (the reason is printed).
    QCoro::Task<bool> start();
    //! Stops the bot cleanly (store saved, gateway closed resumably).
    QCoro::Task<> stop();

    //! The bot once start() created it.
    BotCore *bot() const { return m_bot; }
    //! The /healthz and /metrics endpoint when one was asked for and listens.
    MonitoringEndpoint *endpoint() const { return m_endpoint; }
    //! The simulated guild's text channels.
    QStringList channelIds() const;
    //! Presses the button \a customId under the message as the visitor with the control role
    //! would in Discord (through the Discord simulator); the bot's answer is narrated.
    void pressButton(const QString &channelId, const QString &messageId, const QString &customId);

signals:
    //! The demo ended by itself (--duration) or failed; \a exitCode for main().
    void finished(int exitCode);
    //! start() created the bot (it connects now).
    void botCreated(Pterodisbot::BotCore *bot);
    //! One line of the narration (also printed).
    void narrated(const QString &line);

private:
    QCoro::Task<> visit();
    //! Interactive: posts the first servers' embeds so the window has something to show.
    QCoro::Task<> postFirstEmbeds();
    QCoro::Task<> press(QString channelId, QString messageId, QString customId);
    void onMessageWritten(const QString &channelId, const QString &messageId, bool created);
    void say(const QString &line);

    Options m_options;
    QTextStream &m_out;
    ChartRenderer *m_renderer;
    std::unique_ptr<PterodisbotSim::PanelSimulator> m_panel;
    std::unique_ptr<PterodisbotSim::DiscordSimulator> m_discord;
    QNetworkAccessManager *m_nam = nullptr;
    BotCore *m_bot = nullptr;
    MonitoringEndpoint *m_endpoint = nullptr;
    ServerTable *m_table = nullptr;
    QHash<QString, QByteArray> m_lastChart; //!< message id -> last chart bytes written
    int m_chartsWritten = 0;
    TaskGroup m_tasks; //!< the visitor; stop() cancels it and waits for it to return
};

} // namespace Pterodisbot
