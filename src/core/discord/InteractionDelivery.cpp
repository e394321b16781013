#include "discord/InteractionDelivery.h"

#include "discord/InteractionExchange.h"
#include "i18n/Wording.h"
#include "logging.h"
#include "net/ApiError.h"

namespace Pterodisbot {

InteractionDelivery::InteractionDelivery(QObject *context)
    : m_context(context)
{}

ApiError InteractionDelivery::clientGone()
{
    return ApiError::cancelled(QStringLiteral("the Discord client is gone"));
}

RestClient *InteractionDelivery::restFor(const ExchangePtr &exchange, const Done &done)
{
    if (!exchange->rest)
        done(clientGone());
    return exchange->rest;
}

void InteractionDelivery::then(RestReply *reply, Done next)
{
    QObject::connect(reply, &RestReply::finished, m_context,
                     [reply, next = std::move(next)] { next(reply->error()); });
}

int InteractionDelivery::deferralType(const InteractionExchange &exchange)
{
    return int(exchange.updates ? InteractionCallbackType::DeferredUpdateMessage
                                : InteractionCallbackType::DeferredChannelMessageWithSource);
}

void InteractionDelivery::defer(const ExchangePtr &exchange, Done done)
{
    RestClient *rest = restFor(exchange, done);
    if (!rest)
        return;
    std::optional<Message> data;
    if (exchange->ephemeral) {
        data = Message{};
        data->flags = Message::Ephemeral;
    }
    const int type = deferralType(*exchange);
    qCDebug(lcInteractions).noquote()
        << "deferring (type" << type << ")" << exchange->interaction.describe();
    then(rest->createInteractionResponse(exchange->interaction.id, exchange->interaction.token,
                                         type, data),
         std::move(done));
}

void InteractionDelivery::progress(const ExchangePtr &exchange, Message message, Done done)
{
    RestClient *rest = restFor(exchange, done);
    if (!rest)
        return;
    const Interaction &interaction = exchange->interaction;
    if (exchange->updates)
        message.flags &= ~Message::Ephemeral; // an update keeps the message's own flags
    if (exchange->phase == InteractionExchange::Phase::Acknowledged) {
        then(rest->editOriginalResponse(interaction.applicationId, interaction.token, message),
             std::move(done));
        return;
    }
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
         std::move(done));
}

void InteractionDelivery::answer(const ExchangePtr &exchange, const InteractionAnswer &answer,
                                 bool originalExists, Done done)
{
    RestClient *rest = restFor(exchange, done);
    if (!rest)
        return;
    // Once the answer landed, its follow-ups go out in order.
    const auto next = [this, exchange, followUps = answer.followUps, done](const ApiError &error) {
        if (error) {
            done(error);
            return;
        }
        sendFollowUps(exchange, followUps, done);
    };
    if (originalExists)
        answerAfterOriginal(rest, exchange, answer, next, done);
    else
        answerByCallback(rest, exchange, answer, next);
}

void InteractionDelivery::answerByCallback(RestClient *rest, const ExchangePtr &exchange,
                                           const InteractionAnswer &answer, Done next)
{
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
            data = InteractionAnswer::ephemeralText(
                       Wording(interaction.locale).translate("InteractionDelivery", "Done."))
                       .message;
        }
        break;
    }
    if (type == InteractionCallbackType::ChannelMessageWithSource && exchange->ephemeral)
        data->flags |= Message::Ephemeral;
    then(rest->createInteractionResponse(interaction.id, interaction.token, int(type), data, mode),
         std::move(next));
}

void InteractionDelivery::answerAfterOriginal(RestClient *rest, const ExchangePtr &exchange,
                                              const InteractionAnswer &answer, Done next, Done done)
{
    const Interaction &interaction = exchange->interaction;
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
             [this, exchange, message = answer.message, next, done](const ApiError &error) {
                 if (error) {
                     done(error);
                     return;
                 }
                 if (RestClient *rest = restFor(exchange, done)) {
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

void InteractionDelivery::sendFollowUps(const ExchangePtr &exchange, QList<Message> followUps,
                                        Done done)
{
    if (followUps.isEmpty()) {
        done({});
        return;
    }
    RestClient *rest = restFor(exchange, done);
    if (!rest)
        return;
    const Message first = followUps.takeFirst();
    then(rest->createFollowUp(exchange->interaction.applicationId, exchange->interaction.token,
                              first),
         [this, exchange, followUps, done](const ApiError &error) {
             if (error) {
                 done(error);
                 return;
             }
             sendFollowUps(exchange, followUps, done);
         });
}

} // namespace Pterodisbot
