#pragma once

#include <optional>

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace Pterodisbot::TestSupport {

//! A throw-away certificate for 127.0.0.1 and localhost, made at test time so no key lives
//! in the repository and nothing expires in it.
struct SelfSignedCert
{
    QSslCertificate certificate;
    QSslKey key;

    //! For a server (QWebSocketServer, QSslServer): this certificate and key; clients are not
    //! asked for certificates.
    QSslConfiguration serverConfiguration() const;
    //! For a client: trusts exactly this certificate and nothing else; verification stays on.
    QSslConfiguration clientConfiguration() const;
};

//! Generates a certificate with the `openssl` command line tool (EC P-256, 2 days, SAN
//! IP:127.0.0.1 and DNS:localhost). Empty, with \a error set, when openssl is missing or fails.
std::optional<SelfSignedCert> generateSelfSignedCert(QString *error = nullptr);

} // namespace Pterodisbot::TestSupport
