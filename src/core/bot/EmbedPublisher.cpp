#include "bot/EmbedPublisher.h"

#include <QCryptographicHash>
#include <QPointer>

#include "bot/BotContext.h"
#include "ChartRenderer.h"
#include "discord/DiscordError.h"
#include "discord/RestClient.h"
#include "discord/TypedReply.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

ApiError cancelled()
{
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.message = QStringLiteral("the bot is shutting down");
    return error;
}

bool isGone(const ApiError &error)
{
    const int code = discordCode(error);
    return code == DiscordErrorCode::UnknownMessage || code == DiscordErrorCode::UnknownChannel;
}

bool isPermissionProblem(const ApiError &error)
{
    const int code = discordCode(error);
    return code == DiscordErrorCode::MissingPermissions || code == DiscordErrorCode::MissingAccess;
}

// How long an embed whose channel refused us is left alone before the next try.
constexpr qint64 kPermissionBackoffMs = 600'000;

} // namespace

EmbedPublisher::EmbedPublisher(BotContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

EmbedPublisher::~EmbedPublisher() = default;

QString EmbedPublisher::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Done:
        return QStringLiteral("done");
    case Outcome::Coalesced:
        return QStringLiteral("coalesced");
    case Outcome::Reposted:
        return QStringLiteral("reposted");
    case Outcome::Untracked:
        return QStringLiteral("untracked");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Blocked:
        return QStringLiteral("blocked");
    case Outcome::NotTracked:
        return QStringLiteral("not tracked");
    case Outcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

EmbedPublisher::Rendered EmbedPublisher::render(const QString &serverId, bool allowKeep) const
{
    const BotContext &context = *m_context;
    StatusView view = context.state.view(serverId, context.clock->utcNow());
    view.wording = context.publicWording();
    Rendered rendered;
    rendered.display = StatusEmbed::displayState(view);
    if (rendered.display == DisplayState::Running && context.renderer &&
        context.history.sampleCount(serverId) >= 2) {
        ChartInput input =
            context.history.chartInput(serverId, view.server.name, view.server.limits);
        input.wording = view.wording;
        const QByteArray png = context.renderer->render(ChartRenderer::Kind::Combined, input);
        rendered.chartRendered = true;
        if (!png.isEmpty()) {
            rendered.hash = QCryptographicHash::hash(png, QCryptographicHash::Sha1);
            const EmbedRuntime *runtime = context.state.embedIfKnown(serverId);
            if (allowKeep && runtime && !runtime->attachmentId.isEmpty() &&
                runtime->imageHash == rendered.hash) {
                // Same picture as the one the message has: keep it, upload nothing.
                view.chartFileName = runtime->attachmentName;
                rendered.imageKept = true;
                rendered.message = StatusEmbed::message(view);
                rendered.message.keptAttachments = {
                    KeptAttachment{runtime->attachmentId, runtime->attachmentName}};
            } else {
                view.chartFileName = StatusEmbed::chartFileName(
                    view.server.identifier.isEmpty() ? serverId : view.server.identifier);
                rendered.imageUploaded = true;
                rendered.message = StatusEmbed::message(view);
                rendered.message.files = {MessageFile{view.chartFileName, png}};
            }
            rendered.chartName = view.chartFileName;
            return rendered;
        }
        qCWarning(lcBot) << "the chart of" << serverId << "could not be drawn";
    }
    rendered.message = StatusEmbed::message(view);
    return rendered;
}

void EmbedPublisher::remember(const QString &serverId, const MessageInfo &answer,
                              const Rendered &rendered)
{
    BotContext &context = *m_context;
    EmbedRuntime &runtime = context.state.embed(serverId);
    runtime.attachmentId.clear();
    runtime.attachmentName.clear();
    runtime.imageHash.clear();
    runtime.blockedUntilMs = 0;
    if (!rendered.chartName.isEmpty()) {
        for (const AttachmentInfo &attachment : answer.attachments) {
            if (attachment.filename == rendered.chartName) {
                runtime.attachmentId = attachment.id;
                runtime.attachmentName = attachment.filename;
                runtime.imageHash = rendered.hash;
                break;
            }
        }
    }
    runtime.shown = rendered.display;
    runtime.lastPayload = rendered.message.toJson();
    // A kept image is the one already held; a new upload replaces it; no chart clears it.
    if (!context.tuning.keepEmbedImages || runtime.attachmentId.isEmpty())
        runtime.lastImage.clear();
    else if (!rendered.message.files.isEmpty())
        runtime.lastImage = rendered.message.files.constFirst().bytes;
    if (rendered.display == DisplayState::Unreachable) {
        // The next sample must rebuild the embed whatever it says.
        context.policy.forget(serverId);
    } else if (const auto sample = context.state.sample(serverId)) {
        context.policy.markEdited(serverId, sample->state, sample->cpuAbsolute);
    } else {
        // A condition without samples (suspended from the start): the policy still needs the
        // time of this edit for the forced refresh; UpdateCycle asks it with the same values.
        context.policy.markEdited(serverId, PowerState::Unknown, 0);
    }
}

void EmbedPublisher::untrack(const QString &serverId, const QString &why)
{
    BotContext &context = *m_context;
    if (context.store->untrack(serverId))
        saveStore();
    context.state.forgetEmbed(serverId);
    context.policy.forget(serverId);
    qCInfo(lcBot).noquote() << "stopped tracking the embed of" << context.state.nameOf(serverId)
                            << ":" << why;
    emit embedUntracked(serverId, why);
}

void EmbedPublisher::saveStore()
{
    QString error;
    if (!m_context->store->saveIfDirty(&error))
        qCWarning(lcBot).noquote() << "could not save the embed locations:" << error;
}

void EmbedPublisher::endWrite()
{
    if (--m_writes == 0)
        emit writesIdle();
}

QCoro::Task<ApiError> EmbedPublisher::deleteMessage(EmbedLocation location)
{
    RestClient *rest = m_context->rest;
    if (!rest)
        co_return cancelled();
    QPointer<EmbedPublisher> self(this);
    beginWrite();
    const RestResult reply =
        co_await awaitReply(rest->deleteMessage(location.channelId, location.messageId));
    const ApiError error = reply.error;
    if (self)
        endWrite();
    co_return error;
}

QCoro::Task<EmbedPublisher::Result> EmbedPublisher::post(QString serverId, QString channelId)
{
    QPointer<EmbedPublisher> self(this);
    Result result;
    if (const auto old = m_context->store->lookup(serverId)) {
        const ApiError error = co_await deleteMessage(*old);
        if (!self)
            co_return result;
        if (error && !isGone(error)) {
            qCWarning(lcBot).noquote()
                << "could not delete the older embed of" << m_context->state.nameOf(serverId)
                << "in channel" << old->channelId << ":" << error.toString();
            // Posting anyway would leave the old message behind for good, frozen and
            // untracked. A failure that may pass keeps it tracked and fails this post; only
            // an old message the bot may no longer touch (its access or permissions there are
            // gone) is left behind, for a person to delete.
            if (!isPermissionProblem(error)) {
                result.outcome = Outcome::Failed;
                result.error = error;
                result.location = *old;
                co_return result;
            }
        }
        // Only if it is still the one tracked: another post of this server may have finished
        // while the delete was under way, and its embed is the one to keep (or to delete as
        // overtaken below), not to forget.
        if (m_context->store->lookup(serverId) == *old) {
            m_context->store->untrack(serverId);
            m_context->state.forgetEmbed(serverId);
        }
    }
    RestClient *rest = m_context->rest;
    if (!rest)
        co_return Result{Outcome::Failed, cancelled()};

    const Rendered rendered = render(serverId, false);
    result.chartRendered = rendered.chartRendered;
    result.imageUploaded = rendered.imageUploaded;
    beginWrite();
    const auto sent =
        co_await awaitTyped<MessageInfo>(rest->createMessage(channelId, rendered.message));
    const ApiError error = sent.error;
    if (!self)
        co_return result;
    endWrite();
    result.error = error;
    if (error) {
        result.outcome = isPermissionProblem(error) ? Outcome::Refused : Outcome::Failed;
        saveStore();
        const QString why = error.toString();
        qCWarning(lcBot).noquote()
            << "could not post the embed of" << m_context->state.nameOf(serverId) << "in channel"
            << channelId << ":" << why;
        emit embedWriteFailed(serverId, QStringLiteral("could not post: %1").arg(why));
        co_return result;
    }
    result.location = EmbedLocation{channelId, sent.value.id};
    // Another post of this server may have finished while this one was under way (two picks
    // at once, in one channel or two): both deleted the same old message, so the one that
    // finishes last is kept and the other is deleted, or it would stay behind untracked.
    const std::optional<EmbedLocation> overtaken = m_context->store->lookup(serverId);
    m_context->store->track(serverId, result.location);
    remember(serverId, sent.value, rendered);
    saveStore();
    result.outcome = Outcome::Done;
    qCInfo(lcBot).noquote() << "posted the embed of" << m_context->state.nameOf(serverId)
                            << "in channel" << channelId << "as message" << sent.value.id;
    emit embedPosted(serverId, channelId, sent.value.id);
    if (overtaken && *overtaken != result.location) {
        qCInfo(lcBot).noquote() << "deleting the embed of" << m_context->state.nameOf(serverId)
                                << "posted at the same time as message" << overtaken->messageId;
        const ApiError gone = co_await deleteMessage(*overtaken);
        if (gone && !isGone(gone)) {
            qCWarning(lcBot).noquote() << "could not delete the embed message"
                                       << overtaken->messageId << ":" << gone.toString();
        }
    }
    co_return result;
}

QCoro::Task<EmbedPublisher::Result> EmbedPublisher::edit(QString serverId, QString reason)
{
    // One edit per embed at a time; a request arriving meanwhile makes it run once more with
    // whatever is newest then, instead of racing two PATCHes.
    if (m_editing.contains(serverId)) {
        m_editAgain.insert(serverId, reason);
        co_return Result{Outcome::Coalesced};
    }
    QPointer<EmbedPublisher> self(this);
    m_editing.insert(serverId);
    Result result = co_await editOnce(serverId, reason);
    while (self && m_editAgain.contains(serverId) && m_context->store->contains(serverId))
        result = co_await editOnce(serverId, m_editAgain.take(serverId));
    if (self)
        m_editAgain.remove(serverId);
    if (self)
        m_editing.remove(serverId);
    co_return result;
}

QCoro::Task<EmbedPublisher::Result> EmbedPublisher::editOnce(QString serverId, QString reason)
{
    QPointer<EmbedPublisher> self(this);
    BotContext &context = *m_context;
    const auto location = context.store->lookup(serverId);
    if (!location)
        co_return Result{Outcome::NotTracked};
    EmbedRuntime &runtime = context.state.embed(serverId);
    if (runtime.blockedUntilMs > context.clock->monotonicMs())
        co_return Result{Outcome::Blocked};
    RestClient *rest = context.rest;
    if (!rest)
        co_return Result{Outcome::Failed, cancelled()};

    const Rendered rendered = render(serverId, true);
    Result result;
    result.location = *location;
    result.chartRendered = rendered.chartRendered;
    result.imageUploaded = rendered.imageUploaded;
    result.imageKept = rendered.imageKept;
    beginWrite();
    const auto edited = co_await awaitTyped<MessageInfo>(
        rest->editMessage(location->channelId, location->messageId, rendered.message));
    const ApiError error = edited.error;
    if (!self)
        co_return result;
    endWrite();
    result.error = error;
    if (!error) {
        // Tracking may have moved (a post or purge) while the request was in flight.
        if (context.store->lookup(serverId) == location)
            remember(serverId, edited.value, rendered);
        result.outcome = Outcome::Done;
        qCDebug(lcBot).noquote() << "edited the embed of" << context.state.nameOf(serverId) << "("
                                 << reason << ")";
        emit embedEdited(serverId, reason);
        co_return result;
    }
    if (context.store->lookup(serverId) != location) {
        result.outcome = Outcome::Failed;
        co_return result;
    }
    if (isGone(error)) {
        untrack(serverId, discordCode(error) == DiscordErrorCode::UnknownChannel
                              ? QStringLiteral("the channel was deleted")
                              : QStringLiteral("the message was deleted"));
        result.outcome = Outcome::Untracked;
        co_return result;
    }
    if (discordCode(error) == DiscordErrorCode::TooManyOldMessageEdits)
        co_return co_await repost(serverId, *location, reason);
    if (isPermissionProblem(error)) {
        qCWarning(lcBot).noquote()
            << "cannot edit the embed of" << context.state.nameOf(serverId) << "in channel"
            << location->channelId << ":"
            << (discordCode(error) == DiscordErrorCode::MissingAccess
                    ? QStringLiteral("the bot cannot see that channel (Missing Access)")
                    : QStringLiteral("the bot lacks permissions there (Missing Permissions)"))
            << "- give it View Channel, Send Messages, Embed Links and Attach Files; the embed "
               "is left alone until then";
        context.state.embed(serverId).blockedUntilMs =
            context.clock->monotonicMs() +
            std::max<qint64>(kPermissionBackoffMs, qint64(context.config.bot.forcedRefresh) * 1000);
        result.outcome = Outcome::Refused;
        emit embedWriteFailed(
            serverId,
            QStringLiteral("cannot edit (missing permissions): %1").arg(error.toString()));
        co_return result;
    }
    qCWarning(lcBot).noquote() << "could not edit the embed of" << context.state.nameOf(serverId)
                               << ":" << error.toString() << "- trying again next cycle";
    emit embedWriteFailed(serverId, QStringLiteral("could not edit: %1").arg(error.toString()));
    context.policy.forget(serverId);
    result.outcome = Outcome::Failed;
    co_return result;
}

QCoro::Task<EmbedPublisher::Result> EmbedPublisher::repost(QString serverId, EmbedLocation old,
                                                           QString reason)
{
    QPointer<EmbedPublisher> self(this);
    BotContext &context = *m_context;
    RestClient *rest = context.rest;
    if (!rest)
        co_return Result{Outcome::Failed, cancelled()};
    qCInfo(lcBot).noquote() << "the embed of" << context.state.nameOf(serverId)
                            << "is too old to edit often (30046): posting it again";
    Result result;
    // The old message goes first, as in post(). Deleted after the new one was posted, a kill
    // or a failed delete in between would leave it behind as a frozen duplicate that nothing
    // tracks; deleted first, the store points at a message that is gone until the new one
    // exists, and the next cycle finds it gone and posts it again (tst_killsafety).
    const ApiError deleted = co_await deleteMessage(old);
    if (!self)
        co_return result;
    if (deleted && !isGone(deleted)) {
        qCWarning(lcBot).noquote() << "could not delete the old embed message" << old.messageId
                                   << "to post it again:" << deleted.toString();
        context.policy.forget(serverId);
        result.error = deleted;
        result.outcome = isPermissionProblem(deleted) ? Outcome::Refused : Outcome::Failed;
        co_return result;
    }
    rest = context.rest;
    if (!rest)
        co_return Result{Outcome::Failed, cancelled()};
    const Rendered rendered = render(serverId, false);
    result.chartRendered = rendered.chartRendered;
    result.imageUploaded = rendered.imageUploaded;
    beginWrite();
    const auto sent =
        co_await awaitTyped<MessageInfo>(rest->createMessage(old.channelId, rendered.message));
    const ApiError error = sent.error;
    if (!self)
        co_return result;
    endWrite();
    result.error = error;
    if (error) {
        qCWarning(lcBot).noquote() << "could not repost the embed of"
                                   << context.state.nameOf(serverId) << ":" << error.toString();
        context.policy.forget(serverId);
        result.outcome = isPermissionProblem(error) ? Outcome::Refused : Outcome::Failed;
        co_return result;
    }
    result.location = EmbedLocation{old.channelId, sent.value.id};
    if (!context.store->move(serverId, result.location))
        context.store->track(serverId, result.location);
    context.state.forgetEmbed(serverId);
    remember(serverId, sent.value, rendered);
    saveStore();
    result.outcome = Outcome::Reposted;
    emit embedPosted(serverId, old.channelId, sent.value.id);
    emit embedEdited(serverId, reason);
    co_return result;
}

QCoro::Task<EmbedPublisher::Result> EmbedPublisher::remove(QString serverId)
{
    QPointer<EmbedPublisher> self(this);
    const auto location = m_context->store->lookup(serverId);
    if (!location)
        co_return Result{Outcome::NotTracked};
    const ApiError error = co_await deleteMessage(*location);
    if (!self)
        co_return Result{Outcome::Failed, error};
    Result result{Outcome::Done, error, *location};
    if (error && !isGone(error)) {
        result.outcome = isPermissionProblem(error) ? Outcome::Refused : Outcome::Failed;
        qCWarning(lcBot).noquote() << "could not delete the embed of"
                                   << m_context->state.nameOf(serverId) << ":" << error.toString();
        co_return result;
    }
    if (error)
        result.outcome = Outcome::Untracked; // already gone
    // A post that finished meanwhile tracks a new embed: that one stays.
    if (m_context->store->lookup(serverId) == *location)
        untrack(serverId, QStringLiteral("deleted on request"));
    co_return result;
}

QCoro::Task<> EmbedPublisher::postAlert(OutageAlerts::Alert alert)
{
    QPointer<EmbedPublisher> self(this);
    qCInfo(lcBot).noquote() << "alert:" << alert.text;
    emit alertRaised(alert.text);
    const QString channel = m_context->config.discord.alertChannelId;
    RestClient *rest = m_context->rest;
    if (channel.isEmpty() || !rest)
        co_return;
    Message message;
    message.content = OutageAlerts::text(alert, m_context->publicWording());
    beginWrite();
    const RestResult reply = co_await awaitReply(rest->createMessage(channel, message));
    const ApiError error = reply.error;
    if (!self)
        co_return;
    endWrite();
    if (error) {
        qCWarning(lcBot).noquote()
            << "could not post an alert in channel" << channel << ":" << error.toString();
    }
}

} // namespace Pterodisbot
