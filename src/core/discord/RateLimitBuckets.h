#pragma once

#include <deque>
#include <optional>

#include <QHash>
#include <QString>

#include "discord/RateLimitGuard.h"
#include "discord/RateLimitRoute.h"
#include "net/RateLimiter.h"

namespace Pterodisbot {

class Clock;

struct RateLimitOptions
{
    int globalPerSecond = 50;
    //! Added to every reset and retry_after, and to the global gate's second: our timer and
    //! Discord's clock never agree to the millisecond, and an early request costs a 429.
    qint64 resetMarginMs = 25;
    //! Safety bound: HttpClient reports the end of every attempt (onResponse or onFailed),
    //! so this only matters for a caller driving the limiter by hand that forgets to.
    qint64 inFlightExpiryMs = 60000;
    RateLimitGuardOptions guard;
};

//! Discord's REST rate limits, learnt from response headers only (no limit is hard-coded
//! except the documented global 50/s, which is an option):
//! - per-bucket state keyed by DiscordRoute::key until a response names X-RateLimit-Bucket,
//!   then "<bucket>:<major parameters>", so routes sharing a bucket share one budget;
//! - a route whose bucket is not named yet waits while a named bucket of the same major
//!   parameters is spent (it may share it: a channel's message writes do);
//! - one request in flight per bucket: every answer carries the exact remaining count and
//!   reset, so the next request of that bucket is never sent on a guess; a bucket with
//!   remaining 0 is held until its X-RateLimit-Reset-After (read with the injected Clock);
//! - the global gate: at most globalPerSecond requests in any second (plus resetMarginMs),
//!   interaction callbacks excluded; a global 429 pauses every request, callbacks included;
//! - 429s (scope user / global / shared) hold the bucket or everything for retry_after;
//! - the RateLimitGuard counts 401/403/429 (not shared).
//! HttpClient asks it through the RateLimiter hooks; a request is identified across its
//! attempts by the address of its HttpRequest (stable for the life of an HttpReply, and
//! released by onResponse/onFailed before the reply can go away).
class RateLimitBuckets final : public RateLimiter
{
public:
    using Options = RateLimitOptions;

    struct Bucket
    {
        QString hash;       //!< X-RateLimit-Bucket, empty until a response named it
        int limit = -1;     //!< -1 = not known yet
        int remaining = -1; //!< -1 = not known yet
        qint64 resetAtMs = 0;
        const void *inFlight = nullptr;
        qint64 inFlightSinceMs = 0;
        qint64 lastUsedMs = 0;
    };

    //! \a clock must outlive the limiter.
    explicit RateLimitBuckets(Clock *clock, Options options = {});

    //! Parses \a path (relative to the API base) and remembers the route under its key, which
    //! the caller puts into HttpRequest::rateLimitKey.
    DiscordRoute route(const QByteArray &method, const QString &path);

    qint64 delayMs(const HttpRequest &request) const override;
    void onSent(const HttpRequest &request) override;
    void onResponse(const HttpRequest &request, int status, const HttpHeaders &headers,
                    qint64 retryAfterMs) override;
    //! An attempt of \a request ended without an answer (network error, timeout, abort): the
    //! bucket is free again.
    void onFailed(const HttpRequest &request) override;
    //! The 429 just reported for \a request was not about its bucket (Discord code 30046:
    //! too many edits of one old message): the bucket goes back to unknown instead of being
    //! held, so the other messages of the channel are not stalled.
    void forgetHold(const HttpRequest &request);

    // The same decisions for a route; \a requestId tells one request's attempts apart.
    QString bucketKey(const DiscordRoute &route) const;
    qint64 delayMs(const DiscordRoute &route, const void *requestId = nullptr) const;
    void onSent(const DiscordRoute &route, const void *requestId = nullptr);
    void onResponse(const DiscordRoute &route, int status, const HttpHeaders &headers,
                    qint64 retryAfterMs, const void *requestId = nullptr);
    void onAbandoned(const DiscordRoute &route, const void *requestId);
    void forgetHold(const DiscordRoute &route);

    std::optional<Bucket> bucket(const QString &bucketKey) const;
    //! Milliseconds left of a global 429 pause; 0 when none.
    qint64 globalPauseRemainingMs() const;
    //! Requests counted by the global gate within its window (the last 1 s + resetMarginMs).
    int globalCountLastSecond() const;
    RateLimitGuard &guard() { return m_guard; }
    const RateLimitGuard &guard() const { return m_guard; }
    const Options &options() const { return m_options; }

private:
    DiscordRoute routeOf(const HttpRequest &request) const;
    qint64 globalWindowMs() const;
    //! How long a route of an unnamed bucket waits for a spent named bucket of the same major
    //! parameters (which it may turn out to share).
    qint64 sharedBucketWaitMs(const DiscordRoute &route, qint64 now) const;
    void pruneGlobalWindow() const;
    void forgetIdle();

    Clock *m_clock;
    Options m_options;
    RateLimitGuard m_guard;
    QHash<QString, DiscordRoute> m_routes;    //!< DiscordRoute::key -> route
    QHash<QString, QString> m_bucketHashes;   //!< "METHOD /template" -> X-RateLimit-Bucket
    QHash<QString, Bucket> m_buckets;         //!< bucketKey -> state
    mutable std::deque<qint64> m_globalSends; //!< send times within the last second
    qint64 m_globalPauseUntilMs = 0;
};

} // namespace Pterodisbot
