#include "SoakLogWatch.h"

#include <cstdio>

#include <QLoggingCategory>

#include "LogFormat.h"

namespace Pterodisbot::Soak {

namespace {

LogWatch *g_watch = nullptr;

} // namespace

LogWatch::LogWatch() = default;

LogWatch::~LogWatch()
{
    if (g_watch == this) {
        qInstallMessageHandler(m_previous);
        g_watch = nullptr;
    }
}

void LogWatch::install()
{
    g_watch = this;
    m_clock.start();
    m_previous = qInstallMessageHandler(&LogWatch::handler);
    // Every line the bot could write is checked, debug included; Qt's own internals are not
    // ours and only slow the run down.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));
}

bool LogWatch::setFile(const QString &path)
{
    m_file = std::make_unique<QFile>(path);
    return m_file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text);
}

void LogWatch::addSecret(const QString &name, const QString &secret)
{
    addSecretPart(name, secret, secret);
}

void LogWatch::addSecretPart(const QString &name, const QString &whole, const QString &secretPart)
{
    if (whole.isEmpty() || m_wholes.contains(whole))
        return;
    m_wholes.insert(whole);
    ++m_secretCount;
    for (qsizetype i = 0; i + kPieceLength <= secretPart.size(); ++i)
        m_pieces.insert(qHash(QStringView(secretPart).mid(i, kPieceLength)), name);
}

void LogWatch::handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (g_watch)
        g_watch->take(type, context, text);
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "FATAL: %s\n", qPrintable(text));
        std::abort();
    }
}

void LogWatch::take(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    const QString line =
        QStringLiteral("%1 %2 %3: %4")
            .arg(m_clock.elapsed(), 7)
            .arg(QString::fromLatin1(levelName(type)),
                 QString::fromLatin1(context.category ? context.category : ""), text);
    ++m_lines;
    m_byType[QString::fromLatin1(levelName(type))] += 1;
    check(line);
    if (m_file)
        m_file->write(line.toUtf8() + '\n');
    if (m_ring.size() < kRingSize) {
        m_ring.append(line);
    } else {
        m_ring[m_ringNext] = line;
        m_ringNext = (m_ringNext + 1) % kRingSize;
    }
    if (type == QtWarningMsg || type == QtCriticalMsg) {
        // Counted by category and the first words, so the report shows what went wrong how
        // often without a line per occurrence.
        const QString key = QString::fromLatin1(context.category ? context.category : "") +
                            QStringLiteral(": ") + text.left(48).simplified();
        m_warnings[key] += 1;
    }
}

void LogWatch::check(const QString &line)
{
    // A whole secret contains its pieces, so looking for the pieces finds it too.
    const QStringView view(line);
    for (qsizetype i = 0; i + kPieceLength <= view.size(); ++i) {
        const auto it = m_pieces.constFind(qHash(view.mid(i, kPieceLength)));
        if (it != m_pieces.cend()) {
            // Show where, not what: the piece itself is masked.
            m_leaks << QStringLiteral("8+ characters of the %1 at column %2 of a line starting "
                                      "\"%3\"")
                           .arg(it.value())
                           .arg(i)
                           .arg(line.left(std::min<qsizetype>(40, i)));
            return;
        }
    }
}

QStringList LogWatch::recentLines() const
{
    if (m_ring.size() < kRingSize)
        return m_ring;
    return m_ring.mid(m_ringNext) + m_ring.mid(0, m_ringNext);
}

} // namespace Pterodisbot::Soak
