#pragma once

#include <QByteArray>
#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include "bot/EmbedStore.h"
#include "bot/OutageAlerts.h"
#include "bot/StatusEmbed.h"
#include "discord/Message.h"
#include "net/ApiError.h"

namespace Pterodisbot {

struct BotContext;
class RestReply;
struct MessageInfo;

//! Writes status embeds to Discord: posts, edits, reposts and deletes them, keeps EmbedStore in
//! step, and turns Discord's answers into tracking decisions:
//! - 10008 Unknown Message / 10003 Unknown Channel: the embed is gone, untrack it and persist;
//! - 30046 too many edits to an old message: post it again and move the tracking there;
//! - 50013 / 50001 missing permissions or access: one clear log line, the embed is left alone
//!   (no edits for a while instead of a doomed request every cycle);
//! - anything else: the UpdatePolicy forgets the embed so the next cycle tries again.
//! The chart is rendered only for embeds being written and uploaded only when its bytes
//! changed; otherwise the edit keeps the attachment the message already has.
class EmbedPublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbedPublisher)

public:
    enum class Outcome {
        Done,       //!< posted or edited
        Coalesced,  //!< an edit of the same embed was in flight; it runs once more afterwards
        Reposted,   //!< 30046: a new message carries the embed now
        Untracked,  //!< the message or channel is gone
        Refused,    //!< missing permissions or access; left alone
        Blocked,    //!< skipped: permissions were missing a short while ago
        NotTracked, //!< nothing to edit
        Failed,     //!< anything else; retried by a later cycle
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        ApiError error;
        EmbedLocation location;
        bool chartRendered = false;
        bool imageUploaded = false;
        bool imageKept = false;

        bool ok() const { return outcome == Outcome::Done || outcome == Outcome::Reposted; }
    };

    explicit EmbedPublisher(BotContext *context, QObject *parent = nullptr);
    ~EmbedPublisher() override;

    //! Posts the status embed of \a serverId in \a channelId, deleting the server's older embed
    //! first, and tracks the new one. When the older embed cannot be deleted for a reason that
    //! may pass (5xx, timeout), nothing is posted and the older one stays tracked.
    QCoro::Task<Result> post(QString serverId, QString channelId);
    //! Edits the tracked embed of \a serverId to what is known now; \a reason for logs and
    //! embedEdited().
    QCoro::Task<Result> edit(QString serverId, QString reason);
    //! Deletes the tracked embed of \a serverId and stops tracking it; a message that is
    //! already gone counts as deleted.
    QCoro::Task<Result> remove(QString serverId);
    //! Raises an alert: alertRaised() with its English text and, when configured, a message in
    //! the alert channel in the guild's language.
    QCoro::Task<> postAlert(OutageAlerts::Alert alert);

    //! Saves EmbedStore when it changed; failures are logged.
    void saveStore();
    //! Stops tracking \a serverId (the message stays), saves, and says why in the log and in
    //! embedUntracked().
    void untrack(const QString &serverId, const QString &why);
    //! Discord writes in flight.
    int writesInFlight() const { return m_writes; }

    static QString outcomeName(Outcome outcome);

signals:
    void embedPosted(const QString &serverId, const QString &channelId, const QString &messageId);
    void embedEdited(const QString &serverId, const QString &reason);
    void embedUntracked(const QString &serverId, const QString &reason);
    //! A post or edit failed (it is tried again where that makes sense); \a error says why.
    void embedWriteFailed(const QString &serverId, const QString &error);
    void alertRaised(const QString &text);
    //! The last write in flight finished.
    void writesIdle();

private:
    struct Rendered
    {
        Message message;
        QByteArray hash;
        QString chartName;
        DisplayState display = DisplayState::Unknown;
        bool chartRendered = false;
        bool imageUploaded = false;
        bool imageKept = false;
    };

    //! Builds the message for \a serverId; \a allowKeep: the message may keep its attachment.
    Rendered render(const QString &serverId, bool allowKeep) const;
    //! Records what the message shows now that Discord accepted it.
    void remember(const QString &serverId, const MessageInfo &answer, const Rendered &rendered);
    QCoro::Task<Result> editOnce(QString serverId, QString reason);
    QCoro::Task<Result> repost(QString serverId, EmbedLocation old, QString reason);
    QCoro::Task<ApiError> deleteMessage(EmbedLocation location);
    void beginWrite() { ++m_writes; }
    void endWrite();

    BotContext *m_context;
    QSet<QString> m_editing;
    //! Server -> reason of an edit asked for while one was in flight.
    QHash<QString, QString> m_editAgain;
    int m_writes = 0;
};

} // namespace Pterodisbot
