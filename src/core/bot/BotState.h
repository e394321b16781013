#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include "bot/StatusEmbed.h"
#include "net/ApiError.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

//! What the bot knows about one tracked embed beyond its location (EmbedStore): what it shows
//! and which image it carries, so an edit can keep the image instead of uploading it again.
struct EmbedRuntime
{
    //! The chart attachment the message has now (id from Discord's answer); empty: none.
    QString attachmentId;
    QString attachmentName;
    //! Hash of the PNG bytes behind attachmentId.
    QByteArray imageHash;
    //! What the embed showed after the last successful edit; nullopt: not known (not yet
    //! edited by this process).
    std::optional<DisplayState> shown;
    //! Editing is refused (missing permissions) until this monotonic time; the embed is left
    //! alone meanwhile instead of sending doomed requests every cycle.
    qint64 blockedUntilMs = 0;
    //! The payload of the last successful write (what Discord shows), for the admin window.
    QJsonObject lastPayload;
    //! The chart's PNG bytes behind attachmentId, when BotTuning::keepEmbedImages.
    QByteArray lastImage;
    //! The last successful write by this process and why; invalid when none yet.
    QDateTime lastEditAt;
    QString lastEditReason;
    //! The last failed write; cleared by a successful one.
    QString lastError;
};

//! The bot's run-time knowledge of the panel: the cached server list, the last sample of each
//! server, which servers did not answer, and the per-embed state. Plain data in the bot's
//! thread; lookups accept a server's identifier or uuid.
class BotState
{
public:
    //! Replaces the cached list (panel order) at monotonic time \a atMs.
    void setServers(QList<Server> servers, qint64 atMs);
    bool hasServerList() const { return m_listFetchedAtMs >= 0; }
    qint64 serverListFetchedAtMs() const { return m_listFetchedAtMs; }
    const QList<Server> &servers() const { return m_servers; }
    //! By identifier or uuid; nullptr when not in the list.
    const Server *server(const QString &id) const;
    //! The identifier of \a id (identifier or uuid); \a id itself when unknown.
    QString identifierOf(const QString &id) const;
    //! The name to show for \a id: the server's name, else the id.
    QString nameOf(const QString &id) const;

    //! A sample from the panel or Wings at monotonic time \a atMs; clears "unreachable".
    void setSample(const QString &identifier, const ResourceSample &sample, qint64 atMs);
    std::optional<ResourceSample> sample(const QString &identifier) const;
    //! Monotonic time of the last sample; -1 when none.
    qint64 sampleAtMs(const QString &identifier) const;
    //! Wall time the panel last answered about the server; invalid when never.
    QDateTime lastSeen(const QString &identifier) const;

    //! The panel (or the server's node) did not answer about \a identifier.
    void setUnreachable(const QString &identifier, const ApiError &error);
    bool isUnreachable(const QString &identifier) const;
    //! Why, in English (StatusEmbed::unreachableText()); empty when reachable.
    QString unreachableReason(const QString &identifier) const;

    EmbedRuntime &embed(const QString &identifier) { return m_embeds[identifier]; }
    const EmbedRuntime *embedIfKnown(const QString &identifier) const;
    void forgetEmbed(const QString &identifier) { m_embeds.remove(identifier); }
    //! The embed state of \a from is now that of \a to (a tracked uuid became its identifier).
    void renameEmbed(const QString &from, const QString &to);
    void forgetAllEmbeds() { m_embeds.clear(); }

    //! The view of \a identifier from everything known; \a updatedAt stamps the embed.
    StatusView view(const QString &identifier, const QDateTime &updatedAt) const;

private:
    struct Known
    {
        ResourceSample sample;
        qint64 atMs = -1;
        bool hasSample = false;
        QDateTime lastSeen;
        bool unreachable = false;
        ApiError error; //!< why it is unreachable
    };

    QList<Server> m_servers;
    QHash<QString, int> m_index; //!< identifier and uuid -> index in m_servers
    qint64 m_listFetchedAtMs = -1;
    QHash<QString, Known> m_known;
    QHash<QString, EmbedRuntime> m_embeds;
};

} // namespace Pterodisbot
