#include "StdinCommands.h"

#include <cstdio>
#include <unistd.h>

#include <QCoreApplication>
#include <QSocketNotifier>

namespace PterodisbotBench {

StdinCommands::StdinCommands(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] { readInput(); });
}

void StdinCommands::reply(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

void StdinCommands::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        QCoreApplication::quit();
        return;
    }
    m_input.append(buffer, n);
    qsizetype newline = -1;
    while ((newline = m_input.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_input.left(newline)).trimmed();
        m_input.remove(0, newline + 1);
        m_handler(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    }
}

} // namespace PterodisbotBench
