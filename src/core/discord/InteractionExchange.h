#pragma once

// Private to InteractionResponder and InteractionDelivery: the state of one interaction being
// answered.

#include <memory>
#include <optional>

#include <QPointer>
#include <QTimer>

#include "discord/Interaction.h"
#include "discord/InteractionAnswer.h"
#include "discord/RestClient.h"

namespace Pterodisbot {

//! One interaction being answered: what reached Discord so far and what waits to be sent.
struct InteractionExchange
{
    enum class Phase {
        Waiting,      //!< nothing reached Discord yet
        Acknowledged, //!< @original exists (a deferral or progress landed): edits go there
        Answering,    //!< the answer is on its way
        Done,
    };

    Interaction interaction;
    QPointer<RestClient> rest;
    Phase phase = Phase::Waiting;
    //! @original is the component's message (deferral 6, progress 7), so updates edit it.
    bool updates = false;
    //! Replies are ephemeral: the deferral carried flag 64, or the first progress was ephemeral.
    bool ephemeral = false;
    //! A request for this interaction is on its way; the next one waits for it.
    bool busy = false;
    //! Fires when the deferral is due, and once acknowledged, when the token dies.
    std::unique_ptr<QTimer> timer;
    std::optional<Message> progress;
    std::optional<InteractionAnswer> answer;
};

} // namespace Pterodisbot
