// The demo's scripted visitor: what a community admin and a curious member do in Discord.
#include "Demo.h"

#include <chrono>

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include "bot/BotCore.h"
#include "DiscordSimulator.h"
#include "PanelSimulator.h"
#include "TaskGroup.h"

namespace Pterodisbot {
namespace {

using namespace std::chrono_literals;

const QString AdminUser = QStringLiteral("1500000000000000001");
const QString GuestUser = QStringLiteral("1500000000000000002");
const QString AdminRole = QStringLiteral("1400000000000000001");

//! What the bot answered to an interaction, as the member would read it.
QString answerText(const PterodisbotSim::DiscordSimulator &discord, const QString &interaction)
{
    QString content;
    QJsonArray embeds;
    if (const auto original = discord.originalResponse(interaction)) {
        content = original->content;
        embeds = original->embeds;
    } else {
        const QJsonObject data =
            discord.interactionResponse(interaction).value(QStringLiteral("data")).toObject();
        content = data.value(QStringLiteral("content")).toString();
        embeds = data.value(QStringLiteral("embeds")).toArray();
    }
    QStringList parts;
    if (!content.isEmpty())
        parts << content;
    for (const QJsonValue &embed : std::as_const(embeds)) {
        const QJsonObject object = embed.toObject();
        for (const char *key : {"title", "description"}) {
            const QString text = object.value(QLatin1String(key)).toString();
            if (!text.isEmpty())
                parts << text;
        }
    }
    return parts.join(QStringLiteral(" — ")).replace(QLatin1Char('\n'), QStringLiteral(" / "));
}

//! The custom_id of the first component whose custom_id contains \a needle.
QString findCustomId(const QJsonArray &rows, const QString &needle)
{
    for (const QJsonValue &row : rows) {
        for (const QJsonValue &component :
             row.toObject().value(QStringLiteral("components")).toArray()) {
            const QString id = component.toObject().value(QStringLiteral("custom_id")).toString();
            if (id.contains(needle))
                return id;
        }
    }
    return {};
}

//! Waits (for the demo's pacing, up to \a timeout) until the bot answered \a interaction.
//! False also when the demo stops meanwhile (\a group cancelled).
QCoro::Task<bool> answered(TaskGroup *group, const PterodisbotSim::DiscordSimulator *discord,
                           QString interaction, std::chrono::milliseconds timeout = 8s)
{
    for (auto waited = 0ms; waited < timeout; waited += 100ms) {
        const auto original = discord->originalResponse(interaction);
        const bool deferredOnly = original && (original->flags & 128);
        if (discord->interactionAcknowledged(interaction) && !deferredOnly &&
            !answerText(*discord, interaction).isEmpty())
            co_return true;
        if (!co_await group->sleep(100ms))
            co_return false;
    }
    co_return false;
}

} // namespace

QCoro::Task<> Demo::visit()
{
    QPointer<Demo> self(this);
    // Every wait goes through the group, so that stop() wakes the visitor and it returns. A
    // sleep that returns true means the group, and so the demo, still lives.
    TaskGroup *group = &m_tasks;
    PterodisbotSim::DiscordSimulator *discord = m_discord.get();
    PterodisbotSim::PanelSimulator *panel = m_panel.get();
    const QString channel = discord->channelIds().first();
    const QStringList adminRoles{AdminRole};

    if (!self || !co_await group->sleep(1500ms))
        co_return;
    say(QStringLiteral("visitor (Server Admin role) types /server_status"));
    const QString command = discord->injectSlashCommand(channel, AdminUser, adminRoles,
                                                        QStringLiteral("server_status"));
    if (!co_await answered(group, discord, command) || !self)
        co_return;
    say(QStringLiteral("bot → visitor (only they see it): ") + answerText(*discord, command));

    const auto menu = discord->originalResponse(command);
    const QJsonArray rows = menu ? menu->components
                                 : discord->interactionResponse(command)
                                       .value(QStringLiteral("data"))
                                       .toObject()
                                       .value(QStringLiteral("components"))
                                       .toArray();
    const QString selectId = findCustomId(rows, QStringLiteral(":select:"));
    if (selectId.isEmpty() || !menu) {
        say(QStringLiteral("the reply has no server menu; the visitor gives up"));
        co_return;
    }

    // One running and one offline server, so both kinds of embed show.
    QString running;
    QString offline;
    for (const QString &id : panel->serverIdentifiers()) {
        const QString state = panel->serverState(id);
        if (running.isEmpty() && state == QLatin1String("running"))
            running = id;
        if (offline.isEmpty() && state == QLatin1String("offline"))
            offline = id;
    }
    for (const QString &id : {running, offline}) {
        if (id.isEmpty())
            continue;
        if (!self || !co_await group->sleep(1000ms))
            co_return;
        say(QStringLiteral("visitor picks \"%1\" in the menu").arg(panel->serverName(id)));
        const QString pick =
            discord->injectComponent(channel, menu->id, AdminUser, adminRoles, selectId, 3, {id});
        if (!co_await answered(group, discord, pick) || !self)
            co_return;
        say(QStringLiteral("bot → visitor: ") + answerText(*discord, pick));
    }

    auto press = [this, group, discord, channel](QString server, QString needle, QString user,
                                                 QStringList roles, QString who) -> QCoro::Task<> {
        QPointer<Demo> self(this);
        const EmbedLocation location = m_bot->trackedEmbeds().value(server);
        const auto message = discord->message(channel, location.messageId);
        QString customId = message ? findCustomId(message->components, needle) : QString();
        if (needle.startsWith(QLatin1String("pdb:")))
            customId = needle; // a forged id, as a prankster would send it
        if (!message || customId.isEmpty())
            co_return;
        say(QStringLiteral("%1 presses %2 under %3")
                .arg(who, customId.section(QLatin1Char(':'), 2, 3), m_panel->serverName(server)));
        const QString click =
            discord->injectComponent(channel, message->id, user, roles, customId, 2);
        if (!co_await answered(group, discord, click) || !self)
            co_return;
        say(QStringLiteral("bot → %1: %2").arg(who, answerText(*discord, click)));
    };

    if (!offline.isEmpty()) {
        if (!self || !co_await group->sleep(2000ms))
            co_return;
        co_await press(offline, QStringLiteral(":power:start:"), AdminUser, adminRoles,
                       QStringLiteral("visitor"));
    }
    if (!running.isEmpty()) {
        if (!self || !co_await group->sleep(2000ms))
            co_return;
        co_await press(running, QStringLiteral(":power:stop:"), GuestUser, {},
                       QStringLiteral("a member without the role"));
        if (!self || !co_await group->sleep(1500ms))
            co_return;
        co_await press(running, QStringLiteral("pdb:v1:power:stop:deadbeef"), AdminUser, adminRoles,
                       QStringLiteral("a client sending a forged button"));
        if (!self || !co_await group->sleep(1500ms))
            co_return;
        co_await press(running, QStringLiteral(":addr:"), AdminUser, adminRoles,
                       QStringLiteral("visitor"));

        if (!self || !co_await group->sleep(6000ms))
            co_return;
        say(QStringLiteral("simulation: %1 crashes (the panel reports it offline)")
                .arg(panel->serverName(running)));
        panel->setServerState(running, QStringLiteral("offline"));
        if (!self || !co_await group->sleep(12000ms))
            co_return;
        say(QStringLiteral("simulation: %1 is brought back by its owner")
                .arg(panel->serverName(running)));
        panel->setServerState(running, QStringLiteral("running"));
    }
}

QCoro::Task<> Demo::postFirstEmbeds()
{
    QPointer<Demo> self(this);
    const QString channel = m_discord->channelIds().first();
    const QStringList servers = m_panel->serverIdentifiers().mid(0, 4);
    say(QStringLiteral("posting the status embeds of %1 servers in the window; select one and "
                       "press its buttons in the preview")
            .arg(servers.size()));
    for (const QString &server : servers) {
        if (!self || !m_bot)
            co_return;
        m_bot->postEmbed(server, channel);
        // One at a time, as a member choosing them from /server_status would.
        if (!co_await m_tasks.sleep(std::chrono::milliseconds(600)))
            co_return;
    }
}

void Demo::pressButton(const QString &channelId, const QString &messageId, const QString &customId)
{
    m_tasks.start(press(channelId, messageId, customId));
}

QCoro::Task<> Demo::press(QString channelId, QString messageId, QString customId)
{
    QPointer<Demo> self(this);
    if (!m_discord)
        co_return;
    say(QStringLiteral("you (Server Admin role) press %1")
            .arg(customId.section(QLatin1Char(':'), 2, 3)));
    const QString click =
        m_discord->injectComponent(channelId, messageId, AdminUser, {AdminRole}, customId, 2);
    if (!co_await answered(&m_tasks, m_discord.get(), click) || !self)
        co_return;
    say(QStringLiteral("bot → you: ") + answerText(*m_discord, click));
}

} // namespace Pterodisbot
