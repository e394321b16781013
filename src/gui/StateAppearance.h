#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

#include "bot/StatusEmbed.h"
#include "discord/Gateway.h"

namespace Pterodisbot::StateAppearance {

//! The colour the status embed uses for \a state (its left bar), so the window and Discord agree.
QColor colour(DisplayState state);
//! A round dot of colour(\a state), drawn for any device pixel ratio.
QIcon icon(DisplayState state);
//! The state as the window names it ("Running", "Unreachable"), translated.
QString text(DisplayState state);
//! The gateway's state as the status bar names it ("ready", "connecting"), translated.
QString text(Gateway::State state);

} // namespace Pterodisbot::StateAppearance
