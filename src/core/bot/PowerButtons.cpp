#include "bot/PowerButtons.h"

#include <QPointer>
#include <QTimer>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/EmbedStore.h"
#include "bot/SampleIntake.h"
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

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
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
                               std::optional<PowerState> state)
{
    QString text = QStringLiteral("%1 sent to **%2**").arg(capitalized(verb(action)), name);
    if (!state || *state == PowerState::Unknown)
        return text + QLatin1Char('.');
    if (!showsAction(action, *state)) {
        return text + QStringLiteral("; the panel still reports it %1 (its status can lag up to "
                                     "20 s), the embed follows.")
                          .arg(powerStateName(*state));
    }
    return text + QStringLiteral(" — it is %1.").arg(powerStateName(*state));
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
                                  const ApiError &error)
{
    QString why;
    switch (error.kind) {
    case ApiError::Kind::Conflict:
        why = error.message.isEmpty() ? QStringLiteral("the panel says the server is busy "
                                                       "(suspended, installing or transferring)")
                                      : QStringLiteral("the panel says: ") + error.message;
        break;
    case ApiError::Kind::DaemonUnreachable:
        why = QStringLiteral("its node (Wings) is not answering");
        break;
    case ApiError::Kind::Auth:
        why = QStringLiteral("the panel refused the bot's API key");
        break;
    case ApiError::Kind::RateLimited:
        why = QStringLiteral("the panel is rate limiting the bot; try again in a minute");
        break;
    case ApiError::Kind::NotFound:
        why = QStringLiteral("the panel does not know that server any more");
        break;
    case ApiError::Kind::Timeout:
        why = QStringLiteral("the panel did not answer in time; the action may still happen");
        break;
    case ApiError::Kind::Network:
        why = QStringLiteral("the panel is not answering");
        break;
    default:
        why = error.message.isEmpty() ? ApiError::kindName(error.kind) : error.message;
        break;
    }
    return QStringLiteral("Could not %1 **%2**: %3").arg(verb(action), name, endedSentence(why));
}

QCoro::Task<InteractionAnswer> PowerButtons::handle(Admitted admitted, CustomId id)
{
    QPointer<PowerButtons> self(this);
    BotContext &context = *m_context;
    const Interaction &interaction = admitted.interaction();
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
        co_return refuse(QStringLiteral("untracked server %1").arg(CustomId::forLog(serverId)),
                         QStringLiteral("That server has no status embed here any more."));
    }
    if (location->messageId != interaction.messageId) {
        co_return refuse(QStringLiteral("button of another message (tampered custom_id?)"),
                         QStringLiteral("This button does not belong to that server's status "
                                        "embed."));
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
                QStringLiteral("No address is known for **%1**.").arg(name));
        co_return InteractionAnswer::ephemeralText(
            QStringLiteral("🌐 **%1**: `%2`").arg(name, address));
    }

    const CustomId::PowerAction action = id.powerAction();
    const PowerCooldown::Result cooldown = context.cooldown.tryAcquire(serverId, name);
    if (!cooldown)
        co_return refuse(QStringLiteral("cooldown"), cooldown.message);
    if (!context.panel) {
        context.cooldown.release(serverId);
        co_return InteractionAnswer::ephemeralText(
            QStringLiteral("The bot is not connected to the panel."));
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
        co_return InteractionAnswer::ephemeralText(failureText(action, name, error));
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
    co_return InteractionAnswer::ephemeralText(sentText(action, name, state));
}

} // namespace Pterodisbot
