// The real program's documentation of itself: `pterodisbot --help` and the man page the build
// writes with `pterodisbot --man-page` (installed as pterodisbot.1) list the same options, exit
// codes, environment, files and signals in the same words; the page renders without warnings;
// a bad option exits 2 as documented.
#include "config/ConfigSchema.h"
#include "pterodisbot_version.h"

#include <array>
#include <utility>

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Sections = QMap<QString, QMap<QString, QString>>; // section -> term -> text

// Roff source back to the text it prints: font changes dropped, escapes resolved.
QString unroff(QString line)
{
    static const QRegularExpression font(QStringLiteral("\\\\f[BIRP]"));
    static const QRegularExpression unicode(QStringLiteral("\\\\\\[u([0-9A-F]{4,6})\\]"));
    line.remove(font);
    line.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    line.replace(QStringLiteral("\\&"), QString());
    for (QRegularExpressionMatch match = unicode.match(line); match.hasMatch();
         match = unicode.match(line)) {
        line.replace(match.capturedStart(), match.capturedLength(),
                     QString::fromUcs4(
                         std::array{char32_t(match.captured(1).toUInt(nullptr, 16))}.data(), 1));
    }
    return line.replace(QStringLiteral("\\e"), QStringLiteral("\\"));
}

// "Title:" starts a section, "  term  text" an entry; deeper-indented lines continue the text.
// The <placeholders> lose their brackets, as the page sets them in italics instead.
Sections helpSections(QString help)
{
    help.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
    static const QRegularExpression entry(QStringLiteral("^  (\\S.*?)(?: {2,}(\\S.*))?$"));
    static const QRegularExpression continuation(QStringLiteral("^ {3,}(\\S.*)$"));
    Sections sections;
    QString section;
    QString term;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        QRegularExpressionMatch match;
        if (!line.startsWith(QLatin1Char(' ')) && line.endsWith(QLatin1Char(':'))) {
            section = line.chopped(1).toUpper();
            term.clear();
        } else if (section.isEmpty()) {
            continue;
        } else if ((match = continuation.match(line)).hasMatch() && !term.isEmpty()) {
            QString &text = sections[section][term];
            text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + match.captured(1);
        } else if ((match = entry.match(line)).hasMatch()) {
            term = match.captured(1);
            sections[section][term] = match.captured(2);
        } else {
            term.clear();
        }
    }
    return sections;
}

// ".SH" starts a section, ".TP" an entry whose next line is the term and the lines after it,
// up to the next request, the text.
Sections manSections(const QString &page)
{
    Sections sections;
    QString section;
    QString term;
    bool termNext = false;
    for (const QString &line : page.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral(".SH "))) {
            section = line.mid(4).remove(QLatin1Char('"'));
            term.clear();
        } else if (line == QStringLiteral(".TP")) {
            termNext = true;
        } else if (line.startsWith(QLatin1Char('.'))) {
            term.clear();
        } else if (termNext) {
            term = unroff(line);
            sections[section][term];
            termNext = false;
        } else if (!term.isEmpty()) {
            QString &text = sections[section][term];
            text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + unroff(line);
        }
    }
    return sections;
}

} // namespace

class TestManPage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_help;
    QString m_page;

    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Outcome run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(PTERODISBOT_BINARY), arguments);
        Outcome outcome;
        if (!finished.wait(60000)) {
            process.kill();
            return outcome;
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const Outcome help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        m_help = help.out;
        QFile page(QStringLiteral(PTERODISBOT_MAN_PAGE));
        QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(page.fileName()));
        m_page = QString::fromUtf8(page.readAll());
    }

    // The installed page is what this binary prints, not a stale copy.
    void pageIsTheProgramsOwn()
    {
        const Outcome printed = run({QStringLiteral("--man-page")});
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(printed.out, m_page);
        QVERIFY2(m_page.startsWith(QStringLiteral(".\\\"")), qPrintable(m_page.left(80)));
        QVERIFY(m_page.contains(
            QStringLiteral(".TH PTERODISBOT 1 \"\" \"pterodisbot " PTERODISBOT_VERSION)));
        QVERIFY(m_page.contains(QStringLiteral(".SH NAME\npterodisbot \\- ")));
        // man renders whatever the locale: the page itself is ASCII.
        for (const QChar c : std::as_const(m_page))
            QVERIFY2(c.unicode() < 128, qPrintable(QStringLiteral("non-ASCII %1").arg(c)));
    }

    // Every option --help shows has its entry in the man page with the same text, and the
    // page documents no option that --help lacks (the hidden --man-page is in neither).
    void everyHelpOptionIsInThePage()
    {
        const auto help = helpSections(m_help).value(QStringLiteral("OPTIONS"));
        const auto page = manSections(m_page).value(QStringLiteral("OPTIONS"));
        QVERIFY2(help.size() >= 12, qPrintable(m_help));
        for (const QString &option :
             {QStringLiteral("-c, --config path"), QStringLiteral("--check-config"),
              QStringLiteral("--no-gui"), QStringLiteral("--demo"),
              QStringLiteral("--duration seconds"), QStringLiteral("--store-secret name"),
              QStringLiteral("--setup"), QStringLiteral("-h, --help"),
              QStringLiteral("-v, --version")})
            QVERIFY2(help.contains(option), qPrintable(option));
        for (auto it = help.cbegin(); it != help.cend(); ++it) {
            QVERIFY2(page.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(page.value(it.key()), it.value());
        }
        QCOMPARE(page.keys(), help.keys());
        QVERIFY(!m_help.contains(QStringLiteral("--man-page")));
    }

    // 0 to 3, in both, in the same words; --check-config's 1 in particular.
    void exitCodesAreDocumented()
    {
        const auto help = helpSections(m_help).value(QStringLiteral("EXIT STATUS"));
        const auto page = manSections(m_page).value(QStringLiteral("EXIT STATUS"));
        const QStringList codes{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
                                QStringLiteral("3")};
        QCOMPARE(help.keys(), codes);
        QCOMPARE(page, help);
        QVERIFY2(
            help.value(QStringLiteral("1")).startsWith(QStringLiteral("Invalid configuration")),
            qPrintable(help.value(QStringLiteral("1"))));
        QVERIFY(help.value(QStringLiteral("1")).contains(QStringLiteral("--check-config")));
        QVERIFY(help.value(QStringLiteral("2")).startsWith(QStringLiteral("Bad command line")));
    }

    // The environment, files and signals of --help are in the page too; the page adds each
    // configuration key's own variable, from the schema the loader reads.
    void environmentFilesAndSignalsAreInBoth()
    {
        const Sections help = helpSections(m_help);
        const Sections page = manSections(m_page);
        for (const QString &section :
             {QStringLiteral("ENVIRONMENT"), QStringLiteral("FILES"), QStringLiteral("SIGNALS")}) {
            QVERIFY2(!help.value(section).isEmpty(), qPrintable(section));
            for (auto it = help.value(section).cbegin(); it != help.value(section).cend(); ++it)
                QCOMPARE(page.value(section).value(it.key()), it.value());
        }
        QVERIFY(m_help.contains(QStringLiteral("\n  PTERODISBOT_<SECTION>_<KEY>\n")));
        QVERIFY(help.value(QStringLiteral("FILES"))
                    .contains(QStringLiteral("/usr/share/doc/pterodisbot/config.ini.example")));
        for (const Pterodisbot::ConfigKey &key : Pterodisbot::configSchema())
            QVERIFY2(page.value(QStringLiteral("ENVIRONMENT")).contains(key.environmentName()),
                     qPrintable(key.environmentName()));
    }

    // groff, which man uses, reads the page without a single warning.
    void pageRendersWithoutWarnings()
    {
        const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
        if (groff.isEmpty())
            QSKIP("groff is not installed");
        QProcess process;
        process.start(groff,
                      {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"),
                       QStringLiteral("-z"), QStringLiteral(PTERODISBOT_MAN_PAGE)});
        QVERIFY(process.waitForFinished(30000));
        const QByteArray warnings = process.readAllStandardError();
        QVERIFY2(warnings.isEmpty(), warnings.constData());
        QCOMPARE(process.exitCode(), 0);
    }

    void versionIsTheProjects()
    {
        const Outcome version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QStringLiteral("pterodisbot " PTERODISBOT_VERSION "\n"));
    }

    // The documented 2, not the 1 of an invalid configuration.
    void unknownOptionExitsWithTwo()
    {
        const Outcome outcome = run({QStringLiteral("--no-such-option")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QStringLiteral("pterodisbot: Unknown option "
                                                     "'no-such-option' (see --help)")),
                 qPrintable(outcome.err));
        const Outcome missing = run({QStringLiteral("--config")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("--config")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
