// pterodisbot-sim: the simulators standalone on 127.0.0.1, for trying the bot without a panel.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "DiscordSimulator.h"
#include "PanelSimulator.h"
#include "pterodisbot_version.h"
#include "UnixSignals.h"

namespace {

struct ToolOptions
{
    PterodisbotSim::PanelSimOptions panel;
    PterodisbotSim::DiscordSimOptions discord;
    QString recordFile;
};

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
        "Runs the Pterodactyl panel + Wings simulator and the Discord simulator on 127.0.0.1 and "
        "prints their URLs, ids and test credentials, ready for a config.ini. Runs until Ctrl+C."));
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
        {QStringLiteral("resources-cache-ms"),
         QStringLiteral("How long the panel serves /resources from its cache, per server "
                        "(default 20000, as Pterodactyl; 0 = always fresh)."),
         QStringLiteral("MS")},
        {QStringLiteral("random-seed"),
         QStringLiteral("Seed of the simulated load and generated uuids (default 1)."),
         QStringLiteral("N")},
        {QStringLiteral("discord-port"),
         QStringLiteral("Discord REST port (default 0 = any free port)."), QStringLiteral("PORT")},
        {QStringLiteral("gateway-port"),
         QStringLiteral("Discord gateway port (default 0 = any free port)."),
         QStringLiteral("PORT")},
        {QStringLiteral("discord-token"),
         QStringLiteral("Bot token the Discord simulator accepts (default: made up at start)."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("record"),
         QStringLiteral("Append every Discord request and gateway payload to FILE (JSONL)."),
         QStringLiteral("FILE")},
    });
    parser.process(app);

    PterodisbotSim::PanelSimOptions &panel = options->panel;
    panel.seedFile = parser.value(QStringLiteral("seed-file"));
    panel.resourcesCacheMs = PterodisbotSim::kPanelResourcesCacheMs;
    int port = 0;
    int wingsPort = 0;
    int seed = 1;
    if (!parseNumber(parser, QStringLiteral("servers"), 0, 100000, &panel.serverCount, error) ||
        !parseNumber(parser, QStringLiteral("port"), 0, 65535, &port, error) ||
        !parseNumber(parser, QStringLiteral("wings-port"), 0, 65535, &wingsPort, error) ||
        !parseNumber(parser, QStringLiteral("tick-ms"), 10, 3600000, &panel.tickIntervalMs,
                     error) ||
        !parseNumber(parser, QStringLiteral("resources-cache-ms"), 0, 3600000,
                     &panel.resourcesCacheMs, error) ||
        !parseNumber(parser, QStringLiteral("random-seed"), 0, 2147483647, &seed, error))
        return false;
    panel.panelPort = quint16(port);
    panel.wingsPort = quint16(wingsPort);
    panel.randomSeed = quint32(seed);

    int discordPort = 0;
    int gatewayPort = 0;
    if (!parseNumber(parser, QStringLiteral("discord-port"), 0, 65535, &discordPort, error) ||
        !parseNumber(parser, QStringLiteral("gateway-port"), 0, 65535, &gatewayPort, error))
        return false;
    options->discord.restPort = quint16(discordPort);
    options->discord.gatewayPort = quint16(gatewayPort);
    options->discord.botToken = parser.value(QStringLiteral("discord-token"));
    options->recordFile = parser.value(QStringLiteral("record"));
    return true;
}

void printPanel(const PterodisbotSim::PanelSimulator &sim, int resourcesCacheMs, QTextStream &out)
{
    const QStringList ids = sim.serverIdentifiers();
    out << "Pterodactyl panel simulator\n"
        << "  panel URL : " << sim.panelUrl().toString() << '\n'
        << "  Wings URL : " << sim.wingsUrl().toString() << '\n'
        << "  servers   : " << ids.size() << " on " << sim.nodeCount() << " node(s)";
    if (!ids.isEmpty())
        out << ", first " << ids.first() << " \"" << sim.serverName(ids.first()) << '"';
    out << "\n  /resources: "
        << (resourcesCacheMs > 0 ? QStringLiteral("cached %1 s per server, like the panel")
                                       .arg(resourcesCacheMs / 1000.0)
                                 : QStringLiteral("always fresh (no cache)"));
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

void printDiscord(const PterodisbotSim::DiscordSimulator &sim,
                  const PterodisbotSim::DiscordSimOptions &options, QTextStream &out)
{
    out << "Discord simulator\n"
        << "  REST base URL  : " << sim.restBaseUrl().toString() << '\n'
        << "  gateway URL    : " << sim.gatewayUrl().toString() << '\n'
        << "  bot token      : " << sim.botToken() << " (fake, made for this run only)\n"
        << "  application id : " << sim.applicationId() << '\n'
        << "  guild id       : " << sim.guildId() << '\n'
        << "  channel ids    : " << sim.channelIds().join(QStringLiteral(", ")) << '\n';
    for (const auto &[name, id] : options.roles)
        out << "  role           : " << id << " \"" << name << "\"\n";
    out << "\nFor config.ini:\n"
        << "[discord]\n"
        << "api_url = " << sim.restBaseUrl().toString() << '\n'
        << "token = " << sim.botToken() << '\n'
        << "application_id = " << sim.applicationId() << '\n'
        << "guild_id = " << sim.guildId() << '\n'
        << "control_role = " << options.roles.value(1).first << "\n\n";
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
    printPanel(panel, options.panel.resourcesCacheMs, out);

    PterodisbotSim::DiscordSimulator discord;
    if (!discord.start(options.discord)) {
        err << "pterodisbot-sim: Discord simulator: " << discord.errorString() << '\n';
        return 1;
    }
    if (!options.recordFile.isEmpty() && !discord.setRecordFile(options.recordFile)) {
        err << "pterodisbot-sim: cannot write " << options.recordFile << '\n';
        return 1;
    }
    printDiscord(discord, options.discord, out);

    out << "Press Ctrl+C to stop." << Qt::endl;
    Pterodisbot::UnixSignals signalWatcher;
    QObject::connect(&signalWatcher, &Pterodisbot::UnixSignals::received, &app,
                     &QCoreApplication::quit);
    return app.exec();
}
