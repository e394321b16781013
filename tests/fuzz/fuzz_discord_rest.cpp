// Discord REST answers: error bodies and rate-limit headers. Input: an HTTP-like head
//   <status>\n<Name>: <value>\n...\n\n<body>
// The head goes to the error mapping and to the rate-limit buckets (which read the
// X-RateLimit-* headers and a 429's body), the first header's value also as a route path.

#include "FuzzSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "Clock.h"
#include "discord/DiscordError.h"
#include "discord/RateLimitBuckets.h"
#include "discord/RateLimitRoute.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    const QByteArray body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const int status = lines.first().trimmed().toInt();
    HttpHeaders headers;
    for (const QByteArray &line : lines.sliced(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const ApiError error = discordError(status, headers, body);
    (void)discordCode(error);
    (void)flattenDiscordFieldErrors(
        QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toObject());

    const QString path = headers.isEmpty() ? QStringLiteral("/channels/1/messages/2")
                                           : QString::fromUtf8(headers.first().second);
    (void)DiscordRoute::parse(QByteArrayLiteral("PATCH"), path);

    ManualClock clock;
    RateLimitBuckets buckets(&clock);
    HttpRequest request;
    request.method = QByteArrayLiteral("PATCH");
    request.rateLimitKey = buckets.route(request.method, path).key;
    for (int round = 0; round < 2; ++round) {
        (void)buckets.delayMs(request);
        buckets.onSent(request);
        buckets.onResponse(request, status, headers, error.retryAfterMs);
        clock.advance(250);
    }
    (void)buckets.delayMs(request);
    return 0;
}
