#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <QCoro/QCoroTask>

#include "net/ApiError.h"
#include "net/HttpRequest.h"

namespace Pterodisbot {

class HttpReply;
class RestClient;
struct RestCall;

//! The answer to one Discord REST call, across every attempt (5xx retries, 429 waits).
//! Emits finished() exactly once and never from inside the call that created it, so
//!     auto *reply = rest->createMessage(channel, message);
//!     co_await qCoro(reply, &RestReply::finished);
//! is safe. Deletes itself after finished() unless setAutoDelete(false).
class RestReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestReply)

public:
    ~RestReply() override;

    bool isFinished() const { return m_finished; }
    //! Kind None on a 2xx answer.
    const ApiError &error() const { return m_error; }
    bool ok() const { return m_finished && !m_error.isError(); }
    //! HTTP status of the last attempt; 0 when none answered.
    int status() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    const QByteArray &body() const { return m_body; }
    QJsonObject object() const { return QJsonDocument::fromJson(m_body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(m_body).array(); }
    //! HTTP requests sent for this call (1 unless retried or rate limited).
    int attempts() const { return m_attempts; }
    //! The rate-limit route key, e.g. "PATCH /channels/1/messages/{message_id}".
    const QString &routeKey() const { return m_routeKey; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    //! Ends the call now with a Cancelled error.
    void abort();

signals:
    void finished();

private:
    friend class RestClient;
    explicit RestReply(QObject *parent = nullptr);

    QPointer<HttpReply> m_http;
    std::shared_ptr<RestCall> m_call;
    QString m_routeKey;
    ApiError m_error;
    int m_status = 0;
    HttpHeaders m_headers;
    QByteArray m_body;
    int m_attempts = 0;
    int m_transientRetries = 0;
    int m_rateLimitRetries = 0;
    bool m_finished = false;
    bool m_autoDelete = true;
};

//! What a finished call left behind, as a value a coroutine can keep.
struct RestResult
{
    ApiError error;
    int status = 0;
    QByteArray body;

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

//! Waits for \a reply (in a coroutine: `const RestResult r = co_await awaitReply(rest->...)`).
QCoro::Task<RestResult> awaitReply(RestReply *reply);

} // namespace Pterodisbot
