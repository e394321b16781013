#pragma once

#include <QObject>
#include <QString>

namespace Pterodisbot {

//! One keychain read, write or removal in flight; emits finished() once, later (never inside
//! the call that created it). Deleting it abandons the operation.
class KeychainRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainRequest)

public:
    enum class Status {
        Pending,
        Ok,          //!< done; value() holds what was read
        NotFound,    //!< the keychain answered and has no such entry
        Unavailable, //!< no keychain service answers (no D-Bus, no Secret Service, ...)
        Failed       //!< the keychain answered with an error (access denied, locked, ...)
    };
    Q_ENUM(Status)

    explicit KeychainRequest(QObject *parent = nullptr);

    Status status() const { return m_status; }
    QString value() const { return m_value; }
    QString errorString() const { return m_errorString; }

    //! For backends: records the outcome and emits finished(); later calls are ignored.
    void finish(Status status, const QString &value = QString(),
                const QString &errorString = QString());

signals:
    void finished();

private:
    Status m_status = Status::Pending;
    QString m_value;
    QString m_errorString;
};

//! Access to a secret store; an interface so tests can stand in a keychain that answers,
//! refuses or never answers.
class KeychainBackend
{
public:
    virtual ~KeychainBackend() = default;
    //! Starts reading \a key. The caller owns the request.
    virtual KeychainRequest *read(const QString &key) = 0;
    virtual KeychainRequest *write(const QString &key, const QString &value) = 0;
    virtual KeychainRequest *remove(const QString &key) = 0;
};

//! The OS keychain through QtKeychain (Secret Service/KWallet, macOS Keychain, Windows
//! Credential Store), entries under \a service. Never falls back to plain-text storage.
class QtKeychainBackend final : public KeychainBackend
{
public:
    explicit QtKeychainBackend(QString service = QStringLiteral("pterodisbot"));

    KeychainRequest *read(const QString &key) override;
    KeychainRequest *write(const QString &key, const QString &value) override;
    KeychainRequest *remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace Pterodisbot
