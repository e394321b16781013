#include <cstdio>
#include <unistd.h>

#include <QApplication>
#include <QProcessEnvironment>
#include <QTextStream>

#include "CommandLine.h"
#include "config/ConfigCheck.h"
#include "config/ConfigProblem.h"
#include "config/ConfigReport.h"
#include "config/SecretStore.h"
#include "Demo.h"
#include "logging.h"
#include "OffscreenPlatform.h"
#include "UnixSignals.h"

using namespace Pterodisbot;

namespace {

// Exit codes, documented in the README.
constexpr int ExitOk = 0;
constexpr int ExitInvalidConfig = 1;
constexpr int ExitBadCommandLine = 2;
constexpr int ExitFatal = 3;

QCoro::Task<ConfigLoadResult> loadConfig(QString path, bool useKeychain)
{
    SecretStoreOptions options;
    options.useKeychain = useKeychain;
    SecretStore store(options);
    co_return co_await loadConfiguration(ConfigLoader(QProcessEnvironment::systemEnvironment()),
                                         path, &store);
}

QCoro::Task<> checkConfig(QString path, bool useKeychain)
{
    QTextStream out(stdout);
    const ConfigLoadResult result = co_await loadConfig(path, useKeychain);
    out << formatProblems(result.problems, result.config);
    out.flush();
    QCoreApplication::exit(checkConfigExitCode(result.problems));
}

QCoro::Task<> runBot(QString path, bool useKeychain)
{
    QTextStream err(stderr);
    const ConfigLoadResult result = co_await loadConfig(path, useKeychain);
    if (!result.isValid()) {
        err << formatProblems(result.problems, result.config);
        err.flush();
        QCoreApplication::exit(ExitInvalidConfig);
        co_return;
    }
    err << "pterodisbot: the configuration is valid, but this build has no bot core yet; "
           "run --demo to see the panel client at work.\n";
    err.flush();
    QCoreApplication::exit(ExitFatal);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // The chart renderer needs a QApplication; without a display it must use "offscreen",
    // which can only be chosen before the application object exists.
    const bool headless = arguments.contains(QStringLiteral("--no-gui")) ||
                          arguments.contains(QStringLiteral("--check-config"));
    prepareOffscreenPlatform(headless);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pterodisbot"));
    QApplication::setOrganizationName(QStringLiteral("pterodisbot"));
    QApplication::setApplicationVersion(QStringLiteral(PTERODISBOT_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);
    installRedactingMessageHandler();

    const CommandLine command = CommandLine::parse(QApplication::arguments());
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "pterodisbot: %s (see --help)\n", qUtf8Printable(command.error));
        return ExitBadCommandLine;
    }

    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::received, &app, [](int signalNumber) {
        qCInfo(lcApp) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::exit(ExitOk);
    });

    QTextStream out(stdout);
    std::unique_ptr<Demo> demo;
    switch (command.mode) {
    case CommandLine::Mode::CheckConfig:
        checkConfig(command.configPath, !command.noGui);
        break;
    case CommandLine::Mode::Demo: {
        if (!command.noGui)
            qCInfo(lcApp) << "this build has no admin window yet: running the demo headless";
        Demo::Options options;
        options.servers = command.demoServers;
        options.durationSeconds = command.durationSeconds;
        options.ansi = ::isatty(STDOUT_FILENO) && qgetenv("TERM") != "dumb";
        demo = std::make_unique<Demo>(options, out);
        QObject::connect(demo.get(), &Demo::finished, &app, &QCoreApplication::exit);
        if (!demo->start())
            return ExitFatal;
        break;
    }
    case CommandLine::Mode::Run:
        runBot(command.configPath, !command.noGui);
        break;
    }
    return app.exec();
}
