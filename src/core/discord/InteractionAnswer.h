#pragma once

#include <QList>

#include "discord/Message.h"

namespace Pterodisbot {

//! Interaction callback types (POST /interactions/{id}/{token}/callback).
enum class InteractionCallbackType {
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5, //!< "Bot is thinking…", then edit @original
    DeferredUpdateMessage = 6,            //!< components: nothing visible, edit the message later
    UpdateMessage = 7,                    //!< components: edit the message the component is on
    ApplicationCommandAutocompleteResult = 8,
};

//! What a handler decides to answer, exactly once: the handler returns it, and the
//! InteractionResponder sends it the right way (callback, or webhook after a deferral).
struct InteractionAnswer
{
    enum class Kind {
        Reply,       //!< a new message (ephemeral when message.flags has Ephemeral)
        Update,      //!< components: replace the message the component is on
        Acknowledge, //!< components: nothing to show
    };

    Kind kind = Kind::Acknowledge;
    Message message;
    //! Sent after the answer, in order, as follow-up messages.
    QList<Message> followUps;

    static InteractionAnswer reply(Message message, bool ephemeral = false);
    //! An ephemeral reply with just \a text (refusals, confirmations).
    static InteractionAnswer ephemeralText(const QString &text);
    static InteractionAnswer update(Message message);
    static InteractionAnswer acknowledge();
    InteractionAnswer &withFollowUp(const Message &message);
};

} // namespace Pterodisbot
