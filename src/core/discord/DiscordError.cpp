#include "discord/DiscordError.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "net/JsonNumbers.h"

namespace Pterodisbot {

namespace {

constexpr int kMaxFieldErrors = 50; // a hostile or huge body cannot flood a log line
constexpr int kMaxDepth = 16;

void flatten(const QJsonObject &node, const QString &path, QStringList &out, int depth)
{
    if (depth > kMaxDepth || out.size() >= kMaxFieldErrors)
        return;
    const QJsonArray errors = node.value(QStringLiteral("_errors")).toArray();
    for (const QJsonValue &error : errors) {
        const QString message = error.toObject().value(QStringLiteral("message")).toString();
        const QString code = error.toObject().value(QStringLiteral("code")).toString();
        const QString text = message.isEmpty() ? code : message;
        out.append(path.isEmpty() ? text : path + QStringLiteral(": ") + text);
        if (out.size() >= kMaxFieldErrors)
            return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == QLatin1String("_errors") || !it.value().isObject())
            continue;
        const QString child = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        flatten(it.value().toObject(), child, out, depth + 1);
    }
}

ApiError::Kind kindForCode(int code)
{
    switch (code) {
    case DiscordErrorCode::UnknownChannel:
    case DiscordErrorCode::UnknownMessage:
    case DiscordErrorCode::UnknownWebhook:
    case DiscordErrorCode::UnknownInteraction:
        return ApiError::Kind::NotFound;
    case DiscordErrorCode::MissingAccess:
    case DiscordErrorCode::MissingPermissions:
    case DiscordErrorCode::InvalidWebhookToken:
        return ApiError::Kind::Auth;
    case DiscordErrorCode::InteractionAlreadyAcknowledged:
        return ApiError::Kind::Conflict;
    case DiscordErrorCode::TooManyOldMessageEdits:
        return ApiError::Kind::RateLimited;
    case DiscordErrorCode::InvalidFormBody:
    case DiscordErrorCode::RequestEntityTooLarge:
        return ApiError::Kind::Validation;
    default:
        return ApiError::Kind::None;
    }
}

ApiError::Kind kindForStatus(int status)
{
    switch (status) {
    case 400:
    case 413:
    case 422:
        return ApiError::Kind::Validation;
    case 401:
    case 403:
        return ApiError::Kind::Auth;
    case 404:
        return ApiError::Kind::NotFound;
    case 409:
        return ApiError::Kind::Conflict;
    case 429:
        return ApiError::Kind::RateLimited;
    default:
        return ApiError::Kind::Http;
    }
}

QString defaultMessage(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("the bot token was rejected");
    case 403:
        return QStringLiteral("the bot lacks access or permissions");
    case 404:
        return QStringLiteral("unknown resource");
    case 429:
        return QStringLiteral("rate limited");
    default:
        return status >= 500 ? QStringLiteral("Discord had a server error") : QString();
    }
}

} // namespace

QStringList flattenDiscordFieldErrors(const QJsonObject &errors)
{
    QStringList out;
    flatten(errors, QString(), out, 0);
    return out;
}

ApiError discordError(int status, const HttpHeaders &headers, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = status;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const int code = json.value(QStringLiteral("code")).toInt();
    if (code > 0)
        error.serviceCode = QString::number(code);
    error.message = json.value(QStringLiteral("message")).toString().left(500);
    if (error.message.isEmpty())
        error.message = defaultMessage(status);
    error.fieldErrors = flattenDiscordFieldErrors(json.value(QStringLiteral("errors")).toObject());
    error.kind = kindForCode(code);
    if (error.kind == ApiError::Kind::None)
        error.kind = kindForStatus(status);
    if (status == 429) {
        const QJsonValue retryAfter = json.value(QStringLiteral("retry_after"));
        if (retryAfter.isDouble() && retryAfter.toDouble() >= 0)
            error.retryAfterMs = clampedInteger(std::ceil(retryAfter.toDouble() * 1000.0), 0,
                                                RetryPolicy::kMaxRetryAfterMs);
        else
            error.retryAfterMs = std::max<qint64>(
                0, RetryPolicy::parseRetryAfter(headerValue(headers, "Retry-After"), {}));
    }
    return error;
}

int discordCode(const ApiError &error)
{
    return error.serviceCode.toInt();
}

} // namespace Pterodisbot
