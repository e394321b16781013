// InteractionResponder, the sending half: the callback, the edits of @original and the
// follow-ups, each sent when the one before it finished.
#include "discord/InteractionResponder.h"

#include "discord/InteractionExchange.h"
#include "logging.h"

namespace Pterodisbot {

void InteractionResponder::sendProgress(const ExchangePtr &exchange, Message message)
{
    RestClient *rest = restFor(exchange);
    if (!rest)
        return;
    exchange->busy = true;
    const Interaction &interaction = exchange->interaction;
    if (exchange->updates)
        message.flags &= ~Message::Ephemeral; // an update keeps the message's own flags
    if (exchange->phase == Exchange::Phase::Acknowledged) {
        then(rest->editOriginalResponse(interaction.applicationId, interaction.token, message),
             [this, exchange](const ApiError &error) {
                 exchange->busy = false;
                 if (error) {
                     qCWarning(lcInteractions).noquote()
                         << "could not show progress for" << exchange->interaction.describe() << ":"
                         << error.toString();
                 }
                 pump(exchange);
             });
        return;
    }
    // The progress is the callback itself: no deferral is needed any more.
    exchange->timer->stop();
    InteractionCallbackType type = InteractionCallbackType::UpdateMessage;
    Message::Mode mode = Message::Mode::Edit;
    if (!exchange->updates) {
        type = InteractionCallbackType::ChannelMessageWithSource;
        mode = Message::Mode::Create;
        if (exchange->ephemeral)
            message.flags |= Message::Ephemeral;
        // The answer edits this message, so it is as private as the progress was.
        exchange->ephemeral = message.isEphemeral();
    }
    then(rest->createInteractionResponse(interaction.id, interaction.token, int(type), message,
                                         mode),
         [this, exchange](const ApiError &error) {
             exchange->busy = false;
             if (exchange->phase == Exchange::Phase::Done)
                 return;
             if (error) {
                 complete(exchange, error);
                 return;
             }
             acknowledged(exchange);
             pump(exchange);
         });
}

void InteractionResponder::sendCallback(const ExchangePtr &exchange,
                                        const InteractionAnswer &answer)
{
    RestClient *rest = restFor(exchange);
    if (!rest)
        return;
    const Interaction &interaction = exchange->interaction;
    InteractionCallbackType type = InteractionCallbackType::ChannelMessageWithSource;
    std::optional<Message> data = answer.message;
    Message::Mode mode = Message::Mode::Create;
    switch (answer.kind) {
    case InteractionAnswer::Kind::Update:
        if (exchange->updates) {
            type = InteractionCallbackType::UpdateMessage;
            mode = Message::Mode::Edit;
            data->flags &= ~Message::Ephemeral; // an update keeps the message's own flags
        }
        break; // else a reply, as it would be after a deferral
    case InteractionAnswer::Kind::Reply:
        break;
    case InteractionAnswer::Kind::Acknowledge:
        if (interaction.isComponent()) {
            type = InteractionCallbackType::DeferredUpdateMessage;
            data.reset();
        } else {
            // A command needs a visible answer.
            qCWarning(lcInteractions).noquote() << "no answer for" << interaction.describe();
            data = InteractionAnswer::ephemeralText(QStringLiteral("Done.")).message;
        }
        break;
    }
    if (type == InteractionCallbackType::ChannelMessageWithSource && exchange->ephemeral)
        data->flags |= Message::Ephemeral;
    RestReply *reply =
        rest->createInteractionResponse(interaction.id, interaction.token, int(type), data, mode);
    then(reply, [this, exchange, followUps = answer.followUps](const ApiError &error) {
        if (error) {
            complete(exchange, error);
            return;
        }
        sendFollowUps(exchange, followUps);
    });
}

void InteractionResponder::sendAfterOriginal(const ExchangePtr &exchange,
                                             const InteractionAnswer &answer)
{
    RestClient *rest = restFor(exchange);
    if (!rest)
        return;
    const Interaction &interaction = exchange->interaction;
    const auto next = [this, exchange, followUps = answer.followUps](const ApiError &error) {
        if (error) {
            complete(exchange, error);
            return;
        }
        sendFollowUps(exchange, followUps);
    };

    if (answer.kind == InteractionAnswer::Kind::Acknowledge) {
        if (exchange->updates)
            next({});
        else // remove the "thinking" (or progress) message
            then(rest->deleteOriginalResponse(interaction.applicationId, interaction.token), next);
        return;
    }
    if (answer.kind == InteractionAnswer::Kind::Update && exchange->updates) {
        Message message = answer.message;
        message.flags &= ~Message::Ephemeral;
        then(rest->editOriginalResponse(interaction.applicationId, interaction.token, message),
             next);
        return;
    }
    // A reply (an update where @original is not the component's message is one too).
    if (exchange->updates) {
        // @original is the component's message; a reply is a new message.
        then(rest->createFollowUp(interaction.applicationId, interaction.token, answer.message),
             next);
    } else if (answer.message.isEphemeral() && !exchange->ephemeral) {
        // The public "thinking" message cannot become ephemeral: replace it by an ephemeral
        // follow-up so nothing private shows up in the channel.
        then(rest->deleteOriginalResponse(interaction.applicationId, interaction.token),
             [this, exchange, message = answer.message, next](const ApiError &error) {
                 if (error) {
                     complete(exchange, error);
                     return;
                 }
                 if (RestClient *rest = restFor(exchange)) {
                     then(rest->createFollowUp(exchange->interaction.applicationId,
                                               exchange->interaction.token, message),
                          next);
                 }
             });
    } else {
        then(rest->editOriginalResponse(interaction.applicationId, interaction.token,
                                        answer.message),
             next);
    }
}

void InteractionResponder::sendFollowUps(const ExchangePtr &exchange, QList<Message> followUps)
{
    if (followUps.isEmpty()) {
        complete(exchange, {});
        return;
    }
    RestClient *rest = restFor(exchange);
    if (!rest)
        return;
    const Message first = followUps.takeFirst();
    then(rest->createFollowUp(exchange->interaction.applicationId, exchange->interaction.token,
                              first),
         [this, exchange, followUps](const ApiError &error) {
             if (error) {
                 complete(exchange, error);
                 return;
             }
             sendFollowUps(exchange, followUps);
         });
}

} // namespace Pterodisbot
