#include "OffscreenPlatform.h"

#include <QByteArray>
#include <QtGlobal>

namespace Pterodisbot {

bool prepareOffscreenPlatform(bool headless)
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return false;
    const bool noDisplay =
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (!headless && !noDisplay)
        return false;
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    return true;
}

} // namespace Pterodisbot
