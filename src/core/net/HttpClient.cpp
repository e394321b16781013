#include "net/HttpClient.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include "Clock.h"
#include "logging.h"
#include "net/RateLimiter.h"
#include "net/SafeUrl.h"
#include "pterodisbot_version.h"

namespace Pterodisbot {
namespace {

QString describeDuration(int ms)
{
    if (ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 ms").arg(ms);
}

} // namespace

HttpClient::HttpClient(QNetworkAccessManager *nam, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock)
    , m_userAgent(defaultUserAgent())
{
    m_wakeTimer.setSingleShot(true);
    // Precise: a coarse timer may fire early, and a 429 wait must never be cut short.
    m_wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &HttpClient::pump);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &HttpClient::cancelInFlight);
}

HttpClient::~HttpClient()
{
    m_shuttingDown = true;
    m_wakeTimer.stop();
    QList<QPointer<HttpReply>> pending = m_queue;
    for (QObject *object : std::as_const(m_inFlight))
        pending.append(static_cast<HttpReply *>(object));
    m_queue.clear();
    for (const QPointer<HttpReply> &reply : std::as_const(pending)) {
        if (reply && !reply->m_finished)
            cancel(reply);
    }
}

QByteArray HttpClient::defaultUserAgent()
{
    return QByteArrayLiteral("Pterodisbot/" PTERODISBOT_VERSION " (+" PTERODISBOT_HOMEPAGE ")");
}

void HttpClient::setMaxConcurrentRequests(int count)
{
    m_maxConcurrent = qMax(1, count);
    schedulePump();
}

int HttpClient::queuedCount() const
{
    int count = 0;
    for (const QPointer<HttpReply> &reply : m_queue)
        count += reply ? 1 : 0;
    return count;
}

HttpReply *HttpClient::send(HttpRequest request)
{
    auto *reply = new HttpReply(this, std::move(request));
    connect(reply, &QObject::destroyed, this, &HttpClient::forget);
    if (m_shuttingDown || m_draining || !m_nam) {
        finishLater(reply, ApiError::cancelled(QStringLiteral("the HTTP client is shutting down")));
        return reply;
    }
    const QUrl &url = reply->m_request.url;
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        finishLater(reply, ApiError::network(QStringLiteral("invalid URL %1").arg(safeUrl(url))));
        return reply;
    }
    reply->m_notBefore = m_clock->monotonicMs();
    m_queue.append(reply);
    schedulePump();
    return reply;
}

void HttpClient::schedulePump()
{
    if (m_pumpScheduled || m_shuttingDown)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &HttpClient::pump, Qt::QueuedConnection);
}

void HttpClient::pump()
{
    m_pumpScheduled = false;
    if (m_shuttingDown)
        return;
    const qint64 now = m_clock->monotonicMs();
    qint64 nextWake = -1;
    // Urgent requests first, with the reserve; then everything in order.
    for (const bool urgentPass : {true, false}) {
        const int cap = m_maxConcurrent + (urgentPass ? kUrgentReserve : 0);
        // A key the limiter holds keeps its requests in order; other keys go ahead.
        QSet<QString> heldKeys;
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            HttpReply *reply = *it;
            if (!reply || reply->m_finished) {
                it = m_queue.erase(it);
                continue;
            }
            if (m_inFlight.size() >= cap)
                break;
            if (urgentPass && !reply->m_request.urgent) {
                ++it;
                continue;
            }
            const QString &key = reply->m_request.rateLimitKey;
            if (heldKeys.contains(key)) {
                ++it;
                continue;
            }
            qint64 wait = reply->m_notBefore - now;
            if (m_limiter && !key.isEmpty()) {
                const qint64 limiterWait = m_limiter->delayMs(reply->m_request);
                if (limiterWait > 0 && limiterWait >= wait) {
                    heldKeys.insert(key);
                    wait = limiterWait;
                }
            }
            if (wait > 0) {
                nextWake = nextWake < 0 ? wait : qMin(nextWake, wait);
                ++it;
                continue;
            }
            it = m_queue.erase(it);
            startAttempt(reply);
        }
    }
    if (nextWake >= 0)
        m_wakeTimer.start(int(qMin<qint64>(nextWake, std::numeric_limits<int>::max())));
}

const RetryPolicy &HttpClient::policyFor(const HttpReply *reply) const
{
    return reply->m_request.retryPolicy ? *reply->m_request.retryPolicy : m_policy;
}

void HttpClient::startAttempt(HttpReply *reply)
{
    const HttpRequest &request = reply->m_request;
    QNetworkRequest network(request.url);
    for (const auto &[name, value] : request.headers)
        network.setRawHeader(name, value);
    if (request.header("User-Agent").isEmpty() && !m_userAgent.isEmpty())
        network.setRawHeader(QByteArrayLiteral("User-Agent"), m_userAgent);
    network.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         request.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                 : QNetworkRequest::ManualRedirectPolicy);
    if (m_sslConfiguration)
        network.setSslConfiguration(*m_sslConfiguration);

    if (m_limiter && !request.rateLimitKey.isEmpty())
        m_limiter->onSent(request);
    ++reply->m_attempts;
    reply->m_timedOut = false;
    reply->m_sslErrors.clear();

    QNetworkReply *wire = nullptr;
    QHttpMultiPart *multiPart = request.multiPart ? request.multiPart() : nullptr;
    if (multiPart) {
        wire = m_nam->sendCustomRequest(network, request.method, multiPart);
        multiPart->setParent(wire);
    } else if (request.method == "GET" && request.body.isEmpty()) {
        wire = m_nam->get(network);
    } else {
        wire = m_nam->sendCustomRequest(network, request.method, request.body);
    }
    reply->m_network = wire;
    m_inFlight.insert(reply);
    m_peakInFlight = qMax(m_peakInFlight, int(m_inFlight.size()));

    const int timeout = request.timeoutMs > 0 ? request.timeoutMs
                                              : policyFor(reply).timeoutMs(reply->m_failedAttempts);
    if (!reply->m_timeoutTimer) {
        reply->m_timeoutTimer = new QTimer(reply);
        reply->m_timeoutTimer->setSingleShot(true);
        // A timeout is a promise to the caller ("no answer within N ms"): never fire early.
        reply->m_timeoutTimer->setTimerType(Qt::PreciseTimer);
        connect(reply->m_timeoutTimer, &QTimer::timeout, reply, [reply] {
            if (!reply->m_network)
                return;
            reply->m_timedOut = true;
            reply->m_network->abort(); // finishes the attempt synchronously
        });
    }
    reply->m_timeoutTimer->start(timeout);
    connect(wire, &QNetworkReply::finished, reply, [this, reply] { onAttemptFinished(reply); });
    // Only recorded for the error message: nothing here ever ignores a certificate problem.
    connect(wire, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            reply->m_sslErrors.append(error.errorString());
    });
    qCDebug(lcNet).noquote() << request.method << safeUrl(request.url) << "attempt"
                             << reply->m_attempts;
}

void HttpClient::onAttemptFinished(HttpReply *reply)
{
    QNetworkReply *network = reply->m_network;
    if (!network)
        return;
    reply->m_network = nullptr;
    reply->m_timeoutTimer->stop();
    m_inFlight.remove(reply);
    network->disconnect(reply);

    const QVariant status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    reply->m_status = status.isValid() ? status.toInt() : 0;
    reply->m_headers = network->rawHeaderPairs();
    reply->m_body = network->isOpen() ? network->readAll() : QByteArray();
    const ApiError error = classify(reply, network);
    network->deleteLater();

    const HttpRequest &request = reply->m_request;
    if (m_limiter && !request.rateLimitKey.isEmpty()) {
        if (reply->m_status != 0)
            m_limiter->onResponse(request, reply->m_status, reply->m_headers, error.retryAfterMs);
        else
            m_limiter->onFailed(request);
    }

    if (error.isError() && !m_draining) {
        const RetryPolicy &policy = policyFor(reply);
        if (reply->m_status == 429) {
            if (const auto wait = policy.rateLimitWait(error, reply->m_rateLimitRetries)) {
                ++reply->m_rateLimitRetries;
                qCInfo(lcNet).noquote()
                    << request.method << safeUrl(request.url) << "-> 429, waiting" << *wait << "ms";
                requeue(reply, *wait);
                return;
            }
        } else if (const auto backoff = policy.backoffAfter(reply->m_failedAttempts, error,
                                                            request.isIdempotent())) {
            ++reply->m_failedAttempts;
            qCInfo(lcNet).noquote() << QStringLiteral("%1 %2 failed (%3), retrying in %4 ms")
                                           .arg(QString::fromLatin1(request.method),
                                                safeUrl(request.url), error.toString())
                                           .arg(*backoff);
            requeue(reply, *backoff);
            return;
        }
        qCInfo(lcNet).noquote() << QStringLiteral("%1 %2 -> %3 after %4 attempt(s)")
                                       .arg(QString::fromLatin1(request.method),
                                            safeUrl(request.url), error.toString())
                                       .arg(reply->m_attempts);
    } else {
        qCDebug(lcNet).noquote() << request.method << safeUrl(request.url) << "->"
                                 << reply->m_status << "in" << reply->elapsedMs() << "ms";
    }
    finish(reply, error);
    schedulePump();
}

void HttpClient::beginShutdown(int graceMs)
{
    if (m_shuttingDown)
        return;
    if (!m_draining) {
        m_draining = true;
        m_wakeTimer.stop();
        const QList<QPointer<HttpReply>> queued = m_queue;
        m_queue.clear();
        for (const QPointer<HttpReply> &reply : queued) {
            if (reply && !reply->m_finished)
                finish(reply, ApiError::cancelled(QStringLiteral("cancelled: shutting down")));
        }
    }
    if (m_inFlight.isEmpty())
        return;
    if (graceMs <= 0) {
        m_graceTimer.stop();
        cancelInFlight();
        return;
    }
    // A second call may shorten the grace, never lengthen it.
    if (!m_graceTimer.isActive() || m_graceTimer.remainingTime() > graceMs)
        m_graceTimer.start(graceMs);
}

void HttpClient::cancelInFlight()
{
    QList<QPointer<HttpReply>> running;
    for (QObject *object : std::as_const(m_inFlight))
        running.append(static_cast<HttpReply *>(object));
    if (!running.isEmpty())
        qCInfo(lcNet) << running.size() << "request(s) still running at shutdown: cancelled";
    for (const QPointer<HttpReply> &reply : std::as_const(running)) {
        if (reply && !reply->m_finished)
            cancel(reply);
    }
}

void HttpClient::requeue(HttpReply *reply, qint64 waitMs)
{
    reply->m_notBefore = m_clock->monotonicMs() + waitMs;
    m_queue.append(reply);
    schedulePump();
}

void HttpClient::finish(HttpReply *reply, const ApiError &error)
{
    if (reply->m_finished)
        return;
    reply->m_error = error;
    reply->m_finished = true;
    if (reply->m_timeoutTimer)
        reply->m_timeoutTimer->stop();
    QPointer<HttpReply> guard(reply);
    emit reply->finished();
    if (guard && guard->m_autoDelete) // queued: see PanelJob::finishJob
        QMetaObject::invokeMethod(guard, &QObject::deleteLater, Qt::QueuedConnection);
}

void HttpClient::finishLater(HttpReply *reply, const ApiError &error)
{
    QTimer::singleShot(0, reply, [reply, error] {
        if (reply->m_finished)
            return;
        reply->m_error = error;
        reply->m_finished = true;
        emit reply->finished();
        if (reply->m_autoDelete) // queued: see PanelJob::finishJob
            QMetaObject::invokeMethod(reply, &QObject::deleteLater, Qt::QueuedConnection);
    });
}

void HttpClient::detachNetwork(HttpReply *reply)
{
    if (QNetworkReply *network = reply->m_network) {
        reply->m_network = nullptr;
        network->disconnect(reply);
        network->abort();
        network->deleteLater();
        if (m_limiter && !reply->m_request.rateLimitKey.isEmpty())
            m_limiter->onFailed(reply->m_request);
    }
    m_inFlight.remove(reply);
}

void HttpClient::abandon(HttpReply *reply)
{
    detachNetwork(reply);
    schedulePump();
}

void HttpClient::cancel(HttpReply *reply)
{
    detachNetwork(reply);
    m_queue.removeAll(reply);
    finish(reply, ApiError::cancelled(QStringLiteral("request cancelled")));
    schedulePump();
}

void HttpClient::forget(QObject *reply)
{
    if (m_inFlight.remove(reply))
        schedulePump();
}

// How an attempt's outcome becomes an ApiError; the API's ErrorMapper refines the HTTP answers.
ApiError HttpClient::defaultError(int status, const HttpHeaders &headers, const QByteArray &body)
{
    Q_UNUSED(body)
    ApiError error;
    error.httpStatus = status;
    switch (status) {
    case 400:
    case 422:
        error.kind = ApiError::Kind::Validation;
        break;
    case 401:
    case 403:
        error.kind = ApiError::Kind::Auth;
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        break;
    case 409:
        error.kind = ApiError::Kind::Conflict;
        break;
    case 429:
        error.kind = ApiError::Kind::RateLimited;
        break;
    default:
        error.kind = ApiError::Kind::Http;
        break;
    }
    if (status >= 300 && status < 400) {
        const QByteArray location = headerValue(headers, "Location");
        error.message = QStringLiteral("redirected to %1").arg(redact(QString::fromUtf8(location)));
    }
    return error;
}

ApiError HttpClient::classify(HttpReply *reply, QNetworkReply *network) const
{
    const HttpRequest &request = reply->m_request;
    if (reply->m_timedOut) {
        const int timeout = request.timeoutMs > 0
                                ? request.timeoutMs
                                : policyFor(reply).timeoutMs(reply->m_failedAttempts);
        return ApiError{ApiError::Kind::Timeout,
                        0,
                        {},
                        QStringLiteral("no answer from %1 within %2")
                            .arg(safeUrl(request.url), describeDuration(timeout))};
    }
    if (reply->m_status == 0) {
        const QString peer =
            QStringLiteral("%1:%2").arg(request.url.host()).arg(request.url.port(443));
        if (!reply->m_sslErrors.isEmpty()) {
            return ApiError{ApiError::Kind::Tls,
                            0,
                            {},
                            redact(QStringLiteral("TLS certificate of %1 not accepted: %2")
                                       .arg(peer, reply->m_sslErrors.join(QStringLiteral("; "))))};
        }
        if (network->error() == QNetworkReply::SslHandshakeFailedError) {
            return ApiError{ApiError::Kind::Tls,
                            0,
                            {},
                            redact(QStringLiteral("TLS handshake with %1 failed: %2")
                                       .arg(peer, network->errorString()))};
        }
        return ApiError{ApiError::Kind::Network, 0, {}, redact(network->errorString())};
    }
    if (reply->m_status >= 200 && reply->m_status < 300)
        return {};
    ApiError error =
        m_mapper ? m_mapper(reply->m_status, reply->m_headers, reply->m_body) : ApiError{};
    if (!error.isError())
        error = defaultError(reply->m_status, reply->m_headers, reply->m_body);
    error.httpStatus = reply->m_status;
    if (reply->m_status == 429 && error.retryAfterMs <= 0) {
        const qint64 retryAfter =
            RetryPolicy::parseRetryAfter(reply->header("Retry-After"), m_clock->utcNow());
        error.retryAfterMs = qMax<qint64>(0, retryAfter);
    }
    return error;
}

} // namespace Pterodisbot
