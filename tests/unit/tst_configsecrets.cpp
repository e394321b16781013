// Secrets are never quoted back: a token and both panel keys, written into config.ini in every
// malformed shape, appear neither whole nor as any 8-character piece in formatProblems(), while
// the key and the line number do; and every one of them is registered for redaction.
#include <QProcessEnvironment>
#include <QTest>

#include "config/ConfigLoader.h"
#include "config/ConfigReport.h"
#include "config/ConfigValidator.h"
#include "config/IniReader.h"
#include "config/SafeText.h"
#include "logging.h"

using namespace Pterodisbot;

namespace {

// Distinct secrets per row, so that one row's registration cannot hide another row's leak.
QString randomText(QChar seed, int length)
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    uint state = seed.unicode() * 2654435761u + 12345u;
    for (int i = 0; i < length; ++i) {
        state = state * 1103515245u + 12345u;
        text += alphabet.at((state >> 16) % alphabet.size());
    }
    return text;
}

QString tokenFor(QChar seed)
{
    return randomText(QChar(seed.unicode() + 5000), 26) + u'.' +
           randomText(QChar(seed.unicode() + 1000), 6) + u'.' +
           randomText(QChar(seed.unicode() + 2000), 38);
}

QString clientKeyFor(QChar seed)
{
    return QStringLiteral("ptlc_") + randomText(QChar(seed.unicode() + 3000), 43);
}

QString applicationKeyFor(QChar seed)
{
    return QStringLiteral("papp_") + randomText(QChar(seed.unicode() + 4000), 43);
}

// The first 8-character piece of \a secret found in \a text, or empty.
QString leakedPiece(const QString &text, const QString &secret)
{
    for (qsizetype i = 0; i + 8 <= secret.size(); ++i) {
        if (text.contains(QStringView(secret).mid(i, 8)))
            return secret.mid(i, 8);
    }
    return {};
}

} // namespace

class TestConfigSecrets final : public QObject
{
    Q_OBJECT

private slots:
    void secretsNeverQuotedBack_data()
    {
        QTest::addColumn<QString>("text");          // @T@ token, @C@ client key, @A@ app key
        QTest::addColumn<QStringList>("variables"); // NAME=value, same placeholders
        QTest::addColumn<QStringList>("expected");  // fragments the report must contain

        const QString nul(QChar(0));
        QTest::newRow("token on the header line")
            << QStringLiteral("[discord] token = @T@\n[pterodactyl] client_key = @C@\n"
                              "application_key = @A@\n")
            << QStringList()
            << QStringList{QStringLiteral("discord.token"), QStringLiteral("line 1"),
                           QStringLiteral("pterodactyl.client_key"), QStringLiteral("line 2")};
        QTest::newRow("header line without space")
            << QStringLiteral("[discord]token=@T@\n[pterodactyl]client_key=\"@C@\"\n")
            << QStringList() << QStringList{QStringLiteral("discord.token")};
        QTest::newRow("cr-only line ends")
            << QStringLiteral("[discord]\rtoken = @T@\rguild_id = x@T@\r[pterodactyl]\r"
                              "client_key = @C@\rapplication_key = @A@\r[bot]\r"
                              "update_interval = @C@\r")
            << QStringList()
            << QStringList{QStringLiteral("discord.guild_id"),
                           QStringLiteral("bot.update_interval")};
        QTest::newRow("cr-only with a broken header")
            << QStringLiteral("[discord\rtoken = @T@\rclient_key = @C@\r") << QStringList()
            << QStringList{QStringLiteral("config.ini:1"), QStringLiteral("malformed")};
        QTest::newRow("mixed line ends")
            << QStringLiteral("[discord]\r\ntoken = @T@\r[pterodactyl]\nclient_key = '@C@\r\n")
            << QStringList()
            << QStringList{QStringLiteral("pterodactyl.client_key"), QStringLiteral("line 4")};
        QTest::newRow("nul inside the token")
            << QStringLiteral("[discord]\ntoken = @T@") + nul +
                   QStringLiteral("x\n[pterodactyl]\nclient_key = @C@") + nul + QStringLiteral("\n")
            << QStringList()
            << QStringList{QStringLiteral("discord.token"), QStringLiteral("line 2"),
                           QStringLiteral("\\0")};
        QTest::newRow("nul between header and key")
            << QStringLiteral("[discord]") + nul + QStringLiteral("token = @T@\n") << QStringList()
            << QStringList{QStringLiteral("config.ini:1")};
        QTest::newRow("nul inside the key name")
            << QStringLiteral("[discord]\ntok") + nul + QStringLiteral("en = @T@\n")
            << QStringList() << QStringList{QStringLiteral("config.ini:2")};
        QTest::newRow("nul splitting a pasted token")
            << QStringLiteral("[discord]\n") + QStringLiteral("@T@").insert(1, nul) +
                   QStringLiteral("\ntoken = @T@\n")
            << QStringList() << QStringList{QStringLiteral("config.ini:2")};
        QTest::newRow("unbalanced quotes")
            << QStringLiteral("[discord]\ntoken = \"@T@\n[pterodactyl]\nclient_key = '@C@\n"
                              "application_key = @A@\"\n")
            << QStringList()
            << QStringList{QStringLiteral("discord.token"), QStringLiteral("line 2"),
                           QStringLiteral("pterodactyl.client_key"), QStringLiteral("line 4")};
        QTest::newRow("quote over two lines")
            << QStringLiteral("[discord]\ntoken = \"@T@\n\"\n") << QStringList()
            << QStringList{QStringLiteral("config.ini:3"), QStringLiteral("line 2")};
        QTest::newRow("duplicated keys")
            << QStringLiteral("[discord]\ntoken = @T@\ntoken = @C@\n[pterodactyl]\n"
                              "client_key = @A@\nclient_key = @C@\n")
            << QStringList()
            << QStringList{QStringLiteral("set twice (lines 2 and 3)"),
                           QStringLiteral("set twice (lines 5 and 6)")};
        QTest::newRow("pasted lines without =")
            << QStringLiteral("[discord]\n@T@\n[pterodactyl]\n@C@\nclient_key: @A@\n")
            << QStringList()
            << QStringList{QStringLiteral("config.ini:2"), QStringLiteral("config.ini:4"),
                           QStringLiteral("config.ini:5")};
        QTest::newRow("secrets as names")
            << QStringLiteral("[@T@]\n[discord]\n@C@ = x\n[pterodactyl @A@]\n") << QStringList()
            << QStringList{QStringLiteral("line 3"), QStringLiteral("config.ini:4")};
        QTest::newRow("secrets in the wrong keys")
            << QStringLiteral("[discord]\nguild_id = @T@\ncontrol_role = @A@\n"
                              "gateway_compression = @C@\n[pterodactyl]\npanel_url = @A@\n"
                              "stats_source = @T@\n")
            << QStringList()
            << QStringList{QStringLiteral("discord.guild_id"),
                           QStringLiteral("discord.gateway_compression"),
                           QStringLiteral("pterodactyl.panel_url")};
        QTest::newRow("outside any section and in an unknown one")
            << QStringLiteral("token = @T@\n[discrod]\ntoken = @C@\n[pterodactyl]\ntokne = @A@\n")
            << QStringList()
            << QStringList{QStringLiteral("line 1"), QStringLiteral("[discrod]"),
                           QStringLiteral("line 5")};
        QTest::newRow("control characters and escapes")
            << QStringLiteral("[discord]\ntoken = \x1b[31m @T@\x7f\n[pterodactyl]\n"
                              "client_key = @C@\u200b\n")
            << QStringList()
            << QStringList{QStringLiteral("discord.token"), QStringLiteral("\\x1b"),
                           QStringLiteral("pterodactyl.client_key"), QStringLiteral("\\u200b")};
        QTest::newRow("token with Bot prefix, keys swapped")
            << QStringLiteral("[discord]\ntoken = Bot @T@\n[pterodactyl]\nclient_key = @A@\n"
                              "application_key = @C@\n")
            << QStringList()
            << QStringList{QStringLiteral("discord.token"), QStringLiteral("swap them")};
        QTest::newRow("environment, also misspelt")
            << QStringLiteral("[discord]\nguild_id = 12x\n")
            << QStringList{QStringLiteral("PTERODISBOT_DISCORD_TOKN=@T@"),
                           QStringLiteral("PTERODISBOT_PTERODACTYL_CLIENT_KEY=@A@"),
                           QStringLiteral("PTERODISBOT_PTERODACTYL_APPLICATION_KEY=@C@")}
            << QStringList{QStringLiteral("PTERODISBOT_DISCORD_TOKN"),
                           QStringLiteral("discord.guild_id")};
    }

    void secretsNeverQuotedBack()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, variables);
        QFETCH(QStringList, expected);
        static int row = 0;
        const QChar seed(0x100 + ++row);
        const QString token = tokenFor(seed);
        const QString client = clientKeyFor(seed);
        const QString application = applicationKeyFor(seed);
        const auto fill = [&](QString value) {
            return value.replace(QStringLiteral("@T@"), token)
                .replace(QStringLiteral("@C@"), client)
                .replace(QStringLiteral("@A@"), application);
        };
        QProcessEnvironment environment;
        for (const QString &variable : std::as_const(variables)) {
            const qsizetype equals = variable.indexOf(QLatin1Char('='));
            environment.insert(variable.left(equals), fill(variable.mid(equals + 1)));
        }
        const QString ini = fill(text);
        QVERIFY(ini.contains(token) || ini.contains(client) || !variables.isEmpty() ||
                ini.contains(QChar(0)));

        const ConfigLoadResult loaded = ConfigLoader(environment).loadText(ini);
        QList<ConfigProblem> problems = loaded.problems;
        problems += validateConfig(loaded.config, problems);
        const QString report = formatProblems(problems, loaded.config);
        QVERIFY2(hasErrors(problems), qPrintable(report));

        for (const QString &secret : {token, client, application}) {
            const QString piece = leakedPiece(report, secret);
            QVERIFY2(piece.isEmpty(),
                     qPrintable(QStringLiteral("\"%1\" leaked:\n%2").arg(piece, report)));
        }
        for (const QString &fragment : std::as_const(expected))
            QVERIFY2(report.contains(fragment),
                     qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(fragment, report)));

        // Whatever the loader saw is hidden from every later log line as well.
        const QString seen = ini + fill(variables.join(QLatin1Char('\n')));
        for (const QString &secret : {token, client, application}) {
            if (seen.contains(secret))
                QVERIFY2(redact(QStringLiteral("log: ") + secret) !=
                             QStringLiteral("log: ") + secret,
                         qPrintable(secret.left(5)));
        }
    }

    void excerptKeepsTheKeyAndHidesTheValue_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("excerpt");
        QTest::newRow("value hidden")
            << QStringLiteral("[discord] token = abc") << QStringLiteral("[discord] token = …");
        QTest::newRow("empty value") << QStringLiteral("tok en =") << QStringLiteral("tok en =");
        QTest::newRow("nul escaped") << QStringLiteral("to") + QChar(0) + QStringLiteral("ken = x")
                                     << QStringLiteral("to\\0ken = …");
        QTest::newRow("panel key keeps its prefix")
            << QStringLiteral("ptla_") + QString(43, u'x') << QStringLiteral("ptla_…");
        QTest::newRow("long random word masked")
            << QStringLiteral("[discord aB3dE6gH9jK2mN5pQ8]") << QStringLiteral("[discord …]");
        QTest::newRow("names shown")
            << QStringLiteral("[pterodactyl") << QStringLiteral("[pterodactyl");
        QTest::newRow("long text cut")
            << QStringLiteral("just some words ") + QString(60, u'w')
            << QStringLiteral("just some words ") + QString(24, u'w') + QStringLiteral("…");
    }
    void excerptKeepsTheKeyAndHidesTheValue()
    {
        QFETCH(QString, line);
        QFETCH(QString, excerpt);
        QCOMPARE(safeExcerpt(line), excerpt);
    }

    void crOnlyLineEndsAreLineBreaks()
    {
        const IniDocument document = parseIni(QStringLiteral("[a]\rk = v\r\rj = w\r\n[b]\nl = x"));
        QVERIFY(document.errors.isEmpty());
        QCOMPARE(document.entries.size(), 3);
        QCOMPARE(document.entries.at(0).line, 2);
        QCOMPARE(document.entries.at(1).line, 4);
        QCOMPARE(document.entries.at(2).line, 6);
        QCOMPARE(document.entries.at(2).section, QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(TestConfigSecrets)
#include "tst_configsecrets.moc"
