#include "BotService.h"

#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

#include "bot/BotCore.h"
#include "Clock.h"
#include "config/ConfigCheck.h"
#include "config/ConfigReport.h"
#include "config/SecretStore.h"
#include "logging.h"
#include "monitoring/MonitoringEndpoint.h"
#include "net/DirectNetworkManager.h"

namespace Pterodisbot {

BotService::BotService(QString configPath, ChartRenderer *renderer, QObject *parent)
    : QObject(parent)
    , m_configPath(std::move(configPath))
    , m_renderer(renderer)
{}

BotService::~BotService() = default;

BotCore *BotService::bot() const
{
    return m_bot;
}

MonitoringEndpoint *BotService::endpoint() const
{
    return m_endpoint;
}

bool BotService::startEndpoint(const QString &listen)
{
    if (listen.isEmpty())
        return true;
    auto *endpoint = new MonitoringEndpoint(m_bot, m_bot);
    QString error;
    if (endpoint->listen(listen, &error)) {
        m_endpoint = endpoint;
        return true;
    }
    delete endpoint;
    if (m_desktop) {
        qCCritical(lcApp).noquote() << error << "- the bot runs without it";
        return true;
    }
    qCCritical(lcApp).noquote() << error;
    return false;
}

void BotService::applyLogLevel(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*.debug=true"));
        break;
    case LogLevel::Info:
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*.debug=false"));
        break;
    case LogLevel::Warning:
        QLoggingCategory::setFilterRules(
            QStringLiteral("pterodisbot.*.debug=false\npterodisbot.*.info=false"));
        break;
    }
}

QCoro::Task<bool> BotService::load(Config *config)
{
    // The [bot] keychain key alone decides whether the keychain is asked.
    SecretStore store;
    const ConfigLoadResult result = co_await loadConfiguration(
        ConfigLoader(QProcessEnvironment::systemEnvironment()), m_configPath, &store);
    if (!result.isValid()) {
        const QString report = formatProblems(result.problems, result.config);
        QTextStream err(stderr);
        err << report;
        err.flush();
        if (m_desktop)
            emit problemFound(report);
        co_return false;
    }
    for (const ConfigProblem &problem : result.problems) {
        qCWarning(lcConfig).noquote()
            << problem.key + QStringLiteral(": ") + problem.message +
                   (problem.hint.isEmpty() ? QString()
                                           : QStringLiteral(" (fix: %1)").arg(problem.hint));
    }
    *config = result.config;
    co_return true;
}

QCoro::Task<> BotService::start()
{
    QPointer<BotService> self(this);
    Config config;
    const bool valid = co_await load(&config);
    if (!self)
        co_return;
    if (!valid) {
        // Beside a window the problems are shown there; the user quits when they want.
        if (!m_desktop)
            finish(InvalidConfig);
        co_return;
    }
    applyLogLevel(config.bot.logLevel);

    m_nam = new DirectNetworkManager(this);
    BotTuning tuning;
    tuning.keepEmbedImages = m_desktop;
    m_bot = new BotCore(config, {m_nam, SystemClock::instance(), m_renderer}, tuning, this);
    if (!startEndpoint(config.bot.httpListen)) {
        // Before anything was sent: a service whose health endpoint is missing would look
        // dead to its monitor, so it says why and ends like any invalid configuration.
        delete m_bot;
        finish(InvalidConfig);
        co_return;
    }
    connect(m_bot, &BotCore::fatalError, this, [this](const QString &message) {
        qCCritical(lcApp).noquote() << message;
        // The window shows it in its banner and stays until the user quits.
        if (!m_desktop)
            shutDown(Fatal);
    });
    emit botCreated(m_bot);
    // Until Discord answers this waits (retrying with backoff); SIGTERM and SIGHUP work
    // meanwhile.
    const ApiError error = co_await m_bot->start();
    if (!self || m_stopping)
        co_return;
    if (error) {
        qCCritical(lcApp).noquote() << "the bot could not start:" << error.toString();
        if (m_desktop)
            emit problemFound(QStringLiteral("the bot could not start: ") + error.toString());
        else
            co_await shutDown(Fatal);
        co_return;
    }
    qCInfo(lcApp) << "running; SIGTERM stops, SIGHUP reloads the configuration";
}

int BotService::stopDeadlineMs()
{
    // BotCore's grace for requests on the wire, plus room to save and close; far below
    // systemd's TimeoutStopSec (15 s in our unit).
    return BotTuning{}.shutdownGraceMs + 2000;
}

QCoro::Task<> BotService::stop()
{
    if (m_stopping && !m_finished) {
        qCInfo(lcApp) << "second stop signal: saving and exiting now";
        stopAtOnce(Ok);
        co_return;
    }
    co_await shutDown(Ok);
}

QCoro::Task<> BotService::shutDown(int exitCode)
{
    if (m_stopping)
        co_return;
    m_stopping = true;
    QPointer<BotService> self(this);
    qCInfo(lcApp).noquote() << QStringLiteral("stopping: requests on the wire get up to %1 ms; "
                                              "a second signal exits at once")
                                   .arg(BotTuning{}.shutdownGraceMs);
    QTimer::singleShot(stopDeadlineMs(), this, [this, exitCode] {
        if (m_finished)
            return;
        qCWarning(lcApp) << "shutdown took longer than" << stopDeadlineMs()
                         << "ms: saving and exiting now";
        stopAtOnce(exitCode);
    });
    if (m_bot)
        co_await m_bot->stop();
    if (self)
        finish(exitCode);
}

void BotService::stopAtOnce(int exitCode)
{
    if (!m_bot) {
        finish(exitCode);
        return;
    }
    m_bot->stopNow();
    QTimer::singleShot(kUnwindMs, this, [this, exitCode] {
        if (!m_finished)
            qCWarning(lcApp) << "a task did not end after the bot stopped; exiting anyway";
        finish(exitCode);
    });
}

void BotService::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}

void BotService::configurationChanged()
{
    if (m_stopping)
        return;
    if (m_bot)
        reload();
    else
        start();
}

QCoro::Task<> BotService::reload()
{
    QPointer<BotService> self(this);
    Config config;
    const bool valid = co_await load(&config);
    if (!self || m_stopping)
        co_return;
    if (!valid) {
        qCWarning(lcApp) << "the new configuration has errors (listed above); keeping the old one";
        co_return;
    }
    applyLogLevel(config.bot.logLevel);
    if (m_bot && m_bot->config().bot.httpListen != config.bot.httpListen)
        qCWarning(lcApp) << "a new bot.http_listen takes effect after a restart";
    if (m_bot)
        m_bot->reloadConfig(config);
    qCInfo(lcApp) << "configuration reloaded";
}

} // namespace Pterodisbot
