#include "logging.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include <QDateTime>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include "LogFile.h"
#include "LogFormat.h"

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

QMutex s_fileMutex;
std::shared_ptr<LogFile> &logFile()
{
    static std::shared_ptr<LogFile> file;
    return file;
}

// Decided once when the handler is installed: the environment and stderr do not change.
std::atomic<bool> s_journald = false;

void writeToStderr(const QByteArray &lines)
{
    // One call per message, so lines of different threads do not interleave.
    std::fwrite(lines.constData(), 1, size_t(lines.size()), stderr);
    std::fflush(stderr);
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    // A sink or observer that logged would come back here on the same thread and wait for the
    // lock it holds: such a line goes to stderr only.
    thread_local bool insideSinks = false;
    const QString text = redact(msg);
    const QString category = QString::fromUtf8(context.category ? context.category : "default");
    const QDateTime now = QDateTime::currentDateTime();
    writeToStderr(formatLogLine(type, category, text, now, s_journald));
    if (!insideSinks) {
        insideSinks = true;
        {
            QMutexLocker lock(&s_observerMutex);
            if (observer())
                observer()(type, category, text);
        }
        {
            QMutexLocker lock(&s_fileMutex);
            if (logFile())
                logFile()->write(type, category, text, now);
        }
        insideSinks = false;
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
    s_journald = isJournalStream(STDERR_FILENO, qgetenv("JOURNAL_STREAM"));
    qInstallMessageHandler(redactingHandler);
}

void writeStderrLine(QtMsgType type, QStringView category, QStringView text)
{
    writeToStderr(formatLogLine(type, category, text, QDateTime::currentDateTime(), s_journald));
}

void setLogFile(std::shared_ptr<LogFile> file)
{
    QMutexLocker lock(&s_fileMutex);
    logFile() = std::move(file);
}

void setLogObserver(LogObserver function)
{
    QMutexLocker lock(&s_observerMutex);
    observer() = std::move(function);
}

} // namespace Pterodisbot
