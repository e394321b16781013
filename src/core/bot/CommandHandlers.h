#pragma once

#include <optional>

#include <QCoroTask>
#include <QJsonArray>
#include <QList>
#include <QObject>

#include "bot/Admitted.h"
#include "bot/CustomId.h"
#include "bot/EmbedPublisher.h"
#include "bot/ServerStatusMenu.h"
#include "discord/Interaction.h"
#include "discord/InteractionAnswer.h"
#include "i18n/Wording.h"
#include "net/ApiError.h"

namespace Pterodisbot {

struct BotContext;
class SampleIntake;

//! The slash commands and the server menu: /server_status (totals and a paged select of
//! servers; choosing one posts its status embed in the channel), /refresh_embeds and
//! /purge_embeds. Every handler checks access first and answers refusals ephemerally without
//! calling the panel. The handlers run under BotContext::responder (an ephemeral reply style
//! for commands and the select, the update style for the page buttons) and return their
//! answer, in the member's language (the interaction's locale); the long commands show their
//! progress through it.
class CommandHandlers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandHandlers)

public:
    CommandHandlers(BotContext *context, EmbedPublisher *publisher, SampleIntake *intake,
                    QObject *parent = nullptr);
    ~CommandHandlers() override;

    //! The guild commands as registered with Discord (bulk overwrite body), their descriptions
    //! with description_localizations for every Discord locale a catalog translates.
    static QJsonArray commandDefinitions();

    //! The surface whose access rule a command follows: /server_status the status rule, the
    //! embed commands (and unknown names) the control role.
    static AccessPolicy::Surface surfaceOfCommand(const QString &name);

    QCoro::Task<InteractionAnswer> handleCommand(Admitted admitted);
    //! The server select of the /server_status reply.
    QCoro::Task<InteractionAnswer> handleSelect(Admitted admitted, CustomId id);
    //! Previous / Next under the select (answers are updates of the menu).
    QCoro::Task<InteractionAnswer> handlePage(Admitted admitted, CustomId id);

    //! Outcomes of a bulk operation on embeds.
    struct EmbedTally
    {
        int done = 0;
        int gone = 0;
        int failed = 0;
        void add(const EmbedPublisher::Result &result);
    };
    //! Posts the status embed of \a identifier (a server of the cached list) in \a channelId
    //! with a fresh sample: what choosing it in the menu does, also for the admin window.
    QCoro::Task<EmbedPublisher::Result> postStatus(QString identifier, QString channelId);
    //! Rebuilds the embeds of \a ids from fresh samples (image sent again, blocks lifted):
    //! /refresh_embeds, and the admin window's refresh.
    QCoro::Task<EmbedTally> refreshTracked(QStringList ids);

private:
    QCoro::Task<InteractionAnswer> serverStatus(Wording wording);
    QCoro::Task<InteractionAnswer> refreshEmbeds(Interaction interaction);
    QCoro::Task<InteractionAnswer> purgeEmbeds(Interaction interaction);
    //! Fetches the server list when there is none yet (or \a force); the error when that failed.
    QCoro::Task<ApiError> ensureServerList(bool force);
    //! The menu entries, asking the panel about the servers of \a page (all of them when
    //! there are few) whose state is not fresh.
    QCoro::Task<QList<ServerListEntry>> listEntries(int page, Wording wording);
    void showProgress(const Interaction &interaction, const QString &text);
    //! The start both bulk commands share: access check, something to do, progress shown
    //! ("Refreshing 12 status embeds…": \a progressSource, a QT_TRANSLATE_N_NOOP of this
    //! context). The answer when the command ends here; else nullopt and \a ids holds the
    //! tracked servers.
    std::optional<InteractionAnswer> beginBulk(const Interaction &interaction,
                                               const QString &nothingText,
                                               const char *progressSource, QStringList *ids);

    BotContext *m_context;
    EmbedPublisher *m_publisher;
    SampleIntake *m_intake;
};

} // namespace Pterodisbot
