#pragma once

#include <QObject>

class QSocketNotifier;

namespace Pterodisbot {

//! Turns SIGINT, SIGTERM and SIGHUP into a Qt signal. The C handler only writes the signal
//! number into a socket pair (async-signal-safe); the event loop reads it and emits
//! received(), where any Qt code may run (as Mumble's UnixMurmur does).
class UnixSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignals)

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Pterodisbot
