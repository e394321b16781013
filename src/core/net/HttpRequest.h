#pragma once

#include <functional>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include "net/RetryPolicy.h"

class QHttpMultiPart;

namespace Pterodisbot {

//! Raw header pairs in the order they were sent or received.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

//! First value of header \a name (case-insensitive) in \a headers; empty when absent.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

//! What to send: everything HttpClient needs, nothing API-specific. Copyable.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    //! When set, builds the body sent instead of \a body, once per attempt (Discord file
    //! uploads): a QHttpMultiPart is read while it is sent and cannot be sent again. The client
    //! owns what it returns (it goes with the attempt's QNetworkReply).
    std::function<QHttpMultiPart *()> multiPart;
    //! Overrides every step's timeout of the retry policy when > 0.
    int timeoutMs = 0;
    //! Overrides the client's retry policy for this request.
    std::optional<RetryPolicy> retryPolicy;
    //! Handed to the client's RateLimiter; empty = not rate limited.
    QString rateLimitKey;
    //! Whether sending twice is harmless; defaults from the method (GET/HEAD/PUT/DELETE/OPTIONS).
    std::optional<bool> idempotent;
    //! Let the network layer follow redirects (off: a redirect is an answer the API maps).
    bool followRedirects = false;
    //! Goes before queued requests that are not, and may go beyond the client's cap on
    //! requests in flight (HttpClient::kUrgentReserve more): answers to people (Discord's
    //! three-second interaction window) must not wait behind edits a slow server holds.
    bool urgent = false;

    bool isIdempotent() const;
    //! Replaces (or adds) header \a name.
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};

} // namespace Pterodisbot
