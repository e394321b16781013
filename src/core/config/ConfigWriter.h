#pragma once

#include <QString>

#include "Config.h"

namespace Pterodisbot {

//! What writeConfigFile() did; \a error says what went wrong and where, in the user's words.
struct ConfigWriteResult
{
    bool ok = false;
    QString error;
};

//! config.ini text for \a config: every key of the schema in documentation order under its
//! section, with its description and environment variable as comments, as
//! resources/config.ini.example lays them out. A key at its default is written commented out;
//! the secret keys carry their values only when \a withSecrets (otherwise they live in the
//! keychain or the environment and the file says so).
QString renderConfigIni(const Config &config, bool withSecrets);

//! Writes renderConfigIni() to \a path atomically (QSaveFile: a crash leaves the old file),
//! creating its folder. The file is readable by its owner only (0600) when it holds a secret,
//! as the loader requires before it reads a secret from a file; otherwise 0644.
ConfigWriteResult writeConfigFile(const QString &path, const Config &config, bool withSecrets);

} // namespace Pterodisbot
