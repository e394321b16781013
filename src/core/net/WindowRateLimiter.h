#pragma once

#include <deque>

#include <QHash>
#include <QString>

#include "net/RateLimiter.h"

namespace Pterodisbot {

class Clock;

//! Keeps each key under a request budget per time window (a sliding window, so whatever fixed
//! window the service counts in, it never sees more than the budget), and slows down on what
//! the service reports: X-RateLimit-Limit lowers the budget, a low X-RateLimit-Remaining
//! spaces requests out, none remaining or a 429 holds the key until the reset/Retry-After.
class WindowRateLimiter final : public RateLimiter
{
public:
    explicit WindowRateLimiter(Clock *clock);

    //! At most \a limit requests in any \a windowMs for \a key (0 = no own budget; the
    //! service's headers still apply). \a marginMs widens the window against clock skew and
    //! network jitter; -1 = 2 % of the window.
    void setBudget(const QString &key, int limit, qint64 windowMs, qint64 marginMs = -1);
    //! The budget in force: the configured one, lowered by the service's X-RateLimit-Limit.
    int effectiveLimit(const QString &key) const;

    qint64 delayMs(const QString &key) const;
    void onSent(const QString &key);
    void onResponse(const QString &key, int status, const HttpHeaders &headers,
                    qint64 retryAfterMs);

    qint64 delayMs(const HttpRequest &request) const override
    {
        return delayMs(request.rateLimitKey);
    }
    void onSent(const HttpRequest &request) override { onSent(request.rateLimitKey); }
    void onResponse(const HttpRequest &request, int status, const HttpHeaders &headers,
                    qint64 retryAfterMs) override
    {
        onResponse(request.rateLimitKey, status, headers, retryAfterMs);
    }

private:
    struct Bucket
    {
        int limit = 0;
        int serverLimit = 0;
        qint64 windowMs = 60000;
        qint64 marginMs = 1200;
        std::deque<qint64> sent; //!< monotonic send times, oldest first, at most limit kept
        qint64 holdUntil = 0;
        qint64 spacingMs = 0;
        qint64 lastSent = 0;
        bool anySent = false;
    };

    Clock *m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace Pterodisbot
