#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include "DiscordSimulator.h"
#include "LatencyArgs.h"
#include "PanelSimulator.h"

namespace PterodisbotBench {

//! The simulator child of bench_latency (started by SimProcess with --child): the panel with
//! its Wings websockets running in real time, and Discord. It timestamps, on CLOCK_MONOTONIC,
//! every power-state transition of the panel (the moment Wings pushes the new status) and every
//! PATCH of a status embed, and matches them: a transition is shown by the first PATCH of its
//! server's embed whose State field says the new state. It also timestamps a starting bot's
//! first REST request, its gateway connection and the READY sent to it. Commands come one a
//! line on stdin, answers go one a line to stdout.
class LatencyChild final : public QObject
{
    Q_DISABLE_COPY_MOVE(LatencyChild)

public:
    explicit LatencyChild(const LatencyArgs &args);

    //! Starts the simulators, answers with their addresses (one JSON line) and listens on stdin.
    bool start();

private:
    struct Transition
    {
        QString server;
        QString from;
        QString to;
        qint64 atUs = 0;
        qint64 shownUs = -1;     //!< the PATCH showing it arrived
        bool superseded = false; //!< a later state of the server was shown first
        bool graph = false;      //!< the PATCH showing it carried the embed's graph
    };

    void handle(const QStringList &words);
    void onStateChanged(const QString &server, const QString &state);
    void onMessageEdited(const QString &channelId, const QString &messageId);
    QString eligible(int count) const;
    //! Transitions neither shown nor older than \a timeoutUs, and those still to come (servers
    //! starting or stopping).
    int pendingWithin(qint64 timeoutUs) const;
    QString transitionsJson() const;

    LatencyArgs m_args;
    PterodisbotSim::PanelSimulator m_panel;
    PterodisbotSim::DiscordSimulator m_discord;
    QStringList m_ids;
    QHash<QString, QString> m_states;
    QList<Transition> m_transitions;
    //! Server -> indexes of its transitions neither shown nor superseded, oldest first.
    QHash<QString, QList<int>> m_pending;
    int m_embedEdits = 0;
    qint64 m_firstRequestUs = -1;
    qint64 m_connectedUs = -1;
    qint64 m_readyUs = -1;
};

} // namespace PterodisbotBench
