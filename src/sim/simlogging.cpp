#include "simlogging.h"

Q_LOGGING_CATEGORY(lcSimPanel, "pterodisbot.sim.panel", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSimWings, "pterodisbot.sim.wings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSimDiscord, "pterodisbot.sim.discord", QtInfoMsg)
