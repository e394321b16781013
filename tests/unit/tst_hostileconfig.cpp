// Hostile configuration files and values: credentials in an address, a scheme that is not
// http, tokens and keys of the wrong shape, files that repeat one mistake 10,000 times and files
// of 5 MB. `--check-config` prints formatProblems() of these problems and exits with
// checkConfigExitCode(); both are asserted here on the same problems.
#include "config/ConfigLoader.h"
#include "config/ConfigReport.h"
#include "config/ConfigValidator.h"
#include "DiscordSimulator.h"
#include "PanelSimulator.h"
#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pterodisbot;
using Pterodisbot::TestSupport::expandFakeSecrets;
using Pterodisbot::TestSupport::fakeEnvironment;
using Pterodisbot::TestSupport::fakeKey;
using Pterodisbot::TestSupport::fakeToken;

namespace {

const char *const goodConfig = "[discord]\n"
                               "token = @TOKEN@\n"
                               "guild_id = 123456789012345678\n"
                               "control_role = Admins\n"
                               "[pterodactyl]\n"
                               "panel_url = https://panel.example.com\n"
                               "client_key = @CLIENT_KEY@\n";

struct Checked
{
    Config config;
    QList<ConfigProblem> problems;
};

Checked check(const QString &ini, const QProcessEnvironment &env = QProcessEnvironment())
{
    const ConfigLoadResult loaded = ConfigLoader(env).loadText(
        expandFakeSecrets(ini), QStringLiteral("/etc/pterodisbot/config.ini"));
    return {loaded.config, loaded.problems + validateConfig(loaded.config, loaded.problems)};
}

Checked checkFile(const QString &path)
{
    const ConfigLoadResult loaded = ConfigLoader().load(path);
    return {loaded.config, loaded.problems + validateConfig(loaded.config, loaded.problems)};
}

// The good configuration with \a line ("key = value") in place of the line of its key, or added
// to \a section.
QString goodWith(const QString &line, const char *section)
{
    const QString key = line.section(QLatin1Char('='), 0, 0);
    QStringList lines = QString::fromLatin1(goodConfig).split(QLatin1Char('\n'));
    for (QString &existing : lines) {
        if (existing.startsWith(key)) {
            existing = line;
            return lines.join(QLatin1Char('\n'));
        }
    }
    return lines.join(QLatin1Char('\n')) +
           QStringLiteral("[%1]\n%2\n").arg(QLatin1String(section), line);
}

// "<severity> <key>: <message> | fix: <hint>", the way the tables below spell a problem.
QString spelled(const ConfigProblem &problem)
{
    return QStringLiteral("%1 %2: %3 | fix: %4")
        .arg(severityName(problem.severity), problem.key, problem.message, problem.hint);
}

QStringList spelled(const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << spelled(problem);
    return lines;
}

QStringList problemsOf(const QList<ConfigProblem> &problems, const QString &key)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems) {
        if (problem.key == key)
            lines << spelled(problem);
    }
    return lines;
}

// The last line of the --check-config report: the verdict.
QString verdict(const Checked &checked)
{
    const QStringList lines = formatProblems(checked.problems, checked.config)
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// A bot token of Discord's shape for the bot id \a id.
QString tokenFor(const QByteArray &id, int tailLength = 38)
{
    return QString::fromLatin1(
               id.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) +
           QStringLiteral(".GAbCdE.") + QString(tailLength, QLatin1Char('t'));
}

} // namespace

class TestHostileConfig final : public QObject
{
    Q_OBJECT

private slots:
    void addressWithCredentialsIsRefused_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("secret"); // what no report may show
        QTest::addColumn<QString>("expected");

        const QString inLogs = QStringLiteral(
            " before the host: credentials in an address end up in logs and process listings | "
            "fix: remove them and write ");
        const QString withKey = QStringLiteral("; the bot signs in with the client key (in the "
                                               "keychain or [pterodactyl] client_key), never with "
                                               "a password");
        QTest::newRow("panel, user and password")
            << QStringLiteral("panel_url = https://admin:hunter2hunter2@panel.example.com")
            << QStringLiteral("hunter2hunter2")
            << QStringLiteral("error pterodactyl.panel_url: \"https://panel.example.com\" is "
                              "written with a user name and password (user:password@)") +
                   inLogs + QStringLiteral("https://panel.example.com") + withKey;
        QTest::newRow("panel, user name only, with a port")
            << QStringLiteral("panel_url = https://operator@panel.example.com:8443")
            << QStringLiteral("operator")
            << QStringLiteral("error pterodactyl.panel_url: \"https://panel.example.com:8443\" is "
                              "written with a user name (user@)") +
                   inLogs + QStringLiteral("https://panel.example.com:8443") + withKey;
        QTest::newRow("panel, with a path")
            << QStringLiteral("panel_url = https://admin:hunter2hunter2@panel.example.com/api")
            << QStringLiteral("hunter2hunter2")
            << QStringLiteral("error pterodactyl.panel_url: \"https://panel.example.com/api\" is "
                              "written with a user name and password (user:password@)") +
                   inLogs + QStringLiteral("https://panel.example.com") + withKey;
        QTest::newRow("Discord API, user and password")
            << QStringLiteral("api_url = https://bot:s3cr3tpassw0rd@discord.example.com/api/v10")
            << QStringLiteral("s3cr3tpassw0rd")
            << QStringLiteral("error discord.api_url: \"https://discord.example.com/api/v10\" is "
                              "written with a user name and password (user:password@)") +
                   inLogs +
                   QStringLiteral("https://discord.example.com/api/v10; the bot signs in with its "
                                  "token (in the keychain or [discord] token)");
        QTest::newRow("unreadable address with a password")
            << QStringLiteral("panel_url = http://a:pw d@h") << QStringLiteral("pw d")
            << QStringLiteral("error pterodactyl.panel_url: \"http://…@h\" is not a valid URL "
                              "(line 6) | fix: write it like https://panel.example.com");
    }
    void addressWithCredentialsIsRefused()
    {
        QFETCH(QString, line);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        const Checked checked = check(goodWith(line, "discord"));
        QCOMPARE(spelled(checked.problems), QStringList{expected});
        QCOMPARE(checkConfigExitCode(checked.problems), 1);
        const QString report =
            formatProblems(checked.problems, checked.config) + formatConfigSummary(checked.config);
        QVERIFY2(!report.contains(secret), qPrintable(report));
    }

    void wrongSchemeIsNamed_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");

        QTest::newRow("file")
            << QStringLiteral("panel_url = file:///etc/passwd")
            << QStringLiteral("error pterodactyl.panel_url: \"file:///etc/passwd\" uses the scheme "
                              "file:; only http and https work | fix: write the address, like "
                              "https://panel.example.com");
        QTest::newRow("javascript")
            << QStringLiteral("panel_url = javascript:alert(1)")
            << QStringLiteral(
                   "error pterodactyl.panel_url: \"javascript:alert(1)\" uses the scheme "
                   "javascript:; only http and https work | fix: write the address, "
                   "like https://panel.example.com");
        QTest::newRow("ftp with a host")
            << QStringLiteral("panel_url = ftp://panel.example.com")
            << QStringLiteral("error pterodactyl.panel_url: \"ftp://panel.example.com\" uses the "
                              "scheme ftp:; only http and https work | fix: write "
                              "https://panel.example.com");
        QTest::newRow("Discord API, file")
            << QStringLiteral("api_url = file:///etc/passwd")
            << QStringLiteral("error discord.api_url: \"file:///etc/passwd\" uses the scheme "
                              "file:; only http and https work | fix: write the address, like "
                              "https://discord.com/api/v10");
        QTest::newRow("Discord API, javascript")
            << QStringLiteral("api_url = javascript:alert(1)")
            << QStringLiteral("error discord.api_url: \"javascript:alert(1)\" uses the scheme "
                              "javascript:; only http and https work | fix: write the address, "
                              "like https://discord.com/api/v10");
        // A host and port without a scheme parse as a "scheme": still told as a missing one.
        QTest::newRow("host and port")
            << QStringLiteral("panel_url = panel.example.com:8080")
            << QStringLiteral("error pterodactyl.panel_url: \"panel.example.com:8080\" has no "
                              "scheme | fix: write it with https:// in front: "
                              "https://panel.example.com:8080");
        QTest::newRow("localhost and port")
            << QStringLiteral("panel_url = localhost:8080")
            << QStringLiteral("error pterodactyl.panel_url: \"localhost:8080\" has no scheme | "
                              "fix: write it with https:// in front: https://localhost:8080");
        QTest::newRow("host only")
            << QStringLiteral("panel_url = panel.example.com")
            << QStringLiteral("error pterodactyl.panel_url: \"panel.example.com\" has no scheme | "
                              "fix: write it with https:// in front: https://panel.example.com");
    }
    void wrongSchemeIsNamed()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        const Checked checked = check(goodWith(line, "discord"));
        QCOMPARE(spelled(checked.problems), QStringList{expected});
        QCOMPARE(checkConfigExitCode(checked.problems), 1);
    }

    void tokenShape_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected"); // empty: accepted

        const QString token = fakeToken(); // 24 + 1 + 6 + 1 + 38 characters
        const QString fromDiscord = QStringLiteral("copy it again from the Developer Portal (Bot, "
                                                   "Reset Token)");
        const QString shape = QStringLiteral("warning discord.token: this does not look like a "
                                             "Discord bot token (three parts separated by dots): ");
        const QString quotes = QStringLiteral(" — remove the quotes | fix: write the token without "
                                              "quotes around it (config.ini removes one pair of "
                                              "quotes around a whole value, no more)");
        const QString again = QStringLiteral(" | fix: copy the token again, in one piece");
        const QString onlyLetters = QStringLiteral(" | fix: copy the token again: it has only "
                                                   "letters, digits, - and _ in three parts "
                                                   "separated by dots");

        QTest::newRow("ours") << token << QString();
        QTest::newRow("the simulator's shape") << tokenFor("1100000000000000001") << QString();
        QTest::newRow("a 20-digit id") << tokenFor("12345678901234567890") << QString();
        QTest::newRow("an older, shorter HMAC") << tokenFor("123456789012345678", 27) << QString();

        QTest::newRow("10 KB")
            << token.left(32) + QString(10240 - 32, QLatin1Char('t'))
            << QStringLiteral("error discord.token: the token is 10240 characters long; a bot "
                              "token has about 70 | fix: copy only the token (Developer Portal, "
                              "Bot, Reset Token): three parts separated by dots, about 70 "
                              "characters");
        QTest::newRow("a stray quote in front")
            << QLatin1Char('"') + token
            << QStringLiteral("error discord.token: the token starts with a quote") + quotes;
        QTest::newRow("a stray quote behind")
            << token + QLatin1Char('\'')
            << QStringLiteral("error discord.token: the token ends with a quote") + quotes;
        QTest::newRow("typographic quotes")
            << QStringLiteral("“") + token + QStringLiteral("”")
            << QStringLiteral("error discord.token: the token starts with a quote") + quotes;
        QTest::newRow("a space inside")
            << token.left(30) + QLatin1Char(' ') + token.mid(30)
            << QStringLiteral("error discord.token: the token contains spaces (the first at "
                              "position 31)") +
                   again;
        QTest::newRow("a tab inside")
            << token.left(30) + QLatin1Char('\t') + token.mid(30)
            << QStringLiteral("error discord.token: the token contains an invisible character "
                              "(\\t) at position 31") +
                   again;
        QTest::newRow("a no-break space inside")
            << token.left(30) + QChar(0xa0) + token.mid(30)
            << QStringLiteral("error discord.token: the token contains an invisible character "
                              "(\\u00a0) at position 31") +
                   again;
        QTest::newRow("a wrong character")
            << token.left(40) + QLatin1Char('!') + token.mid(41)
            << QStringLiteral("error discord.token: the token contains the character \"!\" at "
                              "position 41") +
                   onlyLetters;
        QTest::newRow("standard base64")
            << token.left(40) + QLatin1Char('+') + token.mid(41)
            << QStringLiteral("error discord.token: the token contains the character \"+\" at "
                              "position 41") +
                   onlyLetters;
        QTest::newRow("a letter that is not ASCII")
            << token.left(40) + QStringLiteral("é") + token.mid(41)
            << QStringLiteral("error discord.token: the token contains the character \"é\" at "
                              "position 41") +
                   onlyLetters;
        QTest::newRow("no dots") << QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789-extra")
                                 << shape + QStringLiteral("it has no dots | fix: ") + fromDiscord;
        QTest::newRow("four parts")
            << token + QStringLiteral(".more")
            << shape + QStringLiteral("it has 4 parts | fix: ") + fromDiscord;
        QTest::newRow("an empty part")
            << token.left(25) + QLatin1Char('.') + token.mid(32)
            << shape + QStringLiteral("part 2 is empty | fix: ") + fromDiscord;
        QTest::newRow("too short")
            << token.left(36)
            << shape + QStringLiteral("it is 36 characters long, a bot token about 70 | fix: ") +
                   fromDiscord;
        QTest::newRow("a JSON web token")
            << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.") +
                   QString(38, QLatin1Char('s'))
            << shape + QStringLiteral("its first part is not a Discord id in base64 | fix: ") +
                   fromDiscord;
    }
    void tokenShape()
    {
        QFETCH(QString, token);
        QFETCH(QString, expected);
        const QStringList found =
            spelled(validateValue(QStringLiteral("discord.token"), QVariant(token)));
        QCOMPARE(found, expected.isEmpty() ? QStringList() : QStringList{expected});
        // No message quotes the token.
        for (const QString &line : found)
            QVERIFY2(!line.contains(token.mid(8, 16)), qPrintable(line));
    }

    // The file path: a 10 KB token used to pass --check-config without a word.
    void longTokenInFileFailsTheCheck()
    {
        const QString token = fakeToken().left(32) + QString(10240 - 32, QLatin1Char('t'));
        const Checked checked =
            check(QString::fromLatin1(goodConfig).replace(QStringLiteral("@TOKEN@"), token));
        QCOMPARE(problemsOf(checked.problems, QStringLiteral("discord.token")).size(), 1);
        QCOMPARE(checkConfigExitCode(checked.problems), 1);
        QCOMPARE(verdict(checked),
                 QStringLiteral("1 error, 0 warnings: the bot cannot start until the errors are "
                                "fixed."));
    }

    void panelKeyShape_data()
    {
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected"); // empty: accepted

        const QString client = QStringLiteral("pterodactyl.client_key");
        const QString application = QStringLiteral("pterodactyl.application_key");
        const QString key = fakeKey(QStringLiteral("ptlc_"));
        const QString quotes = QStringLiteral(" — remove the quotes | fix: write the client key "
                                              "without quotes around it (config.ini removes one "
                                              "pair of quotes around a whole value, no more)");

        QTest::newRow("Pterodactyl client") << client << key << QString();
        QTest::newRow("Pelican client") << client << fakeKey(QStringLiteral("pacc_")) << QString();
        QTest::newRow("Pterodactyl application")
            << application << fakeKey(QStringLiteral("ptla_")) << QString();
        QTest::newRow("Pelican application")
            << application << fakeKey(QStringLiteral("papp_")) << QString();

        QTest::newRow("a stray quote in front")
            << client << QLatin1Char('"') + key
            << QStringLiteral("error pterodactyl.client_key: the client key starts with a quote") +
                   quotes;
        QTest::newRow("a stray quote behind")
            << client << key + QLatin1Char('\'')
            << QStringLiteral("error pterodactyl.client_key: the client key ends with a quote") +
                   quotes;
        QTest::newRow("a space inside")
            << client << key.left(20) + QLatin1Char(' ') + key.mid(21)
            << QStringLiteral("error pterodactyl.client_key: the client key contains spaces (the "
                              "first at position 21) | fix: copy the client key again, in one "
                              "piece");
        QTest::newRow("a word added")
            << client << key + QStringLiteral(" old")
            << QStringLiteral("error pterodactyl.client_key: the client key contains spaces (the "
                              "first at position 49) | fix: copy the client key again, in one "
                              "piece");
        QTest::newRow("a wrong character")
            << client << key.left(30) + QLatin1Char('-') + key.mid(31)
            << QStringLiteral("error pterodactyl.client_key: the client key contains the "
                              "character \"-\" at position 31 | fix: copy the client key again: "
                              "it has only letters and digits after ptlc_");
        QTest::newRow("an underscore after the prefix")
            << application
            << QStringLiteral("ptla_") + QString(4, QLatin1Char('a')) + QLatin1Char('_') +
                   QString(38, QLatin1Char('a'))
            << QStringLiteral("error pterodactyl.application_key: the application key contains "
                              "the character \"_\" at position 10 | fix: copy the application key "
                              "again: it has only letters and digits after ptla_");
        QTest::newRow("10 KB")
            << client << QStringLiteral("ptlc_") + QString(10240, QLatin1Char('k'))
            << QStringLiteral("error pterodactyl.client_key: the client key is 10245 characters "
                              "long; panel keys have 48 | fix: a key is ptlc_ + 11 + 32 "
                              "characters (prefix, identifier, secret); copy the whole key again");
        // A key of the panels before prefixes: still refused, as before, with the same words.
        QTest::newRow("48 characters without a prefix")
            << client << QString(48, QLatin1Char('k'))
            << QStringLiteral("error pterodactyl.client_key: a panel client key starts with ptlc_ "
                              "(Pterodactyl) or pacc_ (Pelican) | fix: create a client key in "
                              "the panel's Account page, API Credentials (keys without a prefix "
                              "come from panels older than Pterodactyl 1.x) and paste it whole");
    }
    void panelKeyShape()
    {
        QFETCH(QString, keyId);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(spelled(validateValue(keyId, QVariant(key))),
                 expected.isEmpty() ? QStringList() : QStringList{expected});
    }

    // The simulators make their own token and keys; the checks must take them.
    void simulatorSecretsAreAccepted()
    {
        PterodisbotSim::DiscordSimulator discord;
        QVERIFY2(discord.start(), qPrintable(discord.errorString()));
        PterodisbotSim::PanelSimulator panel;
        QVERIFY(panel.start());
        QCOMPARE(spelled(validateValue(QStringLiteral("discord.token"), discord.botToken())),
                 QStringList());
        for (const QString &key :
             {panel.clientKey(), panel.adminClientKey(), panel.pelicanClientKey()})
            QCOMPARE(spelled(validateValue(QStringLiteral("pterodactyl.client_key"), key)),
                     QStringList());
        for (const QString &key : {panel.applicationKey(), panel.pelicanApplicationKey()})
            QCOMPARE(spelled(validateValue(QStringLiteral("pterodactyl.application_key"), key)),
                     QStringList());
    }

    void repeatedProblemsAreCounted_data()
    {
        QTest::addColumn<QString>("ini");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("listed");  // how each listed problem starts
        QTest::addColumn<QString>("summary"); // the one line for the rest
        QTest::addColumn<int>("exitCode");

        const auto lines = [](int count, const char *pattern) {
            QString text;
            for (int i = 0; i < count; ++i)
                text += QString::fromLatin1(pattern).arg(i) + QLatin1Char('\n');
            return text;
        };
        const QString good = QLatin1String(goodConfig);

        QTest::newRow("10,000 unknown sections")
            << good + lines(10000, "[extra%1]") << QStringList() << QStringLiteral("warning [extra")
            << QStringLiteral("warning config.ini: … and 9,995 more unknown sections | fix: "
                              "their keys are ignored as well; the sections are [discord], "
                              "[pterodactyl] and [bot]")
            << 0;
        QTest::newRow("10,000 unknown keys")
            << good + QStringLiteral("[bot]\n") + lines(10000, "unknown%1 = 1") << QStringList()
            << QStringLiteral("warning bot.unknown")
            << QStringLiteral("warning config.ini: … and 9,995 more unknown keys | fix: they are "
                              "ignored as well; see config.ini.example for the keys of each "
                              "section")
            << 0;
        QTest::newRow("keys outside any section")
            << lines(100, "orphan%1 = 1") + good << QStringList()
            << QStringLiteral("warning orphan")
            << QStringLiteral("warning config.ini: … and 95 more keys outside any section | fix: "
                              "they are ignored as well; put each under its section")
            << 0;
        QTest::newRow("one key set again and again")
            << good + QStringLiteral("[discord]\n") + lines(100, "control_role = Role%1")
            << QStringList() << QStringLiteral("warning discord.control_role: set twice")
            << QStringLiteral("warning config.ini: … and 95 more lines that set a key again | "
                              "fix: the last value of each key wins; remove the other lines")
            << 0;
        QTest::newRow("lines without '=' and malformed headers")
            << good + lines(50, "no equals sign on line %1") + lines(50, "[broken %1")
            << QStringList() << QStringLiteral("error config.ini:")
            << QStringLiteral("error config.ini: … and 95 more lines that cannot be read | fix: "
                              "none of them is used; fix the lines above and check again to see "
                              "the next ones")
            << 1;
        QTest::newRow("one more unreadable line")
            << good + QStringLiteral("[bot]\n") + lines(6, "locale = \"open quote %1")
            << QStringList() << QStringLiteral("error bot.locale:")
            << QStringLiteral("error config.ini: … and 1 more line that cannot be read | fix: "
                              "none of them is used; fix the lines above and check again to see "
                              "the next ones")
            << 1;
        QStringList variables;
        for (int i = 0; i < 20; ++i)
            variables << QStringLiteral("PTERODISBOT_BOT_EXTRA%1=1").arg(i);
        QTest::newRow("unknown environment variables")
            << good << variables << QStringLiteral("warning PTERODISBOT_BOT_EXTRA")
            << QStringLiteral("warning environment: … and 15 more unknown environment variables "
                              "| fix: they are ignored as well; man pterodisbot lists the "
                              "variables")
            << 0;
    }
    void repeatedProblemsAreCounted()
    {
        QFETCH(QString, ini);
        QFETCH(QStringList, env);
        QFETCH(QString, listed);
        QFETCH(QString, summary);
        QFETCH(int, exitCode);
        const Checked checked = check(ini, fakeEnvironment(env));
        const QStringList found = spelled(checked.problems);
        // Five listed, then the count of the rest right after them, and nothing else.
        QCOMPARE(found.size(), 6);
        for (int i = 0; i < 5; ++i)
            QVERIFY2(found.at(i).startsWith(listed), qPrintable(found.join(QLatin1Char('\n'))));
        QCOMPARE(found.at(5), summary);
        QCOMPARE(checkConfigExitCode(checked.problems), exitCode);
        QCOMPARE(verdict(checked),
                 exitCode == 0 ? QStringLiteral("OK with 6 warnings.")
                               : QStringLiteral("6 errors, 0 warnings: the bot cannot start until "
                                                "the errors are fixed."));
    }

    // Fewer than the limit: every one is listed, no count.
    void fewRepeatsAreAllListed()
    {
        const Checked checked =
            check(QLatin1String(goodConfig) + QStringLiteral("[a]\n[b]\n[c]\n[d]\n[e]\n"));
        QCOMPARE(checked.problems.size(), 5);
        for (const ConfigProblem &problem : checked.problems)
            QVERIFY2(problem.message.startsWith(QStringLiteral("unknown section [")),
                     qPrintable(spelled(problem)));
    }

    // Read from disk as --check-config does; what counts is that the check finishes.
    void tenThousandSectionsFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray bytes = expandFakeSecrets(QLatin1String(goodConfig)).toUtf8();
        for (int i = 0; i < 10000; ++i)
            bytes += "[section" + QByteArray::number(i) + "]\nkey = value\n";
        const QString path = writeFile(dir, QStringLiteral("config.ini"), bytes);
        QVERIFY(!path.isEmpty());
        const Checked checked = checkFile(path);
        QCOMPARE(checked.problems.size(), 6);
        QCOMPARE(checked.problems.last().message,
                 QStringLiteral("… and 9,995 more unknown sections"));
        QCOMPARE(checkConfigExitCode(checked.problems), 0);
        QCOMPARE(formatProblems(checked.problems, checked.config).count(QLatin1Char('\n')),
                 1 + 6 * 2 + 1); // header, problem and fix lines, verdict
    }

    void fiveMegabyteFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected"); // how the problems start, in order

        constexpr int size = 5 * 1024 * 1024;
        const QByteArray good = expandFakeSecrets(QLatin1String(goodConfig)).toUtf8();
        // A run of 5 MB of letters once cost one regular expression scan per starting position.
        QTest::newRow("one section header") << good + '[' + QByteArray(size, 'a') + "]\n"
                                            << QStringList{QStringLiteral("warning [aaaa")};
        QTest::newRow("one key name") << good + "[bot]\n" + QByteArray(size, 'k') + " = 1\n"
                                      << QStringList{QStringLiteral("warning bot.kkkk")};
        QByteArray longToken = good;
        longToken.replace(fakeToken().toLatin1(),
                          QByteArray(fakeToken().left(32).toLatin1() + QByteArray(size, 't')));
        QTest::newRow("one token")
            << longToken
            << QStringList{QStringLiteral("error discord.token: the token is 5242912 characters "
                                          "long")};
        QTest::newRow("one address")
            << good + "[discord]\napi_url = https://discord.com/" + QByteArray(size, 'p') + '\n'
            << QStringList();
        QByteArray lines = good + "[bot]\n";
        for (int i = 0; lines.size() < size; ++i)
            lines += "unknown" + QByteArray::number(i) + " = " + QByteArray(100, 'v') + '\n';
        QTest::newRow("50,000 lines")
            << lines << QStringList{QStringLiteral("warning bot.unknown0:"),
                                    QStringLiteral("warning bot.unknown1:"),
                                    QStringLiteral("warning bot.unknown2:"),
                                    QStringLiteral("warning bot.unknown3:"),
                                    QStringLiteral("warning bot.unknown4:"),
                                    QStringLiteral("warning config.ini: … and ")};
    }
    void fiveMegabyteFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeFile(dir, QStringLiteral("config.ini"), bytes);
        QVERIFY(!path.isEmpty());
        QVERIFY(bytes.size() >= 5 * 1024 * 1024);
        const Checked checked = checkFile(path);
        const QStringList found = spelled(checked.problems);
        QCOMPARE(found.size(), expected.size());
        for (qsizetype i = 0; i < found.size(); ++i)
            QVERIFY2(found.at(i).startsWith(expected.at(i)), qPrintable(found.at(i).left(300)));
        // Every line of the report stays short: nothing of 5 MB is echoed.
        const QString report = formatProblems(checked.problems, checked.config);
        for (const QString &line : report.split(QLatin1Char('\n')))
            QVERIFY2(line.size() < 400, qPrintable(line.left(300)));
    }
};

QTEST_GUILESS_MAIN(TestHostileConfig)
#include "tst_hostileconfig.moc"
