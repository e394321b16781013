#include <algorithm>
#include <csignal>
#include <cstdio>

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include "bot/BotCore.h"
#include "BotService.h"
#include "CommandLine.h"
#include "config/ConfigCheck.h"
#include "config/ConfigProblem.h"
#include "config/ConfigReport.h"
#include "config/SecretIntake.h"
#include "config/SecretStore.h"
#include "Demo.h"
#include "i18n/InterfaceTranslations.h"
#ifdef PTERODISBOT_HAVE_GUI
#include <QStatusBar>

#include "DesktopFace.h"
#include "MainWindow.h"
#include "SetupAssistant.h"
#endif
#include "logging.h"
#include "OffscreenPlatform.h"
#include "pterodisbot_version.h"
#include "QtChartRenderer.h"
#include "SecretPrompt.h"
#include "TerminalSetup.h"
#include "UnixSignals.h"

using namespace Pterodisbot;

namespace {

// Like the service, with or without --no-gui: the [bot] keychain key decides whether the
// keychain is asked, so a check sees the secrets the bot would use.
QCoro::Task<> checkConfig(QString path)
{
    SecretStore store;
    const ConfigLoadResult result = co_await loadConfiguration(
        ConfigLoader(QProcessEnvironment::systemEnvironment()), path, &store);
    QTextStream out(stdout);
    out << formatProblems(result.problems, result.config);
    out.flush();
    QCoreApplication::exit(checkConfigExitCode(result.problems));
}

// Always the keychain, whatever the configuration says: the point is a secret in neither a file
// nor the environment.
QCoro::Task<> storeSecretFromStdin(QString name)
{
    const SecretInput input = readSecret(secretTitle(*secretKindOf(name)));
    if (!input.error.isEmpty()) {
        std::fprintf(stderr, "pterodisbot: %s\n", qUtf8Printable(input.error));
        QCoreApplication::exit(SecretIntakeResult::Refused);
        co_return;
    }
    SecretStore store;
    const SecretIntakeResult result = co_await storeSecret(&store, name, input.value);
    std::fprintf(result.exitCode == SecretIntakeResult::Stored ? stdout : stderr, "%s\n",
                 qUtf8Printable(result.message));
    QCoreApplication::exit(result.exitCode);
}

QString demoOutputDir()
{
    // Beside the user's other files, never inside the source tree by accident.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(base.isEmpty() ? QDir::tempPath() : base).filePath(QStringLiteral("demo"));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // The chart renderer needs a QApplication; without a display it must use "offscreen",
    // which can only be chosen before the application object exists.
    const bool headless =
        arguments.contains(QStringLiteral("--no-gui")) ||
        arguments.contains(QStringLiteral("--check-config")) ||
        arguments.contains(QStringLiteral("--setup")) ||
        std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &argument) {
            return argument.startsWith(QLatin1String("--store-secret"));
        });
    // True when a window was wanted but there is no display to show it on.
    const bool noDisplay = prepareOffscreenPlatform(headless);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pterodisbot"));
    QApplication::setApplicationVersion(QStringLiteral(PTERODISBOT_VERSION));
    // Wayland matches the window to its menu entry and icon by this name (packaging/linux).
    QApplication::setDesktopFileName(QStringLiteral("io.github.pterodisbot.Pterodisbot"));
    QApplication::setQuitOnLastWindowClosed(false);
    installRedactingMessageHandler();

    const CommandLine command = CommandLine::parse(QApplication::arguments());
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "pterodisbot: %s (see --help)\n", qUtf8Printable(command.error));
        return BotService::BadCommandLine;
    }
    if (command.mode == CommandLine::Mode::StoreSecret) {
        // Before anything else starts, and from the event loop like --check-config.
        QTimer::singleShot(0, &app, [&command] { storeSecretFromStdin(command.secretName); });
        return app.exec();
    }
    if (command.mode == CommandLine::Mode::Setup) {
        if (!TerminalSetup::inputIsTerminal()) {
            std::fprintf(stderr, "pterodisbot: %s\n",
                         qUtf8Printable(TerminalSetup::notATerminalText()));
            return TerminalSetup::NotATerminal;
        }
        QTimer::singleShot(0, &app, [&command, &app] {
            QCoro::connect(TerminalSetup::run(command.configPath), &app,
                           [](int exitCode) { QCoreApplication::exit(exitCode); });
        });
        return app.exec();
    }
    bool desktop = !command.noGui && command.mode != CommandLine::Mode::CheckConfig;
#ifndef PTERODISBOT_HAVE_GUI
    if (desktop)
        qCInfo(lcApp) << "this build has no admin window (BUILD_GUI=OFF): running headless";
    desktop = false;
#else
    if (desktop && noDisplay) {
        qCInfo(lcApp).noquote()
            << "no display (DISPLAY and WAYLAND_DISPLAY are unset): running without the window. "
               "Run it in a desktop session to see the window, or pass --no-gui to run headless "
               "on purpose";
        desktop = false;
    }
    std::unique_ptr<DesktopFace> face;
    if (desktop) {
        installInterfaceTranslations(&app); // the window speaks the system's language
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pterodisbot.svg")));
        DesktopFace::Options options;
        options.minimized = command.minimized;
        options.demo = command.mode == CommandLine::Mode::Demo;
        options.interactiveDemo = command.interactive;
        face = std::make_unique<DesktopFace>(options);
    }
#endif

    QTextStream out(stdout);
    QtChartRenderer renderer;
    UnixSignals unixSignals;
    std::unique_ptr<Demo> demo;
    std::unique_ptr<BotService> service;

    switch (command.mode) {
    case CommandLine::Mode::CheckConfig:
        // From the event loop: a result found at once must not call exit() before exec().
        QTimer::singleShot(0, &app, [&command] { checkConfig(command.configPath); });
        break;
    case CommandLine::Mode::Demo: {
        Demo::Options options;
        options.servers = command.demoServers;
        options.durationSeconds = command.durationSeconds;
        options.outputDir = command.outputDir.isEmpty() ? demoOutputDir() : command.outputDir;
        options.interactive = command.interactive;
        options.keepEmbedImages = desktop;
        options.botLog = desktop;
        demo = std::make_unique<Demo>(options, out, &renderer);
        auto finish = [&demo](int exitCode) {
            [](Demo *demo, int exitCode) -> QCoro::Task<> {
                co_await demo->stop();
                QCoreApplication::exit(exitCode);
            }(demo.get(), exitCode);
        };
        QObject::connect(demo.get(), &Demo::finished, &app, finish);
        QObject::connect(&unixSignals, &UnixSignals::received, &app,
                         [finish](int) { finish(BotService::Ok); });
#ifdef PTERODISBOT_HAVE_GUI
        if (face) {
            QObject::connect(face.get(), &DesktopFace::quitRequested, &app,
                             [finish] { finish(BotService::Ok); });
            QObject::connect(demo.get(), &Demo::botCreated, face.get(), &DesktopFace::setBot);
            QObject::connect(face.get(), &DesktopFace::previewButtonPressed, demo.get(),
                             &Demo::pressButton);
            QObject::connect(demo.get(), &Demo::narrated, face->window(),
                             [window = face->window()](const QString &line) {
                                 window->statusBar()->showMessage(line, 8000);
                             });
            face->show();
        }
#endif
        QCoro::connect(demo->start(), &app, [&demo, &face](bool started) {
            if (!started) {
                QTimer::singleShot(0, [] { QCoreApplication::exit(BotService::Fatal); });
                return;
            }
#ifdef PTERODISBOT_HAVE_GUI
            if (face)
                face->window()->setKnownChannels(demo->channelIds());
#endif
        });
        break;
    }
    case CommandLine::Mode::StoreSecret: // returned above, before anything started
    case CommandLine::Mode::Setup:
        break;
    case CommandLine::Mode::Run:
        service = std::make_unique<BotService>(command.configPath, &renderer);
#ifdef PTERODISBOT_HAVE_GUI
        if (face) {
            service->setDesktop(true);
            QObject::connect(service.get(), &BotService::botCreated, face.get(),
                             &DesktopFace::setBot);
            // The first-run assistant: when no valid configuration exists, and from the menu.
            auto *setup = new SetupAssistant(command.configPath, face.get());
            QObject::connect(setup, &SetupAssistant::configurationWritten, service.get(),
                             [&service, &face] {
                                 face->showProblem({});
                                 service->configurationChanged();
                             });
            QObject::connect(face.get(), &DesktopFace::setupRequested, setup,
                             [setup, &service, &face] {
                                 if (BotCore *bot = service->bot())
                                     setup->open(bot->config(), face->window());
                                 else
                                     setup->openFromFile(face->window());
                             });
            QObject::connect(face.get(), &DesktopFace::settingsRequested, setup,
                             [setup, &service, &face] {
                                 if (BotCore *bot = service->bot())
                                     setup->openSettings(bot->config(), face->window());
                                 else
                                     setup->openFromFile(face->window());
                             });
            QObject::connect(
                service.get(), &BotService::problemFound, face.get(),
                [&face, setup](const QString &text) {
                    face->showProblem(
                        QObject::tr("<b>The bot cannot run.</b><pre>%1</pre>The setup assistant "
                                    "(File → Setup assistant) walks you through every value and "
                                    "checks it; <tt>pterodisbot --check-config</tt> lists the "
                                    "same problems, and <tt>pterodisbot --demo</tt> shows the "
                                    "bot against simulators.")
                            .arg(text.toHtmlEscaped()));
                    setup->openFromFile(face->window());
                });
            QObject::connect(face.get(), &DesktopFace::quitRequested, service.get(),
                             [&service] { service->stop(); });
            face->show();
        }
#endif
        // Queued: a configuration error is found before exec() runs, and exit() before exec()
        // would be lost.
        QObject::connect(service.get(), &BotService::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        QObject::connect(&unixSignals, &UnixSignals::received, &app, [&service](int signalNumber) {
            if (signalNumber == SIGHUP)
                service->reload();
            else
                service->stop();
        });
        service->start();
        break;
    }
    return app.exec();
}
