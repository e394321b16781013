#pragma once

#include "ConfigProblem.h"
#include "SecretStore.h"

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include <QCoroTask>

// `pterodisbot --store-secret NAME` without the terminal: which names exist, whether a value is
// worth storing, and storing it in the keychain. Reading the value is the app's business.
namespace Pterodisbot {

//! What `--store-secret` ends with. The message never contains the secret or a piece of it.
struct SecretIntakeResult
{
    //! The same numbers as the service's exit codes.
    enum ExitCode {
        Stored = 0,
        Refused = 1,            //!< the value has an error (the validator's, or it is empty)
        UnknownName = 2,        //!< not one of secretKeyNames()
        KeychainUnavailable = 3 //!< no keychain, it refused, or it gave no answer
    };

    int exitCode = Refused;
    QString message; //!< for stdout when Stored, for stderr otherwise
};

//! The config keys that are secrets, in documentation order: "discord.token",
//! "pterodactyl.client_key", "pterodactyl.application_key".
QStringList secretKeyNames();

//! The secret whose config key is \a name (exactly, as secretKey() spells it).
std::optional<SecretKind> secretKindOf(const QString &name);

//! The refusal of a name that is not a secret's key; lists secretKeyNames(). \a name is shown
//! masked, because a secret pasted in place of the name is a likely mistake.
QString unknownSecretNameText(const QString &name);

//! What \a kind is called in a sentence: "the Discord bot token", ...
QString secretTitle(SecretKind kind);

//! Every problem \a value would have as \a kind, judged by validateConfig() (the checks of
//! `--check-config`), plus an empty value and invisible or control characters, which the
//! validator leaves to the file reader. Only problems of \a kind's own key are returned.
QList<ConfigProblem> secretValueProblems(SecretKind kind, const QString &value);

//! Checks \a value as the secret named \a name and, when it has no error, stores it with
//! SecretStore::storeInKeychain() of \a store (always the keychain, whatever the configuration
//! says). Warnings are reported but do not stop the storing, as in `--check-config`.
QCoro::Task<SecretIntakeResult> storeSecret(SecretStore *store, QString name, QString value);

} // namespace Pterodisbot
