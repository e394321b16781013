#include "BotHealth.h"

namespace Pterodisbot {

BotHealth BotHealth::of(BotCore::State state, const ConnectionSnapshot &connection,
                        const QList<EmbedSnapshot> &embeds, const QList<ServerSnapshot> &servers)
{
    BotHealth health;
    health.servers = int(servers.size());
    for (const ServerSnapshot &server : servers)
        health.serversUp += server.state == DisplayState::Running;
    health.embeds = int(embeds.size());

    if (!connection.fatalProblem.isEmpty()) {
        health.headline = tr("Stopped: needs your attention");
        health.problem = connection.fatalProblem;
        return health;
    }
    switch (state) {
    case BotCore::State::Stopped:
        health.headline = tr("Stopped");
        return health;
    case BotCore::State::Failed:
        health.headline = tr("Failed");
        return health;
    case BotCore::State::Stopping:
        health.headline = tr("Stopping");
        return health;
    case BotCore::State::Starting:
        health.headline = tr("Connecting to Discord");
        health.problem = connection.discordProblem;
        return health;
    case BotCore::State::Running:
        break;
    }
    if (connection.gateway != Gateway::State::Ready) {
        health.headline = tr("Reconnecting to Discord");
        health.problem = connection.discordProblem;
        return health;
    }

    health.level = Level::Degraded;
    if (!connection.panelReachable) {
        health.headline = tr("Panel unreachable");
        health.problem = connection.panelProblem;
        return health;
    }
    for (const EmbedSnapshot &embed : embeds) {
        if (!embed.lastError.isEmpty()) {
            health.headline = tr("An embed could not be updated");
            health.problem = embed.serverName + QStringLiteral(": ") + embed.lastError;
            return health;
        }
    }
    if (connection.paused) {
        health.headline = tr("Updates paused");
        return health;
    }
    health.level = Level::Ok;
    health.headline = tr("Connected");
    return health;
}

QString BotHealth::summary() const
{
    QString text = tr("Pterodisbot: %1").arg(headline);
    if (servers > 0)
        text += QLatin1Char('\n') + tr("%1 of %2 servers running").arg(serversUp).arg(servers);
    text += QLatin1Char('\n') + tr("%n embed(s) tracked", nullptr, embeds);
    if (!problem.isEmpty())
        text += QLatin1Char('\n') + problem;
    return text;
}

QString BotHealth::iconPath(Level level)
{
    switch (level) {
    case Level::Ok:
        return QStringLiteral(":/icons/pterodisbot-ok.svg");
    case Level::Degraded:
        return QStringLiteral(":/icons/pterodisbot-degraded.svg");
    case Level::Down:
        break;
    }
    return QStringLiteral(":/icons/pterodisbot-down.svg");
}

} // namespace Pterodisbot
