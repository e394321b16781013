#pragma once

#include <optional>

#include <QHostAddress>
#include <QString>

namespace Pterodisbot {

//! Where a local TCP endpoint listens: "127.0.0.1:9750", "[::1]:9750", "localhost:9750".
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    bool isLoopback() const { return address.isLoopback(); }
    //! "127.0.0.1:9750", "[::1]:9750".
    QString toString() const;
};

//! Parses "host:port" strictly: the host an IP address or "localhost", the port 1–65535.
//! On failure returns nothing and, when \a why is given, says what is wrong in a user's words.
std::optional<ListenAddress> parseListenAddress(const QString &text, QString *why = nullptr);

} // namespace Pterodisbot
