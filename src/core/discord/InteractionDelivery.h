#pragma once

#include <functional>
#include <memory>

#include <QList>

#include "discord/Message.h"

class QObject;

namespace Pterodisbot {

struct ApiError;
struct InteractionAnswer;
struct InteractionExchange;
class RestClient;
class RestReply;

//! How each step of answering an interaction goes on the wire: the deferral, progress (the
//! callback or an edit of @original), and the answer (the callback, an edit or deletion of
//! @original, or a follow-up) with its follow-ups, each sent when the one before it finished.
//! It picks the callback type, the endpoint and the ephemeral flag from what the exchange says
//! reached Discord so far; when to send and what the outcome means is InteractionResponder's.
class InteractionDelivery final
{
    Q_DISABLE_COPY_MOVE(InteractionDelivery)

public:
    using ExchangePtr = std::shared_ptr<InteractionExchange>;
    //! Called once with the outcome of a step; a null error: it landed.
    using Done = std::function<void(const ApiError &)>;

    //! Answers to requests are handled while \a context lives.
    explicit InteractionDelivery(QObject *context);

    //! The error of an exchange whose RestClient was deleted.
    static ApiError clientGone();

    //! The deferral's callback type: 6 when the exchange updates a component's message, else 5.
    static int deferralType(const InteractionExchange &exchange);
    //! Defers with deferralType() (type 5 with flag 64 when the exchange is ephemeral).
    void defer(const ExchangePtr &exchange, Done done);
    //! Progress: an edit of @original once it exists, else the callback itself (type 7 for
    //! updates, else 4), after which the exchange's replies are as ephemeral as this message.
    void progress(const ExchangePtr &exchange, Message message, Done done);
    //! The answer, then its follow-ups; \a done once, with the first error. Before anything
    //! reached Discord the answer is the callback; once @original exists (\a originalExists)
    //! it edits or deletes @original, or is a follow-up where @original is not the right
    //! message (an ephemeral reply after a public deferral replaces it by one).
    void answer(const ExchangePtr &exchange, const InteractionAnswer &answer, bool originalExists,
                Done done);

private:
    void answerByCallback(RestClient *rest, const ExchangePtr &exchange,
                          const InteractionAnswer &answer, Done next);
    //! \a next after the answer landed, \a done on an error before it.
    void answerAfterOriginal(RestClient *rest, const ExchangePtr &exchange,
                             const InteractionAnswer &answer, Done next, Done done);
    void sendFollowUps(const ExchangePtr &exchange, QList<Message> followUps, Done done);
    //! The exchange's client, or null after calling \a done with clientGone().
    static RestClient *restFor(const ExchangePtr &exchange, const Done &done);
    //! Calls \a next with the reply's error once \a reply finished.
    void then(RestReply *reply, Done next);

    QObject *m_context;
};

} // namespace Pterodisbot
