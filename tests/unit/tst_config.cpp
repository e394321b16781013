#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"
#include "config/ConfigValidator.h"
#include "TestSupport.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Pterodisbot;
using Pterodisbot::TestSupport::expandFakeSecrets;
using Pterodisbot::TestSupport::fakeEnvironment;
using Pterodisbot::TestSupport::fakeKey;
using Pterodisbot::TestSupport::fakeToken;

namespace {

const char *const discordSection = "[discord]\n"
                                   "token = @TOKEN@\n"
                                   "guild_id = 123456789012345678\n"
                                   "control_role = Admins\n";
const char *const panelSection = "[pterodactyl]\n"
                                 "panel_url = https://panel.example.com\n"
                                 "client_key = @CLIENT_KEY@\n"
                                 "application_key = @APPLICATION_KEY@\n";

QString good()
{
    return QLatin1String(discordSection) + QLatin1String(panelSection);
}

// A good configuration with the line starting "key =" replaced (or removed when \a line is
// empty), or \a line appended to \a section when no such line exists.
QString goodWith(const QString &key, const QString &line, const char *section = nullptr)
{
    QStringList lines = good().split(QLatin1Char('\n'));
    for (QString &existing : lines) {
        if (existing.startsWith(key + QStringLiteral(" =")))
            existing = line;
    }
    QString text = lines.join(QLatin1Char('\n'));
    if (section)
        text += QStringLiteral("\n[%1]\n%2\n").arg(QLatin1String(section), line);
    return text;
}

QList<ConfigProblem> check(const QString &ini, const QProcessEnvironment &env)
{
    const ConfigLoadResult loaded = ConfigLoader(env).loadText(
        expandFakeSecrets(ini), QStringLiteral("/etc/pterodisbot/config.ini"));
    return loaded.problems + validateConfig(loaded.config, loaded.problems);
}

QString describe(const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << severityName(problem.severity) + QLatin1Char(' ') + problem.key +
                     QStringLiteral(": ") + problem.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestConfig final : public QObject
{
    Q_OBJECT

private slots:
    void problems_data()
    {
        QTest::addColumn<QString>("ini");
        QTest::addColumn<QStringList>("env");
        // "<severity> <key> ~ <words the message must contain>"
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("all good") << good() << QStringList() << QStringList();
        QTest::newRow("all missing")
            << QString() << QStringList()
            << QStringList{QStringLiteral("error discord.token ~ missing"),
                           QStringLiteral("error discord.guild_id ~ missing"),
                           QStringLiteral("error discord.control_role ~ missing"),
                           QStringLiteral("error pterodactyl.panel_url ~ missing"),
                           QStringLiteral("error pterodactyl.client_key ~ missing")};
        QTest::newRow("everything from the environment")
            << QString()
            << QStringList{QStringLiteral("PTERODISBOT_DISCORD_TOKEN=@TOKEN@"),
                           QStringLiteral("PTERODISBOT_DISCORD_GUILD_ID=123456789012345678"),
                           QStringLiteral("PTERODISBOT_DISCORD_CONTROL_ROLE=Admins"),
                           QStringLiteral(
                               "PTERODISBOT_PTERODACTYL_PANEL_URL=https://panel.example.com"),
                           QStringLiteral("PTERODISBOT_PTERODACTYL_CLIENT_KEY=@CLIENT_KEY@")}
            << QStringList();
        QTest::newRow("wrong prefixes")
            << goodWith(QStringLiteral("client_key"),
                        QStringLiteral("client_key = abcd_") + QString(43, QLatin1Char('x')))
                   .replace(QStringLiteral("application_key = @APPLICATION_KEY@"),
                            QStringLiteral("application_key = key_") +
                                QString(43, QLatin1Char('y')))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.client_key ~ starts with ptlc_"),
                           QStringLiteral("error pterodactyl.application_key ~ starts with ptla_")};
        QTest::newRow("pelican prefixes accepted")
            << goodWith(QStringLiteral("client_key"),
                        QStringLiteral("client_key = @PELICAN_CLIENT@"))
                   .replace(QStringLiteral("@APPLICATION_KEY@"),
                            QStringLiteral("@PELICAN_APPLICATION@"))
            << QStringList() << QStringList();
        QTest::newRow("swapped keys")
            << goodWith(QStringLiteral("client_key"),
                        QStringLiteral("client_key = @APPLICATION_KEY@"))
                   .replace(QStringLiteral("application_key = @APPLICATION_KEY@"),
                            QStringLiteral("application_key = @CLIENT_KEY@"))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.client_key ~ application key (ptla_…) "
                                          "in the client key slot — swap them"),
                           QStringLiteral("error pterodactyl.application_key ~ client key (ptlc_…) "
                                          "in the application key slot — swap them")};
        QTest::newRow("mixed panel flavours")
            << goodWith(QStringLiteral("client_key"),
                        QStringLiteral("client_key = @PELICAN_CLIENT@"))
            << QStringList()
            << QStringList{QStringLiteral("warning pterodactyl.application_key ~ Pelican")};
        QTest::newRow("key cut short")
            << goodWith(QStringLiteral("client_key"),
                        QStringLiteral("client_key = ptlc_abcdefghij"))
            << QStringList()
            << QStringList{QStringLiteral(
                   "error pterodactyl.client_key ~ 15 characters long; panel keys have 48")};
        QTest::newRow("non-integer guild id")
            << goodWith(QStringLiteral("guild_id"), QStringLiteral("guild_id = my-guild"))
            << QStringList()
            << QStringList{QStringLiteral("error discord.guild_id ~ not a Discord id")};
        QTest::newRow("guild link pasted")
            << goodWith(QStringLiteral("guild_id"),
                        QStringLiteral(
                            "guild_id = "
                            "https://discord.com/channels/123456789012345678/223456789012345678"))
            << QStringList() << QStringList{QStringLiteral("error discord.guild_id ~ link")};
        QTest::newRow("bad optional ids")
            << good() + QStringLiteral("[discord]\napplication_id = 12ab\nalert_channel_id = "
                                       "<#223456789012345678>\n")
            << QStringList()
            << QStringList{QStringLiteral("error discord.application_id ~ not a Discord id"),
                           QStringLiteral("error discord.alert_channel_id ~ mention")};
        QTest::newRow("token of another application")
            << good() + QStringLiteral("[discord]\napplication_id = 999999999999999999\n")
            << QStringList()
            << QStringList{QStringLiteral(
                   "warning discord.token ~ belongs to application 123456789012345678")};
        QTest::newRow("url without scheme")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = panel.example.com"))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.panel_url ~ no scheme")};
        QTest::newRow("url host:port without scheme")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = panel.example.com:8080"))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.panel_url ~ no scheme")};
        QTest::newRow("url with /api path")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = https://panel.example.com/api/client"))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.panel_url ~ has a path")};
        QTest::newRow("url of a server page")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = https://panel.example.com/server/abc"))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.panel_url ~ has a path")};
        QTest::newRow("ftp scheme")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = ftp://panel.example.com"))
            << QStringList()
            << QStringList{QStringLiteral("error pterodactyl.panel_url ~ only http and https")};
        QTest::newRow("plain http to a remote host")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = http://panel.example.com"))
            << QStringList()
            << QStringList{QStringLiteral("warning pterodactyl.panel_url ~ plain http")};
        QTest::newRow("plain http to loopback is fine")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = http://127.0.0.1:8080")) +
                   QStringLiteral("[discord]\napi_url = http://localhost:9000/api/v10\n")
            << QStringList() << QStringList();
        QTest::newRow("interval out of range")
            << good() + QStringLiteral("[bot]\nupdate_interval = 2\nhistory_length = 500\n")
            << QStringList()
            << QStringList{
                   QStringLiteral("error bot.update_interval ~ out of range (5 to 3600 s)"),
                   QStringLiteral("error bot.history_length ~ out of range (2 to 120 samples)")};
        QTest::newRow("timeouts and concurrency out of range")
            << good() + QStringLiteral(
                            "[pterodactyl]\nrequest_timeout = 0\nmax_concurrent_requests = 65\n"
                            "[discord]\nrequest_timeout = 121\n")
            << QStringList()
            << QStringList{
                   QStringLiteral("error pterodactyl.request_timeout ~ out of range"),
                   QStringLiteral("error pterodactyl.max_concurrent_requests ~ out of range"),
                   QStringLiteral("error discord.request_timeout ~ out of range")};
        QTest::newRow("forced refresh shorter than the interval")
            << good() + QStringLiteral("[bot]\nupdate_interval = 600\nforced_refresh = 300\n")
            << QStringList()
            << QStringList{
                   QStringLiteral("error bot.forced_refresh ~ shorter than update_interval")};
        QTest::newRow("not a number")
            << good() + QStringLiteral("[bot]\ncpu_delta_threshold = 50 ; points\n")
            << QStringList()
            << QStringList{QStringLiteral("error bot.cpu_delta_threshold ~ not a whole number")};
        QTest::newRow("bad choice and boolean")
            << good() + QStringLiteral("[pterodactyl]\nstats_source = "
                                       "push\n[discord]\ngateway_compression = maybe\n")
            << QStringList()
            << QStringList{
                   QStringLiteral("error pterodactyl.stats_source ~ not one of poll, websocket"),
                   QStringLiteral("error discord.gateway_compression ~ not true or false")};
        QTest::newRow("env overriding file")
            << goodWith(QStringLiteral("panel_url"),
                        QStringLiteral("panel_url = panel.example.com")) +
                   QStringLiteral("[bot]\nupdate_interval = abc\n")
            << QStringList{QStringLiteral(
                               "PTERODISBOT_PTERODACTYL_PANEL_URL=https://panel.example.com"),
                           QStringLiteral("PTERODISBOT_BOT_UPDATE_INTERVAL=30")}
            << QStringList();
        QTest::newRow("bad value from the environment")
            << good() << QStringList{QStringLiteral("PTERODISBOT_BOT_HISTORY_LENGTH=1")}
            << QStringList{QStringLiteral(
                   "error bot.history_length ~ (from PTERODISBOT_BOT_HISTORY_LENGTH)")};
        QTest::newRow("unknown key typo suggestion")
            << good() + QStringLiteral("[bot]\nupdate_intervall = 20\n") << QStringList()
            << QStringList{
                   QStringLiteral("warning bot.update_intervall ~ unknown key [bot] "
                                  "update_intervall (line 10) — did you mean update_interval?")};
        QTest::newRow("key in the wrong section")
            << good() + QStringLiteral("[bot]\npanel_url = https://x.example.com\n")
            << QStringList()
            << QStringList{
                   QStringLiteral("warning bot.panel_url ~ did you mean [pterodactyl] panel_url?")};
        QTest::newRow("unknown section typo")
            << good() + QStringLiteral("[bto]\nupdate_interval = 20\n") << QStringList()
            << QStringList{QStringLiteral("warning [bto] ~ did you mean [bot]?")};
        QTest::newRow("unknown environment variable")
            << good()
            << QStringList{QStringLiteral("PTERODISBOT_BOT_UPDATE_INTERVALL=20"),
                           QStringLiteral("PTERODISBOT_CONFIG=/elsewhere.ini")}
            << QStringList{QStringLiteral("warning PTERODISBOT_BOT_UPDATE_INTERVALL ~ did you mean "
                                          "PTERODISBOT_BOT_UPDATE_INTERVAL?")};
        QTest::newRow("key set twice")
            << good() + QStringLiteral("[discord]\nguild_id = 223456789012345678\n")
            << QStringList()
            << QStringList{QStringLiteral("warning discord.guild_id ~ set twice (lines 3 and 10)")};
        QTest::newRow("syntax errors")
            << QStringLiteral("token = x\n") + good() +
                   QStringLiteral("this line has no equals sign\n[broken\n")
            << QStringList()
            << QStringList{QStringLiteral("warning token ~ outside any section"),
                           QStringLiteral("error config.ini:10 ~ no '='"),
                           QStringLiteral("error config.ini:11 ~ malformed section header")};
        QTest::newRow("value with comma survives")
            << goodWith(QStringLiteral("control_role"),
                        QStringLiteral("control_role = Admins, Moderators"))
            << QStringList() << QStringList();
        QTest::newRow("token with Bot prefix")
            << goodWith(QStringLiteral("token"), QStringLiteral("token = Bot @TOKEN@"))
            << QStringList()
            << QStringList{QStringLiteral("error discord.token ~ starts with \"Bot \"")};
        QTest::newRow("client secret instead of token")
            << goodWith(QStringLiteral("token"),
                        QStringLiteral("token = aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0d_"))
            << QStringList() << QStringList{QStringLiteral("error discord.token ~ client secret")};
        QTest::newRow("panel key as token")
            << goodWith(QStringLiteral("token"), QStringLiteral("token = @CLIENT_KEY@"))
            << QStringList() << QStringList{QStringLiteral("error discord.token ~ panel key")};
        QTest::newRow("token shape unknown")
            << goodWith(QStringLiteral("token"),
                        QStringLiteral("token = abcdefghijklmnopqrstuvwxyz"))
            << QStringList()
            << QStringList{QStringLiteral("warning discord.token ~ does not look like")};
        QTest::newRow("role mention")
            << goodWith(QStringLiteral("control_role"),
                        QStringLiteral("control_role = <@&323456789012345678>"))
            << QStringList()
            << QStringList{QStringLiteral("error discord.control_role ~ role mention")};
        QTest::newRow("status role mention")
            << goodWith(
                   QStringLiteral("control_role"),
                   QStringLiteral("control_role = Admins\nstatus_role = <@&323456789012345678>"))
            << QStringList()
            << QStringList{QStringLiteral("error discord.status_role ~ role mention")};
        QTest::newRow("status role name accepted")
            << goodWith(QStringLiteral("control_role"),
                        QStringLiteral("control_role = Admins\nstatus_role = Players"))
            << QStringList() << QStringList();
        QTest::newRow("role id accepted")
            << goodWith(QStringLiteral("control_role"),
                        QStringLiteral("control_role = 323456789012345678"))
            << QStringList() << QStringList();
        QTest::newRow("loopback endpoint and a Discord locale accepted")
            << good() + QStringLiteral("[bot]\nhttp_listen = 127.0.0.1:9750\nlocale = pt-BR\n")
            << QStringList() << QStringList();
        QTest::newRow("bracketed IPv6 and localhost endpoints accepted")
            << good() + QStringLiteral("[bot]\nhttp_listen = [::1]:9750\n")
            << QStringList{QStringLiteral("PTERODISBOT_BOT_HTTP_LISTEN=localhost:1")}
            << QStringList();
        QTest::newRow("endpoint without a port")
            << good() + QStringLiteral("[bot]\nhttp_listen = 127.0.0.1\n") << QStringList()
            << QStringList{QStringLiteral("error bot.http_listen ~ has no port")};
        QTest::newRow("endpoint port out of range")
            << good() + QStringLiteral("[bot]\nhttp_listen = 127.0.0.1:70000\n") << QStringList()
            << QStringList{QStringLiteral("error bot.http_listen ~ from 1 to 65535")};
        QTest::newRow("endpoint on a host name")
            << good() + QStringLiteral("[bot]\nhttp_listen = monitor.example.com:9750\n")
            << QStringList()
            << QStringList{QStringLiteral("error bot.http_listen ~ not looked up")};
        QTest::newRow("endpoint IPv6 without brackets")
            << good() + QStringLiteral("[bot]\nhttp_listen = ::1:9750\n") << QStringList()
            << QStringList{QStringLiteral("error bot.http_listen ~ without brackets")};
        QTest::newRow("endpoint open to the network")
            << good() + QStringLiteral("[bot]\nhttp_listen = 0.0.0.0:9750\n") << QStringList()
            << QStringList{QStringLiteral("warning bot.http_listen ~ no authentication")};
        QTest::newRow("locale not known to Discord")
            << good() << QStringList{QStringLiteral("PTERODISBOT_BOT_LOCALE=de_DE")}
            << QStringList{QStringLiteral("error bot.locale ~ \"de_DE\" is not a Discord locale")};
    }
    void problems()
    {
        QFETCH(QString, ini);
        QFETCH(QStringList, env);
        QFETCH(QStringList, expected);
        const QList<ConfigProblem> found = check(ini, fakeEnvironment(env));

        QStringList foundKeys;
        for (const ConfigProblem &problem : found)
            foundKeys << severityName(problem.severity) + QLatin1Char(' ') + problem.key;
        QStringList expectedKeys;
        for (const QString &line : expected)
            expectedKeys << line.section(QStringLiteral(" ~ "), 0, 0);
        foundKeys.sort();
        expectedKeys.sort();
        if (foundKeys != expectedKeys)
            qWarning().noquote() << QStringLiteral("problems found:\n") + describe(found);
        QCOMPARE(foundKeys, expectedKeys);

        for (const QString &line : expected) {
            const QString words = line.section(QStringLiteral(" ~ "), 1);
            const bool present =
                std::any_of(found.cbegin(), found.cend(), [&](const ConfigProblem &p) {
                    return severityName(p.severity) + QLatin1Char(' ') + p.key ==
                               line.section(QStringLiteral(" ~ "), 0, 0) &&
                           p.message.contains(words, Qt::CaseInsensitive);
                });
            QVERIFY2(
                present,
                qPrintable(QStringLiteral("no problem \"%1\" in:\n%2").arg(line, describe(found))));
        }
        for (const ConfigProblem &problem : found)
            QVERIFY2(!problem.hint.isEmpty(),
                     qPrintable(problem.key + QStringLiteral(" has no fix hint")));
    }
    void schemaIsConsistent()
    {
        QStringList ids;
        for (const ConfigKey &key : configSchema()) {
            QVERIFY2(!ids.contains(key.id()), qPrintable(key.id()));
            ids << key.id();
            QVERIFY(configSections().contains(key.section));
            QVERIFY2(!key.description.isEmpty(), qPrintable(key.id()));
            QVERIFY(key.get && key.set);
            QCOMPARE(key.environmentName(), QStringLiteral("PTERODISBOT_") + key.section.toUpper() +
                                                QLatin1Char('_') + key.name.toUpper());
            // The documented default is what an empty configuration holds.
            if (!key.defaultText.isEmpty())
                QCOMPARE(Config().valueText(key.id()), key.defaultText);
        }
        QCOMPARE(ids.size(), 24);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
