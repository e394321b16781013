#include "net/ApiError.h"

namespace Pterodisbot {

ApiError ApiError::of(Kind kind, QString message, int httpStatus)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.message = std::move(message);
    return error;
}

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::DaemonUnreachable:
        return true;
    case Kind::Http:
        return httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    default:
        return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("ok");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::NotFound:
        return QStringLiteral("not found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::RateLimited:
        return QStringLiteral("rate limited");
    case Kind::DaemonUnreachable:
        return QStringLiteral("daemon unreachable");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Parse:
        return QStringLiteral("malformed response");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString ApiError::toString() const
{
    QString text = kindName(kind);
    if (httpStatus)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!serviceCode.isEmpty())
        text += QStringLiteral(" [%1]").arg(serviceCode);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!fieldErrors.isEmpty())
        text += QStringLiteral(" (") + fieldErrors.join(QStringLiteral("; ")) + QLatin1Char(')');
    return text;
}

} // namespace Pterodisbot
