#pragma once

#include <functional>
#include <optional>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include "net/ApiError.h"
#include "net/HttpReply.h"
#include "net/HttpRequest.h"
#include "net/RetryPolicy.h"

class QNetworkAccessManager;

namespace Pterodisbot {

class Clock;
class RateLimiter;

//! Sends HttpRequests over an injected QNetworkAccessManager and owns everything around the
//! wire that every API needs: per-attempt timeouts, retries from one RetryPolicy table (only
//! for transient errors), waiting out 429s, a cap on requests in flight, and the RateLimiter
//! hooks through which an API decides when each request may go. API specifics come in
//! through the request (headers, rateLimitKey) and the ErrorMapper (status/body -> ApiError).
//! Never logs headers or bodies: only methods, URLs, statuses and timings.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    //! Maps a non-2xx answer to an ApiError (the API's own error format).
    using ErrorMapper =
        std::function<ApiError(int status, const HttpHeaders &headers, const QByteArray &body)>;

    //! \a nam and \a clock must outlive the client.
    HttpClient(QNetworkAccessManager *nam, Clock *clock, QObject *parent = nullptr);
    //! Cancels every queued and running request (each emits finished() with Cancelled).
    ~HttpClient() override;

    //! Urgent requests (HttpRequest::urgent) may be this many beyond the cap in flight.
    static constexpr int kUrgentReserve = 2;

    //! "Pterodisbot/<version> (+<homepage>)".
    static QByteArray defaultUserAgent();
    //! Status-only mapping: 401/403 auth, 404, 409, 429, 400/422 validation, else http.
    static ApiError defaultError(int status, const HttpHeaders &headers, const QByteArray &body);

    Clock *clock() const { return m_clock; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    //! At most \a count requests on the wire at once (>= 1), urgent ones kUrgentReserve more.
    void setMaxConcurrentRequests(int count);
    int maxConcurrentRequests() const { return m_maxConcurrent; }
    //! Consulted for requests with a rateLimitKey; not owned, must outlive the client.
    void setRateLimiter(RateLimiter *limiter) { m_limiter = limiter; }
    void setErrorMapper(ErrorMapper mapper) { m_mapper = std::move(mapper); }
    //! TLS settings applied to every request (e.g. trusting a private CA or one self-signed
    //! certificate for https on a LAN); empty uses Qt's defaults with the system CAs.
    //! Verification is never turned off here: a certificate that is not trusted ends the
    //! attempt with a Network error naming the certificate problem. QNetworkAccessManager
    //! reuses open connections per host and port, so clients with different TLS settings for
    //! the same host should not share one manager.
    void setSslConfiguration(std::optional<QSslConfiguration> configuration)
    {
        m_sslConfiguration = std::move(configuration);
    }
    const std::optional<QSslConfiguration> &sslConfiguration() const { return m_sslConfiguration; }

    //! Queues \a request; the reply finishes once, after retries and waits.
    HttpReply *send(HttpRequest request);

    //! Shutdown: from now on nothing new starts and nothing is retried. Requests that are not
    //! on the wire (queued, waiting for a retry or a rate limit) end at once with Cancelled;
    //! those on the wire may finish within \a graceMs and are then cancelled. A second call
    //! may shorten the grace (0: cancel them now).
    void beginShutdown(int graceMs);
    bool isShuttingDown() const { return m_draining || m_shuttingDown; }

    int inFlightCount() const { return int(m_inFlight.size()); }
    int queuedCount() const;
    //! Highest number of requests that were on the wire at once.
    int peakInFlight() const { return m_peakInFlight; }

private:
    friend class HttpReply;

    void schedulePump();
    void pump();
    void cancelInFlight();
    void startAttempt(HttpReply *reply);
    void onAttemptFinished(HttpReply *reply);
    ApiError classify(HttpReply *reply, QNetworkReply *network) const;
    const RetryPolicy &policyFor(const HttpReply *reply) const;
    void requeue(HttpReply *reply, qint64 waitMs);
    void finish(HttpReply *reply, const ApiError &error);
    void finishLater(HttpReply *reply, const ApiError &error);
    void cancel(HttpReply *reply);
    void detachNetwork(HttpReply *reply);
    //! \a reply is being destroyed while on the wire (its owner went away).
    void abandon(HttpReply *reply);
    void forget(QObject *reply);

    QPointer<QNetworkAccessManager> m_nam;
    Clock *m_clock;
    RetryPolicy m_policy;
    RateLimiter *m_limiter = nullptr;
    ErrorMapper m_mapper;
    QByteArray m_userAgent;
    std::optional<QSslConfiguration> m_sslConfiguration;
    int m_maxConcurrent = 6;
    int m_peakInFlight = 0;
    QList<QPointer<HttpReply>> m_queue;
    QSet<QObject *> m_inFlight;
    QTimer m_wakeTimer;
    bool m_pumpScheduled = false;
    bool m_shuttingDown = false;
    bool m_draining = false;
    QTimer m_graceTimer;
};

} // namespace Pterodisbot
