#include "discord/Components.h"

#include "discord/DiscordTypes.h"

#include <QJsonArray>

#include "discord/MessageLimits.h"

namespace Pterodisbot {

namespace {

QJsonObject serialize(const Button &button)
{
    QJsonObject json{{QStringLiteral("type"), int(ComponentType::Button)},
                     {QStringLiteral("style"), int(button.style)}};
    if (!button.label.isEmpty())
        json.insert(QStringLiteral("label"), button.label);
    if (!button.emoji.isEmpty())
        json.insert(QStringLiteral("emoji"), QJsonObject{{QStringLiteral("name"), button.emoji}});
    if (button.style == ButtonStyle::Link)
        json.insert(QStringLiteral("url"), button.url.toString(QUrl::FullyEncoded));
    else if (button.customId)
        json.insert(QStringLiteral("custom_id"), button.customId->value());
    if (button.disabled)
        json.insert(QStringLiteral("disabled"), true);
    return json;
}

QJsonObject serialize(const SelectOption &option)
{
    QJsonObject json{{QStringLiteral("label"), option.label},
                     {QStringLiteral("value"), option.value}};
    if (!option.description.isEmpty())
        json.insert(QStringLiteral("description"), option.description);
    if (!option.emoji.isEmpty())
        json.insert(QStringLiteral("emoji"), QJsonObject{{QStringLiteral("name"), option.emoji}});
    if (option.isDefault)
        json.insert(QStringLiteral("default"), true);
    return json;
}

QJsonObject serialize(const StringSelect &select)
{
    QJsonArray options;
    for (const SelectOption &option : select.options)
        options.append(serialize(option));
    QJsonObject json{{QStringLiteral("type"), int(ComponentType::StringSelect)},
                     {QStringLiteral("custom_id"), select.customId.value()},
                     {QStringLiteral("options"), options},
                     {QStringLiteral("min_values"), select.minValues},
                     {QStringLiteral("max_values"), select.maxValues}};
    if (!select.placeholder.isEmpty())
        json.insert(QStringLiteral("placeholder"), select.placeholder);
    if (select.disabled)
        json.insert(QStringLiteral("disabled"), true);
    return json;
}

QJsonObject serialize(const ActionRow &row)
{
    QJsonArray components;
    if (row.select) {
        components.append(serialize(*row.select));
    } else {
        for (const Button &button : row.buttons)
            components.append(serialize(button));
    }
    return QJsonObject{{QStringLiteral("type"), int(ComponentType::ActionRow)},
                       {QStringLiteral("components"), components}};
}

} // namespace

std::optional<ComponentId> ComponentId::create(const QString &value)
{
    if (value.isEmpty() || value.size() > MessageLimits::CustomIdMax)
        return std::nullopt;
    return ComponentId(value);
}

Button Button::action(ButtonStyle style, ComponentId id, const QString &label)
{
    Button button;
    button.style = style == ButtonStyle::Link ? ButtonStyle::Secondary : style;
    button.customId = std::move(id);
    button.label = label;
    return button;
}

Button Button::link(const QUrl &url, const QString &label)
{
    Button button;
    button.style = ButtonStyle::Link;
    button.url = url;
    button.label = label;
    return button;
}

QJsonObject Button::toJson() const
{
    const auto valid = MessageLimits::enforce(*this);
    return valid ? serialize(*valid) : QJsonObject{};
}

QJsonObject SelectOption::toJson() const
{
    SelectOption option = *this;
    option.label = MessageLimits::truncated(option.label, MessageLimits::SelectOptionText);
    option.description =
        MessageLimits::truncated(option.description, MessageLimits::SelectOptionText);
    return serialize(option);
}

QJsonObject StringSelect::toJson() const
{
    const auto valid = MessageLimits::enforce(*this);
    return valid ? serialize(*valid) : QJsonObject{};
}

ActionRow ActionRow::ofButtons(const QList<Button> &buttons)
{
    ActionRow row;
    row.buttons = buttons;
    return row;
}

ActionRow ActionRow::ofSelect(const StringSelect &select)
{
    ActionRow row;
    row.select = select;
    return row;
}

QJsonObject ActionRow::toJson() const
{
    const auto valid = MessageLimits::enforce(*this);
    return valid ? serialize(*valid) : QJsonObject{};
}

} // namespace Pterodisbot
