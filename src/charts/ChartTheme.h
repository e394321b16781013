#pragma once

#include <QColor>

namespace Pterodisbot::ChartTheme {

// Discord's dark theme, so the graph sits in an embed without a visible frame.
inline const QColor background{0x2b, 0x2d, 0x31};
inline const QColor plotArea{0x31, 0x33, 0x38};
inline const QColor grid{0x4e, 0x50, 0x58};
inline const QColor text{0xdb, 0xde, 0xe1};
inline const QColor cpu{0x58, 0x65, 0xf2};    // blurple
inline const QColor memory{0x57, 0xf2, 0x87}; // green
inline const QColor limit{0xed, 0x42, 0x45};  // red dashed limit line

// The area under a series: its colour at 22 % over plotArea, precomputed and opaque. A
// translucent brush would look the same but sends every fill through Qt's thread pool (parallel
// span blending), which costs more than it saves on a busy two-core host; an opaque one stays on
// the single-threaded fast path.
inline const QColor cpuFill{0x3a, 0x3e, 0x61};
inline const QColor memoryFill{0x39, 0x5d, 0x49};

// Sizes as fractions of the image width, so a smaller image keeps its proportions. An embed
// shows the picture roughly 400–520 px wide, so text must stay large relative to the image.
inline constexpr double titleFontScale = 1.0 / 30;
inline constexpr double panelTitleFontScale = 1.0 / 38;
inline constexpr double labelFontScale = 1.0 / 46;
inline constexpr double lineWidthScale = 1.0 / 260;

} // namespace Pterodisbot::ChartTheme
