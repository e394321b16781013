#include "bot/CommandHandlers.h"

#include <vector>

#include <QJsonObject>
#include <QPointer>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/EmbedStore.h"
#include "bot/SampleIntake.h"
#include "discord/DiscordError.h"
#include "discord/InteractionResponder.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

namespace Pterodisbot {

namespace {

//! How a batch of embed edits or deletions went, for the command's outcome line.
const QString kServerStatus = QStringLiteral("server_status");
const QString kRefreshEmbeds = QStringLiteral("refresh_embeds");
const QString kPurgeEmbeds = QStringLiteral("purge_embeds");

InteractionAnswer reply(const QString &text)
{
    return InteractionAnswer::ephemeralText(text);
}

//! What a handler returns when the bot was destroyed under it: nobody is left to deliver it.
InteractionAnswer abandoned()
{
    return InteractionAnswer::acknowledge();
}

QString entryDetail(const Server &server, const std::optional<ResourceSample> &sample,
                    DisplayState state)
{
    QString detail = StatusEmbed::stateLabel(state, server);
    if (state == DisplayState::Unknown)
        return QStringLiteral("State not checked yet");
    if (sample && (state == DisplayState::Running || state == DisplayState::Starting ||
                   state == DisplayState::Stopping)) {
        detail += QStringLiteral(" · CPU %1 % · %2")
                      .arg(QString::number(sample->cpuAbsolute, 'f', 0),
                           StatusEmbed::formatBytes(sample->memoryBytes));
    }
    return detail;
}

QString postFailureText(const QString &name, const ApiError &error)
{
    const int code = discordCode(error);
    if (code == DiscordErrorCode::MissingPermissions)
        return QStringLiteral("I may not post in this channel (Missing Permissions): the status of "
                              "**%1** needs Send Messages, Embed Links and Attach Files here.")
            .arg(name);
    if (code == DiscordErrorCode::MissingAccess)
        return QStringLiteral("I cannot see this channel (Missing Access), so the status of **%1** "
                              "cannot be posted here.")
            .arg(name);
    return QStringLiteral("The status of **%1** could not be posted: %2")
        .arg(name, error.message.isEmpty() ? ApiError::kindName(error.kind) : error.message);
}

} // namespace

CommandHandlers::CommandHandlers(BotContext *context, EmbedPublisher *publisher,
                                 SampleIntake *intake, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_publisher(publisher)
    , m_intake(intake)
{}

CommandHandlers::~CommandHandlers() = default;

QJsonArray CommandHandlers::commandDefinitions()
{
    auto command = [](const QString &name, const QString &description) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("type"), int(CommandType::ChatInput)},
                           {QStringLiteral("description"), description}};
    };
    return {
        command(kServerStatus,
                QStringLiteral("Show the panel's servers and post a live status embed for one")),
        command(kRefreshEmbeds, QStringLiteral("Rebuild every status embed")),
        command(kPurgeEmbeds, QStringLiteral("Delete every status embed the bot tracks")),
    };
}

void CommandHandlers::showProgress(const Interaction &interaction, const QString &text)
{
    Message message;
    message.content = text;
    if (m_context->responder)
        m_context->responder->showProgress(interaction, message);
}

std::optional<InteractionAnswer> CommandHandlers::beginBulk(const Interaction &interaction,
                                                            const QString &nothingText,
                                                            const QString &progressVerb,
                                                            QStringList *ids)
{
    *ids = m_context->store->serverIds();
    if (ids->isEmpty())
        return reply(nothingText);
    showProgress(interaction,
                 QStringLiteral("%1 %2 status embeds…").arg(progressVerb).arg(ids->size()));
    return std::nullopt;
}

AccessPolicy::Surface CommandHandlers::surfaceOfCommand(const QString &name)
{
    return name == kServerStatus ? AccessPolicy::Surface::StatusCommand
                                 : AccessPolicy::Surface::Command;
}

QCoro::Task<InteractionAnswer> CommandHandlers::handleCommand(Admitted admitted)
{
    const Interaction &interaction = admitted.interaction();
    if (interaction.commandName == kServerStatus)
        co_return co_await serverStatus();
    if (interaction.commandName == kRefreshEmbeds)
        co_return co_await refreshEmbeds(interaction);
    if (interaction.commandName == kPurgeEmbeds)
        co_return co_await purgeEmbeds(interaction);
    co_return reply(QStringLiteral("I do not know that command."));
}

QCoro::Task<ApiError> CommandHandlers::ensureServerList(bool force)
{
    BotContext &context = *m_context;
    if (context.state.hasServerList() && !force)
        co_return ApiError{};
    if (!context.panel)
        co_return ApiError{ApiError::Kind::Cancelled};
    QPointer<CommandHandlers> self(this);
    auto listed = co_await context.panel->fetchServers();
    if (!self)
        co_return ApiError{ApiError::Kind::Cancelled};
    if (listed.ok())
        m_intake->recordServers(listed.value);
    co_return listed.error;
}

QCoro::Task<QList<ServerListEntry>> CommandHandlers::listEntries(int page)
{
    QPointer<CommandHandlers> self(this);
    BotContext &context = *m_context;
    const QList<Server> servers = context.state.servers();
    page = ServerStatusMenu::clampPage(page, int(servers.size()));
    const bool all = servers.size() <= context.tuning.statusFetchLimit;
    const int first = page * ServerStatusMenu::PageSize;
    const int last = first + ServerStatusMenu::PageSize;
    const qint64 now = context.clock->monotonicMs();
    const qint64 freshMs = context.cycleIntervalMs();

    std::vector<std::pair<QString, QCoro::Task<ApiResult<ResourceSample>>>> polls;
    for (int i = 0; i < servers.size(); ++i) {
        if (!all && (i < first || i >= last))
            continue;
        const QString &id = servers.at(i).identifier;
        const qint64 at = context.state.sampleAtMs(id);
        if (at >= 0 && now - at <= freshMs && !context.state.isUnreachable(id))
            continue;
        if (!context.panel)
            break;
        polls.emplace_back(id, context.panel->fetchResources(id));
    }
    for (auto &[id, task] : polls) {
        auto result = co_await task;
        if (!self)
            co_return {};
        m_intake->recordResult(id, result);
    }

    QList<ServerListEntry> entries;
    entries.reserve(servers.size());
    for (const Server &server : context.state.servers()) {
        const auto sample = context.state.sample(server.identifier);
        const bool unreachable = context.state.isUnreachable(server.identifier);
        const DisplayState state =
            StatusEmbed::displayState(server, sample ? &*sample : nullptr, unreachable);
        entries << ServerListEntry{server.identifier, server.name, state,
                                   entryDetail(server, sample, state)};
    }
    co_return entries;
}

QCoro::Task<InteractionAnswer> CommandHandlers::serverStatus()
{
    QPointer<CommandHandlers> self(this);
    const ApiError error = co_await ensureServerList(false);
    if (!self)
        co_return abandoned();
    if (error) {
        co_return reply(QStringLiteral("The panel is not answering, so I cannot list "
                                       "the servers right now (%1).")
                            .arg(ApiError::kindName(error.kind)));
    }
    const QList<ServerListEntry> entries = co_await listEntries(0);
    if (!self)
        co_return abandoned();
    co_return InteractionAnswer::reply(ServerStatusMenu::build(entries, 0), true);
}

QCoro::Task<InteractionAnswer> CommandHandlers::handlePage(Admitted admitted, CustomId id)
{
    Q_UNUSED(admitted)
    QPointer<CommandHandlers> self(this);
    const ApiError error = co_await ensureServerList(false);
    if (!self)
        co_return abandoned();
    if (error) {
        Message text;
        text.content =
            QStringLiteral("The panel is not answering, so I cannot list the servers right now.");
        co_return InteractionAnswer::update(text);
    }
    const QList<ServerListEntry> entries = co_await listEntries(id.pageNumber());
    if (!self)
        co_return abandoned();
    co_return InteractionAnswer::update(ServerStatusMenu::build(entries, id.pageNumber()));
}

QCoro::Task<InteractionAnswer> CommandHandlers::handleSelect(Admitted admitted, CustomId id)
{
    Q_UNUSED(id)
    QPointer<CommandHandlers> self(this);
    BotContext &context = *m_context;
    const Interaction &interaction = admitted.interaction();
    // The value came from the network: only a server of the cached list is accepted, and the
    // panel is not asked about anything else.
    const QString value = interaction.values.value(0);
    const Server *server = CustomId::isValidIdentifier(value) && interaction.values.size() == 1
                               ? context.state.server(value)
                               : nullptr;
    if (!server) {
        qCInfo(lcInteractions).noquote()
            << "refused" << interaction.describe() << ": unknown server" << CustomId::forLog(value);
        co_return reply(QStringLiteral("I do not know that server (any more). Run "
                                       "/server_status again for a fresh list."));
    }
    const QString name = server->name;
    const EmbedPublisher::Result result =
        co_await postStatus(server->identifier, interaction.channelId);
    if (!self)
        co_return abandoned();
    if (!result.ok())
        co_return reply(postFailureText(name, result.error));
    co_return reply(
        QStringLiteral("Posted the status of **%1** here; it updates by itself.").arg(name));
}

void CommandHandlers::EmbedTally::add(const EmbedPublisher::Result &result)
{
    if (result.ok() || result.outcome == EmbedPublisher::Outcome::Coalesced)
        ++done;
    else if (result.outcome == EmbedPublisher::Outcome::Untracked)
        ++gone;
    else if (result.outcome != EmbedPublisher::Outcome::NotTracked)
        ++failed;
}

QCoro::Task<EmbedPublisher::Result> CommandHandlers::postStatus(QString identifier,
                                                                QString channelId)
{
    QPointer<CommandHandlers> self(this);
    BotContext &context = *m_context;
    if (context.panel) {
        auto fetched = co_await context.panel->fetchResources(identifier);
        if (!self)
            co_return EmbedPublisher::Result{EmbedPublisher::Outcome::Failed};
        m_intake->recordResult(identifier, fetched);
    }
    co_return co_await m_publisher->post(identifier, channelId);
}

QCoro::Task<CommandHandlers::EmbedTally> CommandHandlers::refreshTracked(QStringList ids)
{
    QPointer<CommandHandlers> self(this);
    BotContext &context = *m_context;
    EmbedTally tally;
    co_await ensureServerList(true);
    if (!self)
        co_return tally;

    std::vector<std::pair<QString, QCoro::Task<ApiResult<ResourceSample>>>> polls;
    if (context.panel) {
        for (const QString &id : ids)
            polls.emplace_back(id, context.panel->fetchResources(context.state.identifierOf(id)));
    }
    for (auto &[id, task] : polls) {
        auto result = co_await task;
        if (!self)
            co_return tally;
        m_intake->recordResult(id, result);
    }

    std::vector<QCoro::Task<EmbedPublisher::Result>> edits;
    for (const QString &id : ids) {
        if (!context.store->contains(id))
            continue;
        // A rebuild: everything is sent again, image included, and a permission block lifts.
        EmbedRuntime &runtime = context.state.embed(id);
        runtime.imageHash.clear();
        runtime.blockedUntilMs = 0;
        context.policy.forget(id);
        edits.push_back(m_publisher->edit(id, QStringLiteral("refresh")));
    }
    for (auto &task : edits) {
        const EmbedPublisher::Result result = co_await task;
        if (!self)
            co_return tally;
        tally.add(result);
    }
    co_return tally;
}

QCoro::Task<InteractionAnswer> CommandHandlers::refreshEmbeds(Interaction interaction)
{
    QPointer<CommandHandlers> self(this);
    QStringList ids;
    if (auto done = beginBulk(interaction, QStringLiteral("There are no status embeds to refresh."),
                              QStringLiteral("Refreshing"), &ids))
        co_return std::move(*done);
    const EmbedTally tally = co_await refreshTracked(ids);
    if (!self)
        co_return abandoned();
    QString text =
        QStringLiteral("Refreshed %1 of %2 status embeds.").arg(tally.done).arg(ids.size());
    if (tally.gone > 0)
        text += QStringLiteral(" %1 had been deleted and are no longer tracked.").arg(tally.gone);
    if (tally.failed > 0)
        text += QStringLiteral(" %1 could not be edited (see the bot's log).").arg(tally.failed);
    co_return reply(text);
}

QCoro::Task<InteractionAnswer> CommandHandlers::purgeEmbeds(Interaction interaction)
{
    QPointer<CommandHandlers> self(this);
    QStringList ids;
    if (auto done = beginBulk(interaction, QStringLiteral("There are no status embeds to delete."),
                              QStringLiteral("Deleting"), &ids))
        co_return std::move(*done);
    std::vector<QCoro::Task<EmbedPublisher::Result>> removals;
    for (const QString &id : ids)
        removals.push_back(m_publisher->remove(id));
    EmbedTally tally;
    for (auto &task : removals) {
        const EmbedPublisher::Result result = co_await task;
        if (!self)
            co_return abandoned();
        tally.add(result);
    }
    m_publisher->saveStore();
    QString text = QStringLiteral("Deleted %1 status embeds.").arg(tally.done);
    if (tally.gone > 0)
        text += QStringLiteral(" %1 were already gone.").arg(tally.gone);
    if (tally.failed > 0)
        text +=
            QStringLiteral(" %1 could not be deleted and are still tracked (see the bot's log).")
                .arg(tally.failed);
    co_return reply(text);
}

} // namespace Pterodisbot
