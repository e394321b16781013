#include "CommandLine.h"

#include "config/ConfigProblem.h"
#include "config/SecretIntake.h"

#include <utility>

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Pterodisbot {

CommandLine CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Discord bot that shows and controls the game servers of a Pterodactyl or Pelican panel."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config({QStringLiteral("c"), QStringLiteral("config")},
                                    QStringLiteral("Read configuration from <path>."),
                                    QStringLiteral("path"));
    const QCommandLineOption checkConfig(
        QStringLiteral("check-config"),
        QStringLiteral("Validate the configuration, list every problem, exit 1 if any."));
    const QCommandLineOption noGui(QStringLiteral("no-gui"),
                                   QStringLiteral("Run headless (service mode, logs to stderr)."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Run against the built-in panel simulator on 127.0.0.1: no token needed."));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Demo: stop after <seconds>."),
                                      QStringLiteral("seconds"));
    const QCommandLineOption servers(
        QStringLiteral("servers"), QStringLiteral("Demo: number of simulated servers (default 8)."),
        QStringLiteral("count"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QStringLiteral("Demo: write charts and the bot's data under <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption minimized(
        QStringLiteral("minimized"),
        QStringLiteral("Desktop: start in the tray without showing the window."));
    const QCommandLineOption interactive(
        QStringLiteral("interactive"),
        QStringLiteral("Demo: no scripted visitor; you press the buttons in the window."));
    const QCommandLineOption storeSecret(
        QStringLiteral("store-secret"),
        QStringLiteral("Read one secret from stdin (hidden on a terminal) into the OS keychain "
                       "and exit; <name> is one of %1.")
            .arg(secretKeyNames().join(QStringLiteral(", "))),
        QStringLiteral("name"));
    const QCommandLineOption setup(
        QStringLiteral("setup"),
        QStringLiteral("Ask for the panel, the keys, the token and the Discord server in the "
                       "terminal, check each answer live, and write the configuration."));
    parser.addOptions({config, checkConfig, noGui, demo, duration, servers, output, minimized,
                       interactive, storeSecret, setup});
    parser.process(arguments);

    CommandLine result;
    result.configPath = parser.value(config);
    result.noGui = parser.isSet(noGui);
    result.minimized = parser.isSet(minimized);
    result.interactive = parser.isSet(interactive);
    result.outputDir = parser.value(output);
    if (parser.isSet(checkConfig))
        result.mode = Mode::CheckConfig;
    else if (parser.isSet(demo))
        result.mode = Mode::Demo;
    if (parser.isSet(storeSecret)) {
        result.secretName = parser.value(storeSecret);
        if (parser.isSet(checkConfig) || parser.isSet(demo))
            result.error = QStringLiteral("--store-secret cannot be combined with %1; store the "
                                          "secret first, then run %1 on its own")
                               .arg(parser.isSet(demo) ? QStringLiteral("--demo")
                                                       : QStringLiteral("--check-config"));
        else if (!secretKindOf(result.secretName))
            result.error = unknownSecretNameText(result.secretName);
        else
            result.mode = Mode::StoreSecret;
    }
    if (parser.isSet(setup)) {
        // --no-gui is harmless: the assistant never opens a window.
        QStringList others;
        for (const auto &[option, name] :
             {std::pair{&demo, "--demo"}, std::pair{&checkConfig, "--check-config"},
              std::pair{&storeSecret, "--store-secret"}}) {
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
        if (parser.isSet(storeSecret))
            result.error += QStringLiteral("; --store-secret reads the secret from stdin, never "
                                           "from the command line");
    }
    bool ok = true;
    if (parser.isSet(duration)) {
        result.durationSeconds = parser.value(duration).toInt(&ok);
        if (!ok || result.durationSeconds <= 0)
            result.error = QStringLiteral("--duration takes a whole number of seconds above 0");
    }
    if (parser.isSet(servers)) {
        result.demoServers = parser.value(servers).toInt(&ok);
        if (!ok || result.demoServers <= 0 || result.demoServers > 5000)
            result.error = QStringLiteral("--servers takes a whole number from 1 to 5000");
    }
    return result;
}

} // namespace Pterodisbot
