#include "bot/AccessPolicy.h"

#include <type_traits>

#include <QTest>

#include "bot/Admitted.h"

using namespace Pterodisbot;

namespace {

const QString kGuild = QStringLiteral("111111111111111111");
const QString kOtherGuild = QStringLiteral("999999999999999999");
const QString kAdminRole = QStringLiteral("222222222222222222");
const QString kModRole = QStringLiteral("333333333333333333");
const QString kModRole2 = QStringLiteral("444444444444444444");
const QString kYearRole = QStringLiteral("555555555555555555");

QList<AccessPolicy::Role> guildRoles()
{
    return {{kGuild, QStringLiteral("@everyone")},
            {kAdminRole, QStringLiteral("Server Admin")},
            {kModRole, QStringLiteral("Moderator")},
            {kModRole2, QStringLiteral("moderator")},
            {kYearRole, QStringLiteral("2024")}};
}

} // namespace

class TestAccessPolicy final : public QObject
{
    Q_OBJECT

private slots:
    // Handlers take an Admitted, which only the routing gate can make: code outside it cannot
    // hand a handler an interaction that skipped the check.
    void onlyTheGateAdmits()
    {
        static_assert(!std::is_constructible_v<Admitted, Interaction, AccessPolicy::Surface>);
        static_assert(!std::is_default_constructible_v<Admitted>);
        static_assert(std::is_copy_constructible_v<Admitted>); // handlers keep it by value
    }

    void decides_data()
    {
        QTest::addColumn<QString>("controlRole");
        QTest::addColumn<bool>("rolesKnown");
        QTest::addColumn<QString>("guildId");
        QTest::addColumn<bool>("hasMember");
        QTest::addColumn<QStringList>("memberRoles");
        QTest::addColumn<int>("surface");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("message");
        using O = AccessPolicy::Outcome;
        const int button = int(AccessPolicy::Surface::Button);
        const int menu = int(AccessPolicy::Surface::Menu);
        const int command = int(AccessPolicy::Surface::Command);
        const QString admin = QStringLiteral("Server Admin");
        const QStringList holdsAdmin{kModRole, kAdminRole};
        const QString needAdmin =
            QStringLiteral("You need the Server Admin role to control servers.");

        QTest::newRow("name, member holds it") << admin << true << kGuild << true << holdsAdmin
                                               << button << int(O::Allowed) << QString();
        QTest::newRow("name case-insensitive")
            << QStringLiteral("server ADMIN") << true << kGuild << true << holdsAdmin << button
            << int(O::Allowed) << QString();
        QTest::newRow("name with spaces around")
            << QStringLiteral("  Server Admin ") << true << kGuild << true << holdsAdmin << button
            << int(O::Allowed) << QString();
        QTest::newRow("id, member holds it") << kAdminRole << true << kGuild << true << holdsAdmin
                                             << command << int(O::Allowed) << QString();
        QTest::newRow("id, roles not loaded yet")
            << kAdminRole << false << kGuild << true << holdsAdmin << button << int(O::Allowed)
            << QString();
        QTest::newRow("numeric name")
            << QStringLiteral("2024") << true << kGuild << true << QStringList{kYearRole} << button
            << int(O::Allowed) << QString();
        QTest::newRow("@everyone role") << kGuild << true << kGuild << true << QStringList()
                                        << button << int(O::Allowed) << QString();
        QTest::newRow("member lacks role")
            << admin << true << kGuild << true << QStringList{kModRole} << button
            << int(O::MissingRole) << needAdmin;
        QTest::newRow("member has no roles") << admin << true << kGuild << true << QStringList()
                                             << command << int(O::MissingRole) << needAdmin;
        QTest::newRow("id, lacks role, name shown")
            << kAdminRole << true << kGuild << true << QStringList() << button
            << int(O::MissingRole) << needAdmin;
        QTest::newRow("id, lacks role, roles unknown")
            << kAdminRole << false << kGuild << true << QStringList() << button
            << int(O::MissingRole)
            << QStringLiteral("You need the control role (id 222222222222222222) to control "
                              "servers.");
        QTest::newRow("role name given as member role id")
            << admin << true << kGuild << true << QStringList{admin} << button
            << int(O::MissingRole) << needAdmin;
        QTest::newRow("wrong guild button")
            << admin << true << kOtherGuild << true << holdsAdmin << button << int(O::WrongGuild)
            << QStringLiteral("This button only works in Gaming Hub.");
        QTest::newRow("wrong guild command")
            << admin << true << kOtherGuild << true << holdsAdmin << command << int(O::WrongGuild)
            << QStringLiteral("This command only works in Gaming Hub.");
        QTest::newRow("DM") << admin << true << QString() << false << QStringList() << button
                            << int(O::DirectMessage)
                            << QStringLiteral(
                                   "This button only works in Gaming Hub, not in direct messages.");
        QTest::newRow("guild but no member")
            << admin << true << kGuild << false << holdsAdmin << menu << int(O::DirectMessage)
            << QStringLiteral("This menu only works in Gaming Hub, not in direct messages.");
        QTest::newRow("ambiguous name")
            << QStringLiteral("MODERATOR") << true << kGuild << true << QStringList{kModRole}
            << button << int(O::RoleAmbiguous)
            << QStringLiteral("2 roles in Gaming Hub are named \"MODERATOR\", so the bot cannot "
                              "tell which one controls servers. Ask the bot's administrator to "
                              "configure the role id instead.");
        QTest::newRow("ambiguous name, but id works")
            << kModRole << true << kGuild << true << QStringList{kModRole} << button
            << int(O::Allowed) << QString();
        QTest::newRow("name not in guild")
            << QStringLiteral("Owner") << true << kGuild << true << holdsAdmin << button
            << int(O::RoleNotFound)
            << QStringLiteral("The control role \"Owner\" does not exist in Gaming Hub. Ask the "
                              "bot's administrator to fix the configuration.");
        QTest::newRow("id not in guild")
            << QStringLiteral("777777777777777777") << true << kGuild << true
            << QStringList{QStringLiteral("777777777777777777")} << button << int(O::RoleNotFound)
            << QStringLiteral("The control role \"777777777777777777\" does not exist in Gaming "
                              "Hub. Ask the bot's administrator to fix the configuration.");
        QTest::newRow("name, roles not loaded")
            << admin << false << kGuild << true << holdsAdmin << button << int(O::RolesUnknown)
            << QStringLiteral("The bot has not loaded the roles of Gaming Hub yet. Try again in a "
                              "moment.");
        QTest::newRow("no role configured")
            << QString() << true << kGuild << true << holdsAdmin << button << int(O::NotConfigured)
            << QStringLiteral("The bot has no Discord server or control role configured, so "
                              "nobody can control servers. Ask the bot's administrator to set "
                              "them.");
        QTest::newRow("wrong guild checked before role")
            << QStringLiteral("Owner") << true << kOtherGuild << true << holdsAdmin << button
            << int(O::WrongGuild) << QStringLiteral("This button only works in Gaming Hub.");
    }
    void decides()
    {
        QFETCH(QString, controlRole);
        QFETCH(bool, rolesKnown);
        QFETCH(QString, guildId);
        QFETCH(bool, hasMember);
        QFETCH(QStringList, memberRoles);
        QFETCH(int, surface);
        QFETCH(int, outcome);
        QFETCH(QString, message);

        AccessPolicy policy({kGuild, QStringLiteral("Gaming Hub"), controlRole});
        if (rolesKnown)
            policy.setGuildRoles(guildRoles());
        const AccessPolicy::Decision decision =
            policy.check({guildId, hasMember, memberRoles, AccessPolicy::Surface(surface)});
        QCOMPARE(AccessPolicy::outcomeName(decision.outcome),
                 AccessPolicy::outcomeName(AccessPolicy::Outcome(outcome)));
        QCOMPARE(decision.allowed(), outcome == int(AccessPolicy::Outcome::Allowed));
        QCOMPARE(decision.message, message);
    }

    // /server_status and its menu follow the original bot: the guild is enough, unless a status
    // role is configured. The control role always suffices.
    void statusSurfaces_data()
    {
        QTest::addColumn<QString>("statusRole");
        QTest::addColumn<bool>("rolesKnown");
        QTest::addColumn<QString>("guildId");
        QTest::addColumn<QStringList>("memberRoles");
        QTest::addColumn<int>("surface");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("message");
        using O = AccessPolicy::Outcome;
        const int menu = int(AccessPolicy::Surface::Menu);
        const int status = int(AccessPolicy::Surface::StatusCommand);
        const QStringList none;
        const QString needMod = QStringLiteral("You need the 2024 role to show server status.");
        QTest::newRow("no status role, member without roles")
            << QString() << true << kGuild << none << status << int(O::Allowed) << QString();
        QTest::newRow("no status role, menu")
            << QString() << true << kGuild << none << menu << int(O::Allowed) << QString();
        QTest::newRow("no status role, roles not loaded")
            << QString() << false << kGuild << none << status << int(O::Allowed) << QString();
        QTest::newRow("no status role, other guild")
            << QString() << true << kOtherGuild << none << status << int(O::WrongGuild)
            << QStringLiteral("This command only works in Gaming Hub.");
        QTest::newRow("status role held")
            << QStringLiteral("2024") << true << kGuild << QStringList{kYearRole} << status
            << int(O::Allowed) << QString();
        QTest::newRow("status role missing") << QStringLiteral("2024") << true << kGuild << none
                                             << status << int(O::MissingRole) << needMod;
        QTest::newRow("status role missing, menu")
            << QStringLiteral("2024") << true << kGuild << QStringList{kModRole} << menu
            << int(O::MissingRole) << needMod;
        QTest::newRow("control role suffices")
            << QStringLiteral("2024") << true << kGuild << QStringList{kAdminRole} << status
            << int(O::Allowed) << QString();
        QTest::newRow("status role by id, roles unknown")
            << kYearRole << false << kGuild << none << status << int(O::MissingRole)
            << QStringLiteral("You need the status role (id 555555555555555555) to show server "
                              "status.");
        QTest::newRow("status role not in guild")
            << QStringLiteral("Viewers") << true << kGuild << none << status << int(O::RoleNotFound)
            << QStringLiteral("The status role \"Viewers\" does not exist in Gaming Hub. Ask the "
                              "bot's administrator to fix the configuration.");
    }
    void statusSurfaces()
    {
        QFETCH(QString, statusRole);
        QFETCH(bool, rolesKnown);
        QFETCH(QString, guildId);
        QFETCH(QStringList, memberRoles);
        QFETCH(int, surface);
        QFETCH(int, outcome);
        QFETCH(QString, message);

        AccessPolicy policy(
            {kGuild, QStringLiteral("Gaming Hub"), QStringLiteral("Server Admin"), statusRole});
        if (rolesKnown)
            policy.setGuildRoles(guildRoles());
        const AccessPolicy::Decision decision =
            policy.check({guildId, true, memberRoles, AccessPolicy::Surface(surface)});
        QCOMPARE(AccessPolicy::outcomeName(decision.outcome),
                 AccessPolicy::outcomeName(AccessPolicy::Outcome(outcome)));
        QCOMPARE(decision.message, message);
    }

    // Power buttons and the embed commands still need the control role.
    void controlSurfacesNeedTheControlRole()
    {
        AccessPolicy policy({kGuild, QStringLiteral("Gaming Hub"), QStringLiteral("Server Admin")});
        policy.setGuildRoles(guildRoles());
        for (const auto surface : {AccessPolicy::Surface::Button, AccessPolicy::Surface::Command})
            QCOMPARE(policy.check({kGuild, true, {kModRole}, surface}).outcome,
                     AccessPolicy::Outcome::MissingRole);
        QVERIFY(policy.check({kGuild, true, {kModRole}, AccessPolicy::Surface::StatusCommand})
                    .allowed());
    }

    void guildIdStandsInForUnknownName()
    {
        AccessPolicy policy({kGuild, QString(), QStringLiteral("Server Admin")});
        policy.setGuildRoles(guildRoles());
        const auto decision = policy.check({kOtherGuild, true, {kAdminRole}, {}});
        QCOMPARE(decision.outcome, AccessPolicy::Outcome::WrongGuild);
        QCOMPARE(decision.message, QStringLiteral("This button only works in the Discord server "
                                                  "with id 111111111111111111."));
    }

    void noGuildConfigured()
    {
        AccessPolicy policy({QString(), QString(), QStringLiteral("Server Admin")});
        policy.setGuildRoles(guildRoles());
        QCOMPARE(policy.check({kGuild, true, {kAdminRole}, {}}).outcome,
                 AccessPolicy::Outcome::NotConfigured);
        QCOMPARE(policy.check({QString(), false, {}, {}}).message,
                 QStringLiteral("This button does not work in direct messages."));
    }

    // Roles change at run time (GUILD_ROLE_UPDATE): a rename makes the name resolve elsewhere.
    void followsRoleChanges()
    {
        AccessPolicy policy({kGuild, QStringLiteral("Gaming Hub"), QStringLiteral("Operators")});
        policy.setGuildRoles(guildRoles());
        const AccessPolicy::Request member{kGuild, true, {kModRole}, {}};
        QCOMPARE(policy.check(member).outcome, AccessPolicy::Outcome::RoleNotFound);

        QList<AccessPolicy::Role> renamed = guildRoles();
        renamed[2].name = QStringLiteral("operators");
        policy.setGuildRoles(renamed);
        QVERIFY(policy.check(member).allowed());
        const AccessPolicy::Resolution resolution = policy.resolveControlRole();
        QCOMPARE(resolution.roleId, kModRole);
        QCOMPARE(resolution.roleName, QStringLiteral("operators"));
    }
};

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
