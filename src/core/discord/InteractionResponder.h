#pragma once

#include <functional>
#include <memory>

#include <QHash>
#include <QObject>
#include <QPointer>

#include <QCoro/QCoroTask>

#include "TaskGroup.h"

#include "discord/Interaction.h"
#include "discord/InteractionAnswer.h"
#include "net/ApiError.h"

namespace Pterodisbot {

class Clock;
class InteractionDelivery;
struct InteractionExchange;
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
//! A handler returns exactly one answer, so an interaction can never be answered twice; a long
//! job shows where it is with showProgress(), and follow-ups ride on the answer or go through
//! followUp(). Everything sent for one interaction goes out in order, one request at a time;
//! which request each step is (endpoint, callback type, flags) is InteractionDelivery's.
//!
//! Whether a reply is ephemeral never depends on timing: with DeferStyle::EphemeralReply every
//! reply is ephemeral, and an ephemeral reply after a public deferral replaces the "thinking"
//! message by an ephemeral follow-up.
class InteractionResponder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractionResponder)

public:
    using Handler = std::function<QCoro::Task<InteractionAnswer>(Interaction)>;

    //! How a deferral (and progress) looks; it fixes what the final answer can be.
    enum class DeferStyle {
        Automatic,      //!< commands: Reply; components: UpdateMessage
        Reply,          //!< type 5, public "thinking"
        EphemeralReply, //!< type 5 with flag 64: progress and the answer are ephemeral
        UpdateMessage,  //!< type 6 (components): progress and updates edit the component's
                        //!< message, a reply becomes a follow-up
    };

    //! \a clock must outlive the responder; \a rest may be null until setRestClient().
    InteractionResponder(RestClient *rest, Clock *clock, ResponderOptions options = {},
                         QObject *parent = nullptr);
    ~InteractionResponder() override;

    //! Interactions handled from now on are answered through \a rest (a reconnect replaces the
    //! client); those under way keep theirs, and fail with Cancelled when it is deleted.
    void setRestClient(RestClient *rest);

    //! Runs \a handler for \a interaction and answers it. finished() tells the outcome.
    void handle(const Interaction &interaction, Handler handler,
                DeferStyle deferStyle = DeferStyle::Automatic);

    //! Shows \a message as the answer so far while the handler of \a interaction still works
    //! ("Refreshing 12 status embeds…"): the callback when nothing was sent yet (no deferral is
    //! needed then), else an edit of @original. The handler's answer comes after it and
    //! replaces it. Only the latest progress not yet on its way is kept; a failed progress edit
    //! is logged and does not stop the answer.
    void showProgress(const Interaction &interaction, const Message &message);

    //! An extra follow-up message for an interaction already answered (token valid 15 min).
    RestReply *followUp(const Interaction &interaction, const Message &message);
    RestReply *editOriginal(const Interaction &interaction, const Message &message);
    RestReply *deleteOriginal(const Interaction &interaction);

    //! Handlers still running, also those whose interaction timed out already.
    int runningHandlers() const { return m_handlers.count(); }
    //! Resumes when every handler started has returned; an owner's stop() awaits it, so that no
    //! handler outlives the responder suspended.
    QCoro::Task<> waitForHandlers() { return m_handlers.waitAll(); }

    //! Interactions whose answer is not delivered yet.
    int activeCount() const { return int(m_active.size()); }
    const ResponderOptions &options() const { return m_options; }

signals:
    //! The deferral for \a interactionId was accepted (callback \a callbackType, 5 or 6).
    void deferred(const QString &interactionId, int callbackType);
    //! The answer and its follow-ups were delivered, or \a error says why not.
    void finished(const QString &interactionId, const Pterodisbot::ApiError &error);

private:
    using ExchangePtr = std::shared_ptr<InteractionExchange>;

    void onDeferDue(const QString &id);
    void onAnswer(const QString &id, InteractionAnswer answer);
    //! Sends what is waiting (the answer, else the latest progress) unless a request is out.
    void pump(const ExchangePtr &exchange);
    void defer(const ExchangePtr &exchange);
    void sendProgress(const ExchangePtr &exchange, Message message);
    //! @original exists from now on (a deferral or progress landed): the token timer runs.
    void acknowledged(const ExchangePtr &exchange);
    void complete(const ExchangePtr &exchange, const ApiError &error);
    qint64 ageMs(const InteractionExchange &exchange) const;
    //! The exchange's client, or null after completing it with Cancelled.
    RestClient *restFor(const ExchangePtr &exchange);

    QPointer<RestClient> m_rest;
    Clock *m_clock;
    ResponderOptions m_options;
    QHash<QString, ExchangePtr> m_active;
    std::unique_ptr<InteractionDelivery> m_delivery;
    TaskGroup m_handlers;
};

} // namespace Pterodisbot
