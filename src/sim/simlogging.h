#pragma once

#include <QLoggingCategory>

// The simulators' own categories: they share no code with the clients, logging included.
Q_DECLARE_LOGGING_CATEGORY(lcSimPanel)
Q_DECLARE_LOGGING_CATEGORY(lcSimWings)
Q_DECLARE_LOGGING_CATEGORY(lcSimDiscord)
