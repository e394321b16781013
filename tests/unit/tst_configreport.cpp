#include "config/ConfigLoader.h"
#include "config/ConfigReport.h"
#include "config/ConfigSchema.h"
#include "config/ConfigValidator.h"
#include "config/IniReader.h"
#include "TestSupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Pterodisbot;
using Pterodisbot::TestSupport::fakeKey;

namespace {

QString fakeToken()
{
    return QStringLiteral("MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.") + QString(38, QLatin1Char('t'));
}

QString repositoryFile(const QString &relative)
{
    return TestSupport::dataPath(QStringLiteral("../../") + relative);
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestConfigReport final : public QObject
{
    Q_OBJECT

private slots:
    void formatterNeverShowsSecrets()
    {
        // Secrets in wrong places and with wrong shapes, so that messages talk about them.
        const QString token = QStringLiteral("Bot ") + fakeToken();
        const QString client = fakeKey(QStringLiteral("ptla_"), 'c');
        const QString application = fakeKey(QStringLiteral("ptlc_"), 'a');
        const QString shortKey = QStringLiteral("ptlc_") + QString(30, QLatin1Char('s'));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PTERODISBOT_DISCORD_TOKEN"), token);
        env.insert(QStringLiteral("PTERODISBOT_DISCORD_GUILD_ID"), client); // a key in an id
        const ConfigLoadResult loaded = ConfigLoader(env).loadText(
            QStringLiteral("[discord]\ncontrol_role = %4\n[pterodactyl]\nclient_key = %1\n"
                           "application_key = %2\npanel_url = %3\n")
                .arg(client, application, shortKey, application));
        const QList<ConfigProblem> problems = loaded.problems + validateConfig(loaded.config);
        QVERIFY(problems.size() >= 4);
        const QString report =
            formatProblems(problems, loaded.config) + formatConfigSummary(loaded.config);
        for (const QString &secret : {token, fakeToken(), client, application, shortKey}) {
            QVERIFY2(!report.contains(secret), qPrintable(report.right(1500)));
            QVERIFY2(!report.contains(secret.mid(5, 20)), qPrintable(report));
        }
        QVERIFY(report.contains(QStringLiteral("discord.token")));
        QVERIFY(report.contains(QStringLiteral("ptla_…")));
        QVERIFY(report.contains(QStringLiteral("fix: ")));
    }

    void formatterOutputIsExact()
    {
        const ConfigLoadResult loaded = ConfigLoader().loadText(
            QStringLiteral(
                "[discord]\ntoken = %1\nguild_id = 123456789012345678\ncontrol_role = Admins\n"
                "[pterodactyl]\npanel_url = https://panel.example.com/api\n"
                "client_key = %2\n[bot]\nupdate_intervall = 5\n")
                .arg(fakeToken(), fakeKey(QStringLiteral("ptla_"))),
            QStringLiteral("/etc/pterodisbot/config.ini"));
        const QList<ConfigProblem> problems = loaded.problems + validateConfig(loaded.config);
        const QString expected = QStringLiteral(
            "Configuration: /etc/pterodisbot/config.ini\n"
            "error   pterodactyl.panel_url: \"https://panel.example.com/api\" has a path; only "
            "scheme, host and port belong here\n"
            "        fix: remove /api: the bot adds /api/client itself; write "
            "https://panel.example.com\n"
            "error   pterodactyl.client_key: this is an application key (ptla_…) in the client "
            "key slot — swap them\n"
            "        fix: move it to application_key (PTERODISBOT_PTERODACTYL_APPLICATION_KEY) and "
            "put a client key (ptlc_ (Pterodactyl) or pacc_ (Pelican)) here\n"
            "warning bot.update_intervall: unknown key [bot] update_intervall (line 9) — did you "
            "mean update_interval?\n"
            "        fix: rename it to update_interval in config.ini\n"
            "2 errors, 1 warning: the bot cannot start until the errors are fixed.\n");
        const QString actual = formatProblems(problems, loaded.config);
        if (actual != expected)
            qWarning().noquote() << actual;
        QCOMPARE(actual, expected);
    }

    void verdicts()
    {
        const Config config;
        QVERIFY(formatProblems({}, config).endsWith(QStringLiteral("OK: no problems found.\n")));
        QVERIFY(formatProblems({}, config)
                    .startsWith(QStringLiteral("Configuration: environment only")));
        const ConfigProblem warning{ConfigProblem::Severity::Warning, QStringLiteral("bot.x"),
                                    QStringLiteral("w"), QStringLiteral("h")};
        const ConfigProblem error{ConfigProblem::Severity::Error, QStringLiteral("bot.y"),
                                  QStringLiteral("e"), QStringLiteral("h")};
        QVERIFY(formatProblems({warning}, config).endsWith(QStringLiteral("OK with 1 warning.\n")));
        QCOMPARE(checkConfigExitCode({}), 0);
        QCOMPARE(checkConfigExitCode({warning, warning}), 0);
        QCOMPARE(checkConfigExitCode({warning, error}), 1);
        QVERIFY(!hasErrors({warning}));
        // Errors are listed before warnings whatever the order found.
        const QString text = formatProblems({warning, error}, config);
        QVERIFY(text.indexOf(QStringLiteral("bot.y")) < text.indexOf(QStringLiteral("bot.x")));
    }

    void summaryShowsSources()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PTERODISBOT_BOT_UPDATE_INTERVAL"), QStringLiteral("30"));
        const ConfigLoadResult loaded =
            ConfigLoader(env).loadText(QStringLiteral("[pterodactyl]\nclient_key = %1\n")
                                           .arg(fakeKey(QStringLiteral("ptlc_"))));
        const QString summary = formatConfigSummary(loaded.config);
        QVERIFY(summary.contains(
            QRegularExpression(QStringLiteral("bot\\.update_interval += 30  \\[environment "
                                              "\\(PTERODISBOT_BOT_UPDATE_INTERVAL\\)\\]"))));
        QVERIFY(summary.contains(
            QRegularExpression(QStringLiteral("pterodactyl\\.client_key += ptlc_…  \\[file\\]"))));
        QVERIFY(summary.contains(
            QRegularExpression(QStringLiteral("bot\\.history_length += 6  \\[default\\]"))));
        QCOMPARE(summary.count(QLatin1Char('\n')), configSchema().size());
    }

    void maskSecretShowsAtMostFiveCharacters_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("masked");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("short") << QStringLiteral("abcdefghij") << QStringLiteral("…");
        QTest::newRow("key") << fakeKey(QStringLiteral("ptlc_")) << QStringLiteral("ptlc_…");
        QTest::newRow("token") << fakeToken() << QStringLiteral("MTIzN…");
    }
    void maskSecretShowsAtMostFiveCharacters()
    {
        QFETCH(QString, secret);
        QFETCH(QString, masked);
        QCOMPARE(maskSecret(secret), masked);
    }

    void iniReader_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("entries"); // "section.key=value@line"
        QTest::addColumn<QList<int>>("errorLines");
        QTest::newRow("plain") << QStringLiteral("[a]\nk = v\n")
                               << QStringList{QStringLiteral("a.k=v@2")} << QList<int>();
        QTest::newRow("crlf, bom, comments")
            << QStringLiteral("\ufeff; c\r\n[A]\r\n# c\r\n  Key=  v w \r\n")
            << QStringList{QStringLiteral("a.key=v w@4")} << QList<int>();
        QTest::newRow("no inline comments")
            << QStringLiteral("[a]\nk = v ; c\n") << QStringList{QStringLiteral("a.k=v ; c@2")}
            << QList<int>();
        QTest::newRow("empty value") << QStringLiteral("[a]\nk =\n")
                                     << QStringList{QStringLiteral("a.k=@2")} << QList<int>();
        QTest::newRow("lone quote kept") << QStringLiteral("[a]\nk = \"\n")
                                         << QStringList{QStringLiteral("a.k=\"@2")} << QList<int>();
        QTest::newRow("errors") << QStringLiteral("[a]\njunk\n= v\n[b\nk = v\n[c]\nk = w\n")
                                << QStringList{QStringLiteral("c.k=w@7")} << QList<int>{2, 3, 4};
    }
    void iniReader()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, entries);
        QFETCH(QList<int>, errorLines);
        const IniDocument document = parseIni(text);
        QStringList found;
        for (const IniEntry &entry : document.entries)
            found << QStringLiteral("%1.%2=%3@%4")
                         .arg(entry.section, entry.key, entry.value)
                         .arg(entry.line);
        QCOMPARE(found, entries);
        QList<int> lines;
        for (const IniSyntaxError &error : document.errors)
            lines << error.line;
        QCOMPARE(lines, errorLines);
    }

    void typoSuggestions_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("one letter")
            << QStringLiteral("update_intervall") << QStringLiteral("update_interval");
        QTest::newRow("dash") << QStringLiteral("client-key") << QStringLiteral("client_key");
        QTest::newRow("case") << QStringLiteral("Guild_ID") << QStringLiteral("guild_id");
        QTest::newRow("too far") << QStringLiteral("interval") << QString();
    }
    void typoSuggestions()
    {
        QFETCH(QString, word);
        QFETCH(QString, suggestion);
        QStringList names;
        for (const ConfigKey &key : configSchema())
            names << key.name;
        QCOMPARE(closestMatch(word, names), suggestion);
    }

    void exampleDocumentsEveryKey()
    {
        const QString example =
            readText(repositoryFile(QStringLiteral("resources/config.ini.example")));
        QVERIFY(!example.isEmpty());
        for (const ConfigKey &key : configSchema()) {
            QVERIFY2(example.contains(key.environmentName()), qPrintable(key.environmentName()));
            const QRegularExpression line(QStringLiteral("^;?\\s*%1 =").arg(key.name),
                                          QRegularExpression::MultilineOption);
            QVERIFY2(example.contains(line), qPrintable(key.id()));
        }
        // Uncommented, the example is a configuration without unknown keys or syntax errors.
        QString uncommented = example;
        uncommented.replace(QRegularExpression(QStringLiteral("^;\\s?([a-z_]+ =)"),
                                               QRegularExpression::MultilineOption),
                            QStringLiteral("\\1"));
        const ConfigLoadResult loaded = ConfigLoader().loadText(uncommented);
        for (const ConfigProblem &problem : loaded.problems)
            QVERIFY2(!problem.message.contains(QStringLiteral("unknown")) &&
                         !problem.key.contains(QLatin1Char(':')),
                     qPrintable(problem.key + QStringLiteral(": ") + problem.message));
    }

    void documentationListsEveryKey()
    {
        const QString doc = readText(repositoryFile(QStringLiteral("docs/configuration.md")));
        QVERIFY(!doc.isEmpty());
        for (const ConfigKey &key : configSchema()) {
            QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(key.environmentName())),
                     qPrintable(key.id()));
            QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(key.name)), qPrintable(key.id()));
        }
    }
};

QTEST_GUILESS_MAIN(TestConfigReport)
#include "tst_configreport.moc"
