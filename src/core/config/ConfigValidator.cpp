#include "ConfigValidator.h"

#include "ConfigSchema.h"
#include "DiscordLocales.h"
#include "ListenAddress.h"
#include "ValidationChecker.h"

#include <QFileInfo>

namespace Pterodisbot {
namespace {

using namespace Validation;

void checkRanges(Checker &checker)
{
    for (const ConfigKey &key : configSchema()) {
        if (key.type != ConfigKey::Type::Integer || checker.hasEarlierError(key.id()))
            continue;
        const int value = key.get(checker.config()).toInt();
        if (value >= key.minimum && value <= key.maximum)
            continue;
        const QString unit = key.unit.isEmpty() ? QString() : QLatin1Char(' ') + key.unit;
        checker.value(Severity::Error, key.id(),
                      QStringLiteral("%1 is out of range (%2 to %3%4)")
                          .arg(value)
                          .arg(key.minimum)
                          .arg(key.maximum)
                          .arg(unit),
                      QStringLiteral("write a value from %1 to %2 (default %3)")
                          .arg(key.minimum)
                          .arg(key.maximum)
                          .arg(key.defaultText));
    }
    const BotConfig &bot = checker.config().bot;
    const ConfigKey *interval = findConfigKey(QStringLiteral("bot.update_interval"));
    const ConfigKey *forced = findConfigKey(QStringLiteral("bot.forced_refresh"));
    const auto inRange = [](const ConfigKey *key, int value) {
        return value >= key->minimum && value <= key->maximum;
    };
    if (inRange(interval, bot.updateInterval) && inRange(forced, bot.forcedRefresh) &&
        bot.forcedRefresh < bot.updateInterval && !checker.hasEarlierError(forced->id()) &&
        !checker.hasEarlierError(interval->id()))
        checker.value(Severity::Error, forced->id(),
                      QStringLiteral("forced_refresh (%1 s) is shorter than update_interval (%2 s)")
                          .arg(bot.forcedRefresh)
                          .arg(bot.updateInterval),
                      QStringLiteral("make forced_refresh at least %1, or shorten update_interval")
                          .arg(bot.updateInterval));
}

void checkDataDir(Checker &checker)
{
    const QString path = checker.config().bot.dataDir;
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        checker.value(Severity::Error, QStringLiteral("bot.data_dir"),
                      QStringLiteral("%1 exists but is not a folder").arg(path),
                      QStringLiteral("point data_dir at a folder (it is created when missing)"));
}

void checkHttpListen(Checker &checker)
{
    const QString key = QStringLiteral("bot.http_listen");
    const QString text = checker.config().bot.httpListen;
    if (text.isEmpty())
        return;
    QString why;
    const std::optional<ListenAddress> address = parseListenAddress(text, &why);
    if (!address) {
        checker.value(Severity::Error, key, QStringLiteral("\"%1\" %2").arg(text.left(80), why),
                      QStringLiteral("write host:port, e.g. 127.0.0.1:9750, or leave it empty"));
        return;
    }
    if (!address->isLoopback())
        checker.value(Severity::Warning, key,
                      QStringLiteral("%1 is reachable from other machines, and the endpoint has "
                                     "no authentication")
                          .arg(address->toString()),
                      QStringLiteral("listen on 127.0.0.1 unless a firewall guards the port"));
}

void checkLocale(Checker &checker)
{
    const QString text = checker.config().bot.locale;
    if (text.isEmpty() || isDiscordLocale(text))
        return;
    checker.value(Severity::Error, QStringLiteral("bot.locale"),
                  QStringLiteral("\"%1\" is not a Discord locale").arg(text.left(40)),
                  QStringLiteral("write one of %1, or leave it empty")
                      .arg(discordLocales().join(QStringLiteral(", "))));
}

} // namespace

bool isSnowflake(const QString &text)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    return ok && value != 0;
}

QList<ConfigProblem> validateConfig(const Config &config, const QList<ConfigProblem> &earlier)
{
    Checker checker(config, earlier);
    checkToken(checker);
    const QString idHint = QStringLiteral(
        "turn on Developer Mode in Discord (Settings, Advanced), then right-click and Copy ID");
    checkSnowflake(checker, QStringLiteral("discord.application_id"),
                   QStringLiteral("the application id"), false,
                   QStringLiteral("copy the Application ID from the Developer Portal, or leave it "
                                  "empty"));
    checkSnowflake(checker, QStringLiteral("discord.guild_id"),
                   QStringLiteral("the id of the Discord server (guild)"), true,
                   QStringLiteral("turn on Developer Mode in Discord (Settings, Advanced), then "
                                  "right-click the server icon and Copy Server ID"));
    checkRoles(checker);
    checkSnowflake(checker, QStringLiteral("discord.alert_channel_id"),
                   QStringLiteral("the alert channel id"), false, idHint);
    checkUrl(checker, QStringLiteral("discord.api_url"), false, true);
    checkUrl(checker, QStringLiteral("pterodactyl.panel_url"), true, false);
    checkPanelKey(checker, QStringLiteral("pterodactyl.client_key"), true);
    checkPanelKey(checker, QStringLiteral("pterodactyl.application_key"), false);
    checkKeyFlavours(checker);
    checkRanges(checker);
    checkDataDir(checker);
    checkHttpListen(checker);
    checkLocale(checker);
    return checker.problems;
}

QList<ConfigProblem> validateValue(const QString &keyId, const QVariant &value)
{
    const ConfigKey *key = findConfigKey(keyId);
    if (!key)
        return {};
    // Cheap, and no check is copied out of the validator: the problems about the other
    // (missing) values are dropped.
    Config config;
    key->set(config, value);
    QList<ConfigProblem> problems = validateConfig(config);
    problems.removeIf([&keyId](const ConfigProblem &problem) { return problem.key != keyId; });
    return problems;
}

} // namespace Pterodisbot