#pragma once

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "discord/Interaction.h"
#include "discord/Message.h"
#include "net/ApiError.h"

namespace Pterodisbot {

class Clock;
class RestClient;

//! The bot's answer to one interaction, always within Discord's 3 seconds whatever the work
//! costs: when no answer was sent \a deferAfterMs after the interaction arrived, a deferred
//! response ("thinking…") goes out by itself, and the answer then edits the original response.
//! Each send() after the first edits the original response too (progress, then outcome).
class BotReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotReply)

public:
    enum class Style {
        NewMessage,    //!< callback 4, or deferred 5 (always for commands)
        UpdateMessage, //!< callback 7, or deferred 6: replaces the message of the component
    };

    //! Arms the auto-defer timer at once. \a rest and \a clock must outlive the reply or the
    //! reply fails with Cancelled.
    BotReply(RestClient *rest, Clock *clock, QString applicationId, const Interaction &interaction,
             Style style, bool ephemeral, int deferAfterMs, QObject *parent = nullptr);
    ~BotReply() override;

    //! Sends \a message as the answer (or as an edit of the original response once one was
    //! sent or deferred). Ephemeral replies get the flag here.
    QCoro::Task<ApiError> send(Message message);
    //! Plain text shortcut.
    QCoro::Task<ApiError> sendText(QString text);

    //! A callback (answer or deferral) reached Discord.
    bool isAcknowledged() const { return m_state == State::Deferred || m_state == State::Answered; }
    bool wasDeferred() const { return m_wasDeferred; }

signals:
    //! The deferral request finished (successfully or not).
    void deferSettled();

private:
    enum class State { Pending, Deferring, Deferred, Answering, Answered, Failed };

    void deferNow();

    QPointer<RestClient> m_rest;
    Clock *m_clock;
    QString m_applicationId;
    QString m_interactionId;
    QString m_token;
    QString m_description;
    Style m_style;
    bool m_ephemeral;
    State m_state = State::Pending;
    bool m_wasDeferred = false;
    ApiError m_error;
    QTimer m_deferTimer;
};

} // namespace Pterodisbot
