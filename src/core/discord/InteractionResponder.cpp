#include "discord/InteractionResponder.h"

#include "Clock.h"
#include "discord/InteractionDelivery.h"
#include "discord/InteractionExchange.h"
#include "i18n/Wording.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

ApiError timeout(const QString &message)
{
    return ApiError{ApiError::Kind::Timeout, 0, {}, message};
}

} // namespace

InteractionResponder::InteractionResponder(RestClient *rest, Clock *clock, ResponderOptions options,
                                           QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_clock(clock)
    , m_options(options)
    , m_delivery(std::make_unique<InteractionDelivery>(this))
{}

InteractionResponder::~InteractionResponder() = default;

void InteractionResponder::setRestClient(RestClient *rest)
{
    m_rest = rest;
}

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
    if (deferStyle == DeferStyle::Automatic)
        deferStyle = interaction.isComponent() ? DeferStyle::UpdateMessage : DeferStyle::Reply;
    auto exchange = std::make_shared<InteractionExchange>();
    exchange->interaction = interaction;
    exchange->rest = m_rest;
    // A command has no message of its own to update.
    exchange->updates = deferStyle == DeferStyle::UpdateMessage && interaction.isComponent();
    exchange->ephemeral = deferStyle == DeferStyle::EphemeralReply;
    m_active.insert(id, exchange);

    exchange->timer = std::make_unique<QTimer>();
    exchange->timer->setSingleShot(true);
    exchange->timer->setTimerType(Qt::PreciseTimer);
    connect(exchange->timer.get(), &QTimer::timeout, this, [this, id] { onDeferDue(id); });
    exchange->timer->start(int(std::max<qint64>(0, m_options.autoDeferMs - ageMs(*exchange))));

    qCDebug(lcInteractions).noquote() << "handling" << interaction.describe();
    // The handler object is kept alive until its coroutine ends: a lambda coroutine reads its
    // captures from the lambda, not from the coroutine frame.
    QPointer<InteractionResponder> self(this);
    auto keep = std::make_shared<Handler>(std::move(handler));
    m_handlers.start(
        (*keep)(interaction)
            .then(
                [self, id, keep](InteractionAnswer answer) {
                    if (self)
                        self->onAnswer(id, std::move(answer));
                },
                [self, id, keep, locale = interaction.locale](const std::exception &error) {
                    if (!self)
                        return;
                    qCCritical(lcInteractions) << "interaction handler failed:" << error.what();
                    self->onAnswer(id, InteractionAnswer::ephemeralText(Wording(locale).translate(
                                           "InteractionResponder",
                                           "Something went wrong while handling this.")));
                }));
}

void InteractionResponder::showProgress(const Interaction &interaction, const Message &message)
{
    const auto exchange = m_active.value(interaction.id);
    if (!exchange || exchange->answer || exchange->phase == InteractionExchange::Phase::Answering ||
        exchange->phase == InteractionExchange::Phase::Done)
        return;
    exchange->progress = message;
    pump(exchange);
}

void InteractionResponder::onDeferDue(const QString &id)
{
    const auto exchange = m_active.value(id);
    if (!exchange)
        return;
    if (exchange->phase == InteractionExchange::Phase::Acknowledged) {
        // The token died and the handler never answered: forget the interaction.
        complete(exchange, timeout(QStringLiteral("the handler did not answer while the "
                                                  "interaction token was valid")));
        return;
    }
    // A progress callback on its way acknowledges the interaction already.
    if (exchange->phase == InteractionExchange::Phase::Waiting && !exchange->busy)
        defer(exchange);
}

void InteractionResponder::onAnswer(const QString &id, InteractionAnswer answer)
{
    const auto exchange = m_active.value(id);
    if (!exchange)
        return;
    if (ageMs(*exchange) > m_options.tokenLifetimeMs) {
        complete(exchange, timeout(QStringLiteral("the handler answered after the interaction "
                                                  "token expired")));
        return;
    }
    exchange->answer = std::move(answer);
    pump(exchange);
}

void InteractionResponder::pump(const ExchangePtr &exchange)
{
    using Phase = InteractionExchange::Phase;
    if (exchange->busy || exchange->phase == Phase::Answering || exchange->phase == Phase::Done)
        return;
    if (exchange->answer) {
        const InteractionAnswer answer = std::move(*exchange->answer);
        exchange->answer.reset();
        exchange->progress.reset(); // the answer replaces it anyway
        exchange->timer->stop();
        const bool hasOriginal = exchange->phase == Phase::Acknowledged;
        exchange->phase = Phase::Answering;
        m_delivery->answer(exchange, answer, hasOriginal,
                           [this, exchange](const ApiError &error) { complete(exchange, error); });
        return;
    }
    if (exchange->progress) {
        Message message = std::move(*exchange->progress);
        exchange->progress.reset();
        sendProgress(exchange, std::move(message));
    }
}

void InteractionResponder::defer(const ExchangePtr &exchange)
{
    if (!restFor(exchange))
        return;
    exchange->busy = true;
    const int type = InteractionDelivery::deferralType(*exchange);
    m_delivery->defer(exchange, [this, exchange, type](const ApiError &error) {
        exchange->busy = false;
        if (exchange->phase == InteractionExchange::Phase::Done)
            return;
        if (error) {
            qCWarning(lcInteractions).noquote()
                << "deferral failed:" << error.toString() << exchange->interaction.describe();
            complete(exchange, error);
            return;
        }
        emit deferred(exchange->interaction.id, type);
        acknowledged(exchange);
        pump(exchange);
    });
}

void InteractionResponder::sendProgress(const ExchangePtr &exchange, Message message)
{
    if (!restFor(exchange))
        return;
    exchange->busy = true;
    const bool editsOriginal = exchange->phase == InteractionExchange::Phase::Acknowledged;
    // Otherwise the progress is the callback itself: no deferral is needed any more.
    if (!editsOriginal)
        exchange->timer->stop();
    m_delivery->progress(
        exchange, std::move(message), [this, exchange, editsOriginal](const ApiError &error) {
            exchange->busy = false;
            if (editsOriginal) {
                if (error) {
                    qCWarning(lcInteractions).noquote()
                        << "could not show progress for" << exchange->interaction.describe() << ":"
                        << error.toString();
                }
                pump(exchange);
                return;
            }
            if (exchange->phase == InteractionExchange::Phase::Done)
                return;
            if (error) {
                complete(exchange, error);
                return;
            }
            acknowledged(exchange);
            pump(exchange);
        });
}

void InteractionResponder::acknowledged(const ExchangePtr &exchange)
{
    exchange->phase = InteractionExchange::Phase::Acknowledged;
    exchange->timer->start(int(std::max<qint64>(0, m_options.tokenLifetimeMs - ageMs(*exchange))));
}

void InteractionResponder::complete(const ExchangePtr &exchange, const ApiError &error)
{
    if (exchange->phase == InteractionExchange::Phase::Done)
        return;
    exchange->phase = InteractionExchange::Phase::Done;
    exchange->progress.reset();
    exchange->answer.reset();
    if (exchange->timer)
        exchange->timer->stop();
    m_active.remove(exchange->interaction.id);
    if (error)
        qCWarning(lcInteractions).noquote()
            << "could not answer" << exchange->interaction.describe() << ":" << error.toString();
    emit finished(exchange->interaction.id, error);
}

qint64 InteractionResponder::ageMs(const InteractionExchange &exchange) const
{
    return exchange.interaction.receivedAtMs >= 0
               ? m_clock->monotonicMs() - exchange.interaction.receivedAtMs
               : 0;
}

RestClient *InteractionResponder::restFor(const ExchangePtr &exchange)
{
    if (!exchange->rest)
        complete(exchange, InteractionDelivery::clientGone());
    return exchange->rest;
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
