#pragma once

#include <QCoroTask>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QTextStream;
class QTimer;

namespace Pterodisbot {

class PanelClient;
struct ResourceSample;
struct Server;

//! The demo's live table of every server of a panel (state, CPU, memory, uptime), read through
//! its own PanelClient each cycle, the way an admin would look at the panel beside Discord.
class ServerTable final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerTable)

public:
    struct Options
    {
        QUrl panelUrl;
        QString clientKey;
        int cycleMs = 3000;
    };

    ServerTable(Options options, QTextStream &out, QObject *parent = nullptr);
    ~ServerTable() override;

    void start();

private:
    QCoro::Task<> runCycle();
    void printTable(const QList<Server> &servers, const QList<ResourceSample> &samples,
                    const QStringList &errors, qint64 cycleMs);

    Options m_options;
    QTextStream &m_out;
    QNetworkAccessManager *m_nam = nullptr;
    PanelClient *m_client = nullptr;
    QTimer *m_timer = nullptr;
    QList<Server> m_servers; //!< cached between cycles like the bot does
    int m_cycle = 0;
    bool m_cycleRunning = false;
};

} // namespace Pterodisbot
