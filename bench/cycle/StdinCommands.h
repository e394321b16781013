#pragma once

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QStringList>

class QSocketNotifier;

namespace PterodisbotBench {

//! The command channel of a benchmark's simulator child: one command a line on stdin (split
//! into words), one answer a line on stdout. End of input quits the application.
class StdinCommands final : public QObject
{
    Q_DISABLE_COPY_MOVE(StdinCommands)

public:
    using Handler = std::function<void(const QStringList &words)>;

    //! Listens on stdin from now on; \a handler gets every line.
    explicit StdinCommands(Handler handler, QObject *parent = nullptr);

    //! Writes \a line and a line break to stdout, flushed.
    static void reply(const QString &line);

private:
    void readInput();

    Handler m_handler;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_input;
};

} // namespace PterodisbotBench
