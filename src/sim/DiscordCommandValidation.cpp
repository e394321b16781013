#include "DiscordValidation.h"

#include <QRegularExpression>
#include <QSet>

namespace PterodisbotSim::DiscordValidation {

namespace {
QStringList at(const QStringList &path, const QString &key)
{
    return path + QStringList{key};
}

// Discord's rule for CHAT_INPUT names and option names: 1-32 word characters or dashes,
// lowercase where the script has case.
bool validChatInputName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[-_'\\p{L}\\p{N}]{1,32}$"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(name).hasMatch() && name == name.toLower();
}

void checkName(const QJsonObject &object, const QStringList &path, DiscordFormErrors &errors,
               bool chatInput, const QString &code, const QString &what)
{
    const QString name = object.value(QStringLiteral("name")).toString();
    const QStringList namePath = at(path, QStringLiteral("name"));
    if (!object.value(QStringLiteral("name")).isString()) {
        errors.required(namePath);
        return;
    }
    const int length = textLength(name);
    if (length < 1 || length > 32)
        errors.badLength(namePath, 1, 32);
    else if (chatInput && !validChatInputName(name))
        errors.add(namePath, code, QStringLiteral("%1 name is invalid").arg(what));
}

void checkDescription(const QJsonObject &object, const QStringList &path, DiscordFormErrors &errors)
{
    const QStringList descriptionPath = at(path, QStringLiteral("description"));
    if (!object.value(QStringLiteral("description")).isString()) {
        errors.required(descriptionPath);
        return;
    }
    const int length = textLength(object.value(QStringLiteral("description")).toString());
    if (length < 1 || length > 100)
        errors.badLength(descriptionPath, 1, 100);
}

// The locales Discord offers (its "Locales" table); localization dictionaries are keyed by them.
bool isLocale(const QString &code)
{
    static const QSet<QString> locales = {
        QStringLiteral("id"),     QStringLiteral("da"),    QStringLiteral("de"),
        QStringLiteral("en-GB"),  QStringLiteral("en-US"), QStringLiteral("es-ES"),
        QStringLiteral("es-419"), QStringLiteral("fr"),    QStringLiteral("hr"),
        QStringLiteral("it"),     QStringLiteral("lt"),    QStringLiteral("hu"),
        QStringLiteral("nl"),     QStringLiteral("no"),    QStringLiteral("pl"),
        QStringLiteral("pt-BR"),  QStringLiteral("ro"),    QStringLiteral("fi"),
        QStringLiteral("sv-SE"),  QStringLiteral("vi"),    QStringLiteral("tr"),
        QStringLiteral("cs"),     QStringLiteral("el"),    QStringLiteral("bg"),
        QStringLiteral("ru"),     QStringLiteral("uk"),    QStringLiteral("hi"),
        QStringLiteral("th"),     QStringLiteral("zh-CN"), QStringLiteral("ja"),
        QStringLiteral("zh-TW"),  QStringLiteral("ko"),
    };
    return locales.contains(code);
}

// name_localizations / description_localizations: null or a dictionary from locales to texts,
// each following the rules of the field it localizes.
void checkLocalizations(const QJsonObject &object, const QString &key, const QStringList &path,
                        DiscordFormErrors &errors, bool isName, bool chatInput)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return;
    const QStringList dictionaryPath = at(path, key);
    if (!value.isObject()) {
        errors.add(dictionaryPath, QStringLiteral("DICT_TYPE_CONVERT"),
                   QStringLiteral("Only dictionaries may be used in a DictType"));
        return;
    }
    const QJsonObject dictionary = value.toObject();
    for (auto it = dictionary.begin(); it != dictionary.end(); ++it) {
        const QStringList entryPath = at(dictionaryPath, it.key());
        if (!isLocale(it.key())) {
            errors.add(entryPath, QStringLiteral("ENUM_TYPE_COERCE"),
                       QStringLiteral("Value \"%1\" is not a valid enum value.").arg(it.key()));
            continue;
        }
        if (!it.value().isString()) {
            errors.add(entryPath, QStringLiteral("BASE_TYPE_STRING"),
                       QStringLiteral("Must be a string."));
            continue;
        }
        const QString text = it.value().toString();
        const int length = textLength(text);
        const int max = isName ? 32 : 100;
        if (length < 1 || length > max)
            errors.badLength(entryPath, 1, max);
        else if (isName && chatInput && !validChatInputName(text))
            errors.add(entryPath, QStringLiteral("APPLICATION_COMMAND_INVALID_NAME"),
                       QStringLiteral("Command name is invalid"));
    }
}

void checkAllLocalizations(const QJsonObject &object, const QStringList &path,
                           DiscordFormErrors &errors, bool chatInput)
{
    checkLocalizations(object, QStringLiteral("name_localizations"), path, errors, true, chatInput);
    checkLocalizations(object, QStringLiteral("description_localizations"), path, errors, false,
                       chatInput);
}

void validateOptions(const QJsonArray &options, const QStringList &path, DiscordFormErrors &errors)
{
    if (options.size() > 25)
        errors.maxLength(path, 25);
    QSet<QString> names;
    bool seenOptional = false;
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QJsonObject option = options.at(i).toObject();
        const QStringList optionPath = at(path, QString::number(i));
        const int type = option.value(QStringLiteral("type")).toInt(0);
        if (type < 1 || type > 11) {
            errors.add(at(optionPath, QStringLiteral("type")), QStringLiteral("BASE_TYPE_CHOICES"),
                       QStringLiteral("Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}."));
        }
        checkName(option, optionPath, errors, true,
                  QStringLiteral("APPLICATION_COMMAND_OPTION_NAME_INVALID"),
                  QStringLiteral("Option"));
        checkDescription(option, optionPath, errors);
        checkAllLocalizations(option, optionPath, errors, true);
        const QString name = option.value(QStringLiteral("name")).toString();
        if (names.contains(name)) {
            errors.add(at(optionPath, QStringLiteral("name")),
                       QStringLiteral("APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS"),
                       QStringLiteral("Command option names must be unique"));
        }
        names.insert(name);
        const bool isRequired = option.value(QStringLiteral("required")).toBool(false);
        if (isRequired && seenOptional) {
            errors.add(
                at(optionPath, QStringLiteral("required")),
                QStringLiteral("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID"),
                QStringLiteral("Required options must be placed before non-required options"));
        }
        seenOptional = seenOptional || (!isRequired && type > 2);
        const QJsonArray choices = option.value(QStringLiteral("choices")).toArray();
        if (choices.size() > 25)
            errors.maxLength(at(optionPath, QStringLiteral("choices")), 25);
        if (type == 1 || type == 2)
            validateOptions(option.value(QStringLiteral("options")).toArray(),
                            at(optionPath, QStringLiteral("options")), errors);
    }
}
} // namespace

void validateCommand(const QJsonObject &command, DiscordFormErrors &errors,
                     const QStringList &prefix)
{
    const int type = command.value(QStringLiteral("type")).toInt(1);
    if (type < 1 || type > 4) {
        errors.add(at(prefix, QStringLiteral("type")), QStringLiteral("BASE_TYPE_CHOICES"),
                   QStringLiteral("Value must be one of {1, 2, 3, 4}."));
        return;
    }
    const bool chatInput = type == 1;
    checkName(command, prefix, errors, chatInput,
              QStringLiteral("APPLICATION_COMMAND_INVALID_NAME"), QStringLiteral("Command"));
    checkAllLocalizations(command, prefix, errors, chatInput);
    if (chatInput) {
        checkDescription(command, prefix, errors);
        validateOptions(command.value(QStringLiteral("options")).toArray(),
                        at(prefix, QStringLiteral("options")), errors);
    } else if (!command.value(QStringLiteral("description")).toString().isEmpty()) {
        errors.add(at(prefix, QStringLiteral("description")),
                   QStringLiteral("APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID"),
                   QStringLiteral("Context menu commands cannot have description"));
    }
}

void validateCommandList(const QJsonValue &body, DiscordFormErrors &errors)
{
    if (!body.isArray()) {
        errors.add({}, QStringLiteral("MODEL_TYPE_CONVERT"),
                   QStringLiteral("Only iterables may be used in a ListType"));
        return;
    }
    const QJsonArray commands = body.toArray();
    if (commands.size() > 110)
        errors.maxLength({}, 110);
    QSet<QString> keys;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const QJsonObject command = commands.at(i).toObject();
        const QStringList path{QString::number(i)};
        validateCommand(command, errors, path);
        const QString key = QString::number(command.value(QStringLiteral("type")).toInt(1)) +
                            QLatin1Char(':') + command.value(QStringLiteral("name")).toString();
        if (keys.contains(key)) {
            errors.add(at(path, QStringLiteral("name")),
                       QStringLiteral("APPLICATION_COMMANDS_DUPLICATE_NAME"),
                       QStringLiteral("Application command names must be unique"));
        }
        keys.insert(key);
    }
}

} // namespace PterodisbotSim::DiscordValidation
