#include "net/HttpClient.h"

#include <QNetworkReply>

#include "Clock.h"
#include "logging.h"
#include "net/SafeUrl.h"

// How HttpClient turns an attempt's outcome into an ApiError; the API's ErrorMapper refines
// the HTTP answers.

namespace Pterodisbot {
namespace {

QString describeDuration(int ms)
{
    if (ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 ms").arg(ms);
}

} // namespace

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
