#pragma once

#include <QCoroTask>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;
class QTextStream;
class QTimer;

namespace PterodisbotSim {
class PanelSimulator;
}

namespace Pterodisbot {

class PanelClient;
struct ResourceSample;
struct Server;

//! `pterodisbot --demo --no-gui`: starts the panel simulator on 127.0.0.1 and prints a live
//! table of its servers, read through the real PanelClient each cycle. A scripted operator
//! sends a few power signals so states visibly change.
class Demo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Demo)

public:
    struct Options
    {
        int servers = 8;
        int cycleMs = 2000;
        int durationSeconds = 0; //!< 0 = until interrupted
        bool ansi = false;       //!< redraw in place (a terminal) instead of appending blocks
    };

    Demo(Options options, QTextStream &out, QObject *parent = nullptr);
    ~Demo() override;

    //! Starts the simulator and the cycle; false (with a message printed) when it cannot.
    bool start();

signals:
    //! The demo ended by itself (--duration) or could not go on; \a exitCode for main().
    void finished(int exitCode);

private:
    QCoro::Task<> runCycle();
    void printTable(const QList<Server> &servers, const QList<ResourceSample> &samples,
                    const QStringList &errors, qint64 cycleMs);
    void scriptedOperator();

    Options m_options;
    QTextStream &m_out;
    std::unique_ptr<PterodisbotSim::PanelSimulator> m_panel;
    QNetworkAccessManager *m_nam = nullptr;
    PanelClient *m_client = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_uptime;
    QList<Server> m_servers; //!< cached between cycles like the bot does
    int m_cycle = 0;
    bool m_cycleRunning = false;
};

} // namespace Pterodisbot
