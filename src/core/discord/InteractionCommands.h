#pragma once

#include <QJsonArray>

#include <QCoro/QCoroTask>

#include "net/ApiResult.h"

namespace Pterodisbot {

class RestClient;

//! Guild slash-command registration at start-up.
//!
//! Decision: compare with GET of the guild's current commands rather than a hash persisted
//! locally. Discord is the truth (someone may have changed or removed a command, or the bot
//! may run from a fresh directory), the GET costs one request, and the bulk overwrite — which
//! counts against Discord's 200 command creates per day per guild — is sent only when the
//! definitions really differ.
namespace InteractionCommands {

//! Whether the commands Discord reports (\a current) already are \a wanted: same number, and
//! for each wanted command one of the same name and type whose fields equal every field
//! wanted sets (fields Discord adds, id, version, ..., are ignored; a field Discord omits
//! equals its default: false, [], null).
bool equivalent(const QJsonArray &wanted, const QJsonArray &current);

//! Makes the guild's commands \a wanted: GET, compare, PUT (bulk overwrite) only when they
//! differ or the GET failed. The value is true when the PUT succeeded; the error is the PUT's
//! (discordCode() MissingAccess: the bot was invited without the applications.commands scope).
QCoro::Task<ApiResult<bool>> syncGuildCommands(RestClient *rest, QString applicationId,
                                               QString guildId, QJsonArray wanted);

} // namespace InteractionCommands
} // namespace Pterodisbot
