#pragma once

#include "Config.h"
#include "ConfigProblem.h"
#include "ConfigValidator.h"

#include <QList>
#include <QString>

// Internal to the validator: the problem collector shared by the check files.
namespace Pterodisbot::Validation {

using Severity = ConfigProblem::Severity;

class Checker
{
public:
    Checker(const Config &config, const QList<ConfigProblem> &earlier);

    QList<ConfigProblem> problems;

    bool hasEarlierError(const QString &key) const;
    //! A problem with the value of \a key; says where the value came from unless the file.
    void value(Severity severity, const QString &key, const QString &message, const QString &hint);
    //! A required value that is not set (skipped when \a key already has an error).
    void missing(const QString &key, const QString &what, const QString &hint);

    const Config &config() const { return m_config; }

private:
    const Config &m_config;
    const QList<ConfigProblem> &m_earlier;
};

void checkToken(Checker &checker);
void checkSnowflake(Checker &checker, const QString &key, const QString &what, bool required,
                    const QString &howToFind);
// discord.control_role (required) and discord.status_role (optional).
void checkRoles(Checker &checker);
void checkUrl(Checker &checker, const QString &key, bool required, bool pathAllowed);
void checkPanelKey(Checker &checker, const QString &key, bool clientSlot);
void checkKeyFlavours(Checker &checker);

//! Shaped like a Discord bot token: three non-empty dot-separated parts, long enough.
bool looksLikeDiscordToken(const QString &text);

} // namespace Pterodisbot::Validation
