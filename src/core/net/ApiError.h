#pragma once

#include <QString>
#include <QStringList>

namespace Pterodisbot {

//! The one error value of every remote call (panel, Wings, Discord). Mapped from the wire
//! once per API, so callers switch on `kind` and show `message` to people.
struct ApiError
{
    enum class Kind {
        None,              //!< no error
        Network,           //!< connection refused/reset, DNS
        Tls,               //!< certificate not accepted or handshake failed: not retried,
                           //!< it fails the same way until someone fixes the certificate
        Timeout,           //!< no answer within the request timeout
        Auth,              //!< 401/403, or a key of the wrong type
        NotFound,          //!< unknown server/message/channel
        Conflict,          //!< 409: suspended, installing, transferring, maintenance
        RateLimited,       //!< 429 that could not be waited out
        DaemonUnreachable, //!< panel answered 502/504: Wings is down
        Validation,        //!< 400/422: the request itself was refused
        Http,              //!< any other HTTP status
        Parse,             //!< the answer was not what the API documents
        Cancelled,         //!< aborted by us (shutdown)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    //! The service's own code: Discord's JSON code, or the panel's `errors[0].code`.
    QString serviceCode;
    //! Human text: the service's own `detail`/`message` where it sent one.
    QString message;
    //! Field-level problems (Discord `errors` paths, panel `meta.source_field`).
    QStringList fieldErrors;
    //! How long the service asked us to wait (429), in milliseconds; 0 when not given.
    qint64 retryAfterMs = 0;

    //! Named constructors: an error of one kind with a human \a message (and the HTTP status
    //! where the kind has one). Use these instead of filling the fields one by one.
    static ApiError of(Kind kind, QString message, int httpStatus = 0);
    static ApiError network(QString message) { return of(Kind::Network, std::move(message)); }
    static ApiError timeout(QString message) { return of(Kind::Timeout, std::move(message)); }
    static ApiError parse(QString message) { return of(Kind::Parse, std::move(message)); }
    static ApiError validation(QString message) { return of(Kind::Validation, std::move(message)); }
    static ApiError cancelled(QString message) { return of(Kind::Cancelled, std::move(message)); }
    static ApiError http(int status, QString message)
    {
        return of(Kind::Http, std::move(message), status);
    }

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    //! Might go away by itself: network errors, timeouts, a panel's 502/504 (Wings down) and
    //! HTTP 500/502/503/504. A hint for people and logs ("try again later"), not the retry
    //! decision: that is the RetryPolicy of each API, which also weighs idempotency and its
    //! own list of retryable statuses (the panel's 500 is a bug and is not retried; Discord
    //! asks for 500 to be retried, so the Discord client's policy includes it).
    bool isTransient() const;

    static QString kindName(Kind kind);
    //! "timeout: no answer from https://panel/... within 10 s" — one line for logs and people.
    QString toString() const;
};

} // namespace Pterodisbot
