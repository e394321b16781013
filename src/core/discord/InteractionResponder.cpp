#include "discord/InteractionResponder.h"

#include <QTimer>

#include "Clock.h"
#include "discord/DiscordError.h"
#include "discord/RestClient.h"
#include "logging.h"

namespace Pterodisbot {

struct InteractionResponder::Exchange
{
    Interaction interaction;
    Phase phase = Phase::Running;
    InteractionCallbackType deferType = InteractionCallbackType::DeferredChannelMessageWithSource;
    bool deferEphemeral = false;
    std::unique_ptr<QTimer> timer;
    std::optional<InteractionAnswer> pending; //!< the answer, while the deferral is on its way
};

InteractionResponder::InteractionResponder(RestClient *rest, Clock *clock, ResponderOptions options,
                                           QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_clock(clock)
    , m_options(options)
{}

InteractionResponder::~InteractionResponder() = default;

void InteractionResponder::handle(const Interaction &interaction, Handler handler,
                                  DeferStyle deferStyle)
{
    const QString id = interaction.id;
    if (m_active.contains(id)) {
        // Discord delivers an interaction once; a second copy (a replayed dispatch) must not
        // run the handler again.
        qCWarning(lcInteractions).noquote()
            << "ignoring a second delivery of" << interaction.describe();
        return;
    }
    auto exchange = std::make_shared<Exchange>();
    exchange->interaction = interaction;
    if (deferStyle == DeferStyle::Automatic)
        deferStyle = interaction.isComponent() ? DeferStyle::UpdateMessage : DeferStyle::Reply;
    exchange->deferType = deferStyle == DeferStyle::UpdateMessage
                              ? InteractionCallbackType::DeferredUpdateMessage
                              : InteractionCallbackType::DeferredChannelMessageWithSource;
    exchange->deferEphemeral = deferStyle == DeferStyle::EphemeralReply;
    m_active.insert(id, exchange);

    const qint64 waited =
        interaction.receivedAtMs >= 0 ? m_clock->monotonicMs() - interaction.receivedAtMs : 0;
    exchange->timer = std::make_unique<QTimer>();
    exchange->timer->setSingleShot(true);
    exchange->timer->setTimerType(Qt::PreciseTimer);
    connect(exchange->timer.get(), &QTimer::timeout, this, [this, id] { onDeferDue(id); });
    exchange->timer->start(int(std::max<qint64>(0, m_options.autoDeferMs - waited)));

    qCDebug(lcInteractions).noquote() << "handling" << interaction.describe();
    // The handler object is kept alive until its coroutine ends: a lambda coroutine reads its
    // captures from the lambda, not from the coroutine frame.
    QPointer<InteractionResponder> self(this);
    auto keep = std::make_shared<Handler>(std::move(handler));
    (*keep)(interaction)
        .then(
            [self, id, keep](InteractionAnswer answer) {
                if (self)
                    self->onAnswer(id, std::move(answer));
            },
            [self, id, keep](const std::exception &error) {
                if (!self)
                    return;
                qCCritical(lcInteractions) << "interaction handler failed:" << error.what();
                self->onAnswer(id, InteractionAnswer::ephemeralText(QStringLiteral(
                                       "Something went wrong while handling this.")));
            });
}

void InteractionResponder::onDeferDue(const QString &id)
{
    const auto exchange = m_active.value(id);
    if (!exchange)
        return;
    if (exchange->phase == Phase::Deferred) {
        // The token died and the handler never answered: forget the interaction.
        complete(exchange, ApiError{ApiError::Kind::Timeout,
                                    0,
                                    {},
                                    QStringLiteral("the handler did not answer while the "
                                                   "interaction token was valid")});
        return;
    }
    if (exchange->phase != Phase::Running)
        return;
    exchange->phase = Phase::Deferring;
    std::optional<Message> data;
    if (exchange->deferEphemeral) {
        data = Message{};
        data->flags = Message::Ephemeral;
    }
    const int type = int(exchange->deferType);
    qCDebug(lcInteractions).noquote()
        << "deferring (type" << type << ")" << exchange->interaction.describe();
    RestReply *reply = m_rest->createInteractionResponse(exchange->interaction.id,
                                                         exchange->interaction.token, type, data);
    then(reply, [this, exchange, type](const ApiError &error) {
        if (error) {
            qCWarning(lcInteractions).noquote()
                << "deferral failed:" << error.toString() << exchange->interaction.describe();
            complete(exchange, error);
            return;
        }
        exchange->phase = Phase::Deferred;
        emit deferred(exchange->interaction.id, type);
        const qint64 age = exchange->interaction.receivedAtMs >= 0
                               ? m_clock->monotonicMs() - exchange->interaction.receivedAtMs
                               : 0;
        exchange->timer->start(int(std::max<qint64>(0, m_options.tokenLifetimeMs - age)));
        if (exchange->pending) {
            const InteractionAnswer answer = std::move(*exchange->pending);
            exchange->pending.reset();
            sendAfterDeferral(exchange, answer);
        }
    });
}

void InteractionResponder::onAnswer(const QString &id, InteractionAnswer answer)
{
    const auto exchange = m_active.value(id);
    if (!exchange)
        return;
    const qint64 age = exchange->interaction.receivedAtMs >= 0
                           ? m_clock->monotonicMs() - exchange->interaction.receivedAtMs
                           : 0;
    if (age > m_options.tokenLifetimeMs) {
        complete(exchange, ApiError{ApiError::Kind::Timeout,
                                    0,
                                    {},
                                    QStringLiteral("the handler answered after the interaction "
                                                   "token expired")});
        return;
    }
    switch (exchange->phase) {
    case Phase::Running:
        exchange->timer->stop();
        sendCallback(exchange, answer);
        break;
    case Phase::Deferring:
        exchange->pending = std::move(answer);
        break;
    case Phase::Deferred:
        sendAfterDeferral(exchange, answer);
        break;
    case Phase::Answering:
    case Phase::Done:
        break; // cannot happen: a handler returns once
    }
}

void InteractionResponder::sendCallback(const std::shared_ptr<Exchange> &exchange,
                                        const InteractionAnswer &answer)
{
    exchange->phase = Phase::Answering;
    const Interaction &interaction = exchange->interaction;
    InteractionCallbackType type = InteractionCallbackType::ChannelMessageWithSource;
    std::optional<Message> data = answer.message;
    Message::Mode mode = Message::Mode::Create;
    switch (answer.kind) {
    case InteractionAnswer::Kind::Reply:
        break;
    case InteractionAnswer::Kind::Update:
        if (interaction.isComponent()) {
            type = InteractionCallbackType::UpdateMessage;
            mode = Message::Mode::Edit;
        }
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
    RestReply *reply =
        m_rest->createInteractionResponse(interaction.id, interaction.token, int(type), data, mode);
    then(reply, [this, exchange, followUps = answer.followUps](const ApiError &error) {
        if (error) {
            complete(exchange, error);
            return;
        }
        sendFollowUps(exchange, followUps);
    });
}

void InteractionResponder::sendAfterDeferral(const std::shared_ptr<Exchange> &exchange,
                                             const InteractionAnswer &answer)
{
    exchange->phase = Phase::Answering;
    const Interaction &interaction = exchange->interaction;
    const bool updateDeferral =
        exchange->deferType == InteractionCallbackType::DeferredUpdateMessage;
    const auto next = [this, exchange, followUps = answer.followUps](const ApiError &error) {
        if (error) {
            complete(exchange, error);
            return;
        }
        sendFollowUps(exchange, followUps);
    };

    switch (answer.kind) {
    case InteractionAnswer::Kind::Reply: {
        const bool wantsEphemeral = answer.message.isEphemeral();
        if (updateDeferral) {
            // @original is the component's message; a reply is a new message.
            then(m_rest->createFollowUp(interaction.applicationId, interaction.token,
                                        answer.message),
                 next);
        } else if (wantsEphemeral && !exchange->deferEphemeral) {
            // The public "thinking" message cannot become ephemeral: replace it by an
            // ephemeral follow-up so nothing private shows up in the channel.
            then(m_rest->deleteOriginalResponse(interaction.applicationId, interaction.token),
                 [this, exchange, answer, next](const ApiError &error) {
                     if (error) {
                         complete(exchange, error);
                         return;
                     }
                     then(m_rest->createFollowUp(exchange->interaction.applicationId,
                                                 exchange->interaction.token, answer.message),
                          next);
                 });
        } else {
            then(m_rest->editOriginalResponse(interaction.applicationId, interaction.token,
                                              answer.message),
                 next);
        }
        break;
    }
    case InteractionAnswer::Kind::Update:
        then(m_rest->editOriginalResponse(interaction.applicationId, interaction.token,
                                          answer.message),
             next);
        break;
    case InteractionAnswer::Kind::Acknowledge:
        if (updateDeferral)
            next({});
        else // remove the "thinking" message
            then(m_rest->deleteOriginalResponse(interaction.applicationId, interaction.token),
                 next);
        break;
    }
}

void InteractionResponder::sendFollowUps(const std::shared_ptr<Exchange> &exchange,
                                         QList<Message> followUps)
{
    if (followUps.isEmpty()) {
        complete(exchange, {});
        return;
    }
    const Message first = followUps.takeFirst();
    then(m_rest->createFollowUp(exchange->interaction.applicationId, exchange->interaction.token,
                                first),
         [this, exchange, followUps](const ApiError &error) {
             if (error) {
                 complete(exchange, error);
                 return;
             }
             sendFollowUps(exchange, followUps);
         });
}

void InteractionResponder::complete(const std::shared_ptr<Exchange> &exchange,
                                    const ApiError &error)
{
    if (exchange->phase == Phase::Done)
        return;
    exchange->phase = Phase::Done;
    if (exchange->timer)
        exchange->timer->stop();
    m_active.remove(exchange->interaction.id);
    if (error)
        qCWarning(lcInteractions).noquote()
            << "could not answer" << exchange->interaction.describe() << ":" << error.toString();
    emit finished(exchange->interaction.id, error);
}

void InteractionResponder::then(RestReply *reply, std::function<void(const ApiError &)> next)
{
    connect(reply, &RestReply::finished, this,
            [reply, next = std::move(next)] { next(reply->error()); });
}

RestReply *InteractionResponder::followUp(const Interaction &interaction, const Message &message)
{
    return m_rest->createFollowUp(interaction.applicationId, interaction.token, message);
}

RestReply *InteractionResponder::editOriginal(const Interaction &interaction,
                                              const Message &message)
{
    return m_rest->editOriginalResponse(interaction.applicationId, interaction.token, message);
}

RestReply *InteractionResponder::deleteOriginal(const Interaction &interaction)
{
    return m_rest->deleteOriginalResponse(interaction.applicationId, interaction.token);
}

} // namespace Pterodisbot
