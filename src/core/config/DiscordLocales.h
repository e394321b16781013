#pragma once

#include <QString>
#include <QStringList>

namespace Pterodisbot {

//! The locales Discord knows ("da", "de", "en-GB", "en-US", ..., "zh-TW"), as its API spells
//! them in an interaction's locale, a guild's preferred_locale and description_localizations.
const QStringList &discordLocales();
//! True when \a code is one of discordLocales(), compared exactly.
bool isDiscordLocale(const QString &code);

} // namespace Pterodisbot
