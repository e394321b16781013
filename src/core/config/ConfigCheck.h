#pragma once

#include "ConfigLoader.h"

#include <QString>

#include <QCoroTask>

namespace Pterodisbot {

class SecretStore;

//! The whole start-up path in one call: load the file and environment, settle the secrets
//! with \a store, validate, and return the configuration with every problem found (each
//! reported once). \a explicitPath empty = the default location. Without a \a store the
//! secrets are settled with the keychain turned off.
//! `--check-config` prints formatProblems() of the result and exits with
//! checkConfigExitCode(result.problems).
QCoro::Task<ConfigLoadResult> loadConfiguration(ConfigLoader loader, QString explicitPath,
                                                SecretStore *store = nullptr);

} // namespace Pterodisbot
