#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include "discord/Gateway.h"
#include "DiscordSimulator.h"

namespace PterodisbotBench {

//! The simulator on a thread of its own: its JSON, compression and HTTP handling do not
//! share the client's thread, so the client thread's CPU time is the client's cost.
class SimHost
{
    Q_DISABLE_COPY_MOVE(SimHost)

public:
    explicit SimHost(const PterodisbotSim::DiscordSimOptions &options);
    ~SimHost();

    QString error() const { return m_error; }
    //! Runs \a work on the simulator's thread and waits for it.
    template<typename Work>
    void call(Work work)
    {
        QMetaObject::invokeMethod(&m_context, work, Qt::BlockingQueuedConnection);
    }
    //! Runs \a work on the simulator's thread without waiting.
    template<typename Work>
    void post(Work work)
    {
        QMetaObject::invokeMethod(&m_context, work, Qt::QueuedConnection);
    }
    PterodisbotSim::DiscordSimulator *sim() const { return m_sim; } // only inside call()/post()
    //! CPU time of the simulator's thread so far.
    double cpuMs();

private:
    QThread m_thread;
    QObject m_context;
    PterodisbotSim::DiscordSimulator *m_sim = nullptr;
    QString m_error;
};

//! The client's gateway settings for the simulator's \a token.
Pterodisbot::GatewaySettings gatewaySettings(const QString &token, bool zlib);

} // namespace PterodisbotBench
