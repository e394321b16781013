#include "SecretIntake.h"

#include "ConfigSchema.h"
#include "ConfigValidator.h"
#include "logging.h"
#include "SafeText.h"

#include <algorithm>
#include <iterator>

namespace Pterodisbot {
namespace {

constexpr SecretKind allKinds[] = {SecretKind::DiscordToken, SecretKind::ClientKey,
                                   SecretKind::ApplicationKey};

QString secretNoun(SecretKind kind)
{
    return kind == SecretKind::DiscordToken ? QStringLiteral("token") : QStringLiteral("key");
}

// The problem lines as `--check-config` writes them, errors first, so both commands read alike.
QString problemLines(QList<ConfigProblem> problems)
{
    std::stable_sort(
        problems.begin(), problems.end(),
        [](const ConfigProblem &a, const ConfigProblem &b) { return a.isError() && !b.isError(); });
    QString text;
    for (const ConfigProblem &problem : std::as_const(problems)) {
        text += QStringLiteral("%1 %2: %3\n")
                    .arg(severityName(problem.severity), -7)
                    .arg(problem.key, problem.message);
        if (!problem.hint.isEmpty())
            text += QStringLiteral("        fix: %1\n").arg(problem.hint);
    }
    return text;
}

QString keychainAdvice(SecretKind kind, const QString &error)
{
    const ConfigKey *key = findConfigKey(secretKey(kind));
    return QStringLiteral("could not store %1 in the OS keychain: %2\n"
                          "Nothing was stored. The keychain needs a session with a Secret Service "
                          "(GNOME Keyring, KWallet) that is running and unlocked. Without one, "
                          "give the bot its %3 in the environment variable %4, or write it as %5 "
                          "under [%6] in the config file and make the file private: chmod 600 "
                          "config.ini")
        .arg(key->id(), error, secretNoun(kind), key->environmentName(), key->name, key->section);
}

} // namespace

QStringList secretKeyNames()
{
    QStringList names;
    for (const SecretKind kind : allKinds)
        names.append(secretKey(kind));
    return names;
}

std::optional<SecretKind> secretKindOf(const QString &name)
{
    for (const SecretKind kind : allKinds) {
        if (secretKey(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString unknownSecretNameText(const QString &name)
{
    return QStringLiteral("%1 is not the name of a secret; --store-secret takes one of %2")
        .arg(quoteValue(name), secretKeyNames().join(QStringLiteral(", ")));
}

QString secretTitle(SecretKind kind)
{
    switch (kind) {
    case SecretKind::DiscordToken:
        return QStringLiteral("the Discord bot token");
    case SecretKind::ClientKey:
        return QStringLiteral("the panel client API key");
    case SecretKind::ApplicationKey:
        return QStringLiteral("the panel application API key");
    }
    return {};
}

QList<ConfigProblem> secretValueProblems(SecretKind kind, const QString &value)
{
    const QString id = secretKey(kind);
    // The validator says nothing about an empty optional key and calls an empty required one
    // "missing" with advice about the environment, neither of which fits a value just given.
    if (value.isEmpty())
        return {{ConfigProblem::Severity::Error, id, QStringLiteral("the value is empty"),
                 QStringLiteral("paste %1 at the prompt, or pipe it in: printf %s \"$VALUE\" | "
                                "pterodisbot --store-secret %2")
                     .arg(secretTitle(kind), id)}};
    QList<ConfigProblem> problems;
    // The file reader refuses these in config.ini; a keychain entry has no reader before it.
    const auto invisible = std::find_if(value.cbegin(), value.cend(), isInvisible);
    if (invisible != value.cend())
        problems.append({ConfigProblem::Severity::Error, id,
                         QStringLiteral("the value contains an invisible or control character (%1)")
                             .arg(escapeInvisible(QStringView(&*invisible, 1))),
                         QStringLiteral("copy %1 again, in one piece").arg(secretTitle(kind))});

    problems += validateValue(id, value);
    return problems;
}

QCoro::Task<SecretIntakeResult> storeSecret(SecretStore *store, QString name, QString value)
{
    // Blank values stay unregistered: redacting runs of spaces would garble every message.
    if (!value.trimmed().isEmpty())
        registerSecret(value);
    const std::optional<SecretKind> kind = secretKindOf(name);
    if (!kind)
        co_return SecretIntakeResult{SecretIntakeResult::UnknownName, unknownSecretNameText(name)};

    const QList<ConfigProblem> problems = secretValueProblems(*kind, value);
    if (hasErrors(problems))
        co_return SecretIntakeResult{
            SecretIntakeResult::Refused,
            redact(problemLines(problems) +
                   QStringLiteral("%1 was not stored; the keychain was not touched").arg(name))};

    const QString service = store->options().service;
    const KeychainResult written = co_await store->storeInKeychain(*kind, value);
    if (!written.ok)
        co_return SecretIntakeResult{SecretIntakeResult::KeychainUnavailable,
                                     redact(keychainAdvice(*kind, written.errorString))};
    co_return SecretIntakeResult{
        SecretIntakeResult::Stored,
        redact(problemLines(problems) +
               QStringLiteral("stored %1 in the OS keychain (service %2); pterodisbot "
                              "--check-config shows where each secret comes from")
                   .arg(name, service))};
}

} // namespace Pterodisbot
