#pragma once

#include "Config.h"
#include "ConfigProblem.h"

#include <chrono>
#include <memory>

#include <QObject>
#include <QString>

#include <QCoroTask>

namespace Pterodisbot {

class KeychainBackend;
class KeychainRequest;

//! The three secrets of the configuration.
enum class SecretKind { DiscordToken, ClientKey, ApplicationKey };

//! The configuration key of \a kind ("discord.token", ...); also its name in the keychain.
QString secretKey(SecretKind kind);

struct SecretStoreOptions
{
    //! Ask the OS keychain at all (the [bot] keychain key can turn it off as well).
    bool useKeychain = true;
    //! How long the first keychain read may take before the keychain counts as absent.
    std::chrono::milliseconds keychainTimeout{1500};
    //! Writes may wait for the user to unlock the keychain, so they get longer.
    std::chrono::milliseconds keychainWriteTimeout{30000};
    QString service = QStringLiteral("pterodisbot");
};

//! The configuration with its secrets settled, and what went wrong on the way.
struct SecretResolution
{
    enum class Keychain {
        Disabled,   //!< turned off by option or config
        NotAsked,   //!< every secret came from the environment
        Available,  //!< answered (with or without entries)
        Unavailable //!< no answer, or no keychain service
    };

    Config config;
    QList<ConfigProblem> problems;
    Keychain keychain = Keychain::Disabled;
    QString keychainDetail; //!< why the keychain is unavailable

    //! One line per secret saying where it came from (never its value).
    QString describe() const;
};

//! The result of writing or removing a keychain entry.
struct KeychainResult
{
    bool ok = false;
    QString errorString;
};

//! Settles the secrets (Discord token, client key, application key). For each one the
//! environment wins; then the OS keychain (service "pterodisbot"), probed by a first read with
//! a short timeout because QtKeychain cannot say in advance whether a keychain answers; then
//! the config file, but only when no other user can read it. Every secret found is
//! registered with registerSecret() so no log line shows it.
//! For callers that are not coroutines: QCoro::connect(store.resolve(config), context, callback).
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(SecretStoreOptions options = SecretStoreOptions(),
                         QObject *parent = nullptr);
    //! Uses \a backend instead of QtKeychain (tests).
    SecretStore(SecretStoreOptions options, std::unique_ptr<KeychainBackend> backend,
                QObject *parent = nullptr);
    ~SecretStore() override;

    const SecretStoreOptions &options() const { return m_options; }

    //! Settles the secrets of \a config (as filled by ConfigLoader).
    QCoro::Task<SecretResolution> resolve(Config config);

    //! Saves \a value as \a kind in the keychain (the settings dialog uses this).
    QCoro::Task<KeychainResult> storeInKeychain(SecretKind kind, QString value);
    //! Deletes the keychain entry of \a kind.
    QCoro::Task<KeychainResult> removeFromKeychain(SecretKind kind);

private:
    //! Waits for a write or removal; \a absentIsOk: removing what is not there succeeds.
    QCoro::Task<KeychainResult> finishWrite(KeychainRequest *request, QString what,
                                            bool absentIsOk);

    SecretStoreOptions m_options;
    std::unique_ptr<KeychainBackend> m_backend;
};

//! True when the file at \a path can be read by its group or by others (always false on
//! systems without Unix permissions, and for a path that does not exist).
bool isReadableByOthers(const QString &path);

} // namespace Pterodisbot
