#pragma once

#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include "DiscordHttpServer.h"
#include "DiscordRateLimits.h"
#include "DiscordSimTypes.h"

namespace PterodisbotSim {

class DiscordGateway;
class DiscordRecorder;
class DiscordState;
struct SimInteraction;
struct SimMessage;
struct MultipartPart;

//! The simulated REST API under /api/v10 plus the attachment downloads: routing, auth,
//! faults, rate limits and recording here; the routes' work in DiscordRest*.cpp by concern.
class DiscordRest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordRest)

public:
    DiscordRest(DiscordState *state, const DiscordGateway *gateway, DiscordRecorder *recorder,
                QObject *parent = nullptr);
    ~DiscordRest() override;

    bool listen(QString *error);
    QUrl baseUrl() const; //!< http(s)://127.0.0.1:<port>/api/v10

    void setServerErrors(int count, int status);
    void setGlobalRateLimit(int retryAfterMs) { m_rateLimits.forceGlobal(retryAfterMs); }
    void setBucketStorm(int durationMs) { m_rateLimits.forceBuckets(durationMs); }
    void setLatency(int ms);
    int rateLimitedCount() const { return m_rateLimitedCount; }
    int missingUserAgentCount() const { return m_missingUserAgent; }
    int foreignUserAgentCount() const { return m_foreignUserAgent; }

signals:
    void messageCreated(const QString &channelId, const QString &messageId);
    void messageEdited(const QString &channelId, const QString &messageId);
    void messageDeleted(const QString &channelId, const QString &messageId);
    void interactionAnswered(const QString &interactionId);
    void commandsRegistered();
    void requestHandled(const PterodisbotSim::DiscordRequestRecord &record);

private:
    //! A request once routed: its parts, and what the pipeline decided about it.
    struct Call
    {
        QString method;
        QStringList segments; //!< path below /api/v10
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType;
        QString bucketHash; //!< empty: route not rate limited
        QString majorKey;
        int bucketLimit = 0;
        int bucketWindowMs = 0;
        bool needsAuth = true;
        bool globalLimited = true;
        std::optional<DiscordHttpReply> (DiscordRest::*handler)(const Call &) = nullptr;
        QJsonObject recordDetails;
    };
    //! What a request body carried: the JSON payload and any uploaded files.
    struct MessageInput
    {
        QJsonObject payload;
        QList<MultipartPart> files; //!< files[n] parts, in order
    };

    DiscordHttpReply handle(const QHttpServerRequest &request);
    DiscordHttpReply handleApi(const QHttpServerRequest &request, Call &call);
    bool route(Call &call) const;
    DiscordHttpReply serveAttachment(const QStringList &segments) const;

    // DiscordRestGuild.cpp: gateway, users, guilds, channels.
    std::optional<DiscordHttpReply> getGateway(const Call &call);
    std::optional<DiscordHttpReply> getGatewayBot(const Call &call);
    std::optional<DiscordHttpReply> getCurrentUser(const Call &call);
    std::optional<DiscordHttpReply> getApplication(const Call &call);
    std::optional<DiscordHttpReply> getCurrentUserGuilds(const Call &call);
    std::optional<DiscordHttpReply> getGuild(const Call &call);
    std::optional<DiscordHttpReply> getGuildRoles(const Call &call);
    std::optional<DiscordHttpReply> getGuildChannels(const Call &call);
    std::optional<DiscordHttpReply> getChannel(const Call &call);

    // DiscordRestMessages.cpp: channel messages and the message body rules they share.
    std::optional<DiscordHttpReply> createMessage(const Call &call);
    std::optional<DiscordHttpReply> editMessage(const Call &call);
    std::optional<DiscordHttpReply> deleteMessage(const Call &call);
    std::optional<DiscordHttpReply> getMessage(const Call &call);
    std::optional<DiscordHttpReply> listMessages(const Call &call);
    std::optional<DiscordHttpReply> checkChannel(const QString &channelId, bool writing) const;
    std::optional<DiscordHttpReply> readMessageInput(const Call &call, MessageInput *input) const;
    //! Applies a create (isEdit false) or an edit to message; an error reply if invalid.
    std::optional<DiscordHttpReply> applyMessageInput(const MessageInput &input,
                                                      SimMessage &message, bool isEdit,
                                                      const QStringList &errorPrefix);
    DiscordHttpReply messageReply(const SimMessage &message) const;

    // DiscordRestInteractions.cpp: callbacks, webhooks, application commands.
    std::optional<DiscordHttpReply> interactionCallback(const Call &call);
    std::optional<DiscordHttpReply> createFollowUp(const Call &call);
    std::optional<DiscordHttpReply> webhookMessage(const Call &call);
    std::optional<DiscordHttpReply> getCommands(const Call &call);
    std::optional<DiscordHttpReply> putCommands(const Call &call);
    std::optional<DiscordHttpReply> postCommand(const Call &call);
    std::optional<DiscordHttpReply> checkCommandScope(const Call &call) const;
    std::optional<DiscordHttpReply> webhookInteraction(const Call &call,
                                                       SimInteraction **interaction);
    QJsonObject storedCommand(const QJsonObject &command, const QJsonArray &previous);

    DiscordState *m_state;
    const DiscordGateway *m_gateway;
    DiscordRecorder *m_recorder;
    DiscordHttpServer *m_server = nullptr;
    DiscordRateLimits m_rateLimits;
    int m_serverErrorsLeft = 0;
    int m_serverErrorStatus = 500;
    int m_rateLimitedCount = 0;
    int m_missingUserAgent = 0;
    int m_foreignUserAgent = 0;
};

} // namespace PterodisbotSim
