#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QUrl>

#include "config/ConfigProblem.h"

namespace Pterodisbot {

//! What `pterodisbot --check-config` says about one value typed into the first-run assistant,
//! decided without the network: the configuration validator's own problems (errors and
//! warnings, with its texts and hints) for that one key, so both say exactly the same.
//! An empty optional key (the application key) has no problems.
namespace FieldChecks {

//! pterodactyl.panel_url: no user name or password, scheme (a wrong one named), host, no path,
//! plain http only to loopback (a warning).
QList<ConfigProblem> panelUrl(const QUrl &url);
//! pterodactyl.client_key: quotes, prefix, length, characters (the first wrong one and its
//! position), an application key in its place.
QList<ConfigProblem> clientKey(const QString &key);
//! pterodactyl.application_key: the same, with a client key in its place.
QList<ConfigProblem> applicationKey(const QString &key);
//! discord.token: a "Bot " prefix, a panel key, quotes, the OAuth2 client secret, the length,
//! characters (the first wrong one and its position), the shape (a warning).
QList<ConfigProblem> botToken(const QString &token);
//! discord.guild_id: a Discord id (a link or a mention is recognised and its id suggested).
QList<ConfigProblem> guildId(const QString &id);

//! The first error of \a problems; none when there is no error (warnings leave a value usable).
std::optional<ConfigProblem> firstError(const QList<ConfigProblem> &problems);

} // namespace FieldChecks
} // namespace Pterodisbot
