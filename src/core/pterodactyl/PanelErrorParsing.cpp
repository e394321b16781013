#include "pterodactyl/PanelParsing.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "net/RetryPolicy.h"

namespace Pterodisbot::PanelParsing {

ApiError panelError(int status, const HttpHeaders &headers, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = status;

    // {"errors":[{"code":"...","status":"404","detail":"...","meta":{...}}]}
    const QJsonArray errors =
        QJsonDocument::fromJson(body).object().value(QLatin1String("errors")).toArray();
    QStringList details;
    for (const QJsonValue &value : errors) {
        const QJsonObject entry = value.toObject();
        if (error.serviceCode.isEmpty())
            error.serviceCode = entry.value(QLatin1String("code")).toString();
        const QString detail = entry.value(QLatin1String("detail")).toString();
        if (!detail.isEmpty() && !details.contains(detail))
            details.append(detail);
        const QJsonObject meta = entry.value(QLatin1String("meta")).toObject();
        const QString field = meta.value(QLatin1String("source_field")).toString();
        if (!field.isEmpty()) {
            const QString rule = meta.value(QLatin1String("rule")).toString();
            error.fieldErrors.append(rule.isEmpty() ? field : field + QLatin1String(": ") + rule);
        }
    }
    error.message = details.join(QLatin1Char(' '));

    const auto fallback = [&error](const QString &text) {
        if (error.message.isEmpty())
            error.message = text;
    };
    switch (status) {
    case 400:
    case 422:
        error.kind = ApiError::Kind::Validation;
        fallback(QStringLiteral("the panel refused the request as invalid"));
        break;
    case 401:
        error.kind = ApiError::Kind::Auth;
        fallback(QStringLiteral("the panel did not accept the API key"));
        break;
    case 403:
        error.kind = ApiError::Kind::Auth;
        fallback(QStringLiteral("the API key may not do this"));
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        fallback(QStringLiteral("no such server, or not visible to this key"));
        break;
    case 409:
        error.kind = ApiError::Kind::Conflict;
        fallback(QStringLiteral("the server cannot do this now (suspended, installing, "
                                "transferring or its node is under maintenance)"));
        break;
    case 429: {
        error.kind = ApiError::Kind::RateLimited;
        const qint64 wait = RetryPolicy::parseRetryAfter(headerValue(headers, "Retry-After"),
                                                         QDateTime::currentDateTimeUtc());
        error.retryAfterMs = qMax<qint64>(0, wait);
        fallback(QStringLiteral("too many requests"));
        break;
    }
    case 502:
    case 504:
        error.kind = ApiError::Kind::DaemonUnreachable;
        fallback(QStringLiteral("the panel could not reach the node (Wings) of this server"));
        break;
    default:
        error.kind = ApiError::Kind::Http;
        fallback(QStringLiteral("the panel answered HTTP %1").arg(status));
        break;
    }

    if (status >= 300 && status < 400) {
        const QString location = QString::fromUtf8(headerValue(headers, "Location"));
        if (location.contains(QLatin1String("/auth/login"))) {
            error.kind = ApiError::Kind::Auth;
            error.message = QStringLiteral(
                "the panel redirected to its login page instead of answering: it did not accept "
                "the API key (check the key and its type), or the request lacked "
                "\"Accept: application/json\"");
        } else {
            error.message = QStringLiteral("the panel redirected to %1; check the panel URL "
                                           "(scheme, host, no path)")
                                .arg(location);
        }
    }
    return error;
}

} // namespace Pterodisbot::PanelParsing
