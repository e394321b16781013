#pragma once

#include <QtGlobal>

#include "net/HttpRequest.h"

namespace Pterodisbot {

//! Hooks through which an API's own limiter decides when a request may go. HttpClient asks
//! delayMs() before sending a request with a rateLimitKey, reports every send and how every
//! attempt ended, and does the waiting itself (QTimer). Implementations read time from their
//! Clock.
//!
//! Each onSent() is followed by exactly one onResponse() or onFailed() for the same request
//! object, so a limiter may key state on the request's address (stable while its HttpReply
//! lives) and never has to guess that an attempt is over.
class RateLimiter
{
public:
    virtual ~RateLimiter() = default;
    //! Milliseconds until \a request may be sent; 0 = now.
    virtual qint64 delayMs(const HttpRequest &request) const = 0;
    //! \a request is being sent now.
    virtual void onSent(const HttpRequest &request) = 0;
    //! An answer to \a request arrived (any status). \a retryAfterMs is what a 429 asked for
    //! (header or body), 0 when nothing was asked.
    virtual void onResponse(const HttpRequest &request, int status, const HttpHeaders &headers,
                            qint64 retryAfterMs) = 0;
    //! The attempt of \a request ended without an HTTP status: timeout, connection or TLS
    //! error, aborted, or its reply or client destroyed while on the wire. The service may or
    //! may not have seen it.
    virtual void onFailed(const HttpRequest &request) { Q_UNUSED(request) }
};

} // namespace Pterodisbot
