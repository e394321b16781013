#include "discord/Interaction.h"
#include "net/JsonNumbers.h"

#include <optional>

#include <QJsonArray>

namespace Pterodisbot {

namespace {

constexpr int kMaxCustomId = 100;
constexpr int kMaxValues = 25;
constexpr int kMaxValueLength = 100;
constexpr int kMaxOptionDepth = 3; // group -> subcommand -> option
constexpr int kMaxOptions = 25;
constexpr int kMaxTokenLength = 1000;
constexpr int kMaxRoles = 250;

// Safe for a log line: printable ASCII only, cut short.
QString printable(const QString &text, int max = 40)
{
    QString out;
    for (QChar c : text.left(max))
        out += (c.unicode() >= 0x20 && c.unicode() < 0x7f) ? c : QLatin1Char('?');
    if (text.size() > max)
        out += QStringLiteral("...");
    return out;
}

bool isSnowflake(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (QChar c : text) {
        if (!c.isDigit() || c.unicode() > 0x7f)
            return false;
    }
    bool ok = false;
    text.toULongLong(&ok);
    return ok;
}

// Tokens go into URL paths (percent-encoded): printable ASCII without the characters that
// could ever change a path's meaning, even decoded by a careless server.
bool isToken(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    if (text.isEmpty() || text.size() > kMaxTokenLength)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || u >= 0x7f || u == u'/' || u == u'\\' || u == u'?' || u == u'#' ||
            u == u'%')
            return false;
    }
    return true;
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && exactInteger(value.toDouble()).has_value();
}

class Parser
{
public:
    QString error;

    bool fail(const QString &what)
    {
        if (error.isEmpty())
            error = what;
        return false;
    }

    //! The value at \a key; nullopt when absent or null, which is an error when \a required.
    std::optional<QJsonValue> field(const QJsonObject &object, const QString &key,
                                    const QString &path, bool required)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isNull())
            return value;
        if (required)
            fail(QStringLiteral("%1 is missing").arg(path));
        return std::nullopt;
    }

    bool snowflake(const QJsonObject &object, const QString &key, const QString &path, QString &out,
                   bool required)
    {
        const std::optional<QJsonValue> found = field(object, key, path, required);
        if (!found)
            return !required;
        const QJsonValue &value = *found;
        if (!isSnowflake(value))
            return fail(QStringLiteral("%1 is not a snowflake").arg(path));
        out = value.toString();
        return true;
    }

    bool string(const QJsonObject &object, const QString &key, const QString &path, QString &out,
                int maxLength, bool required)
    {
        const std::optional<QJsonValue> found = field(object, key, path, required);
        if (!found)
            return !required;
        const QJsonValue &value = *found;
        if (!value.isString())
            return fail(QStringLiteral("%1 is not a string").arg(path));
        if (value.toString().size() > maxLength)
            return fail(QStringLiteral("%1 is longer than %2 characters").arg(path).arg(maxLength));
        out = value.toString();
        return true;
    }

    bool integer(const QJsonObject &object, const QString &key, const QString &path, int &out,
                 bool required)
    {
        const std::optional<QJsonValue> found = field(object, key, path, required);
        if (!found)
            return !required;
        const QJsonValue &value = *found;
        if (!isInteger(value) || value.toDouble() < 0 || value.toDouble() > 1e6)
            return fail(QStringLiteral("%1 is not a small integer").arg(path));
        out = value.toInt();
        return true;
    }

    bool bitfield(const QJsonObject &object, const QString &key, const QString &path, quint64 &out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        bool ok = false;
        const quint64 bits = value.isString() ? value.toString().toULongLong(&ok) : 0;
        if (!ok)
            return fail(QStringLiteral("%1 is not a permission bitfield string").arg(path));
        out = bits;
        return true;
    }

    bool options(const QJsonValue &value, const QString &path, QList<CommandOption> &out, int depth)
    {
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isArray())
            return fail(QStringLiteral("%1 is not an array").arg(path));
        if (depth > kMaxOptionDepth)
            return fail(
                QStringLiteral("%1 nests deeper than %2 levels").arg(path).arg(kMaxOptionDepth));
        const QJsonArray array = value.toArray();
        if (array.size() > kMaxOptions)
            return fail(QStringLiteral("%1 has more than %2 entries").arg(path).arg(kMaxOptions));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString here = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (!array.at(i).isObject())
                return fail(QStringLiteral("%1 is not an object").arg(here));
            const QJsonObject object = array.at(i).toObject();
            CommandOption option;
            if (!string(object, QStringLiteral("name"), here + QStringLiteral(".name"), option.name,
                        32, true) ||
                !integer(object, QStringLiteral("type"), here + QStringLiteral(".type"),
                         option.type, true))
                return false;
            const QJsonValue optionValue = object.value(QStringLiteral("value"));
            if (!optionValue.isUndefined()) {
                if (optionValue.isString() && optionValue.toString().size() > 6000)
                    return fail(QStringLiteral("%1.value is too long").arg(here));
                if (!optionValue.isString() && !optionValue.isDouble() && !optionValue.isBool())
                    return fail(
                        QStringLiteral("%1.value is not a string, number or boolean").arg(here));
                option.value = optionValue;
            }
            option.focused = object.value(QStringLiteral("focused")).toBool();
            if (!options(object.value(QStringLiteral("options")), here + QStringLiteral(".options"),
                         option.options, depth + 1))
                return false;
            out.append(option);
        }
        return true;
    }

    bool user(const QJsonValue &value, const QString &path, Interaction &out)
    {
        if (!value.isObject())
            return fail(QStringLiteral("%1 is missing or not an object").arg(path));
        const QJsonObject object = value.toObject();
        return snowflake(object, QStringLiteral("id"), path + QStringLiteral(".id"), out.userId,
                         true) &&
               string(object, QStringLiteral("username"), path + QStringLiteral(".username"),
                      out.username, 64, false) &&
               string(object, QStringLiteral("global_name"), path + QStringLiteral(".global_name"),
                      out.globalName, 64, false);
    }

    bool member(const QJsonValue &value, Interaction &out)
    {
        if (!value.isObject())
            return fail(QStringLiteral("member is missing or not an object (guild interaction)"));
        const QJsonObject object = value.toObject();
        if (!user(object.value(QStringLiteral("user")), QStringLiteral("member.user"), out))
            return false;
        const QJsonValue roles = object.value(QStringLiteral("roles"));
        if (!roles.isUndefined()) {
            if (!roles.isArray())
                return fail(QStringLiteral("member.roles is not an array"));
            const QJsonArray array = roles.toArray();
            if (array.size() > kMaxRoles)
                return fail(QStringLiteral("member.roles has more than %1 entries").arg(kMaxRoles));
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!isSnowflake(array.at(i)))
                    return fail(QStringLiteral("member.roles[%1] is not a snowflake").arg(i));
                out.roleIds.append(array.at(i).toString());
            }
        }
        return bitfield(object, QStringLiteral("permissions"), QStringLiteral("member.permissions"),
                        out.permissions);
    }

    bool commandType(const QJsonObject &data, Interaction &out)
    {
        int type = 0;
        if (!integer(data, QStringLiteral("type"), QStringLiteral("data.type"), type, false))
            return false;
        if (type < int(CommandType::Unknown) || type > int(CommandType::Message))
            return fail(QStringLiteral("data.type %1 is not a command type").arg(type));
        out.commandType = CommandType(type);
        return true;
    }

    bool commandData(const QJsonObject &data, Interaction &out)
    {
        return snowflake(data, QStringLiteral("id"), QStringLiteral("data.id"), out.commandId,
                         true) &&
               string(data, QStringLiteral("name"), QStringLiteral("data.name"), out.commandName,
                      32, true) &&
               (out.commandName.isEmpty() ? fail(QStringLiteral("data.name is empty")) : true) &&
               commandType(data, out) &&
               options(data.value(QStringLiteral("options")), QStringLiteral("data.options"),
                       out.options, 1);
    }

    bool componentData(const QJsonObject &data, const QJsonObject &json, Interaction &out)
    {
        const QJsonValue customId = data.value(QStringLiteral("custom_id"));
        if (!customId.isString())
            return fail(QStringLiteral("data.custom_id is missing or not a string"));
        const QString id = customId.toString();
        if (id.isEmpty() || id.size() > kMaxCustomId)
            return fail(QStringLiteral("data.custom_id has %1 characters (1-%2 allowed)")
                            .arg(id.size())
                            .arg(kMaxCustomId));
        out.customId = id;
        int componentType = 0;
        if (!integer(data, QStringLiteral("component_type"), QStringLiteral("data.component_type"),
                     componentType, true))
            return false;
        if (componentType < int(ComponentType::Button) ||
            componentType > int(ComponentType::ChannelSelect) ||
            componentType == int(ComponentType::TextInput))
            return fail(QStringLiteral("data.component_type %1 is not an interactive component")
                            .arg(componentType));
        out.componentType = ComponentType(componentType);
        const QJsonValue values = data.value(QStringLiteral("values"));
        if (!values.isUndefined()) {
            if (!values.isArray())
                return fail(QStringLiteral("data.values is not an array"));
            const QJsonArray array = values.toArray();
            if (array.size() > kMaxValues)
                return fail(QStringLiteral("data.values has more than %1 entries").arg(kMaxValues));
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array.at(i).isString() || array.at(i).toString().size() > kMaxValueLength)
                    return fail(
                        QStringLiteral("data.values[%1] is not a string of at most %2 characters")
                            .arg(i)
                            .arg(kMaxValueLength));
                out.values.append(array.at(i).toString());
            }
        }
        const QJsonValue message = json.value(QStringLiteral("message"));
        if (!message.isObject())
            return fail(QStringLiteral("message is missing for a component interaction"));
        return snowflake(message.toObject(), QStringLiteral("id"), QStringLiteral("message.id"),
                         out.messageId, true);
    }
};

} // namespace

std::optional<CommandOption> Interaction::option(const QString &name) const
{
    for (const CommandOption &candidate : options) {
        if (candidate.name == name)
            return candidate;
    }
    return std::nullopt;
}

QString Interaction::describe() const
{
    QString what;
    switch (type) {
    case InteractionType::ApplicationCommand:
        what = QStringLiteral("command /%1").arg(printable(commandName));
        break;
    case InteractionType::MessageComponent:
        what = QStringLiteral("component %1").arg(printable(customId, 100));
        break;
    default:
        what = QStringLiteral("interaction type %1").arg(int(type));
    }
    return QStringLiteral("%1 (id %2) by user %3 in guild %4")
        .arg(what, id, userId, guildId.isEmpty() ? QStringLiteral("-") : guildId);
}

std::optional<Interaction> Interaction::fromJson(const QJsonObject &json, QString *error)
{
    Interaction out;
    Parser p;
    int type = 0;
    const bool ok = [&] {
        if (!p.integer(json, QStringLiteral("type"), QStringLiteral("type"), type, true))
            return false;
        if (type < 1 || type > 5)
            return p.fail(QStringLiteral("type %1 is not an interaction type").arg(type));
        out.type = InteractionType(type);
        if (!p.snowflake(json, QStringLiteral("id"), QStringLiteral("id"), out.id, true) ||
            !p.snowflake(json, QStringLiteral("application_id"), QStringLiteral("application_id"),
                         out.applicationId, true))
            return false;
        if (!isToken(json.value(QStringLiteral("token"))))
            return p.fail(QStringLiteral("token is missing or malformed"));
        out.token = json.value(QStringLiteral("token")).toString();
        if (!p.snowflake(json, QStringLiteral("guild_id"), QStringLiteral("guild_id"), out.guildId,
                         false) ||
            !p.snowflake(json, QStringLiteral("channel_id"), QStringLiteral("channel_id"),
                         out.channelId, false) ||
            !p.string(json, QStringLiteral("locale"), QStringLiteral("locale"), out.locale, 16,
                      false) ||
            !p.string(json, QStringLiteral("guild_locale"), QStringLiteral("guild_locale"),
                      out.guildLocale, 16, false) ||
            !p.bitfield(json, QStringLiteral("app_permissions"), QStringLiteral("app_permissions"),
                        out.appPermissions))
            return false;
        if (out.type == InteractionType::Ping)
            return true;
        if (out.inGuild()) {
            if (!p.member(json.value(QStringLiteral("member")), out))
                return false;
        } else if (!p.user(json.value(QStringLiteral("user")), QStringLiteral("user"), out)) {
            return false;
        }
        const QJsonValue data = json.value(QStringLiteral("data"));
        if (!data.isObject())
            return p.fail(QStringLiteral("data is missing or not an object"));
        switch (out.type) {
        case InteractionType::ApplicationCommand:
        case InteractionType::Autocomplete:
            return p.commandData(data.toObject(), out);
        case InteractionType::MessageComponent:
            return p.componentData(data.toObject(), json, out);
        default:
            return true; // modal submits are not used by the bot; kept minimal
        }
    }();
    if (!ok) {
        if (error)
            *error = p.error;
        return std::nullopt;
    }
    return out;
}

} // namespace Pterodisbot
