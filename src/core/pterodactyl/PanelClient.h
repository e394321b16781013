#pragma once

#include <QCoroTask>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include "net/ApiError.h"
#include "net/ApiResult.h"
#include "pterodactyl/models.h"
#include "pterodactyl/PanelJob.h"
#include "pterodactyl/PanelJobs.h"

class QNetworkAccessManager;

namespace Pterodisbot {

class Clock;
class HttpClient;
class HttpReply;
class WindowRateLimiter;

//! Everything PanelClient needs to know; the defaults are the panel's documented limits.
struct PanelClientOptions
{
    QUrl panelUrl;          //!< "https://panel.example.com" (a path prefix is kept)
    QString clientKey;      //!< ptlc_ / pacc_
    QString applicationKey; //!< ptla_ / papp_ (or a root admin's client key); optional
    int requestTimeoutMs = 10000;
    QList<int> retryBackoffsMs = {1000, 3000}; //!< one more attempt than entries
    int maxConcurrentRequests = 6;
    int clientRequestsPerWindow = 720;
    int applicationRequestsPerWindow = 240;
    //! Pelican's own limits, in force for Pelican keys (pacc_/papp_): on either API, and on
    //! /websocket on top of it (a budget of its own, so that a burst of stream start-ups
    //! neither runs into its 429s nor holds the polling back).
    int pelicanRequestsPerWindow = 256;
    int pelicanWebsocketRequestsPerWindow = 5;
    qint64 rateLimitWindowMs = 60000;
    int maxRateLimitRetries = 3;
    qint64 maxRetryAfterMs = 60000;
    int perPage = 50; //!< list page size (client API caps it at 100)
};

//! The Pterodactyl/Pelican panel: client API (servers, details, resources, power, websocket
//! credentials) and application API (servers, nodes). Each call is a job (see PanelJob) that
//! deletes itself after finished(); the fetch*() coroutines wrap them for QCoro callers.
//! Keys are registered as secrets and never logged; a client call with an application key is
//! refused before anything is sent.
class PanelClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelClient)

public:
    //! \a nam and \a clock must outlive the client.
    PanelClient(QNetworkAccessManager *nam, Clock *clock, PanelClientOptions options,
                QObject *parent = nullptr);
    //! Running jobs finish with a Cancelled error.
    ~PanelClient() override;

    const PanelClientOptions &options() const { return m_options; }
    //! Client API requests allowed per rateLimitWindowMs: the configured budget, Pelican's for
    //! a Pelican key, lowered by what the panel reports (X-RateLimit-Limit).
    int clientRequestBudget() const;
    //! Client API requests the panel says are left in its window (the last
    //! X-RateLimit-Remaining it sent); -1 before a client API answer carried one.
    int clientRequestsRemaining() const { return m_clientRemaining; }
    //! Base URL without a trailing slash; also the Origin Wings expects.
    QUrl panelUrl() const;
    Clock *clock() const { return m_clock; }
    HttpClient *http() const { return m_http; }

    //! The error a call to \a api would end with before sending (missing or wrong-type key).
    ApiError checkKey(PanelApi api) const;

    // Client API; {server} is the 8-char identifier or the full uuid.
    ListServersJob *listServers();
    GetServerJob *server(const QString &serverId);
    GetResourcesJob *resources(const QString &serverId);
    PowerJob *power(const QString &serverId, PowerSignal signal);
    WebsocketCredentialsJob *websocketCredentials(const QString &serverId);
    // Application API.
    ListApplicationServersJob *listApplicationServers();
    ListNodesJob *listNodes();

    // The same as coroutines. Parameters by value: they outlive the caller's frame.
    QCoro::Task<ApiResult<QList<Server>>> fetchServers();
    QCoro::Task<ApiResult<Server>> fetchServer(QString serverId);
    QCoro::Task<ApiResult<ResourceSample>> fetchResources(QString serverId);
    QCoro::Task<ApiError> sendPower(QString serverId, PowerSignal signal);
    QCoro::Task<ApiResult<WebsocketCredentials>> fetchWebsocketCredentials(QString serverId);
    QCoro::Task<ApiResult<QList<Server>>> fetchApplicationServers();
    QCoro::Task<ApiResult<QList<Node>>> fetchNodes();

signals:
    //! One request ended, after all its attempts: \a api "client" or "application",
    //! \a attempts HTTP requests sent for it (retries and 429 waits included), \a failed
    //! whether it ended without an answer to use (cancelled requests are not failures). For the
    //! request metrics.
    void requestFinished(const QString &api, int attempts, bool failed);

private:
    friend class PanelJob;
    HttpReply *send(PanelApi api, const QByteArray &method, const QString &path,
                    const QUrlQuery &query, const QByteArray &body);
    template<typename Job>
    Job *launch(Job *job, const ApiError &preflight = {});
    ApiError checkServerId(const QString &serverId) const;
    void onRequestFinished(PanelApi api, const HttpReply &reply);

    PanelClientOptions m_options;
    Clock *m_clock;
    HttpClient *m_http;
    std::unique_ptr<WindowRateLimiter> m_limiter;
    QList<QPointer<PanelJob>> m_jobs;
    int m_clientRemaining = -1;
};

} // namespace Pterodisbot
