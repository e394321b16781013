#include "discord/MessageLimits.h"

#include <functional>

#include <QSet>

#include "discord/Components.h"
#include "discord/Embed.h"
#include "discord/Message.h"
#include "logging.h"

namespace Pterodisbot::MessageLimits {

namespace {

// Discord refuses empty field names and values; a zero-width space renders as nothing.
const QString kBlank = QStringLiteral("\u200b");

void warn(QStringList *warnings, const QString &text)
{
    qCWarning(lcRest).noquote() << "message body fixed before sending:" << text;
    if (warnings)
        warnings->append(text);
}

void cut(QString &text, int limit, const QString &what, QStringList *warnings)
{
    if (text.size() <= limit)
        return;
    warn(warnings,
         QStringLiteral("%1 cut from %2 to %3 characters").arg(what).arg(text.size()).arg(limit));
    text = truncated(text, limit);
}

// Shrinks the embeds until their text fits the message-wide total, one kind of text at a
// time across all embeds (last embed first): descriptions go first (the longest and least
// essential), then trailing fields, then footers, authors and, last, titles.
void fitTotal(QList<Embed> &embeds, QStringList *warnings)
{
    int total = 0;
    for (const Embed &embed : std::as_const(embeds))
        total += embed.textLength();
    if (total <= EmbedTotal)
        return;
    warn(warnings, QStringLiteral("embeds total %1 characters, over %2: shortened")
                       .arg(total)
                       .arg(EmbedTotal));
    auto shrink = [&total](QString &text) {
        if (total <= EmbedTotal || text.isEmpty())
            return;
        const int before = int(text.size());
        text = truncated(text, std::max(0, before - (total - EmbedTotal)));
        total -= before - int(text.size());
    };
    auto eachEmbed = [&](const std::function<void(Embed &)> &step) {
        for (qsizetype i = embeds.size() - 1; i >= 0 && total > EmbedTotal; --i)
            step(embeds[i]);
    };
    eachEmbed([&](Embed &embed) { shrink(embed.description); });
    eachEmbed([&](Embed &embed) {
        while (total > EmbedTotal && !embed.fields.isEmpty()) {
            const EmbedField field = embed.fields.takeLast();
            total -= int(field.name.size() + field.value.size());
        }
    });
    eachEmbed([&](Embed &embed) { shrink(embed.footerText); });
    eachEmbed([&](Embed &embed) { shrink(embed.authorName); });
    eachEmbed([&](Embed &embed) { shrink(embed.title); });
}

// An embed pointing at "attachment://x.png" with no such file in the message is refused by
// Discord (50035): the reference is dropped. Kept attachments listed without a filename
// cannot be checked and are trusted.
void dropDanglingAttachmentUrls(Message &message, QStringList *warnings)
{
    QSet<QString> names;
    for (const MessageFile &file : std::as_const(message.files))
        names.insert(file.filename);
    for (const KeptAttachment &kept : std::as_const(message.keptAttachments)) {
        if (kept.filename.isEmpty())
            return;
        names.insert(kept.filename);
    }
    const QString scheme = QStringLiteral("attachment://");
    auto check = [&](QString &url, const char *what) {
        if (url.startsWith(scheme) && !names.contains(url.mid(scheme.size()))) {
            warn(warnings,
                 QStringLiteral("embed %1 %2 refers to no attachment of the message, dropped")
                     .arg(QLatin1String(what), url));
            url.clear();
        }
    };
    for (Embed &embed : message.embeds) {
        check(embed.imageUrl, "image");
        check(embed.thumbnailUrl, "thumbnail");
        check(embed.footerIconUrl, "footer icon");
        check(embed.authorIconUrl, "author icon");
    }
}

} // namespace

QString truncated(const QString &text, int limit)
{
    if (text.size() <= limit)
        return text;
    if (limit <= 0)
        return {};
    qsizetype keep = limit - 1;
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    // Nor an escape (see Markdown.h): a backslash left at the end would escape the "…".
    qsizetype backslashes = 0;
    while (backslashes < keep && text.at(keep - 1 - backslashes) == u'\\')
        ++backslashes;
    if (backslashes % 2 == 1)
        --keep;
    return text.left(keep) + QChar(0x2026);
}

Embed enforce(Embed embed, QStringList *warnings)
{
    cut(embed.title, EmbedTitle, QStringLiteral("embed title"), warnings);
    cut(embed.description, EmbedDescription, QStringLiteral("embed description"), warnings);
    cut(embed.footerText, EmbedFooter, QStringLiteral("embed footer"), warnings);
    cut(embed.authorName, EmbedAuthor, QStringLiteral("embed author"), warnings);
    if (embed.fields.size() > EmbedFields) {
        warn(warnings, QStringLiteral("%1 embed fields, the last %2 dropped")
                           .arg(embed.fields.size())
                           .arg(embed.fields.size() - EmbedFields));
        embed.fields.resize(EmbedFields);
    }
    for (EmbedField &field : embed.fields) {
        cut(field.name, EmbedFieldName, QStringLiteral("embed field name"), warnings);
        cut(field.value, EmbedFieldValue, QStringLiteral("embed field value"), warnings);
        if (field.name.trimmed().isEmpty())
            field.name = kBlank;
        if (field.value.trimmed().isEmpty())
            field.value = kBlank;
    }
    if (embed.color && (*embed.color < 0 || *embed.color > ColorMax)) {
        warn(warnings, QStringLiteral("embed colour %1 out of range, dropped").arg(*embed.color));
        embed.color.reset();
    }
    return embed;
}

std::optional<Button> enforce(Button button, QStringList *warnings)
{
    if (button.style == ButtonStyle::Link) {
        if (!button.url.isValid() || button.url.isEmpty()) {
            warn(warnings,
                 QStringLiteral("link button \"%1\" without URL dropped").arg(button.label));
            return std::nullopt;
        }
        button.customId.reset();
    } else if (!button.customId) {
        warn(warnings, QStringLiteral("button \"%1\" without custom_id dropped").arg(button.label));
        return std::nullopt;
    }
    cut(button.label, ButtonLabel, QStringLiteral("button label"), warnings);
    if (button.label.isEmpty() && button.emoji.isEmpty()) {
        warn(warnings, QStringLiteral("button without label or emoji dropped"));
        return std::nullopt;
    }
    return button;
}

std::optional<StringSelect> enforce(StringSelect select, QStringList *warnings)
{
    QList<SelectOption> options;
    QSet<QString> values;
    bool hasDefault = false;
    for (SelectOption option : std::as_const(select.options)) {
        if (option.value.isEmpty() || option.value.size() > SelectOptionText) {
            warn(warnings, QStringLiteral("select option with a value of %1 characters dropped")
                               .arg(option.value.size()));
            continue;
        }
        if (values.contains(option.value)) {
            warn(warnings,
                 QStringLiteral("duplicate select option value \"%1\" dropped").arg(option.value));
            continue;
        }
        if (options.size() == SelectOptionsMax) {
            warn(warnings, QStringLiteral("%1 select options, the last %2 dropped")
                               .arg(select.options.size())
                               .arg(select.options.size() - SelectOptionsMax));
            break;
        }
        if (option.label.isEmpty())
            option.label = option.value;
        cut(option.label, SelectOptionText, QStringLiteral("select option label"), warnings);
        cut(option.description, SelectOptionText, QStringLiteral("select option description"),
            warnings);
        if (option.isDefault && hasDefault && select.maxValues <= 1)
            option.isDefault = false; // one default for a single-choice select
        hasDefault = hasDefault || option.isDefault;
        values.insert(option.value);
        options.append(option);
    }
    if (options.size() < SelectOptionsMin) {
        warn(warnings,
             QStringLiteral("select %1 without options dropped").arg(select.customId.value()));
        return std::nullopt;
    }
    select.options = options;
    cut(select.placeholder, SelectPlaceholder, QStringLiteral("select placeholder"), warnings);
    const int count = int(options.size());
    select.maxValues = std::clamp(select.maxValues, 1, count);
    select.minValues = std::clamp(select.minValues, 0, select.maxValues);
    return select;
}

std::optional<ActionRow> enforce(ActionRow row, QStringList *warnings)
{
    if (row.select) {
        if (!row.buttons.isEmpty())
            warn(warnings,
                 QStringLiteral("buttons beside a select dropped (a row holds one select)"));
        row.buttons.clear();
        row.select = enforce(*row.select, warnings);
        if (!row.select)
            return std::nullopt;
        return row;
    }
    QList<Button> buttons;
    for (const Button &button : std::as_const(row.buttons)) {
        if (buttons.size() == ButtonsPerRow) {
            warn(warnings, QStringLiteral("%1 buttons in a row, the last %2 dropped")
                               .arg(row.buttons.size())
                               .arg(row.buttons.size() - ButtonsPerRow));
            break;
        }
        if (auto valid = enforce(button, warnings))
            buttons.append(*valid);
    }
    if (buttons.isEmpty())
        return std::nullopt;
    row.buttons = buttons;
    return row;
}

Message enforce(Message message, QStringList *warnings)
{
    cut(message.content, ContentLength, QStringLiteral("message content"), warnings);
    if (message.flags & Message::ComponentsV2) {
        warn(warnings, QStringLiteral("components v2 flag removed (it disables embeds)"));
        message.flags &= ~int(Message::ComponentsV2);
    }

    QList<Embed> embeds;
    for (const Embed &embed : std::as_const(message.embeds)) {
        if (embed.isEmpty()) {
            warn(warnings, QStringLiteral("empty embed dropped"));
            continue;
        }
        if (embeds.size() == EmbedsPerMessage) {
            warn(warnings,
                 QStringLiteral("more than %1 embeds, the rest dropped").arg(EmbedsPerMessage));
            break;
        }
        embeds.append(enforce(embed, warnings));
    }
    fitTotal(embeds, warnings);
    message.embeds = embeds;

    // custom_id must be unique within the message: a later duplicate would route a click to
    // the wrong handler, so it is dropped rather than renamed.
    QSet<QString> ids;
    QList<ActionRow> rows;
    for (const ActionRow &candidate : std::as_const(message.components)) {
        if (rows.size() == ActionRows) {
            warn(warnings,
                 QStringLiteral("more than %1 action rows, the rest dropped").arg(ActionRows));
            break;
        }
        std::optional<ActionRow> row = enforce(candidate, warnings);
        if (!row)
            continue;
        if (row->select) {
            if (ids.contains(row->select->customId.value())) {
                warn(warnings, QStringLiteral("duplicate custom_id %1 dropped")
                                   .arg(row->select->customId.value()));
                continue;
            }
            ids.insert(row->select->customId.value());
        } else {
            QList<Button> unique;
            for (const Button &button : std::as_const(row->buttons)) {
                if (button.customId) {
                    if (ids.contains(button.customId->value())) {
                        warn(warnings, QStringLiteral("duplicate custom_id %1 dropped")
                                           .arg(button.customId->value()));
                        continue;
                    }
                    ids.insert(button.customId->value());
                }
                unique.append(button);
            }
            if (unique.isEmpty())
                continue;
            row->buttons = unique;
        }
        rows.append(*row);
    }
    message.components = rows;

    for (qsizetype i = 0; i < message.files.size(); ++i) {
        if (message.files[i].filename.isEmpty())
            message.files[i].filename = QStringLiteral("file%1").arg(i);
    }
    message.keptAttachments.removeIf([](const KeptAttachment &kept) { return kept.id.isEmpty(); });
    if (message.files.size() + message.keptAttachments.size() > FilesPerMessage) {
        warn(warnings,
             QStringLiteral("more than %1 attachments, the rest dropped").arg(FilesPerMessage));
        if (message.files.size() > FilesPerMessage)
            message.files.resize(FilesPerMessage);
        message.keptAttachments.resize(FilesPerMessage - message.files.size());
    }
    dropDanglingAttachmentUrls(message, warnings);
    return message;
}

} // namespace Pterodisbot::MessageLimits
