#include "bot/PowerButtons.h"

#include <QPointer>
#include <QTimer>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/EmbedStore.h"
#include "bot/SampleIntake.h"
#include "bot/StatusEmbed.h"
#include "discord/Markdown.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

namespace Pterodisbot {

namespace {

QString verb(CustomId::PowerAction action)
{
    switch (action) {
    case CustomId::PowerAction::Start:
        return QStringLiteral("start");
    case CustomId::PowerAction::Stop:
        return QStringLiteral("stop");
    case CustomId::PowerAction::Restart:
        break;
    }
    return QStringLiteral("restart");
}

//! \a name (the panel's) as a sentence of a reply quotes it: literally, and not too long.
QString quoted(const QString &name)
{
    return Markdown::literal(name, StatusEmbed::NameInTextLength);
}

//! "Start sent to **Survival**" without the end of the sentence.
QString sentHead(CustomId::PowerAction action, const QString &rawName, const Wording &wording)
{
    const QString name = quoted(rawName);
    switch (action) {
    case CustomId::PowerAction::Start:
        return wording.translate("PowerButtons", "Start sent to **%1**").arg(name);
    case CustomId::PowerAction::Stop:
        return wording.translate("PowerButtons", "Stop sent to **%1**").arg(name);
    case CustomId::PowerAction::Restart:
        break;
    }
    return wording.translate("PowerButtons", "Restart sent to **%1**").arg(name);
}

//: The state a server is in, ending "… the panel still reports it %2" and "it is %2".
QString stateWord(PowerState state, const Wording &wording)
{
    switch (state) {
    case PowerState::Offline:
        return wording.translate("PowerButtons", "offline", "power state");
    case PowerState::Starting:
        return wording.translate("PowerButtons", "starting", "power state");
    case PowerState::Running:
        return wording.translate("PowerButtons", "running", "power state");
    case PowerState::Stopping:
        return wording.translate("PowerButtons", "stopping", "power state");
    case PowerState::Unknown:
        break;
    }
    return wording.translate("PowerButtons", "unknown", "power state");
}

//! \a text as the end of a sentence: the panel's own messages mostly end with a full stop
//! already ("This server is currently suspended ... unavailable."), ours do not.
QString endedSentence(QString text)
{
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('!')) || text.endsWith(QLatin1Char('?')))
        return text;
    return text + QLatin1Char('.');
}

} // namespace

PowerButtons::PowerButtons(BotContext *context, EmbedPublisher *publisher, SampleIntake *intake,
                           QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_publisher(publisher)
    , m_intake(intake)
{}

PowerButtons::~PowerButtons() = default;

QString PowerButtons::sentText(CustomId::PowerAction action, const QString &name,
                               std::optional<PowerState> state, const Wording &wording)
{
    const QString head = sentHead(action, name, wording);
    if (!state || *state == PowerState::Unknown)
        return head + QLatin1Char('.');
    if (!showsAction(action, *state)) {
        //: %1 "Start sent to **Survival**", %2 the state the panel still reports ("offline").
        return wording
            .translate("PowerButtons", "%1; the panel still reports it %2 (its status can lag up "
                                       "to 20 s), the embed follows.")
            .arg(head, stateWord(*state, wording));
    }
    //: %1 "Start sent to **Survival**", %2 the state it is in now ("starting").
    return wording.translate("PowerButtons", "%1 — it is %2.")
        .arg(head, stateWord(*state, wording));
}

bool PowerButtons::showsAction(CustomId::PowerAction action, PowerState state)
{
    switch (action) {
    case CustomId::PowerAction::Start:
        return state == PowerState::Starting || state == PowerState::Running;
    case CustomId::PowerAction::Stop:
        return state == PowerState::Stopping || state == PowerState::Offline;
    case CustomId::PowerAction::Restart:
        break;
    }
    return state == PowerState::Stopping || state == PowerState::Starting;
}

QString PowerButtons::failureText(CustomId::PowerAction action, const QString &name,
                                  const ApiError &error, const Wording &wording)
{
    QString why;
    switch (error.kind) {
    case ApiError::Kind::Conflict:
        if (error.message.isEmpty()) {
            //: The end of "Could not start **Survival**: …".
            why = wording.translate("PowerButtons", "the panel says the server is busy "
                                                    "(suspended, installing or transferring)");
        } else {
            //: %1 is the panel's own message, in the panel's language.
            why = wording.translate("PowerButtons", "the panel says: %1")
                      .arg(Markdown::literal(error.message));
        }
        break;
    case ApiError::Kind::DaemonUnreachable:
        why = wording.translate("PowerButtons", "its node (Wings) is not answering");
        break;
    case ApiError::Kind::Auth:
        why = wording.translate("PowerButtons", "the panel refused the bot's API key");
        break;
    case ApiError::Kind::RateLimited:
        why = wording.translate("PowerButtons",
                                "the panel is rate limiting the bot; try again in a minute");
        break;
    case ApiError::Kind::NotFound:
        why = wording.translate("PowerButtons", "the panel does not know that server any more");
        break;
    case ApiError::Kind::Timeout:
        why = wording.translate("PowerButtons",
                                "the panel did not answer in time; the action may still happen");
        break;
    case ApiError::Kind::Network:
        why = wording.translate("PowerButtons", "the panel is not answering");
        break;
    default:
        why = error.message.isEmpty() ? ApiError::kindName(error.kind)
                                      : Markdown::literal(error.message);
        break;
    }
    QString text;
    switch (action) {
    case CustomId::PowerAction::Start:
        //: %1 the server, %2 why (ends with a full stop).
        text = wording.translate("PowerButtons", "Could not start **%1**: %2");
        break;
    case CustomId::PowerAction::Stop:
        //: %1 the server, %2 why (ends with a full stop).
        text = wording.translate("PowerButtons", "Could not stop **%1**: %2");
        break;
    case CustomId::PowerAction::Restart:
        //: %1 the server, %2 why (ends with a full stop).
        text = wording.translate("PowerButtons", "Could not restart **%1**: %2");
        break;
    }
    return text.arg(quoted(name), endedSentence(why));
}

QCoro::Task<InteractionAnswer> PowerButtons::handle(Admitted admitted, CustomId id)
{
    QPointer<PowerButtons> self(this);
    BotContext &context = *m_context;
    const Interaction &interaction = admitted.interaction();
    const Wording wording(interaction.locale);
    const auto refuse = [&interaction](const QString &log, const QString &text) {
        qCInfo(lcInteractions).noquote() << "refused" << interaction.describe() << ":" << log;
        return InteractionAnswer::ephemeralText(text);
    };

    // Only servers with a tracked embed, pressed on that very embed: anything else is a stale
    // or forged custom_id and never reaches the panel.
    QString serverId = id.identifier();
    if (!context.store->contains(serverId)) {
        const Server *server = context.state.server(serverId);
        if (server && context.store->contains(server->uuid))
            serverId = server->uuid;
        else if (server && context.store->contains(server->identifier))
            serverId = server->identifier;
    }
    const auto location = context.store->lookup(serverId);
    if (!location) {
        co_return refuse(
            QStringLiteral("untracked server %1").arg(CustomId::forLog(serverId)),
            wording.translate("PowerButtons", "That server has no status embed here any more."));
    }
    if (location->messageId != interaction.messageId) {
        co_return refuse(QStringLiteral("button of another message (tampered custom_id?)"),
                         wording.translate("PowerButtons", "This button does not belong to "
                                                           "that server's status embed."));
    }
    const QString name = context.state.nameOf(serverId);
    const QString identifier = context.state.identifierOf(serverId);

    if (id.kind() == CustomId::Kind::Address) {
        const Server *server = context.state.server(serverId);
        const QString address = server ? server->address() : QString();
        qCInfo(lcInteractions).noquote()
            << "address of" << name << "shown to user" << interaction.userId;
        if (address.isEmpty())
            co_return InteractionAnswer::ephemeralText(
                wording.translate("PowerButtons", "No address is known for **%1**.")
                    .arg(quoted(name)));
        co_return InteractionAnswer::ephemeralText(
            QStringLiteral("🌐 **%1**: %2").arg(quoted(name), Markdown::code(address)));
    }

    const CustomId::PowerAction action = id.powerAction();
    const PowerCooldown::Result cooldown =
        context.cooldown.tryAcquire(serverId, quoted(name), wording);
    if (!cooldown)
        co_return refuse(QStringLiteral("cooldown"), cooldown.message);
    if (!context.panel) {
        context.cooldown.release(serverId);
        co_return InteractionAnswer::ephemeralText(
            wording.translate("PowerButtons", "The bot is not connected to the panel."));
    }
    qCInfo(lcInteractions).noquote()
        << "user" << interaction.userId << "sends" << verb(action) << "to" << name;
    const ApiError error =
        co_await context.panel->sendPower(identifier, CustomId::toPowerSignal(action));
    if (!self)
        co_return InteractionAnswer::acknowledge(); // the bot is gone: nobody delivers it
    if (error) {
        // A timeout may still have reached the panel; everything else certainly did not act.
        if (error.kind != ApiError::Kind::Timeout)
            context.cooldown.release(serverId);
        qCWarning(lcInteractions).noquote()
            << verb(action) << "of" << name << "failed:" << error.toString();
        co_return InteractionAnswer::ephemeralText(failureText(action, name, error, wording));
    }
    if (action != CustomId::PowerAction::Start)
        context.alerts.expectStop(serverId);

    // Where the server is now, in the member's words, and the embed follows at once.
    std::optional<PowerState> state;
    if (context.panel) {
        auto sample = co_await context.panel->fetchResources(identifier);
        if (!self)
            co_return InteractionAnswer::acknowledge();
        if (m_intake->recordResult(serverId, sample))
            state = sample.value.state;
    }
    if (state && showsAction(action, *state)) {
        // Queued behind the answer, which goes out as this handler returns: the member hears
        // first, and rendering the embed does not hold the answer back. An answer from the
        // panel's cache (the state before the action) edits nothing: the update cycle sees the
        // change when the cache expires.
        QTimer::singleShot(0, this, [this, serverId] {
            m_publisher->edit(serverId, QStringLiteral("power action"));
        });
    }
    co_return InteractionAnswer::ephemeralText(sentText(action, name, state, wording));
}

} // namespace Pterodisbot
