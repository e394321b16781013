#include "SelfSignedCert.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Pterodisbot::TestSupport {

QSslConfiguration SelfSignedCert::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QSslConfiguration SelfSignedCert::clientConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({certificate});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

std::optional<SelfSignedCert> generateSelfSignedCert(QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<SelfSignedCert> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return fail(QStringLiteral("openssl is not installed"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(dir.errorString());
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return fail(QStringLiteral("openssl req failed: ") +
                    QString::fromLocal8Bit(process.readAll()));

    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("openssl wrote no certificate or key"));
    SelfSignedCert result;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certFile.readAll());
    result.key = QSslKey(keyFile.readAll(), QSsl::Ec);
    if (certificates.size() != 1 || result.key.isNull())
        return fail(QStringLiteral("could not read the certificate or key openssl made"));
    result.certificate = certificates.first();
    return result;
}

} // namespace Pterodisbot::TestSupport
