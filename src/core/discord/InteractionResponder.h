#pragma once

#include <functional>
#include <memory>

#include <QHash>
#include <QObject>

#include <QCoro/QCoroTask>

#include "discord/Interaction.h"
#include "discord/InteractionAnswer.h"
#include "net/ApiError.h"

namespace Pterodisbot {

class Clock;
class RestClient;
class RestReply;

struct ResponderOptions
{
    //! Defer when the handler has not answered this long after the interaction arrived
    //! (Interaction::receivedAtMs): Discord drops callbacks after 3 s.
    int autoDeferMs = 2000;
    //! Interaction tokens die after 15 minutes; answers later than that are dropped.
    int tokenLifetimeMs = 15 * 60 * 1000;
};

//! Answers interactions in time, whatever the handler does: it runs the handler, and when the
//! handler has not returned its InteractionAnswer after autoDeferMs it defers (type 5 for
//! commands, 6 for components, or what the caller chose), then delivers the answer through
//! the webhook (PATCH @original, or a follow-up where @original is not the right message).
//! A handler returns exactly one answer, so an interaction can never be answered twice;
//! follow-ups ride on the answer or go through followUp().
class InteractionResponder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractionResponder)

public:
    using Handler = std::function<QCoro::Task<InteractionAnswer>(Interaction)>;

    //! How a deferral looks (it fixes what the final answer can be).
    enum class DeferStyle {
        Automatic,      //!< commands: Reply; components: UpdateMessage
        Reply,          //!< type 5, public "thinking"
        EphemeralReply, //!< type 5 with flag 64: the answer will be ephemeral
        UpdateMessage,  //!< type 6 (components)
    };

    //! \a rest and \a clock must outlive the responder.
    InteractionResponder(RestClient *rest, Clock *clock, ResponderOptions options = {},
                         QObject *parent = nullptr);
    ~InteractionResponder() override;

    //! Runs \a handler for \a interaction and answers it. finished() tells the outcome.
    void handle(const Interaction &interaction, Handler handler,
                DeferStyle deferStyle = DeferStyle::Automatic);

    //! An extra follow-up message for an interaction already answered (token valid 15 min).
    RestReply *followUp(const Interaction &interaction, const Message &message);
    RestReply *editOriginal(const Interaction &interaction, const Message &message);
    RestReply *deleteOriginal(const Interaction &interaction);

    //! Interactions whose answer is not delivered yet.
    int activeCount() const { return int(m_active.size()); }
    const ResponderOptions &options() const { return m_options; }

signals:
    //! The deferral for \a interactionId was accepted (callback \a callbackType, 5 or 6).
    void deferred(const QString &interactionId, int callbackType);
    //! The answer and its follow-ups were delivered, or \a error says why not.
    void finished(const QString &interactionId, const Pterodisbot::ApiError &error);

private:
    struct Exchange;
    enum class Phase { Running, Deferring, Deferred, Answering, Done };

    void onDeferDue(const QString &id);
    void onAnswer(const QString &id, InteractionAnswer answer);
    void sendCallback(const std::shared_ptr<Exchange> &exchange, const InteractionAnswer &answer);
    void sendAfterDeferral(const std::shared_ptr<Exchange> &exchange,
                           const InteractionAnswer &answer);
    void sendFollowUps(const std::shared_ptr<Exchange> &exchange, QList<Message> followUps);
    void complete(const std::shared_ptr<Exchange> &exchange, const ApiError &error);
    //! Calls \a next with the reply's error once \a reply finished.
    void then(RestReply *reply, std::function<void(const ApiError &)> next);

    RestClient *m_rest;
    Clock *m_clock;
    ResponderOptions m_options;
    QHash<QString, std::shared_ptr<Exchange>> m_active;
};

} // namespace Pterodisbot
