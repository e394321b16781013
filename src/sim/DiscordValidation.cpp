#include "DiscordValidation.h"

#include <QDateTime>
#include <QSet>
#include <QUrl>

namespace PterodisbotSim {

namespace {
QJsonObject insertError(QJsonObject node, QStringList path, const QJsonObject &error)
{
    if (path.isEmpty()) {
        QJsonArray list = node.value(QStringLiteral("_errors")).toArray();
        list.append(error);
        node.insert(QStringLiteral("_errors"), list);
        return node;
    }
    const QString key = path.takeFirst();
    node.insert(key, insertError(node.value(key).toObject(), path, error));
    return node;
}

QStringList at(const QStringList &path, const QString &key)
{
    return path + QStringList{key};
}

QStringList at(const QStringList &path, qsizetype index)
{
    return path + QStringList{QString::number(index)};
}

constexpr int IS_COMPONENTS_V2 = 1 << 15;
} // namespace

void DiscordFormErrors::add(const QStringList &path, const QString &code, const QString &message)
{
    m_errors = insertError(m_errors, path,
                           {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
    ++m_count;
}

void DiscordFormErrors::maxLength(const QStringList &path, int max)
{
    add(path, QStringLiteral("BASE_TYPE_MAX_LENGTH"),
        QStringLiteral("Must be %1 or fewer in length.").arg(max));
}

void DiscordFormErrors::badLength(const QStringList &path, int min, int max)
{
    add(path, QStringLiteral("BASE_TYPE_BAD_LENGTH"),
        QStringLiteral("Must be between %1 and %2 in length.").arg(min).arg(max));
}

void DiscordFormErrors::required(const QStringList &path)
{
    add(path, QStringLiteral("BASE_TYPE_REQUIRED"), QStringLiteral("This field is required"));
}

namespace DiscordValidation {

int textLength(const QString &text)
{
    return int(text.toUcs4().size());
}

namespace {
// A string field: optional unless required; max (and min when given) in characters.
// Returns the text length, -1 when absent.
int checkText(const QJsonObject &object, const QString &key, const QStringList &path,
              DiscordFormErrors &errors, int max, int min = 0, bool isRequired = false)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (isRequired)
            errors.required(at(path, key));
        return -1;
    }
    if (!value.isString()) {
        errors.add(at(path, key), QStringLiteral("BASE_TYPE_STRING"),
                   QStringLiteral("Must be a string."));
        return -1;
    }
    const int length = textLength(value.toString());
    if (min > 0 && (length < min || length > max))
        errors.badLength(at(path, key), min, max);
    else if (length > max)
        errors.maxLength(at(path, key), max);
    return length;
}

void checkUrl(const QJsonObject &object, const QString &key, const QStringList &path,
              DiscordFormErrors &errors, bool allowAttachment, bool isRequired = false)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (isRequired)
            errors.required(at(path, key));
        return;
    }
    const QUrl url(value.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!value.isString() || !url.isValid() || scheme.isEmpty()) {
        errors.add(at(path, key), QStringLiteral("URL_TYPE_INVALID_URL"),
                   QStringLiteral("Not a well formed URL."));
    } else if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
               !(allowAttachment && scheme == QLatin1String("attachment"))) {
        errors.add(at(path, key), QStringLiteral("URL_TYPE_INVALID_SCHEME"),
                   QStringLiteral("Scheme \"%1\" is not supported. Scheme must be one of "
                                  "('http', 'https').")
                       .arg(scheme));
    }
}

// Returns the characters the embed contributes to the 6000-character total.
int validateEmbed(const QJsonObject &embed, const QStringList &path, DiscordFormErrors &errors)
{
    int total = 0;
    total += qMax(0, checkText(embed, QStringLiteral("title"), path, errors, 256));
    total += qMax(0, checkText(embed, QStringLiteral("description"), path, errors, 4096));
    checkUrl(embed, QStringLiteral("url"), path, errors, false);
    if (embed.contains(QStringLiteral("timestamp"))) {
        const QString text = embed.value(QStringLiteral("timestamp")).toString();
        if (!QDateTime::fromString(text, Qt::ISODateWithMs).isValid()) {
            errors.add(at(path, QStringLiteral("timestamp")),
                       QStringLiteral("DATE_TIME_TYPE_PARSE"),
                       QStringLiteral("Could not parse %1. Should be ISO8601.").arg(text));
        }
    }
    if (embed.contains(QStringLiteral("color"))) {
        const QJsonValue color = embed.value(QStringLiteral("color"));
        const double number = color.toDouble(-1);
        const QStringList colorPath = at(path, QStringLiteral("color"));
        if (!color.isDouble() || number != double(qint64(number))) {
            errors.add(
                colorPath, QStringLiteral("NUMBER_TYPE_COERCE"),
                QStringLiteral("Value \"%1\" is not int.").arg(color.toVariant().toString()));
        } else if (number < 0) {
            errors.add(colorPath, QStringLiteral("NUMBER_TYPE_MIN"),
                       QStringLiteral("int value should be greater than or equal to 0."));
        } else if (number > 16777215) {
            errors.add(colorPath, QStringLiteral("NUMBER_TYPE_MAX"),
                       QStringLiteral("int value should be less than or equal to 16777215."));
        }
    }
    if (embed.contains(QStringLiteral("footer"))) {
        const QJsonObject footer = embed.value(QStringLiteral("footer")).toObject();
        const QStringList footerPath = at(path, QStringLiteral("footer"));
        total +=
            qMax(0, checkText(footer, QStringLiteral("text"), footerPath, errors, 2048, 1, true));
        checkUrl(footer, QStringLiteral("icon_url"), footerPath, errors, true);
    }
    if (embed.contains(QStringLiteral("author"))) {
        const QJsonObject author = embed.value(QStringLiteral("author")).toObject();
        const QStringList authorPath = at(path, QStringLiteral("author"));
        total +=
            qMax(0, checkText(author, QStringLiteral("name"), authorPath, errors, 256, 1, true));
        checkUrl(author, QStringLiteral("url"), authorPath, errors, false);
        checkUrl(author, QStringLiteral("icon_url"), authorPath, errors, true);
    }
    for (const QString &media : {QStringLiteral("image"), QStringLiteral("thumbnail")}) {
        if (embed.contains(media)) {
            checkUrl(embed.value(media).toObject(), QStringLiteral("url"), at(path, media), errors,
                     true, true);
        }
    }
    if (embed.contains(QStringLiteral("fields"))) {
        const QJsonArray fields = embed.value(QStringLiteral("fields")).toArray();
        const QStringList fieldsPath = at(path, QStringLiteral("fields"));
        if (fields.size() > 25)
            errors.maxLength(fieldsPath, 25);
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QJsonObject field = fields.at(i).toObject();
            const QStringList fieldPath = at(fieldsPath, i);
            total +=
                qMax(0, checkText(field, QStringLiteral("name"), fieldPath, errors, 256, 1, true));
            total += qMax(
                0, checkText(field, QStringLiteral("value"), fieldPath, errors, 1024, 1, true));
        }
    }
    return total;
}

void validateButton(const QJsonObject &button, const QStringList &path, DiscordFormErrors &errors)
{
    const int style = button.value(QStringLiteral("style")).toInt(0);
    if (style < 1 || style > 5) {
        errors.add(at(path, QStringLiteral("style")), QStringLiteral("BASE_TYPE_CHOICES"),
                   QStringLiteral("Value must be one of {1, 2, 3, 4, 5}."));
    }
    checkText(button, QStringLiteral("label"), path, errors, 80);
    if (style == 5) {
        checkUrl(button, QStringLiteral("url"), path, errors, false, true);
        if (button.contains(QStringLiteral("custom_id"))) {
            errors.add(at(path, QStringLiteral("custom_id")),
                       QStringLiteral("BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED"),
                       QStringLiteral("A custom id is not allowed on link buttons"));
        }
    } else {
        if (!button.contains(QStringLiteral("custom_id"))) {
            errors.add(at(path, QStringLiteral("custom_id")),
                       QStringLiteral("BUTTON_COMPONENT_CUSTOM_ID_REQUIRED"),
                       QStringLiteral("A custom id is required"));
        }
        if (button.contains(QStringLiteral("url"))) {
            errors.add(at(path, QStringLiteral("url")),
                       QStringLiteral("BUTTON_COMPONENT_URL_NOT_ALLOWED"),
                       QStringLiteral("A url is only allowed on link buttons"));
        }
    }
    if (!button.contains(QStringLiteral("label")) && !button.contains(QStringLiteral("emoji"))) {
        errors.add(at(path, QStringLiteral("label")),
                   QStringLiteral("BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED"),
                   QStringLiteral("A label or an emoji is required"));
    }
}

void validateStringSelect(const QJsonObject &select, const QStringList &path,
                          DiscordFormErrors &errors)
{
    checkText(select, QStringLiteral("placeholder"), path, errors, 150);
    const QJsonArray options = select.value(QStringLiteral("options")).toArray();
    const QStringList optionsPath = at(path, QStringLiteral("options"));
    if (options.isEmpty() || options.size() > 25)
        errors.badLength(optionsPath, 1, 25);
    QSet<QString> values;
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QJsonObject option = options.at(i).toObject();
        const QStringList optionPath = at(optionsPath, i);
        checkText(option, QStringLiteral("label"), optionPath, errors, 100, 1, true);
        checkText(option, QStringLiteral("value"), optionPath, errors, 100, 1, true);
        checkText(option, QStringLiteral("description"), optionPath, errors, 100);
        const QString value = option.value(QStringLiteral("value")).toString();
        if (values.contains(value)) {
            errors.add(at(optionPath, QStringLiteral("value")),
                       QStringLiteral("SELECT_COMPONENT_OPTION_VALUE_DUPLICATED"),
                       QStringLiteral("Select component option values must be unique"));
        }
        values.insert(value);
    }
    const int minValues = select.value(QStringLiteral("min_values")).toInt(1);
    const int maxValues = select.value(QStringLiteral("max_values")).toInt(1);
    if (minValues < 0 || minValues > 25) {
        errors.add(at(path, QStringLiteral("min_values")), QStringLiteral("NUMBER_TYPE_MAX"),
                   QStringLiteral("int value should be between 0 and 25."));
    }
    if (maxValues < 1 || maxValues > 25) {
        errors.add(at(path, QStringLiteral("max_values")), QStringLiteral("NUMBER_TYPE_MAX"),
                   QStringLiteral("int value should be between 1 and 25."));
    }
}

void validateComponents(const QJsonArray &rows, const QStringList &path, DiscordFormErrors &errors)
{
    if (rows.size() > 5)
        errors.maxLength(path, 5);
    QSet<QString> customIds;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonObject row = rows.at(r).toObject();
        const QStringList rowPath = at(path, r);
        if (row.value(QStringLiteral("type")).toInt() != 1) {
            errors.add(at(rowPath, QStringLiteral("type")), QStringLiteral("UNION_TYPE_CHOICES"),
                       QStringLiteral("Value of field \"type\" must be one of (1,)."));
            continue;
        }
        const QJsonArray children = row.value(QStringLiteral("components")).toArray();
        const QStringList childrenPath = at(rowPath, QStringLiteral("components"));
        if (children.isEmpty() || children.size() > 5)
            errors.badLength(childrenPath, 1, 5);
        bool hasSelect = false;
        for (qsizetype c = 0; c < children.size(); ++c) {
            const QJsonObject child = children.at(c).toObject();
            const QStringList childPath = at(childrenPath, c);
            const int type = child.value(QStringLiteral("type")).toInt();
            if (type == 2) {
                validateButton(child, childPath, errors);
            } else if (type == 3 || (type >= 5 && type <= 8)) {
                hasSelect = true;
                if (type == 3)
                    validateStringSelect(child, childPath, errors);
                else
                    checkText(child, QStringLiteral("placeholder"), childPath, errors, 150);
                if (!child.contains(QStringLiteral("custom_id")))
                    errors.required(at(childPath, QStringLiteral("custom_id")));
            } else {
                errors.add(
                    at(childPath, QStringLiteral("type")), QStringLiteral("UNION_TYPE_CHOICES"),
                    QStringLiteral("Value of field \"type\" must be one of (2, 3, 5, 6, 7, 8)."));
                continue;
            }
            if (child.contains(QStringLiteral("custom_id"))) {
                checkText(child, QStringLiteral("custom_id"), childPath, errors, 100, 1);
                const QString customId = child.value(QStringLiteral("custom_id")).toString();
                if (customIds.contains(customId)) {
                    errors.add(at(childPath, QStringLiteral("custom_id")),
                               QStringLiteral("COMPONENT_CUSTOM_ID_DUPLICATED"),
                               QStringLiteral("Component custom id cannot be duplicated"));
                }
                customIds.insert(customId);
            }
        }
        if (hasSelect && children.size() > 1) {
            errors.add(childrenPath, QStringLiteral("COMPONENT_LAYOUT_WIDTH_EXCEEDED"),
                       QStringLiteral("The specified component exceeds the maximum width"));
        }
    }
}
} // namespace

void validateMessage(const QJsonObject &payload, DiscordFormErrors &errors,
                     const QStringList &prefix)
{
    checkText(payload, QStringLiteral("content"), prefix, errors, 2000);
    if (payload.contains(QStringLiteral("embeds")) &&
        !payload.value(QStringLiteral("embeds")).isNull()) {
        const QJsonArray embeds = payload.value(QStringLiteral("embeds")).toArray();
        const QStringList embedsPath = at(prefix, QStringLiteral("embeds"));
        if (embeds.size() > 10)
            errors.maxLength(embedsPath, 10);
        int total = 0;
        for (qsizetype i = 0; i < embeds.size(); ++i)
            total += validateEmbed(embeds.at(i).toObject(), at(embedsPath, i), errors);
        if (total > 6000) {
            errors.add(embedsPath, QStringLiteral("MAX_EMBED_SIZE_EXCEEDED"),
                       QStringLiteral("Embed size exceeds maximum size of 6000"));
        }
    }
    if (payload.contains(QStringLiteral("components")) &&
        !payload.value(QStringLiteral("components")).isNull()) {
        validateComponents(payload.value(QStringLiteral("components")).toArray(),
                           at(prefix, QStringLiteral("components")), errors);
    }
    const qint64 flags = qint64(payload.value(QStringLiteral("flags")).toDouble(0));
    if (flags & IS_COMPONENTS_V2) {
        // The bot must never set it: it turns embeds and content off.
        errors.add(at(prefix, QStringLiteral("flags")),
                   QStringLiteral("MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2"),
                   QStringLiteral("The 'content' and 'embeds' fields cannot be used when using "
                                  "MessageFlags.IS_COMPONENTS_V2"));
    }
    const QJsonArray attachments = payload.value(QStringLiteral("attachments")).toArray();
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        const QJsonObject attachment = attachments.at(i).toObject();
        const QStringList attachmentPath = at(at(prefix, QStringLiteral("attachments")), i);
        if (!attachment.contains(QStringLiteral("id")))
            errors.required(at(attachmentPath, QStringLiteral("id")));
        checkText(attachment, QStringLiteral("filename"), attachmentPath, errors, 1024);
        checkText(attachment, QStringLiteral("description"), attachmentPath, errors, 1024);
    }
}

void validateAttachmentReferences(const QJsonArray &embeds, const QStringList &filenames,
                                  DiscordFormErrors &errors, const QStringList &prefix)
{
    const auto check = [&](const QJsonObject &object, const QString &key, const QStringList &path) {
        const QString url = object.value(key).toString();
        if (!url.startsWith(QStringLiteral("attachment://")))
            return;
        const QString name = url.mid(int(qstrlen("attachment://")));
        if (!filenames.contains(name)) {
            errors.add(at(path, key), QStringLiteral("ATTACHMENT_NOT_FOUND"),
                       QStringLiteral("Attachment \"%1\" is not part of this message.").arg(name));
        }
    };
    for (qsizetype i = 0; i < embeds.size(); ++i) {
        const QJsonObject embed = embeds.at(i).toObject();
        const QStringList path = at(at(prefix, QStringLiteral("embeds")), i);
        for (const QString &media : {QStringLiteral("image"), QStringLiteral("thumbnail")})
            check(embed.value(media).toObject(), QStringLiteral("url"), at(path, media));
        check(embed.value(QStringLiteral("footer")).toObject(), QStringLiteral("icon_url"),
              at(path, QStringLiteral("footer")));
        check(embed.value(QStringLiteral("author")).toObject(), QStringLiteral("icon_url"),
              at(path, QStringLiteral("author")));
    }
}

} // namespace DiscordValidation
} // namespace PterodisbotSim
