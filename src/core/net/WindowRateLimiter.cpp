#include "net/WindowRateLimiter.h"

#include <algorithm>

#include "Clock.h"
#include "logging.h"
#include "net/JsonNumbers.h"
#include "net/RetryPolicy.h"

namespace Pterodisbot {
namespace {

int limitOf(int configured, int server)
{
    if (configured > 0 && server > 0)
        return qMin(configured, server);
    return configured > 0 ? configured : server;
}

} // namespace

WindowRateLimiter::WindowRateLimiter(Clock *clock)
    : m_clock(clock)
{}

void WindowRateLimiter::setBudget(const QString &key, int limit, qint64 windowMs, qint64 marginMs)
{
    Bucket &bucket = m_buckets[key];
    bucket.limit = qMax(0, limit);
    bucket.windowMs = qMax<qint64>(1, windowMs);
    bucket.marginMs = marginMs >= 0 ? marginMs : bucket.windowMs / 50;
}

int WindowRateLimiter::effectiveLimit(const QString &key) const
{
    const auto it = m_buckets.constFind(key);
    return it == m_buckets.cend() ? 0 : limitOf(it->limit, it->serverLimit);
}

qint64 WindowRateLimiter::delayMs(const QString &key) const
{
    const auto it = m_buckets.constFind(key);
    if (it == m_buckets.cend())
        return 0;
    const Bucket &bucket = *it;
    const qint64 now = m_clock->monotonicMs();
    qint64 ready = bucket.holdUntil;
    const int limit = limitOf(bucket.limit, bucket.serverLimit);
    if (limit > 0 && qsizetype(bucket.sent.size()) >= limit) {
        // The limit-th most recent send must have left the window.
        const qint64 oldest = bucket.sent[bucket.sent.size() - limit];
        ready = qMax(ready, oldest + bucket.windowMs + bucket.marginMs);
    }
    if (bucket.spacingMs > 0 && bucket.anySent)
        ready = qMax(ready, bucket.lastSent + bucket.spacingMs);
    return qMax<qint64>(0, ready - now);
}

void WindowRateLimiter::onSent(const QString &key)
{
    Bucket &bucket = m_buckets[key];
    const qint64 now = m_clock->monotonicMs();
    bucket.sent.push_back(now);
    bucket.lastSent = now;
    bucket.anySent = true;
    const qsizetype keep = qMax(1, limitOf(bucket.limit, bucket.serverLimit));
    while (qsizetype(bucket.sent.size()) > keep)
        bucket.sent.pop_front();
}

void WindowRateLimiter::onResponse(const QString &key, int status, const HttpHeaders &headers,
                                   qint64 retryAfterMs)
{
    Bucket &bucket = m_buckets[key];
    const qint64 now = m_clock->monotonicMs();

    bool ok = false;
    const int serverLimit = headerValue(headers, "X-RateLimit-Limit").toInt(&ok);
    if (ok && serverLimit > 0)
        bucket.serverLimit = serverLimit;

    if (status == 429) {
        const qint64 wait = retryAfterMs > 0 ? retryAfterMs : 1000;
        bucket.holdUntil = qMax(bucket.holdUntil, now + wait);
        qCInfo(lcNet) << "rate limited on" << key << "- holding for" << wait << "ms";
        return;
    }

    const QByteArray remainingHeader = headerValue(headers, "X-RateLimit-Remaining");
    const int remaining = remainingHeader.toInt(&ok);
    if (remainingHeader.isEmpty() || !ok)
        return;
    const int limit = qMax(1, limitOf(bucket.limit, bucket.serverLimit));
    if (remaining <= 0) {
        // The service counts others' requests too; without a reset time, a whole window is
        // the longest its counter can take to start over.
        qint64 wait = bucket.windowMs;
        bool haveReset = false;
        const double resetAfter =
            headerValue(headers, "X-RateLimit-Reset-After").toDouble(&haveReset);
        if (haveReset) {
            wait = clampedInteger(resetAfter * 1000.0, 0, RetryPolicy::kMaxRetryAfterMs);
        } else {
            const qint64 resetAt = headerValue(headers, "X-RateLimit-Reset").toLongLong(&haveReset);
            if (haveReset)
                wait = std::clamp<qint64>(
                    m_clock->utcNow().msecsTo(QDateTime::fromSecsSinceEpoch(resetAt, Qt::UTC)), 0,
                    RetryPolicy::kMaxRetryAfterMs);
        }
        bucket.holdUntil = qMax(bucket.holdUntil, now + wait);
        bucket.spacingMs = 0;
        qCInfo(lcNet) << "budget of" << key << "used up - holding for" << wait << "ms";
    } else if (remaining < qMax(2, limit / 10)) {
        // Spread what is left over a window rather than spending it at once.
        bucket.spacingMs = bucket.windowMs / (remaining + 1);
    } else {
        bucket.spacingMs = 0;
    }
}

} // namespace Pterodisbot
