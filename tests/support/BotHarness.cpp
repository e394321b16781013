#include "BotHarness.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QTcpServer>

#include "Clock.h"
#include "TestSupport.h"

namespace Pterodisbot::BotTest {

bool waitUntil(const std::function<bool()> &predicate, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() >= timeoutMs)
            return predicate();
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

BotHarness::BotHarness()
{
    panelOptions.seedFile = TestSupport::dataPath(QStringLiteral("sim/servers.json"));
    panelOptions.tickIntervalMs = 50;
    panelOptions.startingDurationMs = 300;
    panelOptions.stoppingDurationMs = 200;
    panelOptions.statsIntervalMs = 200;
    discordOptions.messageBucketLimit = 50;
    discordOptions.otherBucketLimit = 50;
    tuning.cycleIntervalMs = 200;
    tuning.autoDeferMs = 400;
    tuning.powerCooldownMs = 300;
    tuning.discordRetryBackoffsMs = {50};
    tuning.panelRetryBackoffsMs = {};
    tuning.gatewayBackoffBaseMs = 20;
    tuning.gatewayIdentifyGapMs = 10;
    tuning.streamReconnectDelaysMs = {100, 200};
    tuning.startupBackoffBaseMs = 20;
    tuning.startupBackoffMaxMs = 200;
    tuning.shutdownGraceMs = 300;
}

bool BotHarness::startSimulators()
{
    return startPanel() && startDiscord();
}

bool BotHarness::startPanel()
{
    panel = std::make_unique<PterodisbotSim::PanelSimulator>();
    return panel->start(panelOptions);
}

bool BotHarness::startDiscord()
{
    discord = std::make_unique<PterodisbotSim::DiscordSimulator>();
    return discord->start(discordOptions);
}

quint16 BotHarness::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

Config BotHarness::config() const
{
    Config config;
    config.discord.token = discord ? discord->botToken() : discordOptions.botToken;
    config.discord.apiUrl =
        discord ? discord->restBaseUrl()
                : QUrl(QStringLiteral("http://127.0.0.1:%1/api/v10").arg(discordOptions.restPort));
    config.discord.guildId = discord ? discord->guildId() : discordOptions.guildId;
    config.discord.controlRole = QStringLiteral("Server Admin");
    config.discord.alertChannelId = discord ? alertChannel() : discordOptions.channelIds.at(1);
    config.discord.requestTimeout = 5;
    config.pterodactyl.panelUrl =
        panel ? panel->panelUrl()
              : QUrl(QStringLiteral("http://127.0.0.1:%1").arg(panelOptions.panelPort));
    config.pterodactyl.clientKey = panel ? panel->clientKey() : panelOptions.clientKey;
    config.pterodactyl.requestTimeout = 2;
    config.bot.updateInterval = 1;
    config.bot.dataDir = dataDir.path();
    return config;
}

void BotHarness::createBot(const Config &config, ChartRenderer *chartRenderer)
{
    bot = std::make_unique<BotCore>(config, BotServices{&nam, &clock, chartRenderer}, tuning);
}

bool BotHarness::startBot(const Config &config)
{
    createBot(config);
    const ApiError error = QCoro::waitFor(bot->start());
    if (error) {
        qWarning() << "start failed:" << error.toString();
        return false;
    }
    return waitUntil([&] { return bot->gatewayState() == Gateway::State::Ready; });
}

void BotHarness::stopBot()
{
    if (bot)
        QCoro::waitFor(bot->stop());
    bot.reset();
}

QString BotHarness::serverStatus(const QString &user, const QStringList &roles)
{
    const QString id =
        discord->injectSlashCommand(channel(), user, roles, QStringLiteral("server_status"));
    if (!waitUntil([&] {
            return discord->originalResponse(id).has_value() &&
                   !discord->originalResponse(id)->content.isEmpty();
        }))
        return {};
    return id;
}

QString BotHarness::postEmbed(const QString &identifier)
{
    const QString command = serverStatus();
    if (command.isEmpty())
        return {};
    const auto menu = discord->originalResponse(command);
    QSignalSpy posted(bot.get(), &BotCore::embedPosted);
    const QString select =
        discord->injectComponent(channel(), menu->id, kAdmin, {kAdminRole},
                                 QStringLiteral("pdb:v1:select:0"), 3, {identifier});
    if (!posted.wait(10000) && posted.isEmpty())
        return {};
    if (!waitUntil([&] { return discord->originalResponse(select).has_value(); }, 5000))
        return {};
    return posted.last().at(2).toString();
}

std::optional<PterodisbotSim::SimMessage> BotHarness::embedMessage(const QString &serverId) const
{
    const auto location = bot->embedStore()->lookup(serverId);
    if (!location)
        return std::nullopt;
    return discord->message(location->channelId, location->messageId);
}

qint64 BotHarness::embedColour(const QString &serverId) const
{
    const auto message = embedMessage(serverId);
    if (!message || message->embeds.isEmpty())
        return -1;
    return message->embeds.at(0).toObject().value(QStringLiteral("color")).toInteger(-1);
}

QString BotHarness::embedStateField(const QString &serverId) const
{
    const auto message = embedMessage(serverId);
    if (!message || message->embeds.isEmpty())
        return {};
    const QJsonArray fields =
        message->embeds.at(0).toObject().value(QStringLiteral("fields")).toArray();
    for (const QJsonValue &field : fields) {
        if (field[QStringLiteral("name")].toString() == QLatin1String("State"))
            return field[QStringLiteral("value")].toString();
    }
    return {};
}

QDateTime BotHarness::embedTimestamp(const QString &serverId) const
{
    const auto message = embedMessage(serverId);
    if (!message || message->embeds.isEmpty())
        return {};
    return QDateTime::fromString(message->embeds.at(0)[QStringLiteral("timestamp")].toString(),
                                 Qt::ISODateWithMs);
}

int BotHarness::powerRequests() const
{
    int count = 0;
    for (const auto &request : panel->requests())
        count += request.path.endsWith(QLatin1String("/power"));
    return count;
}

int BotHarness::panelRequestsAbout(const QString &identifier) const
{
    int count = 0;
    for (const auto &request : panel->requests())
        count += request.path.contains(identifier);
    return count;
}

bool BotHarness::isPng(const QByteArray &bytes)
{
    QImage image;
    return bytes.startsWith("\x89PNG\r\n\x1a\n") && image.loadFromData(bytes, "PNG") &&
           !image.isNull();
}

} // namespace Pterodisbot::BotTest
