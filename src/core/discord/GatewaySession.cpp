#include "discord/GatewaySession.h"

#include <QJsonObject>

namespace Pterodisbot {

void GatewaySession::begin(const QJsonObject &ready)
{
    m_id = ready.value(QStringLiteral("session_id")).toString();
    m_resumeUrl = QUrl(ready.value(QStringLiteral("resume_gateway_url")).toString());
}

bool GatewaySession::accept(qint64 sequence)
{
    if (m_sequence >= 0 && sequence <= m_sequence)
        return false;
    m_sequence = sequence;
    return true;
}

void GatewaySession::drop()
{
    m_id.clear();
    m_resumeUrl.clear();
    m_sequence = -1;
}

} // namespace Pterodisbot
