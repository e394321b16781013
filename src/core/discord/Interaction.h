#pragma once

#include <optional>

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "discord/DiscordTypes.h"

namespace Pterodisbot {

//! One option of a slash command; subcommands carry their own options.
struct CommandOption
{
    QString name;
    int type = 0;     //!< 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, 10 number...
    QJsonValue value; //!< string, number or bool; undefined for subcommands
    bool focused = false;
    QList<CommandOption> options;
};

//! An INTERACTION_CREATE, checked and parsed into a value. Everything in it came from the
//! network and may be forged by whoever holds the token of a bot in the guild, so fromJson()
//! refuses anything that is not what Discord documents, with a reason, rather than guessing.
//!
//! The token is a secret for 15 minutes: never log it (describe() leaves it out).
struct Interaction
{
    InteractionType type = InteractionType::Ping;
    QString id;
    QString applicationId;
    QString token;
    QString guildId; //!< empty in DMs
    QString channelId;
    QString locale;
    QString guildLocale;

    QString userId;
    QString username;
    QString globalName;
    QStringList roleIds;     //!< member roles (guild only)
    quint64 permissions = 0; //!< member.permissions, the member's permissions in the channel
    quint64 appPermissions = 0;

    // Application commands and autocomplete
    QString commandId;
    QString commandName;
    CommandType commandType = CommandType::Unknown;
    QList<CommandOption> options;

    // Message components
    QString customId;
    ComponentType componentType = ComponentType::Unknown;
    QStringList values; //!< selected values (selects)
    QString messageId;  //!< the message that carries the component

    //! Clock::monotonicMs() when it arrived; the 3-second budget is counted from here.
    qint64 receivedAtMs = -1;

    bool isCommand() const { return type == InteractionType::ApplicationCommand; }
    bool isComponent() const { return type == InteractionType::MessageComponent; }
    bool isSelect() const { return isComponent() && componentType == ComponentType::StringSelect; }
    bool isButton() const { return isComponent() && componentType == ComponentType::Button; }
    bool inGuild() const { return !guildId.isEmpty(); }
    //! The top-level option \a name, if given.
    std::optional<CommandOption> option(const QString &name) const;
    //! "component custom_id=... by user 123 in guild 456" for logs; no token.
    QString describe() const;

    //! Parses the `d` of an INTERACTION_CREATE dispatch. On refusal returns std::nullopt and
    //! sets \a error to a one-line reason safe for logs.
    static std::optional<Interaction> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace Pterodisbot
