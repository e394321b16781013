#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace Pterodisbot {

//! A component's custom_id on the wire, valid by construction (1–100 characters). The bot's
//! own id scheme (bot/CustomId) encodes into one: ComponentId::create(id.encode()).
//!
//! Every other over-long text is truncated with an ellipsis, but an id is routing data: a
//! truncated "server:start:<uuid>" would arrive back as an id that matches nothing (or, worse,
//! another server). So an invalid id is refused here, where the caller can still react,
//! instead of being "fixed" at send time.
class ComponentId
{
public:
    //! std::nullopt when \a value is empty or longer than 100 UTF-16 units.
    static std::optional<ComponentId> create(const QString &value);
    const QString &value() const { return m_value; }
    bool operator==(const ComponentId &other) const = default;

private:
    explicit ComponentId(QString value)
        : m_value(std::move(value))
    {}
    QString m_value;
};

enum class ButtonStyle { Primary = 1, Secondary = 2, Success = 3, Danger = 4, Link = 5 };

//! A button (component type 2). Action buttons carry a ComponentId, link buttons a URL.
struct Button
{
    ButtonStyle style = ButtonStyle::Secondary;
    QString label; //!< truncated to 80 on serialization
    std::optional<ComponentId> customId;
    QUrl url;      //!< link buttons only
    QString emoji; //!< optional unicode emoji shown before the label
    bool disabled = false;

    static Button action(ButtonStyle style, ComponentId id, const QString &label);
    static Button link(const QUrl &url, const QString &label);
    QJsonObject toJson() const;
    bool operator==(const Button &other) const = default;
};

//! One choice of a string select. The value comes back in the interaction, so like a
//! ComponentId it is never truncated: an option whose value is empty or over 100 is dropped.
struct SelectOption
{
    QString label;       //!< truncated to 100
    QString value;       //!< 1–100, unique within the select
    QString description; //!< truncated to 100
    QString emoji;
    bool isDefault = false;

    QJsonObject toJson() const;
    bool operator==(const SelectOption &other) const = default;
};

//! A string select (component type 3): 1–25 options, placeholder ≤ 150.
struct StringSelect
{
    ComponentId customId;
    QList<SelectOption> options; //!< options past 25 are dropped with a warning
    QString placeholder;
    int minValues = 1;
    int maxValues = 1;
    bool disabled = false;

    QJsonObject toJson() const;
    bool operator==(const StringSelect &other) const = default;
};

//! An action row (component type 1): up to 5 buttons, or exactly one select.
struct ActionRow
{
    QList<Button> buttons;
    std::optional<StringSelect> select; //!< when set, buttons are ignored

    static ActionRow ofButtons(const QList<Button> &buttons);
    static ActionRow ofSelect(const StringSelect &select);
    QJsonObject toJson() const;
    bool operator==(const ActionRow &other) const = default;
};

} // namespace Pterodisbot
