#include "bot/BotReply.h"

#include <algorithm>

#include <QCoroSignal>

#include "Clock.h"
#include "discord/RestClient.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

// Interaction callback types (Discord "interaction response types").
constexpr int ChannelMessage = 4;
constexpr int DeferredChannelMessage = 5;
constexpr int DeferredUpdateMessage = 6;
constexpr int UpdateMessage = 7;

ApiError cancelled()
{
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.message = QStringLiteral("the bot is shutting down");
    return error;
}

} // namespace

BotReply::BotReply(RestClient *rest, Clock *clock, QString applicationId,
                   const Interaction &interaction, Style style, bool ephemeral, int deferAfterMs,
                   QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_clock(clock)
    , m_applicationId(std::move(applicationId))
    , m_interactionId(interaction.id)
    , m_token(interaction.token)
    , m_description(interaction.describe())
    , m_style(interaction.isComponent() ? style : Style::NewMessage)
    , m_ephemeral(ephemeral)
{
    m_deferTimer.setSingleShot(true);
    connect(&m_deferTimer, &QTimer::timeout, this, &BotReply::deferNow);
    const qint64 arrived =
        interaction.receivedAtMs >= 0 ? interaction.receivedAtMs : m_clock->monotonicMs();
    const qint64 left = arrived + deferAfterMs - m_clock->monotonicMs();
    m_deferTimer.start(int(std::clamp<qint64>(left, 0, deferAfterMs)));
}

BotReply::~BotReply() = default;

void BotReply::deferNow()
{
    if (m_state != State::Pending || !m_rest)
        return;
    m_state = State::Deferring;
    m_wasDeferred = true;
    qCDebug(lcInteractions) << "deferring" << m_description;
    std::optional<Message> data;
    if (m_style == Style::NewMessage && m_ephemeral) {
        Message flags;
        flags.flags = Message::Ephemeral;
        data = flags;
    }
    RestReply *reply = m_rest->createInteractionResponse(
        m_interactionId, m_token,
        m_style == Style::NewMessage ? DeferredChannelMessage : DeferredUpdateMessage, data);
    QPointer<BotReply> self(this);
    connect(reply, &RestReply::finished, this, [this, reply] {
        if (reply->error()) {
            m_error = reply->error();
            m_state = State::Failed;
            qCWarning(lcInteractions).noquote()
                << "could not acknowledge" << m_description << ":" << m_error.toString();
        } else {
            m_state = State::Deferred;
        }
        emit deferSettled();
    });
}

QCoro::Task<ApiError> BotReply::send(Message message)
{
    QPointer<BotReply> self(this);
    m_deferTimer.stop();
    while (m_state == State::Deferring || m_state == State::Answering) {
        co_await qCoro(this, &BotReply::deferSettled);
        if (!self)
            co_return cancelled();
    }
    if (!m_rest)
        co_return cancelled();
    if (m_ephemeral && m_style == Style::NewMessage)
        message.flags |= Message::Ephemeral;
    else if (m_style == Style::UpdateMessage)
        message.flags &= ~Message::Ephemeral; // an update keeps the message's own flags

    if (m_state == State::Failed)
        co_return m_error;
    if (m_state == State::Pending) {
        m_state = State::Answering;
        RestReply *reply = m_rest->createInteractionResponse(
            m_interactionId, m_token, m_style == Style::NewMessage ? ChannelMessage : UpdateMessage,
            message, m_style == Style::NewMessage ? Message::Mode::Create : Message::Mode::Edit);
        co_await qCoro(reply, &RestReply::finished);
        const ApiError error = reply->error();
        if (!self)
            co_return error;
        m_state = error ? State::Failed : State::Answered;
        m_error = error;
        if (error) {
            qCWarning(lcInteractions).noquote()
                << "could not answer" << m_description << ":" << error.toString();
        }
        // Wakes a send() that arrived while this one was in flight.
        emit deferSettled();
        co_return error;
    }

    // Deferred or answered already: the answer (or the next progress line) edits the original.
    RestReply *reply = m_rest->editOriginalResponse(m_applicationId, m_token, message);
    co_await qCoro(reply, &RestReply::finished);
    const ApiError error = reply->error();
    if (error) {
        qCWarning(lcInteractions).noquote()
            << "could not edit the answer to" << m_description << ":" << error.toString();
    }
    if (self)
        m_state = State::Answered;
    co_return error;
}

QCoro::Task<ApiError> BotReply::sendText(QString text)
{
    Message message;
    message.content = std::move(text);
    co_return co_await send(std::move(message));
}

} // namespace Pterodisbot
