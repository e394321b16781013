#include "StartupLatency.h"

#include <algorithm>
#include <cstdio>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "EventWait.h"
#include "Measure.h"
#include "Monotonic.h"
#include "SimProcess.h"

namespace PterodisbotBench {
namespace {

//! One measured start, in ms after QProcess::start; -1 when it did not happen.
struct Start
{
    double firstRequestMs = -1;
    double connectedMs = -1;
    double readyMs = -1;
    double stopMs = -1; //!< SIGTERM -> the process ended
};

//! config.ini for the simulators of \a setup, with a fresh data_dir inside \a dir; the path.
QString writeConfig(const QTemporaryDir &dir, const QJsonObject &setup)
{
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    QDir().mkpath(dataDir);
    const QString text = QStringLiteral("[discord]\ntoken = %1\napi_url = %2\nguild_id = %3\n"
                                        "control_role = Server Admin\n"
                                        "[pterodactyl]\npanel_url = %4\nclient_key = %5\n"
                                        "[bot]\ndata_dir = %6\nkeychain = false\n")
                             .arg(setup[QStringLiteral("token")].toString(),
                                  setup[QStringLiteral("restUrl")].toString(),
                                  setup[QStringLiteral("guild")].toString(),
                                  setup[QStringLiteral("panelUrl")].toString(),
                                  setup[QStringLiteral("clientKey")].toString(), dataDir);
    const QString path = dir.filePath(QStringLiteral("config.ini"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) != text.toUtf8().size())
        return {};
    file.close();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

//! Starts \a binary once and times it; \a log gets its stderr when something went wrong.
Start startOnce(SimProcess &sim, const QString &binary, const QJsonObject &setup, QString *log)
{
    Start start;
    QTemporaryDir dir;
    const QString config = writeConfig(dir, setup);
    if (config.isEmpty()) {
        *log = QStringLiteral("could not write config.ini");
        return start;
    }
    QProcess bot;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), dir.path());
    environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    bot.setProcessEnvironment(environment);
    bot.setStandardOutputFile(QProcess::nullDevice());
    // A file, not a pipe: the log at info level must never wait for this process to read it.
    const QString logPath = dir.filePath(QStringLiteral("stderr.log"));
    bot.setStandardErrorFile(logPath);
    sim.request(QStringLiteral("startup-reset"));

    const qint64 t0 = monotonicUs();
    bot.start(binary, {QStringLiteral("--no-gui"), QStringLiteral("--config"), config});
    QStringList marks;
    const auto since = [&](int index) {
        const qint64 us = marks.value(index).toLongLong();
        return us < 0 ? -1.0 : double(us - t0) / 1000.0;
    };
    // The marks are the child's; asking every 10 ms only decides when to stop the program.
    waitUntil(
        [&] {
            spin(10);
            marks = sim.request(QStringLiteral("startup")).split(QLatin1Char(' '));
            return marks.value(2).toLongLong() >= 0 || bot.state() == QProcess::NotRunning;
        },
        30000);
    start.firstRequestMs = since(0);
    start.connectedMs = since(1);
    start.readyMs = since(2);

    const qint64 stopAt = monotonicUs();
    if (bot.state() != QProcess::NotRunning) {
        bot.terminate(); // SIGTERM
        if (bot.waitForFinished(15000))
            start.stopMs = double(monotonicUs() - stopAt) / 1000.0;
        else
            bot.kill();
        bot.waitForFinished(5000);
    }
    if (start.readyMs < 0 || start.stopMs < 0) {
        QFile file(logPath);
        if (file.open(QIODevice::ReadOnly))
            *log = QString::fromUtf8(file.readAll().right(2000));
    }
    return start;
}

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 1 : 0);
}

} // namespace

bool runStartupLatency(const LatencyArgs &args)
{
    const QString binary = args.binary.isEmpty() ? QStringLiteral(PTERODISBOT_BINARY) : args.binary;
    const QFileInfo info(binary);
    if (!info.isExecutable()) {
        std::fprintf(stderr, "%s is not an executable (--binary PATH)\n", qPrintable(binary));
        return false;
    }
    SimProcess sim;
    if (!sim.start(args.servers, args.panelCacheS))
        return false;
    QList<Start> starts;
    int failed = 0;
    for (int i = 0; i < args.warmups + args.starts; ++i) {
        QString log;
        const Start start = startOnce(sim, binary, sim.setup, &log);
        if (start.readyMs < 0 || start.stopMs < 0) {
            ++failed;
            std::fprintf(stderr, "start %d: %s; its log ends:\n%s\n", i + 1,
                         start.readyMs < 0 ? "no READY within 30 s"
                                           : "no exit within 15 s of SIGTERM",
                         qPrintable(log));
        }
        if (i >= args.warmups && start.readyMs >= 0)
            starts.append(start);
    }
    sim.stop();

    std::printf("\n## Process start -> gateway READY\n\n");
    std::printf("command: %s\n", qPrintable(args.command));
    std::printf("`%s --no-gui --config <file>` (built %s), against the simulator child on "
                "127.0.0.1; a new HOME and an empty data_dir for every start (no tracked "
                "embeds), keychain = false, QT_QPA_PLATFORM=offscreen, log at info to a file; "
                "%d starts measured after %d warm-ups, each stopped with SIGTERM and waited for "
                "before the next. Start: just before QProcess::start (fork + exec). Ends, "
                "timestamped in the simulator process on the same CLOCK_MONOTONIC: the first REST "
                "request handled (DiscordSimulator::requestHandled), the gateway socket accepted "
                "(DiscordSimulator::gatewayConnected), READY written to it "
                "(DiscordSimulator::clientIdentified, emitted right after READY is sent).\n\n",
                qPrintable(QDir::current().relativeFilePath(binary)),
                qPrintable(info.lastModified().toUTC().toString(Qt::ISODate)), args.starts,
                args.warmups);
    std::printf("| span | median | p90 | max |\n|---|---:|---:|---:|\n");
    struct Row
    {
        const char *name;
        double (*value)(const Start &);
    };
    const Row rows[] = {
        {"exec → first REST request", [](const Start &s) { return s.firstRequestMs; }},
        {"exec → gateway connection", [](const Start &s) { return s.connectedMs; }},
        {"gateway connection → READY", [](const Start &s) { return s.readyMs - s.connectedMs; }},
        {"**exec → READY**", [](const Start &s) { return s.readyMs; }},
        {"SIGTERM → exited", [](const Start &s) { return s.stopMs; }},
    };
    for (const Row &row : rows) {
        QList<double> values;
        for (const Start &start : std::as_const(starts))
            values.append(row.value(start));
        if (values.isEmpty()) {
            std::printf("| %s | — | — | — |\n", row.name);
            continue;
        }
        std::printf("| %s | %s | %s | %s |\n", row.name, qPrintable(ms(quantile(values, 0.5))),
                    qPrintable(ms(quantile(values, 0.9))),
                    qPrintable(ms(*std::max_element(values.cbegin(), values.cend()))));
    }
    std::printf("\nStarts without READY within 30 s or without an exit within 15 s of SIGTERM: "
                "%d of %d.\n",
                failed, args.warmups + args.starts);
    std::fflush(stdout);
    return failed == 0;
}

} // namespace PterodisbotBench
