#pragma once

#include <QByteArray>
#include <QStringList>

#include "net/ApiError.h"
#include "net/HttpRequest.h"

namespace Pterodisbot {

//! Discord's JSON error codes the bot reacts to (ApiError::serviceCode holds them as text).
namespace DiscordErrorCode {
inline constexpr int UnknownChannel = 10003;
inline constexpr int UnknownMessage = 10008;
inline constexpr int UnknownWebhook = 10015;
inline constexpr int UnknownInteraction = 10062;
inline constexpr int TooManyOldMessageEdits = 30046;
inline constexpr int RequestEntityTooLarge = 40005;
inline constexpr int InteractionAlreadyAcknowledged = 40060;
inline constexpr int MissingAccess = 50001;
inline constexpr int MissingPermissions = 50013;
inline constexpr int InvalidWebhookToken = 50027;
inline constexpr int InvalidFormBody = 50035;
} // namespace DiscordErrorCode

//! Maps a non-2xx Discord answer to an ApiError: `code` -> serviceCode, `message`, the nested
//! `errors` flattened into "embeds.0.title: Must be 256 or fewer in length." lines, 429
//! retry_after (seconds, fractional) -> retryAfterMs. Kinds follow the code first:
//! 10003/10008/10015/10062 NotFound, 50001/50013/50027 Auth, 40060 Conflict, 30046
//! RateLimited (the caller reposts), 50035/40005 Validation; otherwise the HTTP status.
//! An HttpClient::ErrorMapper.
ApiError discordError(int status, const HttpHeaders &headers, const QByteArray &body);

//! Flattens Discord's `errors` object ({"embeds":{"0":{"title":{"_errors":[...]}}}}).
QStringList flattenDiscordFieldErrors(const QJsonObject &errors);

//! The Discord code of \a error, 0 when it has none.
int discordCode(const ApiError &error);

} // namespace Pterodisbot
