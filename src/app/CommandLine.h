#pragma once

#include <QString>
#include <QStringList>

namespace Pterodisbot {

//! What the user asked for on the command line, and the program's documentation of it: --help
//! and the man page are rendered from the same table of options and sections that parse() reads.
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
    QString error;      //!< set when the arguments could not be understood (exit status 2)

    //! Parses \a arguments (argv including the program name). --help, --version and the hidden
    //! --man-page print to stdout and exit with status 0, as users expect from a command-line
    //! tool; an unknown option or a missing value is an error().
    static CommandLine parse(const QStringList &arguments);

    //! What --help prints: the usage forms, every option, then the exit status, the environment
    //! variables, the files and the signals.
    static QString helpText();

    //! The same content as roff for man(1), with every configuration key's environment variable
    //! from the schema: what --man-page prints and the build installs as pterodisbot.1.
    static QString manPage();
};

} // namespace Pterodisbot
