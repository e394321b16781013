#include "net/RetryPolicy.h"

#include <algorithm>
#include <cmath>

#include <QLocale>

#include "net/JsonNumbers.h"

namespace Pterodisbot {

RetryPolicy::RetryPolicy()
    : RetryPolicy(withTimeout(10000))
{}

RetryPolicy::RetryPolicy(QList<RetryStep> steps)
    : m_steps(std::move(steps))
{
    if (m_steps.isEmpty())
        m_steps.append(RetryStep{});
}

RetryPolicy RetryPolicy::withTimeout(int timeoutMs, const QList<int> &backoffsMs)
{
    QList<RetryStep> steps;
    for (int backoff : backoffsMs)
        steps.append({timeoutMs, backoff});
    steps.append({timeoutMs, 0});
    return RetryPolicy(steps);
}

RetryPolicy RetryPolicy::once(int timeoutMs)
{
    return RetryPolicy({RetryStep{timeoutMs, 0}});
}

int RetryPolicy::timeoutMs(int attempt) const
{
    const int index = qBound(0, attempt, int(m_steps.size()) - 1);
    return m_steps.at(index).timeoutMs;
}

bool RetryPolicy::shouldRetry(const ApiError &error, bool idempotent) const
{
    switch (error.kind) {
    case ApiError::Kind::None:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::Tls: // the same certificate fails the same way
        return false;
    case ApiError::Kind::Network:
        return true;
    case ApiError::Kind::Timeout:
        return idempotent;
    default:
        return error.httpStatus != 0 && m_retryableStatuses.contains(error.httpStatus);
    }
}

bool RetryPolicy::isRetryable(const ApiError &error, bool idempotent)
{
    static const RetryPolicy defaults;
    return defaults.shouldRetry(error, idempotent);
}

std::optional<int> RetryPolicy::backoffAfter(int attempt, const ApiError &error,
                                             bool idempotent) const
{
    if (!shouldRetry(error, idempotent))
        return std::nullopt;
    if (attempt < 0 || attempt + 1 >= m_steps.size())
        return std::nullopt;
    return m_steps.at(attempt).backoffMs;
}

std::optional<qint64> RetryPolicy::rateLimitWait(const ApiError &error, int retriesSoFar) const
{
    if (error.kind != ApiError::Kind::RateLimited && error.httpStatus != 429)
        return std::nullopt;
    if (retriesSoFar >= m_maxRateLimitRetries)
        return std::nullopt;
    const qint64 wait = error.retryAfterMs > 0 ? error.retryAfterMs : m_defaultRetryAfterMs;
    if (wait > m_maxRetryAfterMs)
        return std::nullopt;
    return wait;
}

qint64 RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return seconds < 0 ? -1
                           : clampedInteger(std::ceil(seconds * 1000.0), 0, kMaxRetryAfterMs, -1);
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    const QString date = QString::fromLatin1(text).replace(QLatin1String(" GMT"), QString());
    const QDateTime when =
        QLocale::c().toDateTime(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid())
        return -1;
    const QDateTime utc(when.date(), when.time(), Qt::UTC);
    return std::clamp<qint64>(now.msecsTo(utc), 0, kMaxRetryAfterMs);
}

} // namespace Pterodisbot
