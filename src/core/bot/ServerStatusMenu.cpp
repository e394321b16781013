#include "bot/ServerStatusMenu.h"

#include <algorithm>

#include "bot/CustomId.h"
#include "discord/Markdown.h"
#include "discord/MessageLimits.h"

namespace Pterodisbot {

ServerTotals ServerTotals::count(const QList<ServerListEntry> &entries)
{
    ServerTotals totals;
    totals.servers = int(entries.size());
    for (const ServerListEntry &entry : entries) {
        switch (entry.state) {
        case DisplayState::Running:
            ++totals.running;
            break;
        case DisplayState::Offline:
            ++totals.offline;
            break;
        case DisplayState::Unreachable:
            ++totals.unreachable;
            break;
        case DisplayState::Unknown:
            ++totals.unknown;
            break;
        case DisplayState::Starting:
        case DisplayState::Stopping:
        case DisplayState::Suspended:
        case DisplayState::Installing:
            ++totals.other;
            break;
        }
    }
    return totals;
}

namespace ServerStatusMenu {

int pageCount(int entries)
{
    return std::max(1, (entries + PageSize - 1) / PageSize);
}

int clampPage(int page, int entries)
{
    return std::clamp(page, 0, std::min(pageCount(entries) - 1, CustomId::MaxPage));
}

QString totalsLine(const ServerTotals &totals, const Wording &wording)
{
    //: %n servers in all; %1, %3, %5 are emojis, %2 running, %4 offline, %6 unreachable.
    QString line =
        wording
            .translate("ServerStatusMenu",
                       "**%n** servers · %1 **%2** running · %3 **%4** offline · %5 "
                       "**%6** unreachable",
                       nullptr, totals.servers)
            .arg(StatusEmbed::emoji(DisplayState::Running), wording.integer(totals.running),
                 StatusEmbed::emoji(DisplayState::Offline), wording.integer(totals.offline),
                 StatusEmbed::emoji(DisplayState::Unreachable),
                 wording.integer(totals.unreachable));
    if (totals.other > 0) {
        line += QStringLiteral(" · ") + wording.translate("ServerStatusMenu", "**%1** other")
                                            .arg(wording.integer(totals.other));
    }
    if (totals.unknown > 0) {
        line +=
            QStringLiteral(" · ") + wording.translate("ServerStatusMenu", "**%1** not checked yet")
                                        .arg(wording.integer(totals.unknown));
    }
    return line;
}

Message build(const QList<ServerListEntry> &entries, int page, const Wording &wording,
              const QString &note)
{
    const int count = int(entries.size());
    const int pages = pageCount(count);
    page = clampPage(page, count);

    Message message;
    message.flags = Message::Ephemeral;
    QStringList lines{totalsLine(ServerTotals::count(entries), wording)};
    if (!note.isEmpty())
        lines << note;
    if (count == 0) {
        lines << wording.translate("ServerStatusMenu", "The panel lists no servers for this key.");
        message.content = lines.join(QLatin1Char('\n'));
        return message;
    }
    lines << (pages > 1 ? wording
                              .translate("ServerStatusMenu",
                                         "Choose a server to post its status here (page %1 of %2):")
                              .arg(wording.integer(page + 1), wording.integer(pages))
                        : wording.translate("ServerStatusMenu",
                                            "Choose a server to post its status here:"));
    message.content = lines.join(QLatin1Char('\n'));

    StringSelect select{*ComponentId::create(CustomId::select(page).encode()), {}, {}};
    //: Placeholder of the server menu.
    select.placeholder = wording.translate("ServerStatusMenu", "Server…");
    const int first = page * PageSize;
    for (int i = first; i < std::min(count, first + PageSize); ++i) {
        const ServerListEntry &entry = entries.at(i);
        SelectOption option;
        // Labels are plain text in Discord (no Markdown): only controls and length matter.
        option.label = Markdown::plain(entry.name.isEmpty() ? entry.identifier : entry.name,
                                       MessageLimits::SelectOptionText);
        option.value = entry.identifier;
        option.emoji = StatusEmbed::emoji(entry.state);
        option.description = Markdown::plain(
            entry.detail.isEmpty() ? StatusEmbed::stateLabel(entry.state, Server{}, wording)
                                   : entry.detail,
            MessageLimits::SelectOptionText);
        select.options << option;
    }
    message.components << ActionRow::ofSelect(select);

    if (pages > 1) {
        Button previous =
            Button::action(ButtonStyle::Secondary,
                           *ComponentId::create(CustomId::page(std::max(0, page - 1)).encode()),
                           wording.translate("ServerStatusMenu", "Previous", "page button"));
        previous.disabled = page == 0;
        // With two or more pages the targets differ (0 and 1 on the first page, last-1 and last
        // on the last), so the custom_ids stay unique within the message as Discord requires.
        Button next = Button::action(
            ButtonStyle::Secondary,
            *ComponentId::create(CustomId::page(std::min(pages - 1, page + 1)).encode()),
            wording.translate("ServerStatusMenu", "Next", "page button"));
        next.disabled = page == pages - 1;
        message.components << ActionRow::ofButtons({previous, next});
    }
    return message;
}

} // namespace ServerStatusMenu
} // namespace Pterodisbot
