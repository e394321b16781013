#include "discord/InteractionCommands.h"

#include <QJsonObject>

#include "discord/RestClient.h"
#include "logging.h"

namespace Pterodisbot::InteractionCommands {

namespace {

bool isDefault(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isBool() && !value.toBool()) ||
           (value.isArray() && value.toArray().isEmpty()) ||
           (value.isObject() && value.toObject().isEmpty());
}

bool matches(const QJsonValue &wanted, const QJsonValue &current);

bool matchesObject(const QJsonObject &wanted, const QJsonObject &current)
{
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const QJsonValue have = current.value(it.key());
        if (have.isUndefined() || have.isNull()) {
            if (!isDefault(it.value()))
                return false;
            continue;
        }
        if (!matches(it.value(), have))
            return false;
    }
    return true;
}

bool matches(const QJsonValue &wanted, const QJsonValue &current)
{
    if (wanted.isObject() && current.isObject())
        return matchesObject(wanted.toObject(), current.toObject());
    if (wanted.isArray() && current.isArray()) {
        const QJsonArray a = wanted.toArray();
        const QJsonArray b = current.toArray();
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!matches(a.at(i), b.at(i)))
                return false;
        }
        return true;
    }
    // Discord answers permission bitfields as strings; a definition may hold a number.
    if (wanted.isDouble() && current.isString())
        return QString::number(wanted.toInteger()) == current.toString();
    if (isDefault(wanted) && isDefault(current))
        return true;
    return wanted == current;
}

int typeOf(const QJsonObject &command)
{
    return command.value(QStringLiteral("type")).toInt(1);
}

} // namespace

bool equivalent(const QJsonArray &wanted, const QJsonArray &current)
{
    if (wanted.size() != current.size())
        return false;
    for (const QJsonValue &value : wanted) {
        const QJsonObject command = value.toObject();
        const QString name = command.value(QStringLiteral("name")).toString();
        bool found = false;
        for (const QJsonValue &candidate : current) {
            const QJsonObject existing = candidate.toObject();
            if (existing.value(QStringLiteral("name")).toString() == name &&
                typeOf(existing) == typeOf(command)) {
                found = matchesObject(command, existing);
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

QCoro::Task<ApiResult<bool>> syncGuildCommands(RestClient *rest, QString applicationId,
                                               QString guildId, QJsonArray wanted)
{
    QPointer<RestClient> guard(rest);
    const RestResult current = co_await awaitReply(rest->getGuildCommands(applicationId, guildId));
    if (current.ok() && equivalent(wanted, current.array())) {
        qCInfo(lcInteractions).noquote()
            << "guild" << guildId << "commands up to date:" << wanted.size() << "commands";
        co_return ApiResult<bool>{false, {}};
    }
    if (!guard || current.error.kind == ApiError::Kind::Cancelled)
        co_return ApiResult<bool>{false, ApiError{ApiError::Kind::Cancelled,
                                                  0,
                                                  {},
                                                  QStringLiteral("the Discord client is gone")}};
    if (!current.ok()) {
        // Not knowing what is registered is no reason to keep stale commands: the overwrite
        // makes them right either way, or fails with the reason (a missing scope, say).
        qCInfo(lcInteractions).noquote() << "cannot read the commands of guild" << guildId << ":"
                                         << current.error.toString() << "- overwriting them";
    }
    const RestResult put =
        co_await awaitReply(rest->bulkOverwriteGuildCommands(applicationId, guildId, wanted));
    if (!put.ok())
        co_return ApiResult<bool>{false, put.error};
    qCInfo(lcInteractions).noquote()
        << "guild" << guildId << "commands registered:" << wanted.size() << "commands";
    co_return ApiResult<bool>{true, {}};
}

} // namespace Pterodisbot::InteractionCommands
