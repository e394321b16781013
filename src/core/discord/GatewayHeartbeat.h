#pragma once

#include <QObject>
#include <QTimer>

namespace Pterodisbot {

class Clock;

//! The heartbeat of one gateway connection: when the next beat is due, whether the last one
//! was acknowledged, and the round trip it took. It sends nothing itself: due() asks the
//! gateway to send, and missed() tells it the connection is a zombie.
class GatewayHeartbeat final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayHeartbeat)

public:
    //! \a clock must outlive the heartbeat.
    explicit GatewayHeartbeat(const Clock *clock, QObject *parent = nullptr);

    //! A new connection: no interval and no beat outstanding until HELLO.
    void reset();
    //! HELLO: a beat every \a intervalMs (at least 1); the first after \a jitter (in [0, 1))
    //! of it, which spreads the first beats of many clients reconnecting at once.
    void start(int intervalMs, double jitter);
    void stop();
    //! A heartbeat went out; the next due() needs its ACK first.
    void sent();
    //! The ACK of the last heartbeat arrived; returns the round trip (latencyMs()).
    qint64 acknowledge();

    //! The interval HELLO asked for; 0 before it.
    int intervalMs() const { return m_intervalMs; }
    //! Round trip of the last acknowledged heartbeat; -1 before the first ACK.
    qint64 latencyMs() const { return m_latencyMs; }

signals:
    //! A heartbeat is due: send one (and call sent()).
    void due();
    //! A heartbeat was due while the last one is still unacknowledged.
    void missed();

private:
    void onTimeout();

    const Clock *m_clock;
    QTimer m_timer;
    int m_intervalMs = 0;
    bool m_ackPending = false;
    qint64 m_sentMs = 0;
    qint64 m_latencyMs = -1;
};

} // namespace Pterodisbot
