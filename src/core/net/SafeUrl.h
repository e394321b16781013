#pragma once

#include <QString>
#include <QUrl>

namespace Pterodisbot {

//! \a url as it may appear in a log line or an error message: no user info, no query, long
//! opaque path segments (Discord interaction and webhook tokens) replaced by "[redacted]",
//! registered secrets redacted.
QString safeUrl(const QUrl &url);

} // namespace Pterodisbot
