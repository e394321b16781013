#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include "net/ApiError.h"

namespace Pterodisbot {

//! One attempt of a request: how long it may take, and how long to wait after it failed
//! transiently before the next attempt.
struct RetryStep
{
    int timeoutMs = 10000;
    int backoffMs = 0;
};

//! The one retry table of the transport. Attempt n (0-based) runs with steps[n].timeoutMs;
//! a transient failure (network, timeout, one of retryableStatuses()) waits steps[n].backoffMs
//! and tries the next step; any other error, or running out of steps, ends the request with
//! that error. 429s are waited out separately (they are not failures of the attempt), bounded
//! by maxRateLimitRetries and maxRetryAfterMs.
//!
//! Which statuses are transient is the API's call: the panel's 500 is a bug that a retry only
//! repeats (default 502/503/504), while Discord documents 500 as worth retrying
//! (setRetryableStatuses({500, 502, 503, 504})).
class RetryPolicy
{
public:
    //! Three attempts of 10 s, 1 s then 3 s apart.
    RetryPolicy();
    explicit RetryPolicy(QList<RetryStep> steps);

    //! \a backoffsMs.size() + 1 attempts, each with \a timeoutMs.
    static RetryPolicy withTimeout(int timeoutMs, const QList<int> &backoffsMs = {1000, 3000});
    //! One attempt only.
    static RetryPolicy once(int timeoutMs);

    const QList<RetryStep> &steps() const { return m_steps; }
    int attempts() const { return int(m_steps.size()); }
    //! Timeout of attempt \a attempt (0-based); the last step's for attempts past the table.
    int timeoutMs(int attempt) const;

    //! HTTP statuses retried with backoff; 502, 503 and 504 unless set.
    const QList<int> &retryableStatuses() const { return m_retryableStatuses; }
    void setRetryableStatuses(QList<int> statuses) { m_retryableStatuses = std::move(statuses); }
    //! The default statuses.
    static QList<int> defaultRetryableStatuses() { return {502, 503, 504}; }

    //! Whether \a error is worth another attempt under this policy: network errors, timeouts
    //! of idempotent requests (a POST that timed out may have been carried out) and the
    //! retryable statuses.
    bool shouldRetry(const ApiError &error, bool idempotent) const;
    //! shouldRetry() with the default statuses.
    static bool isRetryable(const ApiError &error, bool idempotent);

    //! The wait before the next attempt after attempt \a attempt failed with \a error, or
    //! nothing when the request should give up with that error.
    std::optional<int> backoffAfter(int attempt, const ApiError &error, bool idempotent) const;

    int maxRateLimitRetries() const { return m_maxRateLimitRetries; }
    void setMaxRateLimitRetries(int retries) { m_maxRateLimitRetries = retries; }
    qint64 maxRetryAfterMs() const { return m_maxRetryAfterMs; }
    void setMaxRetryAfterMs(qint64 ms) { m_maxRetryAfterMs = ms; }
    //! Waiting used when a 429 carries no usable Retry-After.
    qint64 defaultRetryAfterMs() const { return m_defaultRetryAfterMs; }
    void setDefaultRetryAfterMs(qint64 ms) { m_defaultRetryAfterMs = ms; }

    //! How long to wait before resending after the \a retriesSoFar-th 429 (0-based), or nothing
    //! when the 429 should end the request (too many, or the service asks for too long a wait).
    std::optional<qint64> rateLimitWait(const ApiError &error, int retriesSoFar) const;

    //! Parses a Retry-After header: delta seconds (fractions allowed) or an HTTP date relative
    //! to \a now. Returns milliseconds, or -1 when absent or unreadable.
    static qint64 parseRetryAfter(const QByteArray &value, const QDateTime &now);
    //! The longest wait a server can ask for (Retry-After, retry_after): a day. Longer, or
    //! absurd values such as 1e300, are cut to it, so that no deadline overflows.
    static constexpr qint64 kMaxRetryAfterMs = 24 * 3600 * 1000;

private:
    QList<RetryStep> m_steps;
    QList<int> m_retryableStatuses = defaultRetryableStatuses();
    int m_maxRateLimitRetries = 3;
    qint64 m_maxRetryAfterMs = 60000;
    qint64 m_defaultRetryAfterMs = 1000;
};

} // namespace Pterodisbot
