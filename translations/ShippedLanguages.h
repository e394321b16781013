#pragma once

#include <QStringList>

namespace Pterodisbot {

//! The languages whose catalogs are compiled into the program as
//! ":/i18n/pterodisbot_<language>.qm" ("de", "fr"): the list in translations/CMakeLists.txt.
QStringList shippedLanguages();

} // namespace Pterodisbot
