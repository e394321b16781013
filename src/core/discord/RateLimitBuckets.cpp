#include "discord/RateLimitBuckets.h"

#include <cmath>

#include <QRegularExpression>

#include "Clock.h"
#include "logging.h"
#include "net/JsonNumbers.h"
#include "net/RetryPolicy.h"

namespace Pterodisbot {

namespace {

constexpr qint64 kSecondMs = 1000;
constexpr qsizetype kForgetAbove = 2000; // bucket states kept before idle ones are dropped
constexpr qint64 kIdleMs = 30 * 60 * 1000;

// X-RateLimit-Reset-After: seconds with decimals; -1 when absent.
qint64 resetAfterMs(const HttpHeaders &headers)
{
    bool ok = false;
    const double seconds = headerValue(headers, "X-RateLimit-Reset-After").trimmed().toDouble(&ok);
    if (!ok || !(seconds >= 0))
        return -1;
    return clampedInteger(std::ceil(seconds * 1000.0), 0, RetryPolicy::kMaxRetryAfterMs);
}

int intHeader(const HttpHeaders &headers, QByteArrayView name)
{
    bool ok = false;
    const int value = headerValue(headers, name).trimmed().toInt(&ok);
    return ok ? value : -1;
}

} // namespace

RateLimitBuckets::RateLimitBuckets(Clock *clock, Options options)
    : m_clock(clock)
    , m_options(options)
    , m_guard(clock, options.guard)
{}

DiscordRoute RateLimitBuckets::route(const QByteArray &method, const QString &path)
{
    DiscordRoute parsed = DiscordRoute::parse(method, path);
    m_routes.insert(parsed.key, parsed);
    return parsed;
}

DiscordRoute RateLimitBuckets::routeOf(const HttpRequest &request) const
{
    const auto it = m_routes.constFind(request.rateLimitKey);
    if (it != m_routes.cend())
        return *it;
    // Not registered through route(): derive it from the URL, without the /api/v<n> prefix.
    static const QRegularExpression apiPrefix(QStringLiteral("^/api(/v\\d+)?"));
    QString path = request.url.path();
    path.remove(apiPrefix);
    return DiscordRoute::parse(request.method, path);
}

QString RateLimitBuckets::bucketKey(const DiscordRoute &route) const
{
    const QString hash = m_bucketHashes.value(route.routeTemplateKey());
    if (hash.isEmpty())
        return route.key;
    return hash + QLatin1Char(':') + route.majorParameters;
}

qint64 RateLimitBuckets::globalWindowMs() const
{
    // Discord counts the second from when the first request arrived; one sent exactly a second
    // after it may arrive sooner than that one did (measured: bench_discord, 25 channels).
    return kSecondMs + m_options.resetMarginMs;
}

void RateLimitBuckets::pruneGlobalWindow() const
{
    const qint64 cutoff = m_clock->monotonicMs() - globalWindowMs();
    while (!m_globalSends.empty() && m_globalSends.front() <= cutoff)
        m_globalSends.pop_front();
}

qint64 RateLimitBuckets::delayMs(const DiscordRoute &route, const void *requestId) const
{
    const qint64 now = m_clock->monotonicMs();
    if (m_globalPauseUntilMs > now)
        return m_globalPauseUntilMs - now;
    if (!route.isInteractionCallback && m_options.globalPerSecond > 0) {
        pruneGlobalWindow();
        if (qsizetype(m_globalSends.size()) >= m_options.globalPerSecond)
            return m_globalSends.front() + globalWindowMs() - now;
    }
    const QString key = bucketKey(route);
    const auto it = m_buckets.constFind(key);
    if (it == m_buckets.cend())
        return key == route.key ? sharedBucketWaitMs(route, now) : 0;
    const Bucket &bucket = *it;
    if (bucket.inFlight && bucket.inFlight != requestId &&
        now - bucket.inFlightSinceMs < m_options.inFlightExpiryMs) {
        // Held until the answer arrives (which wakes the client); the expiry only bounds a
        // request whose answer the limiter never hears of.
        return bucket.inFlightSinceMs + m_options.inFlightExpiryMs - now;
    }
    if (bucket.remaining == 0 && now < bucket.resetAtMs)
        return bucket.resetAtMs - now;
    return 0;
}

qint64 RateLimitBuckets::sharedBucketWaitMs(const DiscordRoute &route, qint64 now) const
{
    // A route whose bucket no answer has named yet may share one with routes of the same major
    // parameters (a channel's message writes do): while such a bucket is spent, its first
    // request waits for the reset rather than risk a 429 that counts toward the ban.
    if (route.majorParameters.isEmpty())
        return 0;
    const QString suffix = QLatin1Char(':') + route.majorParameters;
    qint64 wait = 0;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        const Bucket &known = *it;
        if (!known.hash.isEmpty() && known.remaining == 0 && now < known.resetAtMs &&
            it.key().endsWith(suffix))
            wait = qMax(wait, known.resetAtMs - now);
    }
    return wait;
}

void RateLimitBuckets::onSent(const DiscordRoute &route, const void *requestId)
{
    const qint64 now = m_clock->monotonicMs();
    if (!route.isInteractionCallback) {
        pruneGlobalWindow();
        m_globalSends.push_back(now);
    }
    Bucket &bucket = m_buckets[bucketKey(route)];
    bucket.inFlight = requestId ? requestId : &bucket;
    bucket.inFlightSinceMs = now;
    bucket.lastUsedMs = now;
    if (bucket.limit > 0 && now >= bucket.resetAtMs)
        bucket.remaining = bucket.limit; // a new window began since the last answer
    if (bucket.remaining > 0)
        --bucket.remaining;
}

void RateLimitBuckets::onResponse(const DiscordRoute &route, int status, const HttpHeaders &headers,
                                  qint64 retryAfterMs, const void *requestId)
{
    const qint64 now = m_clock->monotonicMs();
    QString key = bucketKey(route);
    const QString hash = QString::fromLatin1(headerValue(headers, "X-RateLimit-Bucket").trimmed());
    if (!hash.isEmpty() && m_bucketHashes.value(route.routeTemplateKey()) != hash) {
        m_bucketHashes.insert(route.routeTemplateKey(), hash);
        const QString hashedKey = bucketKey(route);
        if (hashedKey != key) {
            // The route's state moves to the shared bucket; one already there keeps its
            // request in flight (it belongs to another route of the same bucket).
            Bucket moved = m_buckets.take(key);
            const auto existing = m_buckets.constFind(hashedKey);
            if (existing != m_buckets.cend() && existing->inFlight) {
                moved.inFlight = existing->inFlight;
                moved.inFlightSinceMs = existing->inFlightSinceMs;
            } else if (moved.inFlight != requestId) {
                moved.inFlight = nullptr;
            }
            m_buckets.insert(hashedKey, moved);
            qCDebug(lcRest).noquote() << route.routeTemplateKey() << "is bucket" << hashedKey;
            key = hashedKey;
        }
    }
    Bucket &bucket = m_buckets[key];
    bucket.hash = hash.isEmpty() ? bucket.hash : hash;
    bucket.lastUsedMs = now;
    if (!requestId || bucket.inFlight == requestId || bucket.inFlight == &bucket)
        bucket.inFlight = nullptr;

    const int limit = intHeader(headers, "X-RateLimit-Limit");
    const int remaining = intHeader(headers, "X-RateLimit-Remaining");
    const qint64 resetAfter = resetAfterMs(headers);
    if (limit >= 0)
        bucket.limit = limit;
    if (remaining >= 0)
        bucket.remaining = remaining;
    if (resetAfter >= 0)
        bucket.resetAtMs = now + resetAfter + m_options.resetMarginMs;

    if (status == 429) {
        const QByteArray scope = headerValue(headers, "X-RateLimit-Scope").trimmed().toLower();
        const bool global =
            scope == "global" ||
            headerValue(headers, "X-RateLimit-Global").trimmed().toLower() == "true";
        qint64 wait = retryAfterMs > 0 ? retryAfterMs : resetAfter;
        if (wait <= 0)
            wait = kSecondMs;
        const qint64 until = now + wait + m_options.resetMarginMs;
        if (global) {
            m_globalPauseUntilMs = std::max(m_globalPauseUntilMs, until);
            qCWarning(lcRest).noquote()
                << "global rate limit: every request paused for" << wait << "ms";
        } else {
            bucket.remaining = 0;
            bucket.resetAtMs = std::max(bucket.resetAtMs, until);
            qCWarning(lcRest).noquote()
                << "429 on" << key << "(scope" << (scope.isEmpty() ? "user" : scope.constData())
                << ") held for" << wait << "ms";
        }
        if (scope != "shared")
            m_guard.record(status);
    } else if (status == 401 || status == 403) {
        m_guard.record(status);
    }
    if (m_buckets.size() > kForgetAbove)
        forgetIdle();
}

void RateLimitBuckets::onAbandoned(const DiscordRoute &route, const void *requestId)
{
    const auto it = m_buckets.find(bucketKey(route));
    if (it != m_buckets.end() && it->inFlight == requestId)
        it->inFlight = nullptr;
}

void RateLimitBuckets::forgetHold(const DiscordRoute &route)
{
    const auto it = m_buckets.find(bucketKey(route));
    if (it == m_buckets.end())
        return;
    it->remaining = -1;
    it->resetAtMs = 0;
}

void RateLimitBuckets::forgetHold(const HttpRequest &request)
{
    forgetHold(routeOf(request));
}

void RateLimitBuckets::forgetIdle()
{
    const qint64 now = m_clock->monotonicMs();
    m_buckets.removeIf([now](const QHash<QString, Bucket>::iterator it) {
        return !it->inFlight && it->resetAtMs < now && now - it->lastUsedMs > kIdleMs;
    });
    // Routes with tokens (webhooks, interactions) are one-offs; re-parsing is cheap.
    if (m_routes.size() > kForgetAbove)
        m_routes.clear();
}

qint64 RateLimitBuckets::delayMs(const HttpRequest &request) const
{
    return delayMs(routeOf(request), &request);
}

void RateLimitBuckets::onSent(const HttpRequest &request)
{
    onSent(routeOf(request), &request);
}

void RateLimitBuckets::onResponse(const HttpRequest &request, int status,
                                  const HttpHeaders &headers, qint64 retryAfterMs)
{
    onResponse(routeOf(request), status, headers, retryAfterMs, &request);
}

void RateLimitBuckets::onFailed(const HttpRequest &request)
{
    onAbandoned(routeOf(request), &request);
}

std::optional<RateLimitBuckets::Bucket> RateLimitBuckets::bucket(const QString &bucketKey) const
{
    const auto it = m_buckets.constFind(bucketKey);
    if (it == m_buckets.cend())
        return std::nullopt;
    return *it;
}

qint64 RateLimitBuckets::globalPauseRemainingMs() const
{
    return std::max<qint64>(0, m_globalPauseUntilMs - m_clock->monotonicMs());
}

int RateLimitBuckets::globalCountLastSecond() const
{
    pruneGlobalWindow();
    return int(m_globalSends.size());
}

} // namespace Pterodisbot
