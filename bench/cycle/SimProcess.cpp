#include "SimProcess.h"

#include <cstdio>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include "DiscordSimulator.h"
#include "EventWait.h"
#include "PanelSimulator.h"

namespace PterodisbotBench {

bool SimProcess::start(int servers, int panelCacheS)
{
    QStringList arguments{QStringLiteral("--child"), QStringLiteral("--servers"),
                          QString::number(servers), QStringLiteral("--panel-cache"),
                          QString::number(panelCacheS)};
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QCoreApplication::applicationFilePath(), arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    const QString line = readLine(30000);
    setup = QJsonDocument::fromJson(line.toUtf8()).object();
    if (setup.isEmpty())
        std::fprintf(stderr, "could not start the simulators\n");
    return !setup.isEmpty();
}

Pterodisbot::Config SimProcess::botConfig() const
{
    Pterodisbot::Config config;
    config.discord.token = setup[QStringLiteral("token")].toString();
    config.discord.apiUrl = QUrl(setup[QStringLiteral("restUrl")].toString());
    config.discord.guildId = setup[QStringLiteral("guild")].toString();
    config.discord.controlRole = QStringLiteral("Server Admin");
    config.pterodactyl.panelUrl = QUrl(setup[QStringLiteral("panelUrl")].toString());
    config.pterodactyl.clientKey = setup[QStringLiteral("clientKey")].toString();
    return config;
}

QString SimProcess::setupLine(const PterodisbotSim::PanelSimulator &panel,
                              const PterodisbotSim::DiscordSimulator &discord,
                              const QStringList &serverIds)
{
    const QJsonObject setup{
        {QStringLiteral("panelUrl"), panel.panelUrl().toString()},
        {QStringLiteral("clientKey"), panel.clientKey()},
        {QStringLiteral("restUrl"), discord.restBaseUrl().toString()},
        {QStringLiteral("token"), discord.botToken()},
        {QStringLiteral("guild"), discord.guildId()},
        {QStringLiteral("channels"), QJsonArray::fromStringList(discord.channelIds())},
        {QStringLiteral("servers"), QJsonArray::fromStringList(serverIds)},
    };
    return QString::fromUtf8(QJsonDocument(setup).toJson(QJsonDocument::Compact));
}

QString SimProcess::request(const QString &command)
{
    m_process.write(command.toUtf8() + '\n');
    return readLine(60000);
}

void SimProcess::stop()
{
    request(QStringLiteral("quit"));
    m_process.waitForFinished(5000);
}

QString SimProcess::readLine(int timeoutMs)
{
    waitUntil(
        [&] {
            m_buffer += m_process.readAllStandardOutput();
            return m_buffer.contains('\n');
        },
        timeoutMs);
    const int newline = int(m_buffer.indexOf('\n'));
    if (newline < 0)
        return {};
    const QString line = QString::fromUtf8(m_buffer.left(newline));
    m_buffer.remove(0, newline + 1);
    return line;
}

} // namespace PterodisbotBench
