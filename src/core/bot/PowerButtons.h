#pragma once

#include <QCoroTask>
#include <QObject>

#include "bot/Admitted.h"
#include "bot/CustomId.h"
#include "discord/Interaction.h"
#include "discord/InteractionAnswer.h"
#include "i18n/Wording.h"
#include "net/ApiError.h"

namespace Pterodisbot {

struct BotContext;
class EmbedPublisher;
class SampleIntake;

//! The buttons under a status embed: Start, Stop, Restart and Show Address.
//!
//! Before anything reaches the panel the press must be from the configured guild by a member
//! with the control role, name a tracked server, come from that server's own embed message,
//! and find no running cooldown; every refusal is ephemeral and says why. A power action is
//! answered in the member's words ("Restart sent to Survival — it is stopping"), including the
//! panel's reason for a 409; the embed follows at once. Show Address answers ephemerally.
class PowerButtons final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PowerButtons)

public:
    PowerButtons(BotContext *context, EmbedPublisher *publisher, SampleIntake *intake,
                 QObject *parent = nullptr);
    ~PowerButtons() override;

    //! \a id is a Power or Address id parsed from the interaction's custom_id. Runs under
    //! BotContext::responder with the ephemeral reply style; every answer is ephemeral and in
    //! the member's language (the interaction's locale).
    QCoro::Task<InteractionAnswer> handle(Admitted admitted, CustomId id);

    //! "Restart sent to Survival — it is stopping" (no state known: without the dash part). A
    //! state that does not show the action yet (showsAction) is reported as the panel's lag.
    static QString sentText(CustomId::PowerAction action, const QString &name,
                            std::optional<PowerState> state, const Wording &wording = {});
    //! Whether a server in \a state has taken \a action in: Start → starting or running, Stop →
    //! stopping or offline, Restart → stopping or starting. The panel answers /resources from
    //! a 20 s cache, so right after the action it often still reports the state before it.
    static bool showsAction(CustomId::PowerAction action, PowerState state);
    //! "Could not start Survival: the server is suspended" for a failed power action.
    static QString failureText(CustomId::PowerAction action, const QString &name,
                               const ApiError &error, const Wording &wording = {});

private:
    BotContext *m_context;
    EmbedPublisher *m_publisher;
    SampleIntake *m_intake;
};

} // namespace Pterodisbot
