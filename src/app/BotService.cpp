#include "BotService.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTextStream>

#include "bot/BotCore.h"
#include "Clock.h"
#include "config/ConfigCheck.h"
#include "config/ConfigReport.h"
#include "config/SecretStore.h"
#include "logging.h"

namespace Pterodisbot {

BotService::BotService(QString configPath, ChartRenderer *renderer, QObject *parent)
    : QObject(parent)
    , m_configPath(std::move(configPath))
    , m_renderer(renderer)
{}

BotService::~BotService() = default;

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
        QTextStream err(stderr);
        err << formatProblems(result.problems, result.config);
        err.flush();
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
        emit finished(InvalidConfig);
        co_return;
    }
    applyLogLevel(config.bot.logLevel);

    m_nam = new QNetworkAccessManager(this);
    m_bot = new BotCore(config, {m_nam, SystemClock::instance(), m_renderer}, {}, this);
    connect(m_bot, &BotCore::fatalError, this, [this](const QString &message) {
        qCCritical(lcApp).noquote() << message;
        shutDown(Fatal);
    });
    const ApiError error = co_await m_bot->start();
    if (!self)
        co_return;
    if (error) {
        qCCritical(lcApp).noquote() << "the bot could not start:" << error.toString();
        co_await shutDown(Fatal);
        co_return;
    }
    qCInfo(lcApp) << "running; SIGTERM stops, SIGHUP reloads the configuration";
}

QCoro::Task<> BotService::stop()
{
    co_await shutDown(Ok);
}

QCoro::Task<> BotService::shutDown(int exitCode)
{
    if (m_stopping)
        co_return;
    m_stopping = true;
    QPointer<BotService> self(this);
    if (m_bot)
        co_await m_bot->stop();
    if (self)
        emit finished(exitCode);
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
    if (m_bot)
        m_bot->reloadConfig(config);
    qCInfo(lcApp) << "configuration reloaded";
}

} // namespace Pterodisbot
