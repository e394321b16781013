#pragma once

#include <QtGlobal>

#include "net/HttpRequest.h"

namespace Pterodisbot {

//! Hooks through which an API's own limiter decides when a request may go. HttpClient asks
//! delayMs() before sending a request with a rateLimitKey, reports every send and every
//! answer, and does the waiting itself (QTimer). Implementations read time from their Clock.
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
};

} // namespace Pterodisbot
