#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "bot/BotCore.h"

namespace Pterodisbot {

//! How the bot is doing at a glance: what the tray icon and the window title show. A pure
//! decision from the observation surface's snapshots, so it is tested without a bot.
struct BotHealth
{
    Q_DECLARE_TR_FUNCTIONS(BotHealth)

public:
    enum class Level { Ok, Degraded, Down };

    Level level = Level::Down;
    //! One line: "Connected", "Panel unreachable", "Token rejected", ...
    QString headline;
    //! The most pressing problem in full; empty when there is none.
    QString problem;
    int serversUp = 0;
    int servers = 0;
    int embeds = 0;

    //! Down: the bot does not run or Discord is not connected; degraded: it runs but the panel
    //! does not answer, updates are paused, or an embed could not be written.
    static BotHealth of(BotCore::State state, const ConnectionSnapshot &connection,
                        const QList<EmbedSnapshot> &embeds, const QList<ServerSnapshot> &servers);
    //! For the tray's tooltip: headline, servers up, embeds tracked, the problem.
    QString summary() const;
    //! The icon's resource path for \a level.
    static QString iconPath(Level level);
};

} // namespace Pterodisbot
