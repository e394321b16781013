#include "FuzzSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>

#include "LogFormat.h"
#include "logging.h"

namespace Pterodisbot::Fuzz {

namespace {

void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The bot's path without the write: redaction, then the line format.
    const QString text = redact(message);
    static const QDateTime stamp = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const QByteArray line =
        formatLogLine(type, QString::fromLatin1(context.category), text, stamp, /*journald=*/false);
    Q_UNUSED(line);
}

} // namespace

void setUp()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives as long as the process
    // Debug lines are built too: the code that formats them is input-driven as well.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    registerSecret(QStringLiteral("fuzz-secret-token-value"));
    qInstallMessageHandler(quietHandler);
}

QList<Frame> splitFrames(const QByteArray &input)
{
    QList<Frame> frames;
    qsizetype at = 0;
    while (at + 2 <= input.size()) {
        const auto high = quint8(input.at(at));
        const auto low = quint8(input.at(at + 1));
        at += 2;
        const qsizetype length = qsizetype(((high & 0x7f) << 8) | low);
        const qsizetype taken = std::min(length, input.size() - at);
        frames.append(Frame{(high & 0x80) != 0, input.mid(at, taken)});
        at += taken;
    }
    return frames;
}

} // namespace Pterodisbot::Fuzz
