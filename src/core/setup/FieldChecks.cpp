#include "setup/FieldChecks.h"

#include <algorithm>

#include "config/Config.h"
#include "config/ConfigValidator.h"

namespace Pterodisbot::FieldChecks {
namespace {

// The whole validator runs on a configuration holding only this value; the problems about the
// other (missing) values are dropped. Cheap, and no check is copied out of the validator.
QList<ConfigProblem> problemsOf(const Config &config, const QString &key)
{
    QList<ConfigProblem> problems = validateConfig(config);
    problems.removeIf([&key](const ConfigProblem &problem) { return problem.key != key; });
    return problems;
}

} // namespace

QList<ConfigProblem> panelUrl(const QUrl &url)
{
    Config config;
    config.pterodactyl.panelUrl = url;
    return problemsOf(config, QStringLiteral("pterodactyl.panel_url"));
}

QList<ConfigProblem> clientKey(const QString &key)
{
    Config config;
    config.pterodactyl.clientKey = key;
    return problemsOf(config, QStringLiteral("pterodactyl.client_key"));
}

QList<ConfigProblem> applicationKey(const QString &key)
{
    Config config;
    config.pterodactyl.applicationKey = key;
    return problemsOf(config, QStringLiteral("pterodactyl.application_key"));
}

QList<ConfigProblem> botToken(const QString &token)
{
    Config config;
    config.discord.token = token;
    return problemsOf(config, QStringLiteral("discord.token"));
}

QList<ConfigProblem> guildId(const QString &id)
{
    Config config;
    config.discord.guildId = id;
    return problemsOf(config, QStringLiteral("discord.guild_id"));
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
