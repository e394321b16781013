// pterodisbot-sim: the simulators standalone on 127.0.0.1, for trying the bot without a panel.
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include "PanelSimulator.h"

namespace {

struct ToolOptions
{
    PterodisbotSim::PanelSimOptions panel;
};

int g_signalPipe[2] = {-1, -1};

void onUnixSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

//! Ctrl+C and SIGTERM quit the event loop cleanly, so sockets close in order.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier]() {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool parseNumber(const QCommandLineParser &parser, const QString &name, int minimum, int maximum,
                 int *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        *error = QStringLiteral("--%1 must be a number from %2 to %3")
                     .arg(name)
                     .arg(minimum)
                     .arg(maximum);
        return false;
    }
    *value = parsed;
    return true;
}

bool parseArguments(const QCoreApplication &app, ToolOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the Pterodactyl panel + Wings simulator on 127.0.0.1 and prints its URLs and test "
        "keys, ready for a config.ini. Runs until Ctrl+C."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("servers"), QStringLiteral("Number of simulated servers (default 8)."),
         QStringLiteral("N")},
        {QStringLiteral("seed-file"),
         QStringLiteral("JSON file with the servers (format: src/sim/PanelSeed.h)."),
         QStringLiteral("FILE")},
        {QStringLiteral("port"), QStringLiteral("Panel HTTP port (default 0 = any free port)."),
         QStringLiteral("PORT")},
        {QStringLiteral("wings-port"),
         QStringLiteral("Wings websocket port (default 0 = any free port)."),
         QStringLiteral("PORT")},
        {QStringLiteral("tick-ms"),
         QStringLiteral("Simulation tick in milliseconds (default 1000)."), QStringLiteral("MS")},
        {QStringLiteral("random-seed"),
         QStringLiteral("Seed of the simulated load and generated uuids (default 1)."),
         QStringLiteral("N")},
    });
    parser.process(app);

    PterodisbotSim::PanelSimOptions &panel = options->panel;
    panel.seedFile = parser.value(QStringLiteral("seed-file"));
    int port = 0;
    int wingsPort = 0;
    int seed = 1;
    if (!parseNumber(parser, QStringLiteral("servers"), 0, 100000, &panel.serverCount, error) ||
        !parseNumber(parser, QStringLiteral("port"), 0, 65535, &port, error) ||
        !parseNumber(parser, QStringLiteral("wings-port"), 0, 65535, &wingsPort, error) ||
        !parseNumber(parser, QStringLiteral("tick-ms"), 10, 3600000, &panel.tickIntervalMs,
                     error) ||
        !parseNumber(parser, QStringLiteral("random-seed"), 0, 2147483647, &seed, error))
        return false;
    panel.panelPort = quint16(port);
    panel.wingsPort = quint16(wingsPort);
    panel.randomSeed = quint32(seed);
    return true;
}

void printPanel(const PterodisbotSim::PanelSimulator &sim, QTextStream &out)
{
    const QStringList ids = sim.serverIdentifiers();
    out << "Pterodactyl panel simulator\n"
        << "  panel URL : " << sim.panelUrl().toString() << '\n'
        << "  Wings URL : " << sim.wingsUrl().toString() << '\n'
        << "  servers   : " << ids.size() << " on " << sim.nodeCount() << " node(s)";
    if (!ids.isEmpty())
        out << ", first " << ids.first() << " \"" << sim.serverName(ids.first()) << '"';
    out << "\n\nTest keys (fake, made for this run only):\n"
        << "  client, user \"player\" (owns every server) : " << sim.clientKey() << '\n'
        << "  client, root admin \"admin\"                : " << sim.adminClientKey() << '\n'
        << "  application (root admin)                  : " << sim.applicationKey() << '\n'
        << "  Pelican client                            : " << sim.pelicanClientKey() << '\n'
        << "  Pelican application                       : " << sim.pelicanApplicationKey()
        << "\n\nFor config.ini:\n"
        << "[pterodactyl]\n"
        << "panel_url = " << sim.panelUrl().toString() << '\n'
        << "client_key = " << sim.clientKey() << '\n'
        << "application_key = " << sim.applicationKey() << "\n\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pterodisbot-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PTERODISBOT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    ToolOptions options;
    QString error;
    if (!parseArguments(app, &options, &error)) {
        err << "pterodisbot-sim: " << error << '\n';
        return 2;
    }

    PterodisbotSim::PanelSimulator panel;
    if (!panel.start(options.panel)) {
        err << "pterodisbot-sim: " << panel.errorString() << '\n';
        return 1;
    }
    printPanel(panel, out);
    // The Discord simulator joins here: start it, then print its section the same way.

    out << "Press Ctrl+C to stop." << Qt::endl;
    quitOnSignals(app);
    return app.exec();
}
