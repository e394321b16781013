#include "logging.h"

#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include <cstdio>

Q_LOGGING_CATEGORY(lcConfig, "pterodisbot.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "pterodisbot.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "pterodisbot.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPanel, "pterodisbot.panel", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWings, "pterodisbot.wings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGateway, "pterodisbot.gateway", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRest, "pterodisbot.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInteractions, "pterodisbot.interactions", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBot, "pterodisbot.bot", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMetrics, "pterodisbot.metrics", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCharts, "pterodisbot.charts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "pterodisbot.app", QtInfoMsg)

namespace Pterodisbot {
namespace {

QMutex s_mutex;
QStringList &secrets()
{
    static QStringList list;
    return list;
}

QMutex s_observerMutex;
LogObserver &observer()
{
    static LogObserver function;
    return function;
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    static const char *const levels[] = {"debug", "warning", "critical", "fatal", "info"};
    const QString line = redact(msg);
    const char *category = context.category ? context.category : "default";
    std::fprintf(stderr, "%s [%s] %s\n", levels[type], category, qUtf8Printable(line));
    std::fflush(stderr);
    {
        QMutexLocker lock(&s_observerMutex);
        if (observer())
            observer()(type, QString::fromUtf8(category), line);
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QString redact(QString text)
{
    QMutexLocker lock(&s_mutex);
    for (const QString &secret : std::as_const(secrets()))
        text.replace(secret, QStringLiteral("[redacted]"));
    return text;
}

void registerSecret(const QString &secret)
{
    if (secret.size() < 6)
        return;
    QMutexLocker lock(&s_mutex);
    if (!secrets().contains(secret))
        secrets().append(secret);
}

bool overlapsSecret(QStringView text)
{
    QMutexLocker lock(&s_mutex);
    for (const QString &secret : std::as_const(secrets())) {
        if (text.contains(secret) || (text.size() >= 6 && secret.contains(text)))
            return true;
    }
    return false;
}

void installRedactingMessageHandler()
{
    qInstallMessageHandler(redactingHandler);
}

void setLogObserver(LogObserver function)
{
    QMutexLocker lock(&s_observerMutex);
    observer() = std::move(function);
}

} // namespace Pterodisbot
