#pragma once

#include <QString>
#include <QUrl>

class QJsonObject;

namespace Pterodisbot {

//! What a gateway session is resumed with: its id, the URL to resume on and the last dispatch
//! sequence number, which also makes every dispatch count once across a RESUME replay.
class GatewaySession
{
public:
    //! Whether there is a session to RESUME.
    bool isValid() const { return !m_id.isEmpty(); }
    QString id() const { return m_id; }
    QUrl resumeUrl() const { return m_resumeUrl; }
    //! The last dispatch sequence number seen; -1 when none.
    qint64 sequence() const { return m_sequence; }

    //! READY: the session id and resume_gateway_url of a new session.
    void begin(const QJsonObject &ready);
    //! Records dispatch \a sequence; false for one already seen (a RESUME replay repeats
    //! events that were delivered).
    bool accept(qint64 sequence);
    //! The session is gone: the next connection identifies.
    void drop();

private:
    QString m_id;
    QUrl m_resumeUrl;
    qint64 m_sequence = -1;
};

} // namespace Pterodisbot
