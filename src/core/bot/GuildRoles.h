#pragma once

#include <QCoroTask>
#include <QJsonObject>
#include <QObject>

namespace Pterodisbot {

struct BotContext;

//! Keeps the bot's picture of the configured guild current: for the AccessPolicy its roles from
//! GET /guilds/{id}/roles at start, GUILD_CREATE (name and roles), and the GUILD_ROLE_* events,
//! so a control role named in the configuration resolves when it is created, renamed or
//! deleted while the bot runs; and the guild's language (preferred_locale of GUILD_CREATE and
//! GUILD_UPDATE, guild_locale of its interactions) for the public messages.
class GuildRoles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuildRoles)

public:
    explicit GuildRoles(BotContext *context, QObject *parent = nullptr);

    //! Reads the guild's roles over REST. A failure is logged and left to GUILD_CREATE.
    QCoro::Task<> load();
    void onGuildCreate(const QJsonObject &guild);
    //! Any dispatch; only GUILD_ROLE_CREATE/UPDATE/DELETE, GUILD_UPDATE and INTERACTION_CREATE
    //! of our guild change something.
    void onDispatch(const QString &eventName, const QJsonObject &data);

private:
    BotContext *m_context;
};

} // namespace Pterodisbot
