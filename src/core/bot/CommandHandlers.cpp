#include "bot/CommandHandlers.h"

#include <vector>

#include <QJsonObject>
#include <QPointer>

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/EmbedStore.h"
#include "bot/SampleIntake.h"
#include "config/DiscordLocales.h"
#include "discord/DiscordError.h"
#include "discord/InteractionResponder.h"
#include "discord/Markdown.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"

namespace Pterodisbot {

namespace {

// The slash commands' names, as registered and as they arrive.
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
                    DisplayState state, const Wording &wording)
{
    const QString label = StatusEmbed::stateLabel(state, server, wording);
    if (state == DisplayState::Unknown)
        return wording.translate("CommandHandlers", "State not checked yet");
    if (sample && (state == DisplayState::Running || state == DisplayState::Starting ||
                   state == DisplayState::Stopping)) {
        //: A server in the menu: %1 its state, %2 its CPU use (a percentage), %3 its memory.
        return wording.translate("CommandHandlers", "%1 · CPU %2 · %3")
            .arg(label, wording.percent(sample->cpuAbsolute, 0),
                 StatusEmbed::formatBytes(sample->memoryBytes, wording));
    }
    return label;
}

//! Why /server_status (or a page of its menu) has no list: the panel's problem in the member's
//! words, the same sentence the status embeds show, never an error kind's English name.
QString listFailureText(const ApiError &error, const Wording &wording)
{
    //: %1 is why, a whole sentence ("The panel refused the bot's API key.").
    return wording.translate("CommandHandlers", "I cannot list the servers right now. %1")
        .arg(StatusEmbed::unreachableText(error, wording));
}

//! \a name (the panel's) as a reply quotes it: literally, and not too long.
QString quoted(const QString &name)
{
    return Markdown::literal(name, StatusEmbed::NameInTextLength);
}

QString postFailureText(const QString &rawName, const ApiError &error, const Wording &wording)
{
    const QString name = quoted(rawName);
    const int code = discordCode(error);
    //: Discord's names of the permissions (Send Messages, Embed Links, Attach Files) are as your
    //: language's Discord client shows them.
    if (code == DiscordErrorCode::MissingPermissions)
        return wording
            .translate("CommandHandlers",
                       "I may not post in this channel (Missing Permissions): the status of "
                       "**%1** needs Send Messages, Embed Links and Attach Files here.")
            .arg(name);
    if (code == DiscordErrorCode::MissingAccess)
        return wording
            .translate("CommandHandlers",
                       "I cannot see this channel (Missing Access), so the status of **%1** "
                       "cannot be posted here.")
            .arg(name);
    //: %2 is Discord's own message, in English.
    return wording.translate("CommandHandlers", "The status of **%1** could not be posted: %2")
        .arg(name, error.message.isEmpty() ? ApiError::kindName(error.kind)
                                           : Markdown::literal(error.message));
}

//! A command's description in every Discord locale whose catalog translates \a source.
QJsonObject descriptionLocalizations(const char *source)
{
    QJsonObject localizations;
    const QString english = QString::fromUtf8(source);
    for (const QString &locale : discordLocales()) {
        const Wording wording(locale);
        if (wording.language().isEmpty())
            continue;
        const QString text = wording.translate("CommandHandlers", source);
        // Discord refuses a description over 100 characters: that locale keeps the English one.
        if (text != english && !text.isEmpty() && text.size() <= 100)
            localizations.insert(locale, text);
    }
    return localizations;
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
    // Names stay English: they are what members type, and what the handlers match.
    auto command = [](const QString &name, const char *description) {
        QJsonObject object{{QStringLiteral("name"), name},
                           {QStringLiteral("type"), int(CommandType::ChatInput)},
                           {QStringLiteral("description"), QString::fromUtf8(description)}};
        const QJsonObject localizations = descriptionLocalizations(description);
        if (!localizations.isEmpty())
            object.insert(QStringLiteral("description_localizations"), localizations);
        return object;
    };
    return {
        //: Description of the /server_status slash command; at most 100 characters.
        command(kServerStatus,
                QT_TRANSLATE_NOOP("CommandHandlers",
                                  "Show the panel's servers and post a live status embed for one")),
        //: Description of the /refresh_embeds slash command; at most 100 characters.
        command(kRefreshEmbeds, QT_TRANSLATE_NOOP("CommandHandlers", "Rebuild every status embed")),
        //: Description of the /purge_embeds slash command; at most 100 characters.
        command(kPurgeEmbeds,
                QT_TRANSLATE_NOOP("CommandHandlers", "Delete every status embed the bot tracks")),
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
                                                            const char *progressSource,
                                                            QStringList *ids)
{
    *ids = m_context->store->serverIds();
    if (ids->isEmpty())
        return reply(nothingText);
    showProgress(interaction,
                 Wording(interaction.locale)
                     .translate("CommandHandlers", progressSource, nullptr, int(ids->size())));
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
    const Wording wording(interaction.locale);
    if (interaction.commandName == kServerStatus)
        co_return co_await serverStatus(wording);
    if (interaction.commandName == kRefreshEmbeds)
        co_return co_await refreshEmbeds(interaction);
    if (interaction.commandName == kPurgeEmbeds)
        co_return co_await purgeEmbeds(interaction);
    co_return reply(wording.translate("CommandHandlers", "I do not know that command."));
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

QCoro::Task<QList<ServerListEntry>> CommandHandlers::listEntries(int page, Wording wording)
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
                                   entryDetail(server, sample, state, wording)};
    }
    co_return entries;
}

QCoro::Task<InteractionAnswer> CommandHandlers::serverStatus(Wording wording)
{
    QPointer<CommandHandlers> self(this);
    const ApiError error = co_await ensureServerList(false);
    if (!self)
        co_return abandoned();
    if (error) {
        co_return reply(listFailureText(error, wording));
    }
    const QList<ServerListEntry> entries = co_await listEntries(0, wording);
    if (!self)
        co_return abandoned();
    co_return InteractionAnswer::reply(ServerStatusMenu::build(entries, 0, wording), true);
}

QCoro::Task<InteractionAnswer> CommandHandlers::handlePage(Admitted admitted, CustomId id)
{
    const Wording wording(admitted.interaction().locale);
    QPointer<CommandHandlers> self(this);
    const ApiError error = co_await ensureServerList(false);
    if (!self)
        co_return abandoned();
    if (error) {
        Message text;
        text.content = listFailureText(error, wording);
        co_return InteractionAnswer::update(text);
    }
    const QList<ServerListEntry> entries = co_await listEntries(id.pageNumber(), wording);
    if (!self)
        co_return abandoned();
    co_return InteractionAnswer::update(ServerStatusMenu::build(entries, id.pageNumber(), wording));
}

QCoro::Task<InteractionAnswer> CommandHandlers::handleSelect(Admitted admitted, CustomId id)
{
    Q_UNUSED(id)
    QPointer<CommandHandlers> self(this);
    BotContext &context = *m_context;
    const Interaction &interaction = admitted.interaction();
    const Wording wording(interaction.locale);
    // The value came from the network: only a server of the cached list is accepted, and the
    // panel is not asked about anything else.
    const QString value = interaction.values.value(0);
    const Server *server = CustomId::isValidIdentifier(value) && interaction.values.size() == 1
                               ? context.state.server(value)
                               : nullptr;
    if (!server) {
        qCInfo(lcInteractions).noquote()
            << "refused" << interaction.describe() << ": unknown server" << CustomId::forLog(value);
        co_return reply(wording.translate("CommandHandlers",
                                          "I do not know that server (any more). Run "
                                          "/server_status again for a fresh list."));
    }
    const QString name = server->name;
    const EmbedPublisher::Result result =
        co_await postStatus(server->identifier, interaction.channelId);
    if (!self)
        co_return abandoned();
    if (!result.ok())
        co_return reply(postFailureText(name, result.error, wording));
    co_return reply(
        wording
            .translate("CommandHandlers", "Posted the status of **%1** here; it updates by itself.")
            .arg(quoted(name)));
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
    const Wording wording(interaction.locale);
    QStringList ids;
    if (auto done = beginBulk(
            interaction,
            wording.translate("CommandHandlers", "There are no status embeds to refresh."),
            QT_TRANSLATE_N_NOOP("CommandHandlers", "Refreshing %n status embeds…"), &ids))
        co_return std::move(*done);
    const EmbedTally tally = co_await refreshTracked(ids);
    if (!self)
        co_return abandoned();
    //: %1 how many were refreshed, %n how many are tracked.
    QString text = wording
                       .translate("CommandHandlers", "Refreshed %1 of %n status embeds.", nullptr,
                                  int(ids.size()))
                       .arg(wording.integer(tally.done));
    if (tally.gone > 0) {
        text +=
            QLatin1Char(' ') + wording.translate("CommandHandlers",
                                                 "%n had been deleted and are no longer tracked.",
                                                 nullptr, tally.gone);
    }
    if (tally.failed > 0) {
        text += QLatin1Char(' ') + wording.translate("CommandHandlers",
                                                     "%n could not be edited (see the bot's log).",
                                                     nullptr, tally.failed);
    }
    co_return reply(text);
}

QCoro::Task<InteractionAnswer> CommandHandlers::purgeEmbeds(Interaction interaction)
{
    QPointer<CommandHandlers> self(this);
    const Wording wording(interaction.locale);
    QStringList ids;
    if (auto done =
            beginBulk(interaction,
                      wording.translate("CommandHandlers", "There are no status embeds to delete."),
                      QT_TRANSLATE_N_NOOP("CommandHandlers", "Deleting %n status embeds…"), &ids))
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
    QString text =
        wording.translate("CommandHandlers", "Deleted %n status embeds.", nullptr, tally.done);
    if (tally.gone > 0) {
        text += QLatin1Char(' ') +
                wording.translate("CommandHandlers", "%n were already gone.", nullptr, tally.gone);
    }
    if (tally.failed > 0) {
        text += QLatin1Char(' ') +
                wording.translate("CommandHandlers",
                                  "%n could not be deleted and are still tracked (see the bot's "
                                  "log).",
                                  nullptr, tally.failed);
    }
    co_return reply(text);
}

} // namespace Pterodisbot
