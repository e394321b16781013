#include "SecretStore.h"

#include "ConfigReport.h"
#include "ConfigSchema.h"
#include "Keychain.h"
#include "logging.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>

#include <QCoroSignal>

namespace Pterodisbot {
namespace {

using Keychain = SecretResolution::Keychain;

constexpr SecretKind allKinds[] = {SecretKind::DiscordToken, SecretKind::ClientKey,
                                   SecretKind::ApplicationKey};

// True when the request finished within \a timeout; false when it gave no answer.
QCoro::Task<bool> waitForRequest(KeychainRequest *request, std::chrono::milliseconds timeout)
{
    if (request->status() != KeychainRequest::Status::Pending)
        co_return true;
    const auto finished = co_await qCoro(request, &KeychainRequest::finished, timeout);
    co_return finished.has_value();
}

QString modeText(QFileDevice::Permissions permissions)
{
    const auto bits = [&](QFileDevice::Permission read, QFileDevice::Permission write,
                          QFileDevice::Permission execute) {
        return (permissions & read ? 4 : 0) + (permissions & write ? 2 : 0) +
               (permissions & execute ? 1 : 0);
    };
    return QStringLiteral("0%1%2%3")
        .arg(bits(QFileDevice::ReadOwner, QFileDevice::WriteOwner, QFileDevice::ExeOwner))
        .arg(bits(QFileDevice::ReadGroup, QFileDevice::WriteGroup, QFileDevice::ExeGroup))
        .arg(bits(QFileDevice::ReadOther, QFileDevice::WriteOther, QFileDevice::ExeOther));
}

QString secretNoun(SecretKind kind)
{
    return kind == SecretKind::DiscordToken ? QStringLiteral("token") : QStringLiteral("key");
}

ConfigProblem refusal(SecretKind kind, const QString &path)
{
    const ConfigKey *key = findConfigKey(secretKey(kind));
    return {ConfigProblem::Severity::Error, key->id(),
            QStringLiteral("refusing %1 from %2: the file is readable by other users (mode %3)")
                .arg(key->id(), path, modeText(QFile::permissions(path))),
            QStringLiteral("chmod 600 %1, or move the %2 to %3")
                .arg(path, secretNoun(kind), key->environmentName())};
}

} // namespace

QString secretKey(SecretKind kind)
{
    switch (kind) {
    case SecretKind::DiscordToken:
        return QStringLiteral("discord.token");
    case SecretKind::ClientKey:
        return QStringLiteral("pterodactyl.client_key");
    case SecretKind::ApplicationKey:
        return QStringLiteral("pterodactyl.application_key");
    }
    return {};
}

bool isReadableByOthers(const QString &path)
{
#ifdef Q_OS_UNIX
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false;
    return QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
#else
    Q_UNUSED(path)
    return false;
#endif
}

QString SecretResolution::describe() const
{
    QString text;
    for (const SecretKind kind : allKinds) {
        const QString key = secretKey(kind);
        text += QStringLiteral("%1: %2\n")
                    .arg(key, config.valueText(key).isEmpty() ? QStringLiteral("not set")
                                                              : describeSource(config, key));
    }
    return text;
}

SecretStore::SecretStore(SecretStoreOptions options, QObject *parent)
    : SecretStore(options, std::make_unique<QtKeychainBackend>(options.service), parent)
{}

SecretStore::SecretStore(SecretStoreOptions options, std::unique_ptr<KeychainBackend> backend,
                         QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_backend(std::move(backend))
{}

SecretStore::~SecretStore() = default;

QCoro::Task<SecretResolution> SecretStore::resolve(Config config)
{
    QPointer<SecretStore> self(this);
    SecretResolution result;
    result.config = std::move(config);
    Config &settled = result.config;
    const bool keychainWanted = m_options.useKeychain && settled.bot.useKeychain;
    result.keychain = keychainWanted ? Keychain::NotAsked : Keychain::Disabled;
    const std::chrono::milliseconds timeout = m_options.keychainTimeout;

    for (const SecretKind kind : allKinds) {
        const ConfigKey *key = findConfigKey(secretKey(kind));
        const QString fromLoader = settled.valueText(key->id());
        if (settled.sourceOf(key->id()) == ValueSource::Environment && !fromLoader.isEmpty()) {
            registerSecret(fromLoader);
            qCInfo(lcSecrets).noquote() << key->id() << "from the environment";
            continue;
        }
        if (result.keychain == Keychain::NotAsked || result.keychain == Keychain::Available) {
            KeychainRequest *request = m_backend->read(key->id());
            const bool answered = co_await waitForRequest(request, timeout);
            const KeychainRequest::Status status = request->status();
            const QString value = request->value();
            const QString errorString = request->errorString();
            request->deleteLater(); // abandons the job if it never answered
            if (!self)
                co_return result;
            if (!answered) {
                result.keychain = Keychain::Unavailable;
                result.keychainDetail =
                    QStringLiteral("no answer within %1 ms").arg(timeout.count());
            } else if (status == KeychainRequest::Status::Ok && !value.isEmpty()) {
                result.keychain = Keychain::Available;
                registerSecret(value);
                key->set(settled, value);
                settled.setSource(key->id(), ValueSource::Keychain);
                qCInfo(lcSecrets).noquote() << key->id() << "from the keychain";
                if (!fromLoader.isEmpty() && isReadableByOthers(settled.filePath))
                    result.problems.append(
                        {ConfigProblem::Severity::Warning, key->id(),
                         QStringLiteral("%1 also holds %2 and other users can read it (the "
                                        "keychain's value is used)")
                             .arg(settled.filePath, key->id()),
                         QStringLiteral("remove %1 from the file, or chmod 600 %2")
                             .arg(key->name, settled.filePath)});
                continue;
            } else if (status == KeychainRequest::Status::Ok ||
                       status == KeychainRequest::Status::NotFound) {
                result.keychain = Keychain::Available;
            } else if (result.keychain == Keychain::NotAsked) {
                result.keychain = Keychain::Unavailable;
                result.keychainDetail = errorString;
            } else {
                result.problems.append(
                    {ConfigProblem::Severity::Warning, key->id(),
                     QStringLiteral("could not read %1 from the keychain: %2")
                         .arg(key->id(), errorString),
                     QStringLiteral("unlock the keychain, or set %1").arg(key->environmentName())});
            }
            if (result.keychain == Keychain::Unavailable)
                qCInfo(lcSecrets).noquote() << "keychain not available:" << result.keychainDetail
                                            << "- using the environment and the config file";
        }
        if (settled.sourceOf(key->id()) != ValueSource::File || fromLoader.isEmpty())
            continue;
        registerSecret(fromLoader); // hidden from logs even when refused
        if (isReadableByOthers(settled.filePath)) {
            result.problems.append(refusal(kind, settled.filePath));
            key->set(settled, QString());
            settled.setSource(key->id(), ValueSource::Default);
            qCWarning(lcSecrets).noquote() << "refused" << key->id() << "from" << settled.filePath
                                           << "(readable by other users)";
            continue;
        }
        qCInfo(lcSecrets).noquote() << key->id() << "from" << settled.filePath;
    }
    co_return result;
}

QCoro::Task<KeychainResult> SecretStore::storeInKeychain(SecretKind kind, QString value)
{
    registerSecret(value);
    co_return co_await finishWrite(m_backend->write(secretKey(kind), value),
                                   QStringLiteral("store %1 in").arg(secretKey(kind)), false);
}

QCoro::Task<KeychainResult> SecretStore::removeFromKeychain(SecretKind kind)
{
    co_return co_await finishWrite(m_backend->remove(secretKey(kind)),
                                   QStringLiteral("remove %1 from").arg(secretKey(kind)), true);
}

QCoro::Task<KeychainResult> SecretStore::finishWrite(KeychainRequest *request, QString what,
                                                     bool absentIsOk)
{
    const std::chrono::milliseconds timeout = m_options.keychainWriteTimeout;
    const bool answered = co_await waitForRequest(request, timeout);
    const KeychainRequest::Status status = request->status();
    const QString errorString = request->errorString();
    request->deleteLater();
    KeychainResult result;
    if (!answered)
        result.errorString =
            QStringLiteral("the keychain gave no answer within %1 ms").arg(timeout.count());
    else if (status == KeychainRequest::Status::Ok ||
             (absentIsOk && status == KeychainRequest::Status::NotFound))
        result.ok = true;
    else
        result.errorString = errorString.isEmpty()
                                 ? QStringLiteral("no keychain service is available")
                                 : errorString;
    if (!result.ok)
        qCWarning(lcSecrets).noquote()
            << "could not" << what << "the keychain:" << result.errorString;
    co_return result;
}

} // namespace Pterodisbot
