#pragma once

#include <memory>

#include <QHash>
#include <QStringList>
#include <QTimer>

#include "config/Keychain.h"
#include "config/SecretStore.h"

namespace Pterodisbot::TestSupport {

//! A keychain for tests: it answers from a map, answers "no service", or never answers.
class FakeKeychain final : public KeychainBackend
{
public:
    enum class Mode { Answer, NoService, Silent };

    Mode mode = Mode::Answer;
    QHash<QString, QString> entries;
    QStringList reads;
    QStringList writes;

    KeychainRequest *read(const QString &key) override
    {
        reads << key;
        auto *request = new KeychainRequest;
        if (mode == Mode::Silent)
            return request;
        QTimer::singleShot(0, request, [this, request, key] {
            if (mode == Mode::NoService)
                request->finish(KeychainRequest::Status::Unavailable, {},
                                QStringLiteral("No keychain service available"));
            else if (entries.contains(key))
                request->finish(KeychainRequest::Status::Ok, entries.value(key));
            else
                request->finish(KeychainRequest::Status::NotFound, {},
                                QStringLiteral("Entry not found"));
        });
        return request;
    }
    KeychainRequest *write(const QString &key, const QString &value) override
    {
        writes << key;
        auto *request = new KeychainRequest;
        if (mode == Mode::Silent)
            return request;
        QTimer::singleShot(0, request, [this, request, key, value] {
            if (mode == Mode::NoService) {
                request->finish(KeychainRequest::Status::Unavailable, {},
                                QStringLiteral("No keychain service available"));
                return;
            }
            entries.insert(key, value);
            request->finish(KeychainRequest::Status::Ok);
        });
        return request;
    }
    KeychainRequest *remove(const QString &key) override
    {
        auto *request = new KeychainRequest;
        QTimer::singleShot(0, request, [this, request, key] {
            request->finish(entries.remove(key) ? KeychainRequest::Status::Ok
                                                : KeychainRequest::Status::NotFound);
        });
        return request;
    }
};

//! A SecretStore whose keychain is a FakeKeychain the test can look into and switch.
struct FakeSecretStore
{
    FakeKeychain *keychain = nullptr; //!< owned by store
    std::unique_ptr<SecretStore> store;

    FakeSecretStore()
    {
        auto backend = std::make_unique<FakeKeychain>();
        keychain = backend.get();
        store = std::make_unique<SecretStore>(SecretStoreOptions(), std::move(backend));
    }
};

} // namespace Pterodisbot::TestSupport
