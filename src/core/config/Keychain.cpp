#include "Keychain.h"

#include <qt6keychain/keychain.h>

namespace Pterodisbot {
namespace {

KeychainRequest::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeychainRequest::Status::Ok;
    case QKeychain::EntryNotFound:
        return KeychainRequest::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainRequest::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
        break;
    }
    return KeychainRequest::Status::Failed;
}

// The job is a child of the request: abandoning a request (deleting it after a timeout)
// deletes the job, which lets QtKeychain's one-job-at-a-time executor move on instead of
// queueing every later job behind a keychain that never answers.
KeychainRequest *track(QKeychain::Job *job, const QString &key)
{
    auto *request = new KeychainRequest;
    job->setParent(request);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, request, [request](QKeychain::Job *done) {
        const auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(done);
        const KeychainRequest::Status status = statusOf(done->error());
        request->finish(status,
                        reader && status == KeychainRequest::Status::Ok ? reader->textData()
                                                                        : QString(),
                        status == KeychainRequest::Status::Ok ? QString() : done->errorString());
    });
    job->start(); // queued by QtKeychain: finished() cannot come before we return
    return request;
}

} // namespace

KeychainRequest::KeychainRequest(QObject *parent)
    : QObject(parent)
{}

void KeychainRequest::finish(Status status, const QString &value, const QString &errorString)
{
    if (m_status != Status::Pending || status == Status::Pending)
        return;
    m_status = status;
    m_value = value;
    m_errorString = errorString;
    emit finished();
}

QtKeychainBackend::QtKeychainBackend(QString service)
    : m_service(std::move(service))
{}

KeychainRequest *QtKeychainBackend::read(const QString &key)
{
    return track(new QKeychain::ReadPasswordJob(m_service), key);
}

KeychainRequest *QtKeychainBackend::write(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    return track(job, key);
}

KeychainRequest *QtKeychainBackend::remove(const QString &key)
{
    return track(new QKeychain::DeletePasswordJob(m_service), key);
}

} // namespace Pterodisbot
