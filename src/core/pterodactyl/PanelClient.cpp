#include "pterodactyl/PanelClient.h"

#include <algorithm>

#include <QCoroSignal>
#include <QRegularExpression>

#include "Clock.h"
#include "logging.h"
#include "net/HttpClient.h"
#include "net/WindowRateLimiter.h"
#include "pterodactyl/PanelKeys.h"
#include "pterodactyl/PanelParsing.h"

namespace Pterodisbot {
namespace {

const QString ClientBucket = QStringLiteral("client");
const QString ApplicationBucket = QStringLiteral("application");
const QString WebsocketBucket = QStringLiteral("websocket");

bool isPelicanKey(const QString &key)
{
    return isPelicanKind(panelKeyKind(key));
}

//! \a budget, capped at Pelican's when \a key is a Pelican key.
int budgetFor(const QString &key, int budget, int pelicanBudget)
{
    return isPelicanKey(key) ? std::min(budget, pelicanBudget) : budget;
}

ApiError authError(const QString &message)
{
    return ApiError{ApiError::Kind::Auth, 0, {}, message};
}

ApiError cancelled()
{
    return ApiError{ApiError::Kind::Cancelled, 0, {}, QStringLiteral("request cancelled")};
}

} // namespace

PanelClient::PanelClient(QNetworkAccessManager *nam, Clock *clock, PanelClientOptions options,
                         QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_http(new HttpClient(nam, clock, this))
    , m_limiter(std::make_unique<WindowRateLimiter>(clock))
{
    registerSecret(m_options.clientKey);
    registerSecret(m_options.applicationKey);

    RetryPolicy policy =
        RetryPolicy::withTimeout(m_options.requestTimeoutMs, m_options.retryBackoffsMs);
    policy.setMaxRateLimitRetries(m_options.maxRateLimitRetries);
    policy.setMaxRetryAfterMs(m_options.maxRetryAfterMs);
    m_http->setRetryPolicy(policy);
    m_http->setMaxConcurrentRequests(m_options.maxConcurrentRequests);
    m_http->setErrorMapper(&PanelParsing::panelError);
    m_limiter->setBudget(ClientBucket,
                         budgetFor(m_options.clientKey, m_options.clientRequestsPerWindow,
                                   m_options.pelicanRequestsPerWindow),
                         m_options.rateLimitWindowMs);
    m_limiter->setBudget(ApplicationBucket,
                         budgetFor(m_options.applicationKey, m_options.applicationRequestsPerWindow,
                                   m_options.pelicanRequestsPerWindow),
                         m_options.rateLimitWindowMs);
    // Pterodactyl has no limit of its own on /websocket (0: only what the panel reports).
    m_limiter->setBudget(
        WebsocketBucket,
        isPelicanKey(m_options.clientKey) ? m_options.pelicanWebsocketRequestsPerWindow : 0,
        m_options.rateLimitWindowMs);
    m_http->setRateLimiter(m_limiter.get());
}

int PanelClient::clientRequestBudget() const
{
    return m_limiter->effectiveLimit(ClientBucket);
}

PanelClient::~PanelClient()
{
    const QList<QPointer<PanelJob>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<PanelJob> &job : jobs) {
        if (job)
            job->abort();
    }
    // The HttpClient (a child) goes before the limiter it points to.
    delete m_http;
    m_http = nullptr;
}

QUrl PanelClient::panelUrl() const
{
    return m_options.panelUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery |
                                       QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

ApiError PanelClient::checkKey(PanelApi api) const
{
    if (api == PanelApi::Client) {
        if (m_options.clientKey.isEmpty())
            return authError(QStringLiteral("no client API key is configured (ptlc_..., or "
                                            "pacc_... on Pelican)"));
        if (isApplicationKind(panelKeyKind(m_options.clientKey)))
            return authError(QStringLiteral(
                "the client API key is an application API key (ptla_/papp_); the client API "
                "needs a client key (ptlc_, or pacc_ on Pelican) from Account > API Credentials"));
        return {};
    }
    // A root admin's client key may use the application API, so only absence is refused.
    if (m_options.applicationKey.isEmpty())
        return authError(QStringLiteral("no application API key is configured (ptla_..., or "
                                        "papp_... on Pelican)"));
    return {};
}

ApiError PanelClient::checkServerId(const QString &serverId) const
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    if (pattern.match(serverId).hasMatch())
        return {};
    return ApiError{
        ApiError::Kind::Validation,
        0,
        {},
        QStringLiteral("\"%1\" is not a server identifier or uuid").arg(serverId.left(80))};
}

template<typename Job>
Job *PanelClient::launch(Job *job, const ApiError &preflight)
{
    m_jobs.removeAll(nullptr);
    m_jobs.append(job);
    ApiError error = preflight.isError() ? preflight : checkKey(job->api());
    job->begin(error);
    return job;
}

HttpReply *PanelClient::send(PanelApi api, const QByteArray &method, const QString &path,
                             const QUrlQuery &query, const QByteArray &body)
{
    QUrl url = panelUrl();
    url.setPath(url.path() + path);
    url.setQuery(query);

    const QString &key = api == PanelApi::Client ? m_options.clientKey : m_options.applicationKey;
    HttpRequest request;
    request.method = method;
    request.url = url;
    // Without a JSON Accept header a refused key earns a 302 to the login page, not a 401.
    request.setHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QByteArrayLiteral("Authorization"), "Bearer " + key.toUtf8());
    if (method != "GET")
        request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.body = body;
    request.rateLimitKey = api == PanelApi::Application                 ? ApplicationBucket
                           : path.endsWith(QLatin1String("/websocket")) ? WebsocketBucket
                                                                        : ClientBucket;
    HttpReply *reply = m_http->send(request);
    // Connected before the job's own handler, which may end the job (and abort the reply).
    connect(reply, &HttpReply::finished, this,
            [this, api, reply] { onRequestFinished(api, *reply); });
    return reply;
}

void PanelClient::onRequestFinished(PanelApi api, const HttpReply &reply)
{
    if (api == PanelApi::Client) {
        bool ok = false;
        const int remaining = reply.header("X-RateLimit-Remaining").trimmed().toInt(&ok);
        if (ok && remaining >= 0)
            m_clientRemaining = remaining;
    }
    const ApiError &error = reply.error();
    emit requestFinished(
        api == PanelApi::Client ? QStringLiteral("client") : QStringLiteral("application"),
        reply.attempts(), error.isError() && error.kind != ApiError::Kind::Cancelled);
}

ListServersJob *PanelClient::listServers()
{
    return launch(new ListServersJob(this));
}

GetServerJob *PanelClient::server(const QString &serverId)
{
    return launch(new GetServerJob(this, serverId), checkServerId(serverId));
}

GetResourcesJob *PanelClient::resources(const QString &serverId)
{
    return launch(new GetResourcesJob(this, serverId), checkServerId(serverId));
}

PowerJob *PanelClient::power(const QString &serverId, PowerSignal signal)
{
    return launch(new PowerJob(this, serverId, signal), checkServerId(serverId));
}

WebsocketCredentialsJob *PanelClient::websocketCredentials(const QString &serverId)
{
    return launch(new WebsocketCredentialsJob(this, serverId), checkServerId(serverId));
}

ListApplicationServersJob *PanelClient::listApplicationServers()
{
    return launch(new ListApplicationServersJob(this));
}

ListNodesJob *PanelClient::listNodes()
{
    return launch(new ListNodesJob(this));
}

// The coroutines touch `this` only before their co_await: the client may be gone after it.
QCoro::Task<ApiResult<QList<Server>>> PanelClient::fetchServers()
{
    QPointer<ListServersJob> job = listServers();
    co_await qCoro(job.data(), &PanelJob::finished);
    if (!job)
        co_return ApiResult<QList<Server>>{{}, cancelled()};
    co_return ApiResult<QList<Server>>{job->servers(), job->error()};
}

QCoro::Task<ApiResult<Server>> PanelClient::fetchServer(QString serverId)
{
    QPointer<GetServerJob> job = server(serverId);
    co_await qCoro(job.data(), &PanelJob::finished);
    if (!job)
        co_return ApiResult<Server>{{}, cancelled()};
    co_return ApiResult<Server>{job->server(), job->error()};
}

QCoro::Task<ApiResult<ResourceSample>> PanelClient::fetchResources(QString serverId)
{
    QPointer<GetResourcesJob> job = resources(serverId);
    co_await qCoro(job.data(), &PanelJob::finished);
    if (!job)
        co_return ApiResult<ResourceSample>{{}, cancelled()};
    co_return ApiResult<ResourceSample>{job->sample(), job->error()};
}

QCoro::Task<ApiError> PanelClient::sendPower(QString serverId, PowerSignal signal)
{
    QPointer<PowerJob> job = power(serverId, signal);
    co_await qCoro(job.data(), &PanelJob::finished);
    co_return job ? job->error() : cancelled();
}

QCoro::Task<ApiResult<WebsocketCredentials>>
PanelClient::fetchWebsocketCredentials(QString serverId)
{
    QPointer<WebsocketCredentialsJob> job = websocketCredentials(serverId);
    co_await qCoro(job.data(), &PanelJob::finished);
    if (!job)
        co_return ApiResult<WebsocketCredentials>{{}, cancelled()};
    co_return ApiResult<WebsocketCredentials>{job->credentials(), job->error()};
}

QCoro::Task<ApiResult<QList<Server>>> PanelClient::fetchApplicationServers()
{
    QPointer<ListApplicationServersJob> job = listApplicationServers();
    co_await qCoro(job.data(), &PanelJob::finished);
    if (!job)
        co_return ApiResult<QList<Server>>{{}, cancelled()};
    co_return ApiResult<QList<Server>>{job->servers(), job->error()};
}

QCoro::Task<ApiResult<QList<Node>>> PanelClient::fetchNodes()
{
    QPointer<ListNodesJob> job = listNodes();
    co_await qCoro(job.data(), &PanelJob::finished);
    if (!job)
        co_return ApiResult<QList<Node>>{{}, cancelled()};
    co_return ApiResult<QList<Node>>{job->nodes(), job->error()};
}

} // namespace Pterodisbot
