#pragma once

#include <QString>
#include <QStringList>

namespace Pterodisbot {

//! What the user asked for on the command line.
struct CommandLine
{
    enum class Mode { Run, CheckConfig, Demo, StoreSecret, Setup };

    Mode mode = Mode::Run;
    bool noGui = false;
    bool minimized = false;   //!< desktop: start in the tray
    bool interactive = false; //!< demo: no scripted visitor, the user presses the buttons
    QString configPath;       //!< empty: the default location
    int durationSeconds = 0;  //!< demo: stop by itself after this long (0 = run until Ctrl+C)
    int demoServers = 8;
    QString outputDir;  //!< demo: where charts and data go (empty: the default)
    QString secretName; //!< store-secret: the config key of the secret (checked by parse())
    QString error;      //!< set when the arguments could not be understood

    //! Parses \a arguments (argv including the program name). --help and --version print and
    //! exit inside QCommandLineParser, as users expect from a command-line tool.
    static CommandLine parse(const QStringList &arguments);
};

} // namespace Pterodisbot
