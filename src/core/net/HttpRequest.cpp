#include "net/HttpRequest.h"

namespace Pterodisbot {

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    static const QList<QByteArray> safe = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"};
    return safe.contains(method.toUpper());
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace Pterodisbot
