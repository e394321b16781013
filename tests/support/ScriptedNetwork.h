#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include "net/HttpRequest.h"

namespace Pterodisbot::TestSupport {

//! One scripted answer: status 0 = connection refused; hang = never answers (until aborted).
struct Answer
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    bool hang = false;
};

//! A QNetworkAccessManager that answers from a script (5 ms later) instead of the network, and
//! records when each request was made, the request and the body it carried.
class ScriptedNam final : public QNetworkAccessManager
{
public:
    ScriptedNam();

    QList<Answer> script; //!< answers in order; then \c fallback
    Answer fallback;
    QList<qint64> sentAt; //!< ms since construction
    QList<QNetworkRequest> requests;
    QList<QByteArray> bodies;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QElapsedTimer m_timer;
};

} // namespace Pterodisbot::TestSupport
