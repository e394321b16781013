#pragma once

#include <memory>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include "discord/DiscordEndpoints.h"
#include "discord/Message.h"
#include "discord/RateLimitBuckets.h"
#include "discord/RestCall.h"
#include "discord/RestReply.h"
#include "net/RetryPolicy.h"

class QNetworkAccessManager;

namespace Pterodisbot {

class Clock;
class HttpClient;

//! Settings of the Discord REST client; every number is configuration.
struct RestOptions
{
    QUrl baseUrl = QUrl(QStringLiteral("https://discord.com/api/v10"));
    QString botToken;
    //! Per HTTP request.
    int timeoutMs = 15000;
    //! Waits before re-sending after a 500/502/503/504 or a network error (timeouts only for
    //! idempotent methods); one retry per entry. Other 4xx are never retried.
    QList<int> retryBackoffsMs = {1000, 3000, 6000};
    //! 429s waited out per call before it fails with RateLimited.
    int maxRateLimitRetries = 5;
    //! A 429 asking for a longer wait fails the call at once instead.
    qint64 maxRetryAfterMs = 120000;
    int maxConcurrentRequests = 8;
    RateLimitOptions rateLimits;
    //! TLS settings for https (e.g. trusting one self-signed certificate of a test server);
    //! empty uses the system CAs. Certificates are always verified.
    std::optional<QSslConfiguration> sslConfiguration;
};

//! Discord REST over HttpClient: bot authentication, the DiscordBot User-Agent, per-request
//! timeouts, the bucket rate limiter (RateLimitBuckets), Discord's error format (discordError),
//! retries for 5xx with backoff, 429s waited out (the limiter holds the bucket or everything
//! meanwhile), and the invalid-request guard that stops all sending before Discord bans the IP.
//! Endpoints are thin methods sending what DiscordEndpoints builds; anything else goes through
//! send().
//!
//! Each attempt is its own HttpRequest sent once; the retry loop is here rather than in the
//! transport because between attempts Discord needs what HttpClient cannot do: a fresh
//! multipart body (a sent QHttpMultiPart cannot be read again), the guard checked before every
//! attempt, and a 30046 429 ended at once instead of waited. Which failures are retried and
//! how long to wait still come from one RetryPolicy (retryPolicy()).
class RestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestClient)

public:
    //! \a nam and \a clock must outlive the client.
    RestClient(QNetworkAccessManager *nam, Clock *clock, RestOptions options,
               QObject *parent = nullptr);
    ~RestClient() override;

    //! "DiscordBot (<homepage>, <version>)", as Discord requires.
    static QByteArray userAgent();

    const RestOptions &options() const { return m_options; }
    void setBotToken(const QString &token);
    RateLimitBuckets &rateLimits() { return m_buckets; }
    HttpClient *http() const { return m_http; }
    //! Backoffs from retryBackoffsMs, statuses 500/502/503/504, 429 bounds from the options.
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    //! Sends \a call (path relative to the base URL).
    RestReply *send(RestCall call);
    RestReply *sendJson(const QByteArray &method, const QString &path, const QJsonValue &body);
    //! JSON or, when \a message has files, multipart (payload_json + files[n]).
    RestReply *sendMessage(const QByteArray &method, const QString &path, const Message &message,
                           Message::Mode mode);

    // --- endpoints (the calls come from DiscordEndpoints)
    RestReply *getGatewayBot() { return send(DiscordEndpoints::getGatewayBot()); }
    RestReply *getCurrentUser() { return send(DiscordEndpoints::getCurrentUser()); }
    RestReply *getGuildRoles(const QString &guildId)
    {
        return send(DiscordEndpoints::getGuildRoles(guildId));
    }
    RestReply *createMessage(const QString &channelId, const Message &message)
    {
        return send(DiscordEndpoints::createMessage(channelId, message));
    }
    //! A full re-render: content, embeds, components and attachments are replaced. To replace
    //! the chart put the new PNG in message.files (sent as files[0], the embed pointing at
    //! attachment://<name>); to keep the old one list it in message.keptAttachments.
    RestReply *editMessage(const QString &channelId, const QString &messageId,
                           const Message &message)
    {
        return send(DiscordEndpoints::editMessage(channelId, messageId, message));
    }
    RestReply *deleteMessage(const QString &channelId, const QString &messageId)
    {
        return send(DiscordEndpoints::deleteMessage(channelId, messageId));
    }
    RestReply *getMessage(const QString &channelId, const QString &messageId)
    {
        return send(DiscordEndpoints::getMessage(channelId, messageId));
    }
    RestReply *getGuildCommands(const QString &applicationId, const QString &guildId)
    {
        return send(DiscordEndpoints::getGuildCommands(applicationId, guildId));
    }
    RestReply *bulkOverwriteGuildCommands(const QString &applicationId, const QString &guildId,
                                          const QJsonArray &commands)
    {
        return send(DiscordEndpoints::bulkOverwriteGuildCommands(applicationId, guildId, commands));
    }
    //! POST /interactions/{id}/{token}/callback with {type, data}.
    RestReply *createInteractionResponse(const QString &interactionId, const QString &token,
                                         int type, const std::optional<Message> &data,
                                         Message::Mode mode = Message::Mode::Create)
    {
        return send(
            DiscordEndpoints::createInteractionResponse(interactionId, token, type, data, mode));
    }
    RestReply *getOriginalResponse(const QString &applicationId, const QString &token)
    {
        return send(DiscordEndpoints::getOriginalResponse(applicationId, token));
    }
    RestReply *editOriginalResponse(const QString &applicationId, const QString &token,
                                    const Message &message)
    {
        return send(DiscordEndpoints::editOriginalResponse(applicationId, token, message));
    }
    RestReply *deleteOriginalResponse(const QString &applicationId, const QString &token)
    {
        return send(DiscordEndpoints::deleteOriginalResponse(applicationId, token));
    }
    RestReply *createFollowUp(const QString &applicationId, const QString &token,
                              const Message &message)
    {
        return send(DiscordEndpoints::createFollowUp(applicationId, token, message));
    }

    //! Shutdown: nothing new is sent and nothing retried; calls waiting for a retry or a
    //! rate limit end at once with Cancelled, calls on the wire get \a graceMs to finish.
    //! A second call may shorten the grace (0: cancel them now).
    void beginShutdown(int graceMs);

    //! Calls not finished yet.
    int pendingCount() const { return int(m_pending.size()); }
    //! Whether the invalid-request guard has stopped all sending.
    bool isStopped() const;

signals:
    //! The invalid-request count crossed the warning level.
    void invalidRequestsWarning(int count);
    //! Sending stopped (every call fails at once) until the window drains.
    void sendingStopped(const QString &reason);
    void sendingResumed();
    //! One HTTP attempt of a call ended (every retry and 429 wait is an attempt of its own):
    //! \a routeKind is discordRouteKind() of the call, \a status the HTTP status (0 when no
    //! answer came: network error, timeout). For the request metrics.
    void attemptFinished(const QString &routeKind, int status);

private:
    void startAttempt(RestReply *reply);
    void onAttemptFinished(RestReply *reply, HttpReply *http);
    void finish(RestReply *reply, const ApiError &error);
    void finishLater(RestReply *reply, const ApiError &error);
    void checkGuard(RestReply *answered = nullptr);
    ApiError guardError() const;
    QUrl urlFor(const QString &path) const;

    friend class RestReply;

    Clock *m_clock;
    RestOptions m_options;
    RateLimitBuckets m_buckets;
    RetryPolicy m_retryPolicy;
    HttpClient *m_http;
    QSet<RestReply *> m_pending;
    RateLimitGuard::State m_guardState = RateLimitGuard::State::Ok;
    bool m_shuttingDown = false;
    bool m_draining = false;
};

} // namespace Pterodisbot
