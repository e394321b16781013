#include "discord/GatewayHeartbeat.h"

#include <algorithm>

#include "Clock.h"

namespace Pterodisbot {

GatewayHeartbeat::GatewayHeartbeat(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GatewayHeartbeat::onTimeout);
}

void GatewayHeartbeat::reset()
{
    m_ackPending = false;
    m_intervalMs = 0;
}

void GatewayHeartbeat::start(int intervalMs, double jitter)
{
    m_intervalMs = std::max(intervalMs, 1);
    m_ackPending = false;
    m_timer.start(int(m_intervalMs * jitter));
}

void GatewayHeartbeat::stop()
{
    m_timer.stop();
}

void GatewayHeartbeat::sent()
{
    m_ackPending = true;
    m_sentMs = m_clock->monotonicMs();
}

qint64 GatewayHeartbeat::acknowledge()
{
    m_ackPending = false;
    m_latencyMs = m_clock->monotonicMs() - m_sentMs;
    return m_latencyMs;
}

void GatewayHeartbeat::onTimeout()
{
    if (m_ackPending) {
        emit missed();
        return;
    }
    emit due();
    m_timer.start(m_intervalMs);
}

} // namespace Pterodisbot
