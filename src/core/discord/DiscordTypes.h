#pragma once

// Discord's numeric type codes as enums, so that no caller compares with a bare number.

namespace Pterodisbot {

//! The `type` of an interaction.
enum class InteractionType {
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
};

//! The `type` of a message component, and `data.component_type` of a component interaction.
enum class ComponentType {
    Unknown = 0,
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
};

//! The `type` of an application command (`data.type` of a command interaction).
enum class CommandType {
    Unknown = 0,
    ChatInput = 1, //!< a slash command
    User = 2,
    Message = 3,
};

} // namespace Pterodisbot
