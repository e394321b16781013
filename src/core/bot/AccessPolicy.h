#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "i18n/Wording.h"

namespace Pterodisbot {

//! Who may use the bot's commands and buttons. Power buttons, /refresh_embeds and
//! /purge_embeds: members of the configured guild holding the control role. /server_status and
//! its menu: any member of the guild, as in the original bot, unless a status role is
//! configured; then members holding it (or the control role). A role is configured as a role id or
//! as a role name; a name is resolved (case-insensitively) against the guild's roles, which the
//! caller keeps current from GUILD_CREATE / GUILD_ROLE_* events or a REST fetch.
//!
//! Pure logic: no Discord or panel calls. A refusal carries a text meant for an ephemeral
//! reply, saying what is missing, in the member's language (Request::locale).
class AccessPolicy
{
public:
    struct Role
    {
        QString id;
        QString name;
    };

    //! What the member used. Button and Command (the embed commands) need the control role;
    //! StatusCommand (/server_status) and Menu (its server menu) only the guild, or the status
    //! role when one is configured.
    enum class Surface { Button, Menu, Command, StatusCommand };

    //! Whether \a surface needs the control role (otherwise: the status rule).
    static bool needsControlRole(Surface surface);

    //! The parts of an interaction that matter here.
    struct Request
    {
        QString guildId;         //!< empty in a DM
        bool hasMember = false;  //!< false in a DM (Discord sends `user` instead of `member`)
        QStringList memberRoles; //!< `member.roles`: role ids
        Surface surface = Surface::Button;
        QString locale; //!< the interaction's locale: the language of the refusal
    };

    enum class Outcome {
        Allowed,
        DirectMessage, //!< no guild or no member
        WrongGuild,    //!< another guild
        MissingRole,   //!< member lacks the control role
        NotConfigured, //!< no control role (or no guild) configured
        RoleNotFound,  //!< the configured name matches no role of the guild
        RoleAmbiguous, //!< the configured name matches several roles
        RolesUnknown,  //!< a role name is configured but the guild's roles are not known yet
    };

    struct Decision
    {
        Outcome outcome = Outcome::Allowed;
        //! Ready for an ephemeral reply; empty when allowed.
        QString message;

        bool allowed() const { return outcome == Outcome::Allowed; }
        explicit operator bool() const { return allowed(); }
    };

    struct Settings
    {
        QString guildId;
        //! Shown in refusals; the guild id is used while the name is unknown.
        QString guildName;
        //! A role id (digits) or a role name.
        QString controlRole;
        //! Empty: any member of the guild may use /server_status. Else a role id or name.
        QString statusRole;
    };

    AccessPolicy() = default;
    explicit AccessPolicy(Settings settings);

    void setSettings(Settings settings);
    Settings settings() const { return m_settings; }

    //! Replaces the known roles of the configured guild.
    void setGuildRoles(QList<Role> roles);
    QList<Role> guildRoles() const { return m_roles; }

    //! Decides \a request against the configuration and the known roles.
    Decision check(const Request &request) const;

    //! The role id a name or id resolves to with the current roles, or a refusal
    //! (NotConfigured / RoleNotFound / RoleAmbiguous / RolesUnknown) explaining why there is
    //! none. A configured id is trusted without the role list; when the list is known and
    //! has no such id, the text is tried as a name (a role may be called "2024").
    struct Resolution
    {
        QString roleId;
        QString roleName; //!< for messages; empty for a configured id while roles are unknown
        Outcome problem = Outcome::Allowed;
        QString message;
    };
    //! The message is in \a wording's language (English by default, as the log wants it).
    Resolution resolveControlRole(const Wording &wording = {}) const;
    //! As resolveControlRole() for the status role; NotConfigured when none is set.
    Resolution resolveStatusRole(const Wording &wording = {}) const;

    static QString outcomeName(Outcome outcome);

private:
    enum class RoleKind { Control, Status };
    QString guildLabel(const Wording &wording) const;
    Resolution resolveRole(const QString &wanted, RoleKind kind, const Wording &wording) const;
    Decision checkStatus(const Request &request, const Wording &wording) const;

    Settings m_settings;
    QList<Role> m_roles;
};

} // namespace Pterodisbot
