#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "net/ApiError.h"
#include "net/HttpRequest.h"

class QNetworkReply;
class QTimer;

namespace Pterodisbot {

class HttpClient;

//! The answer to one HttpRequest, across all its attempts. Emits finished() exactly once, never
//! from inside HttpClient::send(), so connecting (or co_await-ing) right after send() is safe:
//!     auto *reply = http->send(request);
//!     co_await qCoro(reply, &HttpReply::finished);
//! Deletes itself (deleteLater) after finished() unless setAutoDelete(false).
class HttpReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpReply)

public:
    ~HttpReply() override;

    const HttpRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    //! HTTP status of the last attempt; 0 when none answered.
    int status() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const { return headerValue(m_headers, name); }
    const QByteArray &body() const { return m_body; }
    //! Kind None on a 2xx answer; the body is then the API's to parse.
    const ApiError &error() const { return m_error; }
    //! Attempts sent so far (retries and 429 waits included).
    int attempts() const { return m_attempts; }
    //! Milliseconds from send() to finished().
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    //! Ends the request now with a Cancelled error (emits finished()).
    void abort();

signals:
    void finished();

private:
    friend class HttpClient;
    HttpReply(HttpClient *client, HttpRequest request);

    QPointer<HttpClient> m_client;
    HttpRequest m_request;
    QPointer<QNetworkReply> m_network;
    QTimer *m_timeoutTimer = nullptr;
    QElapsedTimer m_elapsed;
    int m_status = 0;
    HttpHeaders m_headers;
    QByteArray m_body;
    QStringList m_sslErrors; //!< certificate problems of the last attempt
    ApiError m_error;
    int m_attempts = 0;
    int m_failedAttempts = 0; //!< index into the retry table
    int m_rateLimitRetries = 0;
    qint64 m_notBefore = 0; //!< Clock ms before which the next attempt must not start
    bool m_timedOut = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace Pterodisbot
