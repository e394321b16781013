#include "ListenAddress.h"

namespace Pterodisbot {

QString ListenAddress::toString() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

std::optional<ListenAddress> parseListenAddress(const QString &text, QString *why)
{
    const auto fail = [why](const QString &reason) -> std::optional<ListenAddress> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return fail(QStringLiteral("has no port (write host:port, e.g. 127.0.0.1:9750)"));
    QString host = trimmed.left(colon);
    const QString portText = trimmed.mid(colon + 1);
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return fail(QStringLiteral("has the port \"%1\"; a port is a number from 1 to 65535")
                        .arg(portText.left(16)));
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return fail(QStringLiteral("has an IPv6 address without brackets (write [::1]:9750)"));
    ListenAddress result;
    result.port = quint16(port);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        result.address = QHostAddress(QHostAddress::LocalHost);
        return result;
    }
    if (host.isEmpty() || !result.address.setAddress(host))
        return fail(QStringLiteral("has the host \"%1\"; write an IP address or localhost (host "
                                   "names are not looked up)")
                        .arg(host.left(64)));
    return result;
}

} // namespace Pterodisbot
