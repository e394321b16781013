#pragma once

namespace Pterodisbot {

//! Chooses Qt's "offscreen" platform plugin when nothing can be displayed, so that the chart
//! renderer (QtCharts is Widgets-based and needs a QApplication) works on a headless host.
//!
//! Call it in main() *before* constructing the QApplication: the platform plugin is picked
//! during construction. It sets QT_QPA_PLATFORM=offscreen when \a headless is true (the
//! `--no-gui` service must not depend on a display even if DISPLAY happens to be set) or when
//! neither DISPLAY nor WAYLAND_DISPLAY is set. An explicit QT_QPA_PLATFORM from the user is
//! always respected. Returns true when it selected offscreen.
bool prepareOffscreenPlatform(bool headless = false);

} // namespace Pterodisbot
