#include "AccessPolicy.h"

#include <algorithm>

namespace Pterodisbot {

namespace {

bool isAllDigits(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

//: The subject of the refusals "%1 only works in %2." and "%1 does not work in direct
//: messages.": what the member used.
QString surfaceText(AccessPolicy::Surface surface, const Wording &wording)
{
    switch (surface) {
    case AccessPolicy::Surface::Button:
        return wording.translate("AccessPolicy", "This button");
    case AccessPolicy::Surface::Menu:
        return wording.translate("AccessPolicy", "This menu");
    case AccessPolicy::Surface::Command:
    case AccessPolicy::Surface::StatusCommand:
        return wording.translate("AccessPolicy", "This command");
    }
    return {};
}

AccessPolicy::Decision refuse(AccessPolicy::Outcome outcome, QString message)
{
    return AccessPolicy::Decision{outcome, std::move(message)};
}

} // namespace

AccessPolicy::AccessPolicy(Settings settings)
{
    setSettings(std::move(settings));
}

void AccessPolicy::setSettings(Settings settings)
{
    settings.guildId = settings.guildId.trimmed();
    settings.guildName = settings.guildName.trimmed();
    settings.controlRole = settings.controlRole.trimmed();
    settings.statusRole = settings.statusRole.trimmed();
    m_settings = std::move(settings);
}

void AccessPolicy::setGuildRoles(QList<Role> roles)
{
    m_roles = std::move(roles);
}

QString AccessPolicy::guildLabel(const Wording &wording) const
{
    if (!m_settings.guildName.isEmpty())
        return m_settings.guildName;
    //: Stands for the guild in refusals while its name is unknown: "… only works in %1."
    return wording.translate("AccessPolicy", "the Discord server with id %1")
        .arg(m_settings.guildId);
}

bool AccessPolicy::needsControlRole(Surface surface)
{
    return surface == Surface::Button || surface == Surface::Command;
}

AccessPolicy::Resolution AccessPolicy::resolveControlRole(const Wording &wording) const
{
    if (m_settings.controlRole.isEmpty() || m_settings.guildId.isEmpty()) {
        return {{},
                {},
                Outcome::NotConfigured,
                wording.translate("AccessPolicy",
                                  "The bot has no Discord server or control role configured, so "
                                  "nobody can control servers. Ask the bot's administrator to set "
                                  "them.")};
    }
    return resolveRole(m_settings.controlRole, RoleKind::Control, wording);
}

AccessPolicy::Resolution AccessPolicy::resolveStatusRole(const Wording &wording) const
{
    if (m_settings.statusRole.isEmpty() || m_settings.guildId.isEmpty())
        return {{}, {}, Outcome::NotConfigured, {}};
    return resolveRole(m_settings.statusRole, RoleKind::Status, wording);
}

AccessPolicy::Resolution AccessPolicy::resolveRole(const QString &wanted, RoleKind kind,
                                                   const Wording &wording) const
{
    if (isAllDigits(wanted)) {
        const auto byId = std::find_if(m_roles.cbegin(), m_roles.cend(),
                                       [&](const Role &role) { return role.id == wanted; });
        if (byId != m_roles.cend())
            return {byId->id, byId->name, Outcome::Allowed, {}};
        // Without the role list an id is still checkable against member.roles.
        if (m_roles.isEmpty())
            return {wanted, {}, Outcome::Allowed, {}};
    }

    if (m_roles.isEmpty()) {
        return {{},
                wanted,
                Outcome::RolesUnknown,
                wording
                    .translate("AccessPolicy",
                               "The bot has not loaded the roles of %1 yet. Try again in a moment.")
                    .arg(guildLabel(wording))};
    }

    QList<Role> matches;
    for (const Role &role : m_roles) {
        if (role.name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            matches.append(role);
    }
    if (matches.isEmpty()) {
        //: %1 the role's name as configured, %2 the Discord server.
        const QString text =
            kind == RoleKind::Control
                ? wording.translate("AccessPolicy",
                                    "The control role \"%1\" does not exist in %2. Ask the bot's "
                                    "administrator to fix the configuration.")
                : wording.translate("AccessPolicy",
                                    "The status role \"%1\" does not exist in %2. Ask the bot's "
                                    "administrator to fix the configuration.");
        return {{}, wanted, Outcome::RoleNotFound, text.arg(wanted, guildLabel(wording))};
    }
    if (matches.size() > 1) {
        //: %n how many roles (at least 2), %1 the Discord server, %2 their name.
        const QString text =
            kind == RoleKind::Control
                ? wording.translate(
                      "AccessPolicy",
                      "%n roles in %1 are named \"%2\", so the bot cannot tell which "
                      "one controls servers. Ask the bot's administrator to configure "
                      "the role id instead.",
                      nullptr, int(matches.size()))
                : wording.translate("AccessPolicy",
                                    "%n roles in %1 are named \"%2\", so the bot cannot tell which "
                                    "one may post server status. Ask the bot's administrator to "
                                    "configure the role id instead.",
                                    nullptr, int(matches.size()));
        return {{}, wanted, Outcome::RoleAmbiguous, text.arg(guildLabel(wording), wanted)};
    }
    return {matches.first().id, matches.first().name, Outcome::Allowed, {}};
}

AccessPolicy::Decision AccessPolicy::check(const Request &request) const
{
    const Wording wording(request.locale);
    const QString what = surfaceText(request.surface, wording);
    if (request.guildId.isEmpty() || !request.hasMember) {
        if (m_settings.guildId.isEmpty())
            return refuse(Outcome::DirectMessage,
                          wording.translate("AccessPolicy", "%1 does not work in direct messages.")
                              .arg(what));
        return refuse(
            Outcome::DirectMessage,
            wording.translate("AccessPolicy", "%1 only works in %2, not in direct messages.")
                .arg(what, guildLabel(wording)));
    }

    if (!needsControlRole(request.surface))
        return checkStatus(request, wording);
    const Resolution role = resolveControlRole(wording);
    if (role.problem == Outcome::NotConfigured)
        return refuse(role.problem, role.message);
    if (request.guildId != m_settings.guildId)
        return refuse(Outcome::WrongGuild, wording.translate("AccessPolicy", "%1 only works in %2.")
                                               .arg(what, guildLabel(wording)));
    if (role.problem != Outcome::Allowed)
        return refuse(role.problem, role.message);

    // Members never list @everyone (whose id is the guild id), yet all of them hold it.
    if (role.roleId == m_settings.guildId || request.memberRoles.contains(role.roleId))
        return {};
    if (role.roleName.isEmpty())
        return refuse(
            Outcome::MissingRole,
            wording
                .translate("AccessPolicy", "You need the control role (id %1) to control servers.")
                .arg(role.roleId));
    return refuse(Outcome::MissingRole,
                  wording.translate("AccessPolicy", "You need the %1 role to control servers.")
                      .arg(role.roleName));
}

// The original bot let any member of the guild run /server_status; a status role narrows that,
// and whoever may control servers may always show them.
AccessPolicy::Decision AccessPolicy::checkStatus(const Request &request,
                                                 const Wording &wording) const
{
    const QString what = surfaceText(request.surface, wording);
    if (m_settings.guildId.isEmpty()) {
        return refuse(Outcome::NotConfigured,
                      wording.translate("AccessPolicy",
                                        "The bot has no Discord server configured. Ask the bot's "
                                        "administrator to set it."));
    }
    if (request.guildId != m_settings.guildId)
        return refuse(Outcome::WrongGuild, wording.translate("AccessPolicy", "%1 only works in %2.")
                                               .arg(what, guildLabel(wording)));
    if (m_settings.statusRole.isEmpty())
        return {};

    const auto holds = [&](const Resolution &role) {
        return role.problem == Outcome::Allowed &&
               (role.roleId == m_settings.guildId || request.memberRoles.contains(role.roleId));
    };
    const Resolution status = resolveStatusRole(wording);
    if (holds(status) || holds(resolveControlRole(wording)))
        return {};
    if (status.problem != Outcome::Allowed)
        return refuse(status.problem, status.message);
    if (status.roleName.isEmpty())
        return refuse(Outcome::MissingRole,
                      wording
                          .translate("AccessPolicy",
                                     "You need the status role (id %1) to show server status.")
                          .arg(status.roleId));
    return refuse(Outcome::MissingRole,
                  wording.translate("AccessPolicy", "You need the %1 role to show server status.")
                      .arg(status.roleName));
}

QString AccessPolicy::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Allowed:
        return QStringLiteral("allowed");
    case Outcome::DirectMessage:
        return QStringLiteral("direct message");
    case Outcome::WrongGuild:
        return QStringLiteral("wrong guild");
    case Outcome::MissingRole:
        return QStringLiteral("missing role");
    case Outcome::NotConfigured:
        return QStringLiteral("not configured");
    case Outcome::RoleNotFound:
        return QStringLiteral("role not found");
    case Outcome::RoleAmbiguous:
        return QStringLiteral("role ambiguous");
    case Outcome::RolesUnknown:
        return QStringLiteral("roles unknown");
    }
    return {};
}

} // namespace Pterodisbot
