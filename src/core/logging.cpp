#include "logging.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
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

// The same secrets as a set: registering is a lookup, not a scan (a hostile config.ini of
// 70,000 token-shaped lines registered each with a scan of all before it: 75 s).
QSet<QString> &secretSet()
{
    static QSet<QString> set;
    return set;
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

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

// A piece of a registered secret this long is hidden on its own (the first segment of a token,
// its signature, the part of a key before or after a line break). Shorter pieces carry too
// little of the secret to matter, and could be ordinary words.
constexpr qsizetype MinSecretPiece = 8;

bool isSecretCharacter(QChar c)
{
    return (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == u'_' || c == u'-';
}

struct Span
{
    qsizetype start;
    qsizetype end;
};

// Replaces \a spans (sorted, not overlapping) of \a text by "[redacted]".
QString replaced(const QString &text, const QList<Span> &spans)
{
    if (spans.isEmpty())
        return text;
    QString result;
    qsizetype last = 0;
    for (const Span &span : spans) {
        result += QStringView(text).mid(last, span.start - last);
        result += kRedacted;
        last = span.end;
    }
    result += QStringView(text).mid(last);
    return result;
}

// A secret broken by white space: across a line break, or wrapped by whoever printed it.
QString withoutSplitSecrets(const QString &text, const QStringList &list)
{
    QString squeezed;
    QList<qsizetype> at; // index in text of every character of squeezed
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isSpace()) {
            squeezed += text.at(i);
            at.append(i);
        }
    }
    if (squeezed.size() == text.size())
        return text; // nothing to join: whole secrets are already gone
    QList<Span> spans;
    for (const QString &secret : list) {
        if (std::any_of(secret.cbegin(), secret.cend(), [](QChar c) { return c.isSpace(); }))
            continue;
        for (qsizetype from = squeezed.indexOf(secret); from >= 0;
             from = squeezed.indexOf(secret, from + secret.size()))
            spans.append({at.at(from), at.at(from + secret.size() - 1) + 1});
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.start < b.start; });
    QList<Span> merged;
    for (const Span &span : std::as_const(spans)) {
        if (!merged.isEmpty() && span.start <= merged.last().end)
            merged.last().end = std::max(merged.last().end, span.end);
        else
            merged.append(span);
    }
    return replaced(text, merged);
}

// Words (runs of letters, digits, '_' and '-') that are a piece of a registered secret.
QString withoutSecretPieces(const QString &text, const QStringList &list)
{
    QList<Span> spans;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isSecretCharacter(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && isSecretCharacter(text.at(end)))
            ++end;
        const QStringView word = QStringView(text).mid(i, end - i);
        if (word.size() >= MinSecretPiece &&
            std::any_of(list.cbegin(), list.cend(),
                        [word](const QString &secret) { return secret.contains(word); }))
            spans.append({i, end});
        i = end;
    }
    return replaced(text, spans);
}

// Credentials recognised by their shape or place, registered or not: the Wings websocket token
// (a JWT, fetched afresh every few minutes), panel keys, Discord bot tokens, interaction and
// webhook tokens in API paths and JSON, credential query parameters and the user info of a URL.
QString withoutCredentialShapes(QString text)
{
    static const QList<std::pair<QRegularExpression, QString>> rules = [] {
        const auto rule = [](const char *pattern, const char *replacement, bool anyCase = false) {
            return std::pair{QRegularExpression(QString::fromLatin1(pattern),
                                                anyCase ? QRegularExpression::CaseInsensitiveOption
                                                        : QRegularExpression::NoPatternOption),
                             QString::fromLatin1(replacement)};
        };
        return QList<std::pair<QRegularExpression, QString>>{
            rule(R"((?<![\w-])eyJ[\w-]{8,}(?:\.[\w-]*)*)", "[redacted]"),
            rule(R"((?<![\w-])(?:ptlc|ptla|pacc|papp)_[A-Za-z0-9]{16,})", "[redacted]"),
            rule(R"((?<![\w-])[MNO][\w-]{20,30}\.[\w-]{4,10}\.[\w-]{20,})", "[redacted]"),
            rule(R"((/(?:webhooks|interactions)/\d{1,20}/)[^/\s?#"']{20,})", "\\1[redacted]"),
            rule(R"(([?&;](?:access_|api_?|auth_?)?(?:token|key|jwt|auth|signature|sig|secret|)"
                 R"(password)=)[^&;\s#"'<>]+)",
                 "\\1[redacted]", true),
            rule(R"(\b([a-z][a-z0-9+.-]*://)[^/\s@?#"'<>]+@)", "\\1[redacted]@", true),
            // A JSON body quoted in a log line (an interaction's "token", cut or whole).
            rule(R"(("(?:access_)?token"\s*:\s*")[^"]+)", "\\1[redacted]", true),
        };
    }();
    for (const auto &[pattern, replacement] : rules)
        text.replace(pattern, replacement);
    return text;
}

} // namespace

QString redact(QString text)
{
    QStringList list;
    {
        QMutexLocker lock(&s_mutex);
        list = secrets();
    }
    for (const QString &secret : std::as_const(list))
        text.replace(secret, kRedacted);
    text = withoutSplitSecrets(text, list);
    text = withoutSecretPieces(text, list);
    return withoutCredentialShapes(std::move(text));
}

void registerSecret(const QString &secret)
{
    if (secret.size() < 6)
        return;
    QMutexLocker lock(&s_mutex);
    if (!secretSet().contains(secret)) {
        secretSet().insert(secret);
        secrets().append(secret);
    }
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
