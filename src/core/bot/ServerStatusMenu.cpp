#include "bot/ServerStatusMenu.h"

#include <algorithm>

#include "bot/CustomId.h"

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

QString totalsLine(const ServerTotals &totals)
{
    QString line =
        QStringLiteral("**%1** servers · %2 **%3** running · %4 **%5** offline · %6 **%7** "
                       "unreachable")
            .arg(totals.servers)
            .arg(StatusEmbed::emoji(DisplayState::Running))
            .arg(totals.running)
            .arg(StatusEmbed::emoji(DisplayState::Offline))
            .arg(totals.offline)
            .arg(StatusEmbed::emoji(DisplayState::Unreachable))
            .arg(totals.unreachable);
    if (totals.other > 0)
        line += QStringLiteral(" · **%1** other").arg(totals.other);
    if (totals.unknown > 0)
        line += QStringLiteral(" · **%1** not checked yet").arg(totals.unknown);
    return line;
}

Message build(const QList<ServerListEntry> &entries, int page, const QString &note)
{
    const int count = int(entries.size());
    const int pages = pageCount(count);
    page = clampPage(page, count);

    Message message;
    message.flags = Message::Ephemeral;
    QStringList lines{totalsLine(ServerTotals::count(entries))};
    if (!note.isEmpty())
        lines << note;
    if (count == 0) {
        lines << QStringLiteral("The panel lists no servers for this key.");
        message.content = lines.join(QLatin1Char('\n'));
        return message;
    }
    lines << (pages > 1 ? QStringLiteral("Choose a server to post its status here (page %1 of %2):")
                              .arg(page + 1)
                              .arg(pages)
                        : QStringLiteral("Choose a server to post its status here:"));
    message.content = lines.join(QLatin1Char('\n'));

    StringSelect select{*ComponentId::create(CustomId::select(page).encode()), {}, {}};
    select.placeholder = QStringLiteral("Server…");
    const int first = page * PageSize;
    for (int i = first; i < std::min(count, first + PageSize); ++i) {
        const ServerListEntry &entry = entries.at(i);
        SelectOption option;
        option.label = entry.name.isEmpty() ? entry.identifier : entry.name;
        option.value = entry.identifier;
        option.emoji = StatusEmbed::emoji(entry.state);
        option.description =
            entry.detail.isEmpty() ? StatusEmbed::stateLabel(entry.state, Server{}) : entry.detail;
        select.options << option;
    }
    message.components << ActionRow::ofSelect(select);

    if (pages > 1) {
        Button previous =
            Button::action(ButtonStyle::Secondary,
                           *ComponentId::create(CustomId::page(std::max(0, page - 1)).encode()),
                           QStringLiteral("Previous"));
        previous.disabled = page == 0;
        // With two or more pages the targets differ (0 and 1 on the first page, last-1 and last
        // on the last), so the custom_ids stay unique within the message as Discord requires.
        Button next = Button::action(
            ButtonStyle::Secondary,
            *ComponentId::create(CustomId::page(std::min(pages - 1, page + 1)).encode()),
            QStringLiteral("Next"));
        next.disabled = page == pages - 1;
        message.components << ActionRow::ofButtons({previous, next});
    }
    return message;
}

} // namespace ServerStatusMenu
} // namespace Pterodisbot
