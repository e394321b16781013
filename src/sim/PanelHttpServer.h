#pragma once

#include <memory>

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>

#include "PanelApi.h"
#include "PanelSimTypes.h"

class QHttpServerResponder;
class QTcpSocket;

namespace PterodisbotSim {

//! The panel's HTTP transport: turns requests into PanelCalls for PanelApi, records them, and
//! applies the injected faults (latency, hanging, failures, malformed bodies, 429 storms).
class PanelHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelHttpServer)

public:
    PanelHttpServer(PanelApi &api, const PanelApiLimits &limits, QObject *parent = nullptr);
    ~PanelHttpServer() override;

    void setLatency(int ms) { m_latencyMs = ms; }
    void setHanging(bool on, const QString &server);
    void setFailure(int httpStatus, const QString &server);
    void setMalformedBodies(bool on, const QString &server);
    void setRateLimitStorm(bool on) { m_storm = on; }
    void dropConnections();

    QList<PanelRequestRecord> requests() const { return m_records; }
    void clearRequests() { m_records.clear(); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

signals:
    void requestHandled(const PterodisbotSim::PanelRequestRecord &record);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Held
    {
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
    };

    PanelReply answer(const PanelCall &call, QString *target, bool *hang);
    void deliver(QHttpServerResponder &&responder, const PanelReply &reply,
                 PanelRequestRecord record, bool headOnly);
    void record(const PanelRequestRecord &record);
    bool matches(bool all, const QSet<QString> &servers, const QString &target) const;

    PanelApi &m_api;
    PanelApiLimits m_limits;
    QElapsedTimer m_clock;
    QList<PanelRequestRecord> m_records;
    QList<Held> m_held;

    int m_latencyMs = 0;
    bool m_storm = false;
    bool m_hangAll = false;
    QSet<QString> m_hangServers;
    int m_failAll = 0;
    QHash<QString, int> m_failServers;
    bool m_malformedAll = false;
    QSet<QString> m_malformedServers;
};

} // namespace PterodisbotSim
