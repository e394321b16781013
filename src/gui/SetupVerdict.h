#pragma once

#include <QString>

namespace Pterodisbot::SetupVerdict {

//! How the assistant shows the outcome of a check: a green tick or a red cross with the text,
//! the hint under it; everything escaped (texts may quote what the member typed).
QString html(bool ok, const QString &text, const QString &hint = {});
//! Works, but the member should know (an amber sign).
QString warning(const QString &text, const QString &hint = {});
//! A check under way.
QString pending(const QString &text);

} // namespace Pterodisbot::SetupVerdict
