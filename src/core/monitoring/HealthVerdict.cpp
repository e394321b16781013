#include "monitoring/HealthVerdict.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "Clock.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

//! A reason comes from error texts of the network: bounded, and never with a secret in it.
QString safeReason(const QString &text)
{
    return redact(text).simplified().left(300);
}

QString gatewayWord(Gateway::State state)
{
    return Gateway::stateName(state);
}

QString seconds(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

HealthVerdict HealthVerdict::judge(const HealthInputs &inputs)
{
    HealthVerdict health;
    health.gateway = inputs.gateway;
    health.panelReachable = inputs.panelReachable;
    health.paused = inputs.paused;
    if (inputs.lastCycleEndMs)
        health.lastCycleAgeSeconds =
            double(std::max<qint64>(0, inputs.nowMs - *inputs.lastCycleEndMs)) / 1000.0;

    QStringList &reasons = health.reasons;
    switch (inputs.botState) {
    case BotCore::State::Running:
        break;
    case BotCore::State::Starting:
        reasons << (inputs.discordProblem.isEmpty()
                        ? QStringLiteral("the bot is starting")
                        : QStringLiteral("the bot is starting; Discord cannot be reached: ") +
                              safeReason(inputs.discordProblem));
        break;
    case BotCore::State::Failed:
        reasons << QStringLiteral("the bot stopped: ") +
                       safeReason(inputs.fatalProblem.isEmpty() ? QStringLiteral("fatal error")
                                                                : inputs.fatalProblem);
        break;
    case BotCore::State::Stopping:
    case BotCore::State::Stopped:
        reasons << QStringLiteral("the bot is not running");
        break;
    }
    if (inputs.botState == BotCore::State::Running && inputs.gateway != Gateway::State::Ready)
        reasons << QStringLiteral("the Discord gateway is not ready (%1)")
                       .arg(gatewayWord(inputs.gateway));
    if (!inputs.panelReachable)
        reasons << QStringLiteral("the panel did not answer the last update cycle: ") +
                       safeReason(inputs.panelProblem);
    if (inputs.botState == BotCore::State::Running && !inputs.paused) {
        const qint64 limitMs = qint64(kRecentIntervals) * inputs.cycleIntervalMs;
        if (!inputs.lastCycleEndMs)
            reasons << QStringLiteral("no update cycle has finished yet");
        else if (inputs.nowMs - *inputs.lastCycleEndMs > limitMs)
            reasons << QStringLiteral("the last update cycle ended %1 s ago (more than %2 "
                                      "update intervals of %3 s)")
                           .arg(seconds(*health.lastCycleAgeSeconds))
                           .arg(kRecentIntervals)
                           .arg(seconds(inputs.cycleIntervalMs / 1000.0));
    }
    health.healthy = reasons.isEmpty();
    return health;
}

HealthInputs HealthVerdict::inputsOf(const BotCore &bot)
{
    HealthInputs inputs;
    const ConnectionSnapshot connection = bot.connection();
    inputs.botState = bot.state();
    inputs.gateway = connection.gateway;
    inputs.fatalProblem = connection.fatalProblem;
    inputs.discordProblem = connection.discordProblem;
    inputs.panelReachable = connection.panelReachable;
    inputs.panelProblem = connection.panelProblem;
    inputs.paused = connection.paused;
    const CycleReport &last = bot.lastCycle();
    if (last.number > 0)
        inputs.lastCycleEndMs = last.startedAtMs + last.durationMs;
    inputs.nowMs = bot.clock()->monotonicMs();
    inputs.cycleIntervalMs = bot.cycleIntervalMs();
    return inputs;
}

QByteArray HealthVerdict::toJson() const
{
    QJsonObject body;
    body.insert(QStringLiteral("status"),
                healthy ? QStringLiteral("ok") : QStringLiteral("unhealthy"));
    if (!healthy)
        body.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(reasons));
    body.insert(QStringLiteral("gateway"), gatewayWord(gateway));
    body.insert(QStringLiteral("panel"),
                panelReachable ? QStringLiteral("reachable") : QStringLiteral("unreachable"));
    if (lastCycleAgeSeconds)
        body.insert(QStringLiteral("last_cycle_seconds_ago"),
                    std::round(*lastCycleAgeSeconds * 10.0) / 10.0);
    if (paused)
        body.insert(QStringLiteral("updates"), QStringLiteral("paused"));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace Pterodisbot
