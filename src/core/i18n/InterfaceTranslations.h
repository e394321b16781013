#pragma once

#include <QStringList>

class QCoreApplication;

namespace Pterodisbot {

//! Puts the window in the system's language: installs on \a app the program's catalog for
//! QLocale::system() (from ":/i18n") and Qt's own qtbase catalog (from Qt's translations
//! folder) when they exist. The language follows Qt's reading of the environment: LANGUAGE
//! (a list of preferences), then LC_ALL, LC_MESSAGES and LANG. Discord texts are not affected:
//! they follow each message's reader (see Wording). Returns the catalogs installed
//! ("pterodisbot_de", "qtbase_de"); none for English.
QStringList installInterfaceTranslations(QCoreApplication *app);

} // namespace Pterodisbot
