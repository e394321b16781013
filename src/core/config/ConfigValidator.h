#pragma once

#include "Config.h"
#include "ConfigProblem.h"
#include "pterodactyl/PanelKeys.h"

#include <QList>
#include <QVariant>

namespace Pterodisbot {

//! Judges the meaning of every value and returns every problem at once: missing required
//! values, key prefixes and lengths, keys in the wrong slot, Discord ids, URLs, ranges and
//! the relations between values. Run it after SecretStore has settled the secrets.
//! Keys that already have an error in \a earlier (a value that could not be read, a secret
//! refused) are not reported again as missing.
QList<ConfigProblem> validateConfig(const Config &config,
                                    const QList<ConfigProblem> &earlier = QList<ConfigProblem>());

//! What validateConfig() says about \a keyId ("section.name") alone when it holds \a value:
//! the validator runs on a configuration with only that value set and keeps that key's
//! problems. The first-run assistant and --store-secret judge one typed value with it.
QList<ConfigProblem> validateValue(const QString &keyId, const QVariant &value);

//! True for a Discord id: digits only, fits in 64 bits, not zero.
bool isSnowflake(const QString &text);

} // namespace Pterodisbot
