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

} // namespace Pterodisbot::ChartTheme
