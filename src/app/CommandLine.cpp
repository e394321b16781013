#include "CommandLine.h"

#include "BotService.h"
#include "config/ConfigProblem.h"
#include "config/ConfigSchema.h"
#include "config/SecretIntake.h"
#include "pterodisbot_version.h"
#include "TerminalSetup.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QRegularExpression>

namespace Pterodisbot {
namespace {

// The exit status section lists each number once for every mode; the modes' own enums must keep
// agreeing with the service's numbers for that table to stay true.
static_assert(int(TerminalSetup::Written) == BotService::Ok &&
              int(TerminalSetup::NotWritten) == BotService::InvalidConfig &&
              int(TerminalSetup::NotATerminal) == BotService::BadCommandLine);
static_assert(int(SecretIntakeResult::Stored) == BotService::Ok &&
              int(SecretIntakeResult::Refused) == BotService::InvalidConfig &&
              int(SecretIntakeResult::UnknownName) == BotService::BadCommandLine &&
              int(SecretIntakeResult::KeychainUnavailable) == BotService::Fatal);

constexpr QLatin1String kProgram("pterodisbot");
constexpr int kHelpWidth = 79; // QCommandLineParser's width, what a terminal shows unwrapped

QString summary()
{
    return QStringLiteral(
        "Discord bot that shows and controls the game servers of a Pterodactyl or Pelican panel");
}

QString description()
{
    return summary() +
           QStringLiteral(". Without options it runs beside an admin window and a tray icon; "
                          "--no-gui makes it a headless service for systemd or a container, and "
                          "--demo shows it at work against built-in simulators. The configuration "
                          "is a config.ini file and environment variables; --check-config lists "
                          "every problem in them. Qt's own options, such as -platform offscreen, "
                          "are accepted as well.");
}

// The ways to call the program, after its name.
QStringList usageForms()
{
    return {QStringLiteral("[--config <path>] [--no-gui | --minimized]"),
            QStringLiteral("--check-config [--config <path>]"),
            QStringLiteral("--setup [--config <path>]"),
            QStringLiteral("--store-secret <name>"),
            QStringLiteral("--demo [--no-gui | --interactive] [--duration <seconds>] "
                           "[--servers <count>] [--output <dir>]"),
            QStringLiteral("--help | --version")};
}

// Every option once: parse() reads these objects and the documentation lists them, so neither
// --help nor the man page can miss an option the program has or list one it lacks.
struct Options
{
    QCommandLineOption config{
        {QStringLiteral("c"), QStringLiteral("config")},
        QStringLiteral("Read the configuration from <path>, which must exist. Without it: "
                       "config.ini in the working directory, else the one in the user's "
                       "configuration folder (see Files)."),
        QStringLiteral("path")};
    QCommandLineOption checkConfig{
        QStringLiteral("check-config"),
        QStringLiteral("Validate the configuration, list every problem with its key and a fix, "
                       "exit 1 if any is an error.")};
    QCommandLineOption setup{
        QStringLiteral("setup"),
        QStringLiteral("Ask for the panel, the keys, the token and the Discord server in the "
                       "terminal, check each answer live, and write the configuration.")};
    QCommandLineOption storeSecret{
        QStringLiteral("store-secret"),
        QStringLiteral("Read one secret from stdin (hidden on a terminal) into the OS keychain "
                       "and exit; <name> is one of %1.")
            .arg(secretKeyNames().join(QStringLiteral(", "))),
        QStringLiteral("name")};
    QCommandLineOption noGui{
        QStringLiteral("no-gui"),
        QStringLiteral("Run headless, without the window and the tray: the service mode for "
                       "systemd or a container. Logs go to stderr.")};
    QCommandLineOption minimized{
        QStringLiteral("minimized"),
        QStringLiteral("Desktop: start in the tray without showing the window.")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QStringLiteral("Run the real bot against the built-in panel and Discord simulators on "
                       "127.0.0.1: no token and no panel needed. With --no-gui (or no display) "
                       "it narrates in the terminal.")};
    QCommandLineOption duration{QStringLiteral("duration"),
                                QStringLiteral("Demo: stop after <seconds>."),
                                QStringLiteral("seconds")};
    QCommandLineOption servers{
        QStringLiteral("servers"),
        QStringLiteral("Demo: number of simulated servers, 1 to 5000 (default 8)."),
        QStringLiteral("count")};
    QCommandLineOption output{
        QStringLiteral("output"),
        QStringLiteral("Demo: write charts and the bot's data under <dir> (default "
                       "~/.local/share/pterodisbot/demo)."),
        QStringLiteral("dir")};
    QCommandLineOption interactive{
        QStringLiteral("interactive"),
        QStringLiteral("Demo: no scripted visitor; you press the buttons in the window.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this help and exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")},
                               QStringLiteral("Show the version and exit.")};
    // For the build, which installs its output as pterodisbot.1; people read the result.
    QCommandLineOption manPage{QStringLiteral("man-page"),
                               QStringLiteral("Print the manual page as roff and exit.")};

    Options() { manPage.setFlags(QCommandLineOption::HiddenFromHelp); }

    //! In the order the documentation shows them.
    QList<QCommandLineOption> all() const
    {
        return {config,   checkConfig, setup,  storeSecret, noGui, minimized, demo,
                duration, servers,     output, interactive, help,  version,   manPage};
    }
};

//! One line of a documentation section: a term (an option, a number, a variable, a path) and
//! what it means, as one paragraph.
struct DocEntry
{
    QString term;
    QString text;
};

struct DocSection
{
    QString title; //!< as --help writes it; the man page upper-cases it
    QList<DocEntry> entries;
};

QString optionTerm(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString term = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        term += QStringLiteral(" <") + option.valueName() + QLatin1Char('>');
    return term;
}

QList<DocEntry> optionEntries()
{
    QList<DocEntry> entries;
    for (const QCommandLineOption &option : Options().all()) {
        if (!(option.flags() & QCommandLineOption::HiddenFromHelp))
            entries.append({optionTerm(option), option.description()});
    }
    return entries;
}

// What --help and the man page say after the options, in this order.
QList<DocSection> sections()
{
    const auto code = [](int value) { return QString::number(value); };
    return {
        {QStringLiteral("Exit status"),
         {{code(BotService::Ok),
           QStringLiteral("Success: the bot stopped on a signal, or the demo's --duration ran out; "
                          "--check-config found no error; --store-secret stored the secret; "
                          "--setup wrote the configuration.")},
          {code(BotService::InvalidConfig),
           QStringLiteral("Invalid configuration: --check-config found an error, or the service "
                          "cannot start with it (each problem is printed with its fix); "
                          "--store-secret refused the value; --setup was aborted (Ctrl+D) or "
                          "wrote nothing.")},
          {code(BotService::BadCommandLine),
           QStringLiteral("Bad command line: an unknown option, a missing or bad value, options "
                          "that do not go together; --store-secret was given an unknown name; "
                          "--setup found that stdin is not a terminal.")},
          {code(BotService::Fatal),
           QStringLiteral("Only a person can fix it: the bot token was rejected (HTTP 401, "
                          "gateway close 4004), intents are not allowed (4013, 4014), Discord "
                          "refuses the API version or shard setting (4010-4012), or the demo "
                          "could not start; --store-secret found no keychain. Nothing transient "
                          "ends the bot: it retries with backoff until Discord and the panel "
                          "answer.")}}},
        {QStringLiteral("Environment"),
         {{QStringLiteral("PTERODISBOT_<SECTION>_<KEY>"),
           QStringLiteral("Any configuration key, e.g. PTERODISBOT_DISCORD_TOKEN for token in "
                          "[discord]. The environment wins over the file, and an empty variable "
                          "counts as not set. The secrets are looked up in the environment, then "
                          "the OS keychain, then the file (which others must not be able to "
                          "read).")},
          {QStringLiteral("XDG_CONFIG_HOME"),
           QStringLiteral("The user's configuration folder (default ~/.config), where the default "
                          "config.ini is looked for.")},
          {QStringLiteral("JOURNAL_STREAM"),
           QStringLiteral("Set by systemd when stderr goes to the journal: each log line then "
                          "starts with its syslog priority and carries no time stamp.")},
          {QStringLiteral("DISPLAY, WAYLAND_DISPLAY"),
           QStringLiteral("Without either, the program runs without its window, as with "
                          "--no-gui, and says so.")}}},
        {QStringLiteral("Files"),
         {{QStringLiteral("./config.ini, ~/.config/pterodisbot/config.ini"),
           QStringLiteral("The configuration when --config is not given, the first one found. "
                          "Without either, everything can come from the environment.")},
          {QStringLiteral("~/.local/share/pterodisbot/embed_locations.json"),
           QStringLiteral("The messages the bot keeps current, so that a restart edits the same "
                          "ones; [bot] data_dir moves it.")},
          {QStringLiteral("~/.local/share/pterodisbot/logs/pterodisbot.log"),
           QStringLiteral("The desktop application's log, readable by you only; at 1 MiB it "
                          "is rotated to pterodisbot.log.1, up to .3 kept. The window's log view "
                          "opens it; [bot] data_dir moves it.")},
          {QStringLiteral("/etc/pterodisbot/config.ini, /etc/pterodisbot/environment"),
           QStringLiteral("The systemd unit's configuration (mode 0644) and its secrets as "
                          "PTERODISBOT_ variables (root's, mode 0600, read by systemd itself): "
                          "the unit runs the bot as a dynamic user who cannot read a root-only "
                          "file. Its data goes to /var/lib/pterodisbot.")},
          {QStringLiteral("/usr/lib/systemd/system/pterodisbot.service"),
           QStringLiteral("The hardened systemd unit; the Debian package installs it and enables "
                          "nothing: systemctl enable --now pterodisbot starts it.")},
          {QStringLiteral("/usr/share/doc/pterodisbot/config.ini.example"),
           QStringLiteral("Every key with its default and its variable, commented: a template "
                          "for config.ini.")}}},
        {QStringLiteral("Signals"),
         {{QStringLiteral("SIGTERM, SIGINT"),
           QStringLiteral("Stop: nothing new starts, requests on the wire get 3 s, the embed "
                          "locations are saved and the Discord session is closed resumably; the "
                          "process is gone within 5 s. A second signal exits at once.")},
          {QStringLiteral("SIGHUP"),
           QStringLiteral("Reload the configuration (not in the demo); an invalid one is "
                          "reported and the old one kept.")}}},
    };
}

QStringList wrapped(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

// Terms in a column as QCommandLineParser lays out options; a term too long for the column gets
// a line of its own.
QString helpEntries(const QList<DocEntry> &entries)
{
    constexpr int kIndent = 2;
    constexpr int kLongestInColumn = 26;
    qsizetype termWidth = 0;
    for (const DocEntry &entry : entries) {
        if (entry.term.size() <= kLongestInColumn)
            termWidth = std::max(termWidth, entry.term.size());
    }
    const int column = kIndent + int(termWidth) + 2;
    QString out;
    for (const DocEntry &entry : entries) {
        QString lead = QString(kIndent, QLatin1Char(' ')) + entry.term;
        if (lead.size() + 2 > column) {
            out += lead + QLatin1Char('\n');
            lead.clear();
        }
        for (const QString &line : wrapped(entry.text, kHelpWidth - column)) {
            out += lead.leftJustified(column) + line + QLatin1Char('\n');
            lead.clear();
        }
    }
    return out;
}

// roff source for the text as it reads: backslashes and hyphens escaped (a bare "-" may print as
// a typographic hyphen, which breaks a copied option), other characters as \[uXXXX] so the page
// is ASCII whatever the locale man renders it in.
QString roffText(const QString &text)
{
    QString out;
    for (const char32_t codePoint : text.toUcs4()) {
        if (codePoint == U'\\')
            out += QStringLiteral("\\e");
        else if (codePoint == U'-')
            out += QStringLiteral("\\-");
        else if (codePoint < 128)
            out += QChar(char16_t(codePoint));
        else
            out += QStringLiteral("\\[u") +
                   QString::number(quint32(codePoint), 16).toUpper().rightJustified(4, u'0') +
                   QLatin1Char(']');
    }
    return out;
}

// As roffText(), with options in bold and <placeholders> in italics, the man-pages(7) style.
// \fP returns to the surrounding font, so a term set in bold stays bold around them.
QString roffInline(const QString &text)
{
    static const QRegularExpression markup(
        QStringLiteral("<([A-Za-z_]+)>|(?<![\\w-])(--?[a-z](?:[a-z-]*[a-z])?)"));
    QString out;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &match : markup.globalMatch(text)) {
        out += roffText(text.mid(done, match.capturedStart() - done));
        out += match.hasCaptured(1)
                   ? QStringLiteral("\\fI") + roffText(match.captured(1)) + QStringLiteral("\\fP")
                   : QStringLiteral("\\fB") + roffText(match.captured(2)) + QStringLiteral("\\fP");
        done = match.capturedEnd();
    }
    return out + roffText(text.mid(done));
}

// A text line must not start with a control character, or roff takes it for a request.
QString roffLine(const QString &roff)
{
    return (roff.startsWith(QLatin1Char('.')) || roff.startsWith(QLatin1Char('\''))
                ? QStringLiteral("\\&")
                : QString()) +
           roff + QLatin1Char('\n');
}

QString roffEntries(const QList<DocEntry> &entries)
{
    QString out;
    for (const DocEntry &entry : entries) {
        out += QStringLiteral(".TP\n") +
               roffLine(QStringLiteral("\\fB") + roffInline(entry.term) + QStringLiteral("\\fR")) +
               roffLine(roffInline(entry.text));
    }
    return out;
}

// Each key's own variable, from the schema that the loader reads.
QList<DocEntry> environmentVariables()
{
    QList<DocEntry> entries;
    for (const ConfigKey &key : configSchema()) {
        QString text = QStringLiteral("[%1] %2: ").arg(key.section, key.name) + key.description;
        if (key.required)
            text += QStringLiteral(" Required.");
        else if (!key.defaultText.isEmpty())
            text += QStringLiteral(" Default: ") + key.defaultText +
                    (key.unit.isEmpty() ? QString() : QLatin1Char(' ') + key.unit) +
                    QLatin1Char('.');
        entries.append({key.environmentName(), text});
    }
    return entries;
}

[[noreturn]] void printAndExit(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::exit(EXIT_SUCCESS);
}

} // namespace

QString CommandLine::helpText()
{
    QString out;
    const QString usage = QStringLiteral("Usage: ");
    const QString indent(usage.size() + kProgram.size() + 1, QLatin1Char(' '));
    const QStringList forms = usageForms();
    for (qsizetype i = 0; i < forms.size(); ++i) {
        const QStringList lines = wrapped(forms.at(i), kHelpWidth - int(indent.size()));
        out += (i == 0 ? usage : QString(usage.size(), QLatin1Char(' '))) + kProgram +
               QLatin1Char(' ') + lines.join(QLatin1Char('\n') + indent) + QLatin1Char('\n');
    }
    out += QLatin1Char('\n') + wrapped(description(), kHelpWidth).join(QLatin1Char('\n')) +
           QStringLiteral("\n\nOptions:\n") + helpEntries(optionEntries());
    for (const DocSection &section : sections())
        out += QLatin1Char('\n') + section.title + QStringLiteral(":\n") +
               helpEntries(section.entries);
    out += QStringLiteral("\nThe manual page (man pterodisbot) lists every configuration key's "
                          "variable.\n");
    return out;
}

QString CommandLine::manPage()
{
    QString out = QStringLiteral(".\\\" Generated by pterodisbot --man-page from "
                                 "src/app/CommandLine.cpp: edit that file.\n");
    out += QStringLiteral(".TH PTERODISBOT 1 \"\" \"pterodisbot %1\" \"User Commands\"\n")
               .arg(QStringLiteral(PTERODISBOT_VERSION));
    // Options, paths and variables are copied from the page: never hyphenate or stretch them.
    out += QStringLiteral(".nh\n.ad l\n");
    out += QStringLiteral(".SH NAME\n") +
           roffLine(kProgram + QStringLiteral(" \\- ") + roffText(summary()));
    out += QStringLiteral(".SH SYNOPSIS\n");
    const QStringList forms = usageForms();
    for (qsizetype i = 0; i < forms.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(".br\n");
        out +=
            QStringLiteral(".B ") + kProgram + QLatin1Char('\n') + roffLine(roffInline(forms[i]));
    }
    out += QStringLiteral(".SH DESCRIPTION\n") + roffLine(roffInline(description()));
    out += QStringLiteral(".SH OPTIONS\n") + roffEntries(optionEntries());
    for (const DocSection &section : sections()) {
        out += QStringLiteral(".SH \"") + section.title.toUpper() + QStringLiteral("\"\n") +
               roffEntries(section.entries);
        if (section.title == QLatin1String("Environment"))
            out += QStringLiteral(".PP\nThe variable of each key:\n") +
                   roffEntries(environmentVariables());
    }
    out +=
        QStringLiteral(".SH \"SEE ALSO\"\n\\fBpterodisbot\\-sim \\-\\-help\\fR (the simulators on "
                       "their own),\n.BR systemctl (1),\n.BR systemd.exec (5)\n.PP\n") +
        roffLine(roffText(QStringLiteral(PTERODISBOT_HOMEPAGE)));
    return out;
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    const Options options;
    QCommandLineParser parser;
    parser.addOptions(options.all());

    CommandLine result;
    // parse(), not process(): process() ends the program with status 1 on a bad option, and 1
    // means an invalid configuration.
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        if (result.error.endsWith(QLatin1Char('.')))
            result.error.chop(1);
        return result;
    }
    if (parser.isSet(options.help))
        printAndExit(helpText());
    if (parser.isSet(options.version))
        parser.showVersion();
    if (parser.isSet(options.manPage))
        printAndExit(manPage());

    result.configPath = parser.value(options.config);
    result.noGui = parser.isSet(options.noGui);
    result.minimized = parser.isSet(options.minimized);
    result.interactive = parser.isSet(options.interactive);
    result.outputDir = parser.value(options.output);
    if (parser.isSet(options.checkConfig))
        result.mode = Mode::CheckConfig;
    else if (parser.isSet(options.demo))
        result.mode = Mode::Demo;
    if (parser.isSet(options.storeSecret)) {
        result.secretName = parser.value(options.storeSecret);
        if (parser.isSet(options.checkConfig) || parser.isSet(options.demo))
            result.error = QStringLiteral("--store-secret cannot be combined with %1; store the "
                                          "secret first, then run %1 on its own")
                               .arg(parser.isSet(options.demo) ? QStringLiteral("--demo")
                                                               : QStringLiteral("--check-config"));
        else if (!secretKindOf(result.secretName))
            result.error = unknownSecretNameText(result.secretName);
        else
            result.mode = Mode::StoreSecret;
    }
    if (parser.isSet(options.setup)) {
        // --no-gui is harmless: the assistant never opens a window.
        QStringList others;
        for (const auto &[option, name] :
             {std::pair{&options.demo, "--demo"}, std::pair{&options.checkConfig, "--check-config"},
              std::pair{&options.storeSecret, "--store-secret"}}) {
            if (parser.isSet(*option))
                others << QString::fromLatin1(name);
        }
        if (!others.isEmpty())
            result.error = QStringLiteral("--setup cannot be combined with %1; run the setup on "
                                          "its own first")
                               .arg(others.join(QStringLiteral(", ")));
        else
            result.mode = Mode::Setup;
    }
    // Masked: "--store-secret discord.token <the token>" is an easy mistake to make.
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("unexpected argument %1")
                           .arg(quoteValue(parser.positionalArguments().first()));
        if (parser.isSet(options.storeSecret))
            result.error += QStringLiteral("; --store-secret reads the secret from stdin, never "
                                           "from the command line");
    }
    bool ok = true;
    if (parser.isSet(options.duration)) {
        result.durationSeconds = parser.value(options.duration).toInt(&ok);
        if (!ok || result.durationSeconds <= 0)
            result.error = QStringLiteral("--duration takes a whole number of seconds above 0");
    }
    if (parser.isSet(options.servers)) {
        result.demoServers = parser.value(options.servers).toInt(&ok);
        if (!ok || result.demoServers <= 0 || result.demoServers > 5000)
            result.error = QStringLiteral("--servers takes a whole number from 1 to 5000");
    }
    return result;
}

} // namespace Pterodisbot
