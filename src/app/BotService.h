#pragma once

#include <QCoroTask>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Pterodisbot {

class BotCore;
class ChartRenderer;
class MonitoringEndpoint;
struct Config;
enum class LogLevel;

//! The bot as a service: loads and validates the configuration, runs BotCore, reloads on
//! SIGHUP and shuts down cleanly on SIGTERM. Exit codes are the README's.
class BotService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotService)

public:
    enum ExitCode { Ok = 0, InvalidConfig = 1, BadCommandLine = 2, Fatal = 3 };

    //! Secrets come from the OS keychain as `[bot] keychain` says, in every mode.
    BotService(QString configPath, ChartRenderer *renderer, QObject *parent = nullptr);

    //! Beside a window: a fatal problem or an invalid configuration is reported
    //! (problem()) instead of ending the service, so the window can show it, and the bot keeps
    //! its embeds' images for the preview. Call before start().
    void setDesktop(bool desktop) { m_desktop = desktop; }
    //! The bot once start() created it; null before (and when the configuration is invalid).
    BotCore *bot() const;
    //! The /healthz and /metrics endpoint of `[bot] http_listen`; null when none is configured
    //! or it could not listen.
    MonitoringEndpoint *endpoint() const;
    ~BotService() override;

    //! Loads the configuration and starts the bot; finished() tells when it is over.
    QCoro::Task<> start();
    //! SIGTERM/SIGINT: BotCore::stop() (in-flight requests get a short grace, nothing is
    //! retried), then finished(Ok); a deadline makes sure it never takes longer than
    //! stopDeadlineMs(). Called again while stopping: saves and finishes at once.
    QCoro::Task<> stop();
    //! The longest a stop may take before the store is saved and the service ends anyway.
    static int stopDeadlineMs();
    //! Reads the configuration again; an invalid one is reported and the old one kept.
    QCoro::Task<> reload();
    //! The configuration file was (re)written (the setup assistant): a running bot reloads it,
    //! a bot that could not start yet starts with it.
    void configurationChanged();

    //! Applies bot.log_level to the logging rules.
    static void applyLogLevel(LogLevel level);

signals:
    void finished(int exitCode);
    //! start() created the bot (it is connecting now).
    void botCreated(Pterodisbot::BotCore *bot);
    //! Desktop: the bot cannot run — the configuration is invalid (\a text lists every
    //! problem) or the bot could not start.
    void problemFound(const QString &text);

private:
    QCoro::Task<bool> load(Config *config);
    //! Starts the endpoint of `[bot] http_listen` for the new bot, when one is configured. An
    //! address it cannot listen on is a configuration error: false in service mode (the caller
    //! exits with InvalidConfig), logged beside a window, where the bot runs without it.
    bool startEndpoint(const QString &listen);
    QCoro::Task<> shutDown(int exitCode);
    //! Emits finished() once.
    void finish(int exitCode);
    //! Second signal or deadline: the bot stops at once; finished() follows as soon as the
    //! first stop has unwound (its tasks must not be left suspended), at the latest after
    //! kUnwindMs.
    void stopAtOnce(int exitCode);
    static constexpr int kUnwindMs = 1000;

    QString m_configPath;
    ChartRenderer *m_renderer;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<BotCore> m_bot;
    QPointer<MonitoringEndpoint> m_endpoint;
    bool m_desktop = false;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace Pterodisbot
