#include "ServerTable.h"

#include <vector>

#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include "Clock.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

namespace Pterodisbot {
namespace {

QString formatBytes(qint64 bytes)
{
    const double mib = double(bytes) / (1024.0 * 1024.0);
    if (mib >= 1024.0)
        return QString::number(mib / 1024.0, 'f', 1) + QStringLiteral(" GiB");
    return QString::number(mib, 'f', 0) + QStringLiteral(" MiB");
}

QString formatMiB(qint64 mib)
{
    return mib <= 0 ? QStringLiteral("∞") : formatBytes(mib * 1024 * 1024);
}

QString formatUptime(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

QString cell(const QString &text, int width)
{
    return text.size() > width ? text.left(width - 1) + QStringLiteral("…")
                               : text.leftJustified(width);
}

} // namespace

ServerTable::ServerTable(Options options, QTextStream &out, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(out)
{}

ServerTable::~ServerTable() = default;

void ServerTable::start()
{
    m_nam = new QNetworkAccessManager(this);
    PanelClientOptions clientOptions;
    clientOptions.panelUrl = m_options.panelUrl;
    clientOptions.clientKey = m_options.clientKey;
    clientOptions.requestTimeoutMs = 5000;
    m_client = new PanelClient(m_nam, SystemClock::instance(), clientOptions, this);

    m_timer = new QTimer(this);
    m_timer->setInterval(m_options.cycleMs);
    connect(m_timer, &QTimer::timeout, this, [this] { runCycle(); });
    m_timer->start();
    runCycle();
}

QCoro::Task<> ServerTable::runCycle()
{
    // A slow panel must not make cycles pile up: skip a tick instead.
    if (m_cycleRunning)
        co_return;
    m_cycleRunning = true;
    QPointer<ServerTable> self(this);
    QElapsedTimer elapsed;
    elapsed.start();
    ++m_cycle;

    QStringList errors;
    if (m_servers.isEmpty() || m_cycle % 30 == 0) {
        auto listed = co_await m_client->fetchServers();
        if (!self)
            co_return;
        if (listed.ok())
            m_servers = listed.value;
        else
            errors << QStringLiteral("server list: ") + listed.error.toString();
    }

    // Tasks start eagerly, so every request is in flight before the first co_await; the client
    // bounds how many run at once.
    std::vector<QCoro::Task<ApiResult<ResourceSample>>> pending;
    pending.reserve(m_servers.size());
    for (const Server &server : std::as_const(m_servers))
        pending.push_back(m_client->fetchResources(server.identifier));
    QList<ResourceSample> samples;
    for (qsizetype i = 0; i < qsizetype(pending.size()); ++i) {
        auto result = co_await pending[i];
        if (!self)
            co_return;
        if (!result.ok())
            errors << m_servers.at(i).name + QStringLiteral(": ") + result.error.toString();
        samples.append(result.value);
    }

    printTable(m_servers, samples, errors, elapsed.elapsed());
    m_cycleRunning = false;
}

void ServerTable::printTable(const QList<Server> &servers, const QList<ResourceSample> &samples,
                             const QStringList &errors, qint64 cycleMs)
{
    int running = 0;
    int offline = 0;
    for (const ResourceSample &sample : samples) {
        running += sample.state == PowerState::Running;
        offline += sample.state == PowerState::Offline;
    }
    m_out << QStringLiteral("panel table %1 · %2 servers · %3 running · %4 offline · %5 ms\n")
                 .arg(m_cycle)
                 .arg(servers.size())
                 .arg(running)
                 .arg(offline)
                 .arg(cycleMs);
    m_out << cell(QStringLiteral("NAME"), 22) << cell(QStringLiteral("ID"), 10)
          << cell(QStringLiteral("STATE"), 10) << cell(QStringLiteral("CPU (of limit)"), 20)
          << cell(QStringLiteral("MEMORY"), 22) << QStringLiteral("UPTIME") << '\n';
    for (qsizetype i = 0; i < servers.size() && i < samples.size(); ++i) {
        const Server &server = servers.at(i);
        const ResourceSample &sample = samples.at(i);
        const QString limit = server.limits.cpuPercent > 0
                                  ? QString::number(server.limits.cpuPercent) + QLatin1Char('%')
                                  : QStringLiteral("∞");
        m_out << cell(server.name, 22) << cell(server.identifier, 10)
              << cell(powerStateName(sample.state), 10)
              << cell(QString::number(sample.cpuAbsolute, 'f', 1) + QStringLiteral("% / ") + limit,
                      20)
              << cell(formatBytes(sample.memoryBytes) + QStringLiteral(" / ") +
                          formatMiB(server.limits.memoryMiB),
                      22)
              << formatUptime(sample.uptimeMs) << '\n';
    }
    for (const QString &error : errors)
        m_out << "! " << error << '\n';
    m_out << '\n';
    m_out.flush();
}

} // namespace Pterodisbot
