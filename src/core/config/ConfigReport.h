#pragma once

#include "Config.h"
#include "ConfigProblem.h"

#include <QList>
#include <QString>

namespace Pterodisbot {

//! The problems as readable lines for `--check-config` and the log: a header naming the file,
//! errors before warnings, each with its key and a "fix:" line, and a one-line verdict. Secret
//! values never appear: those of \a config are shortened with maskSecret() and every other
//! registered secret is redacted, even if a message carried one by mistake.
QString formatProblems(const QList<ConfigProblem> &problems, const Config &config);

//! Every key with its value (secrets shortened) and where it came from, one per line.
QString formatConfigSummary(const Config &config);

//! Where \a key's value came from, for people: "file", "environment (PTERODISBOT_BOT_...)",
//! "keychain" or "default".
QString describeSource(const Config &config, const QString &key);

} // namespace Pterodisbot
