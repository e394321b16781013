#pragma once

#include <memory>
#include <optional>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "DiscordSimTypes.h"

namespace PterodisbotSim {

class DiscordGateway;
class DiscordRecorder;
class DiscordRest;
class DiscordState;

//! A local Discord v10 stand-in: gateway (QWebSocketServer) and REST (QAbstractHttpServer) on
//! 127.0.0.1, written from the wire reference alone. Tests and the demo drive it through the
//! control methods below; everything else happens over the wire like with the real Discord.
class DiscordSimulator : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordSimulator)

public:
    explicit DiscordSimulator(QObject *parent = nullptr);
    ~DiscordSimulator() override;

    //! Listens on 127.0.0.1 port 0 for REST and gateway; false with errorString() on failure.
    bool start(const DiscordSimOptions &options = {});
    QString errorString() const;
    QUrl restBaseUrl() const; //!< "http://127.0.0.1:<port>/api/v10" (https with tls)
    QUrl gatewayUrl() const;  //!< "ws://127.0.0.1:<port>" (wss with tls)
    QString botToken() const;
    QString applicationId() const;
    QString guildId() const;
    QStringList channelIds() const;
    QString botUserId() const;

    // --- gateway observation
    int gatewayConnectionCount() const; //!< sockets accepted so far
    int identifyCount() const;
    int resumeCount() const;
    //! Close code of the last close frame a client sent; -1 when none came.
    int lastClientCloseCode() const;
    //! Every payload the client sent, in order, as JSON.
    QList<QJsonObject> receivedGatewayPayloads() const;
    //! Every payload the simulator sent, in order, before compression (addition).
    QList<QJsonObject> sentGatewayPayloads() const;
    QString currentSessionId() const;
    int currentSequence() const; //!< last `s` of the current session (addition)

    // --- gateway control (act on the current connection)
    //! Sequenced dispatch; buffered for RESUME replay while no connection is live.
    void dispatch(const QString &eventName, const QJsonObject &data);
    void sendReconnect();                    //!< op 7
    void sendInvalidSession(bool resumable); //!< op 9
    void sendHeartbeatRequest();             //!< op 1 from the server
    void closeGateway(int closeCode, const QString &reason = {});
    void dropGateway(); //!< abort TCP without a close frame
    void setAckSilence(bool silent);
    void setNextHelloDelayMs(int ms);

    // --- interactions: each returns the interaction id
    QString injectSlashCommand(const QString &channelId, const QString &userId,
                               const QStringList &roleIds, const QString &name,
                               const QJsonArray &options = {});
    QString injectComponent(const QString &channelId, const QString &messageId,
                            const QString &userId, const QStringList &roleIds,
                            const QString &customId, int componentType = 2,
                            const QStringList &values = {}, const QString &guildId = {});
    //! An autocomplete interaction (type 4); options carry the focused one (addition).
    QString injectAutocomplete(const QString &channelId, const QString &userId,
                               const QStringList &roleIds, const QString &name,
                               const QJsonArray &options);
    //! {type, data} of the bot's callback, {} if none.
    QJsonObject interactionResponse(const QString &interactionId) const;
    bool interactionAcknowledged(const QString &interactionId) const;
    qint64 interactionAckLatencyMs(const QString &interactionId) const; //!< -1 if none
    std::optional<SimMessage> originalResponse(const QString &interactionId) const;
    QList<SimMessage> followUps(const QString &interactionId) const;
    QString interactionToken(const QString &interactionId) const; //!< addition
    //! The INTERACTION_CREATE payload as dispatched (addition).
    QJsonObject interactionPayload(const QString &interactionId) const;
    //! The client language of \a userId: the `locale` of the interactions they cause from now
    //! on ("de", "fr", ...; "en-US" until set). Any text is accepted, so tests can send locales
    //! Discord may add later (addition).
    void setUserLocale(const QString &userId, const QString &locale);
    //! The guild's preferred_locale from now on, announced with GUILD_UPDATE; also the
    //! guild_locale of later interactions (addition).
    void setGuildLocale(const QString &locale);

    // --- channels and messages
    //! Messages everyone sees (ephemeral ones only via originalResponse/followUps/message).
    QList<SimMessage> messages(const QString &channelId) const;
    std::optional<SimMessage> message(const QString &channelId, const QString &messageId) const;
    void deleteMessage(const QString &channelId, const QString &messageId);
    void deleteChannel(const QString &channelId);
    void ageMessage(const QString &channelId, const QString &messageId, qint64 ms);
    QJsonArray registeredCommands() const;
    void setChannelAccess(const QString &channelId, SimChannelAccess access); //!< addition

    // --- faults and recording
    void setServerErrors(int count, int status = 500); //!< next N REST requests answer status
    //! The next request gets a global 429; requests during retryAfterMs get one too.
    void setGlobalRateLimit(int retryAfterMs);
    //! Every REST answer is written \a ms after the request was handled (0 = at once): a
    //! client with a shorter timeout gives up although the request took effect (addition).
    void setRestLatency(int ms);
    //! For \a durationMs on the simulator clock, every request of a rate-limited route answers
    //! a bucket 429 (not global) with the bucket's headers (addition).
    void setBucketStorm(int durationMs);
    bool setRecordFile(const QString &path); //!< JSONL of every request and gateway payload
    QList<DiscordRequestRecord> requests() const;
    int rateLimitedCount() const; //!< 429s answered so far
    void clearRequests();
    int missingUserAgentCount() const; //!< requests refused for lacking a User-Agent (addition)
    int foreignUserAgentCount() const; //!< requests whose User-Agent is not "DiscordBot (...)"

    // --- simulator clock (additions): rate-limit windows, interaction deadlines, message age
    qint64 elapsedMs() const;
    void advanceClock(qint64 ms);

signals:
    void gatewayPayloadReceived(const QJsonObject &payload);
    void clientIdentified();
    //! A gateway socket was accepted, before HELLO (addition: start-up timing).
    void gatewayConnected();
    void clientResumed();
    void messageCreated(const QString &channelId, const QString &messageId);
    void messageEdited(const QString &channelId, const QString &messageId);
    void messageDeleted(const QString &channelId, const QString &messageId); //!< addition
    void interactionAnswered(const QString &interactionId);
    //! One REST request was handled (as recorded, without the history limit; addition).
    void requestHandled(const PterodisbotSim::DiscordRequestRecord &record);
    void commandsRegistered(); //!< addition: after every successful bulk overwrite

private:
    QString commandId(const QString &name) const;
    QString injectInteraction(int type, const QString &channelId, const QString &userId,
                              const QStringList &roleIds, const QJsonObject &data,
                              const QString &messageId, const QString &guildId);

    std::unique_ptr<DiscordState> m_state;
    std::unique_ptr<DiscordRecorder> m_recorder;
    DiscordGateway *m_gateway = nullptr;
    DiscordRest *m_rest = nullptr;
    QString m_error;
};

} // namespace PterodisbotSim
