#pragma once

#include <QList>
#include <QString>

namespace Pterodisbot {

//! One thing wrong with the configuration, tied to the key it is about.
struct ConfigProblem
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    //! "section.name" (e.g. "pterodactyl.client_key"), an environment variable name, "file",
    //! or "<file name>:<line>" for a syntax error.
    QString key;
    QString message; //!< what is wrong; never contains a secret value
    QString hint;    //!< how to fix it

    bool isError() const { return severity == Severity::Error; }
    bool operator==(const ConfigProblem &other) const = default;
};

//! True when any problem is an error (warnings alone leave a configuration usable).
bool hasErrors(const QList<ConfigProblem> &problems);

//! The exit status of `pterodisbot --check-config`: 0 when usable (warnings allowed), 1 otherwise.
int checkConfigExitCode(const QList<ConfigProblem> &problems);

//! \a text in double quotes for a problem message; anything that could be a secret pasted
//! into the wrong key (long, with a panel key prefix, or a registered secret) is shortened with
//! maskSecret(), secret-looking words in shorter text are masked and invisible characters
//! escaped (see maskedText() in SafeText.h).
QString quoteValue(const QString &text);

//! True when \a text contains something shaped like a panel key or a Discord token.
bool looksLikeSecret(const QString &text);

//! "error" or "warning".
QString severityName(ConfigProblem::Severity severity);

} // namespace Pterodisbot
