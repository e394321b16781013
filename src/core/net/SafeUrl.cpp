#include "net/SafeUrl.h"

#include <QStringList>

#include "logging.h"

namespace Pterodisbot {
namespace {

// Long opaque path segments are credentials (Discord interaction and webhook tokens travel in
// the path), so they are hidden even though they are never registered as secrets: a token per
// interaction would make the redaction list grow without bound.
constexpr qsizetype CredentialSegmentLength = 48;

} // namespace

QString safeUrl(const QUrl &url)
{
    QStringList segments = url.path().split(QLatin1Char('/'));
    for (QString &segment : segments) {
        if (segment.size() >= CredentialSegmentLength)
            segment = QStringLiteral("[redacted]");
    }
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    shown.setPath(segments.join(QLatin1Char('/')));
    return redact(shown.toDisplayString());
}

} // namespace Pterodisbot
