#pragma once

#include <QList>
#include <QString>

#include "bot/StatusEmbed.h"
#include "discord/Message.h"
#include "i18n/Wording.h"

namespace Pterodisbot {

//! One server as the /server_status list shows it.
struct ServerListEntry
{
    QString identifier;
    QString name;
    DisplayState state = DisplayState::Unknown;
    //! Short detail under the name, e.g. "CPU 35 % · 1.2 GiB".
    QString detail;
};

//! Panel totals of the /server_status reply.
struct ServerTotals
{
    int servers = 0;
    int running = 0;
    int offline = 0;
    int unreachable = 0;
    //! Starting, stopping, suspended, installing.
    int other = 0;
    //! Not asked about (yet): too many servers to check them all at once.
    int unknown = 0;

    static ServerTotals count(const QList<ServerListEntry> &entries);
};

//! The ephemeral /server_status reply: totals and a select of servers with their state emoji,
//! 25 to a page with Previous/Next buttons when there are more. Pure: the custom_ids come from
//! bot/CustomId, so the answers to it can be routed back.
namespace ServerStatusMenu {

inline constexpr int PageSize = 25;

//! At least 1, so an empty panel still has "page 1 of 1".
int pageCount(int entries);
//! \a page clamped to the pages that exist.
int clampPage(int page, int entries);
//! "**12** servers · 🟢 **5** running · 🔴 **6** offline · ⚠️ **1** unreachable ...".
QString totalsLine(const ServerTotals &totals, const Wording &wording = {});
//! The whole reply for \a page in \a wording's language (the member's); \a note (may be
//! empty) goes under the totals. Ephemeral.
Message build(const QList<ServerListEntry> &entries, int page, const Wording &wording = {},
              const QString &note = {});

} // namespace ServerStatusMenu
} // namespace Pterodisbot
