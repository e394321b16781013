#pragma once

#include <QCoroTask>
#include <QJsonArray>
#include <QList>
#include <QObject>

#include "bot/BotReply.h"
#include "bot/CustomId.h"
#include "bot/ServerStatusMenu.h"
#include "discord/Interaction.h"

namespace Pterodisbot {

struct BotContext;
class EmbedPublisher;

//! The slash commands and the server menu: /server_status (totals and a paged select of
//! servers; choosing one posts its status embed in the channel), /refresh_embeds and
//! /purge_embeds. Every handler checks access first and answers refusals ephemerally without
//! calling the panel.
class CommandHandlers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandHandlers)

public:
    CommandHandlers(BotContext *context, EmbedPublisher *publisher, QObject *parent = nullptr);
    ~CommandHandlers() override;

    //! The guild commands as registered with Discord (bulk overwrite body).
    static QJsonArray commandDefinitions();
    //! True when \a registered (GET .../commands) already matches commandDefinitions().
    static bool commandsMatch(const QJsonArray &registered);

    QCoro::Task<> handleCommand(Interaction interaction);
    //! The server select of the /server_status reply.
    QCoro::Task<> handleSelect(Interaction interaction, CustomId id);
    //! Previous / Next under the select.
    QCoro::Task<> handlePage(Interaction interaction, CustomId id);

private:
    QCoro::Task<> serverStatus(Interaction interaction);
    QCoro::Task<> refreshEmbeds(Interaction interaction);
    QCoro::Task<> purgeEmbeds(Interaction interaction);
    //! Fetches the server list when there is none yet (or \a force); the error when that failed.
    QCoro::Task<ApiError> ensureServerList(bool force);
    //! The menu entries, asking the panel about the servers of \a page (all of them when
    //! there are few) whose state is not fresh.
    QCoro::Task<QList<ServerListEntry>> listEntries(int page);
    BotReply *reply(const Interaction &interaction,
                    BotReply::Style style = BotReply::Style::NewMessage);
    QCoro::Task<> refuse(Interaction interaction, QString text);

    BotContext *m_context;
    EmbedPublisher *m_publisher;
};

} // namespace Pterodisbot
