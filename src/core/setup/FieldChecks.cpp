#include "setup/FieldChecks.h"

#include <algorithm>

#include "config/ConfigValidator.h"

namespace Pterodisbot::FieldChecks {

QList<ConfigProblem> panelUrl(const QUrl &url)
{
    return validateValue(QStringLiteral("pterodactyl.panel_url"), url);
}

QList<ConfigProblem> clientKey(const QString &key)
{
    return validateValue(QStringLiteral("pterodactyl.client_key"), key);
}

QList<ConfigProblem> applicationKey(const QString &key)
{
    return validateValue(QStringLiteral("pterodactyl.application_key"), key);
}

QList<ConfigProblem> botToken(const QString &token)
{
    return validateValue(QStringLiteral("discord.token"), token);
}

QList<ConfigProblem> guildId(const QString &id)
{
    return validateValue(QStringLiteral("discord.guild_id"), id);
}

std::optional<ConfigProblem> firstError(const QList<ConfigProblem> &problems)
{
    const auto it = std::find_if(problems.cbegin(), problems.cend(),
                                 [](const ConfigProblem &problem) { return problem.isError(); });
    if (it == problems.cend())
        return std::nullopt;
    return *it;
}

} // namespace Pterodisbot::FieldChecks
