#include "discord/RestClient.h"

#include <QHttpMultiPart>
#include <QTimer>

#include <QCoro/QCoroSignal>

#include "Clock.h"
#include "discord/DiscordError.h"
#include "discord/DiscordRouteKind.h"
#include "logging.h"
#include "net/HttpClient.h"
#include "pterodisbot_version.h"

namespace Pterodisbot {

namespace {

RetryPolicy discordRetryPolicy(const RestOptions &options)
{
    RetryPolicy policy = RetryPolicy::withTimeout(options.timeoutMs, options.retryBackoffsMs);
    // Discord asks clients to retry its 500s too (the panel's 500 is not retried).
    policy.setRetryableStatuses({500, 502, 503, 504});
    policy.setMaxRateLimitRetries(options.maxRateLimitRetries);
    policy.setMaxRetryAfterMs(options.maxRetryAfterMs);
    return policy;
}

QHttpMultiPart *buildMultipart(const RestCall &call)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart payload;
    payload.setHeader(QNetworkRequest::ContentDispositionHeader,
                      QByteArrayLiteral("form-data; name=\"payload_json\""));
    payload.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    payload.setBody(call.jsonBody);
    multipart->append(payload);
    for (qsizetype i = 0; i < call.files.size(); ++i) {
        const MessageFile &file = call.files.at(i);
        QByteArray filename = file.filename.toUtf8();
        filename.replace('"', "_").replace('\r', "_").replace('\n', "_");
        QHttpPart part;
        const QByteArray disposition = "form-data; name=\"files[" + QByteArray::number(i) +
                                       "]\"; filename=\"" + filename + '"';
        part.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
        part.setHeader(QNetworkRequest::ContentTypeHeader,
                       file.contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream")
                                                  : file.contentType.toLatin1());
        part.setBody(file.bytes);
        multipart->append(part);
    }
    return multipart;
}

} // namespace

RestReply::RestReply(QObject *parent)
    : QObject(parent)
{}

RestReply::~RestReply()
{
    if (m_http) {
        m_http->disconnect(this);
        m_http->abort();
    }
    if (auto *client = qobject_cast<RestClient *>(parent()))
        client->m_pending.remove(this);
}

void RestReply::abort()
{
    if (m_finished)
        return;
    if (auto *client = qobject_cast<RestClient *>(parent())) {
        client->finish(this, ApiError::cancelled(QStringLiteral("request cancelled")));
    }
}

QCoro::Task<RestResult> awaitReply(RestReply *reply)
{
    QPointer<RestReply> guard(reply);
    reply->setAutoDelete(false);
    if (!reply->isFinished())
        co_await qCoro(reply, &RestReply::finished);
    if (!guard)
        co_return RestResult{ApiError::cancelled(QStringLiteral("request cancelled"))};
    RestResult result{reply->error(), reply->status(), reply->body()};
    reply->deleteLater();
    co_return result;
}

RestClient::RestClient(QNetworkAccessManager *nam, Clock *clock, RestOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_buckets(clock, m_options.rateLimits)
    , m_retryPolicy(discordRetryPolicy(m_options))
    , m_http(new HttpClient(nam, clock, this))
{
    m_http->setRateLimiter(&m_buckets);
    m_http->setSslConfiguration(m_options.sslConfiguration);
    m_http->setErrorMapper(&discordError);
    m_http->setUserAgent(userAgent());
    m_http->setMaxConcurrentRequests(m_options.maxConcurrentRequests);
    setBotToken(m_options.botToken);
}

RestClient::~RestClient()
{
    m_shuttingDown = true;
    const QSet<RestReply *> pending = m_pending;
    for (RestReply *reply : pending) {
        if (reply->m_http)
            reply->m_http->disconnect(this);
        finish(reply, ApiError::cancelled(QStringLiteral("the Discord client is shutting down")));
    }
    delete m_http; // before the replies and the limiter it calls into
    m_http = nullptr;
}

QByteArray RestClient::userAgent()
{
    return QByteArrayLiteral("DiscordBot (" PTERODISBOT_HOMEPAGE ", " PTERODISBOT_VERSION ")");
}

void RestClient::setBotToken(const QString &token)
{
    m_options.botToken = token;
    registerSecret(token);
}

bool RestClient::isStopped() const
{
    return m_buckets.guard().isStopped();
}

QUrl RestClient::urlFor(const QString &path) const
{
    QString base = m_options.baseUrl.toString(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + path, QUrl::StrictMode);
}

ApiError RestClient::guardError() const
{
    return ApiError{ApiError::Kind::RateLimited, 0, {}, m_buckets.guard().stopReason()};
}

RestReply *RestClient::send(RestCall call)
{
    auto *reply = new RestReply(this);
    reply->m_routeKey = m_buckets.route(call.method, call.path).key;
    reply->m_call = std::make_shared<RestCall>(std::move(call));
    m_pending.insert(reply);
    if (m_shuttingDown || m_draining)
        finishLater(reply,
                    ApiError::cancelled(QStringLiteral("the Discord client is shutting down")));
    else if (isStopped())
        finishLater(reply, guardError());
    else
        startAttempt(reply);
    return reply;
}

RestReply *RestClient::sendJson(const QByteArray &method, const QString &path,
                                const QJsonValue &body)
{
    return send(RestCall::json(method, path, body));
}

RestReply *RestClient::sendMessage(const QByteArray &method, const QString &path,
                                   const Message &message, Message::Mode mode)
{
    return send(RestCall::message(method, path, message, mode));
}

void RestClient::startAttempt(RestReply *reply)
{
    if (reply->m_finished)
        return;
    if (isStopped()) {
        finish(reply, guardError());
        return;
    }
    const RestCall &call = *reply->m_call;
    HttpRequest request;
    request.method = call.method;
    request.url = urlFor(call.path);
    request.setHeader(QByteArrayLiteral("Authorization"),
                      QByteArrayLiteral("Bot ") + m_options.botToken.toUtf8());
    if (!call.auditLogReason.isEmpty())
        request.setHeader(QByteArrayLiteral("X-Audit-Log-Reason"),
                          QUrl::toPercentEncoding(call.auditLogReason));
    if (!call.files.isEmpty()) {
        request.multiPart = [call = reply->m_call] { return buildMultipart(*call); };
    } else if (call.hasBody) {
        request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        request.body = call.jsonBody;
    }
    request.rateLimitKey = reply->m_routeKey;
    request.timeoutMs = m_options.timeoutMs;
    // Answers to interactions (callback and follow-ups) have three seconds: before edits.
    request.urgent = call.path.startsWith(QLatin1String("/interactions/")) ||
                     call.path.startsWith(QLatin1String("/webhooks/"));
    // Retries and 429 waits are decided here, per attempt with a fresh body; the transport
    // sends each attempt once and lets the bucket limiter gate it.
    RetryPolicy once = RetryPolicy::once(m_options.timeoutMs);
    once.setMaxRateLimitRetries(0);
    request.retryPolicy = once;

    ++reply->m_attempts;
    HttpReply *http = m_http->send(std::move(request));
    reply->m_http = http;
    connect(http, &HttpReply::finished, reply,
            [this, reply, http] { onAttemptFinished(reply, http); });
}

void RestClient::onAttemptFinished(RestReply *reply, HttpReply *http)
{
    if (reply->m_http == http)
        reply->m_http = nullptr;
    emit attemptFinished(discordRouteKind(reply->m_call->method, reply->m_call->path),
                         http->status());
    checkGuard(reply);
    if (reply->m_finished)
        return;
    reply->m_status = http->status();
    reply->m_headers = http->headers();
    reply->m_body = http->body();
    const ApiError error = http->error();
    if (!error.isError() || m_draining) {
        finish(reply, error);
        return;
    }
    if (http->status() == 429 && discordCode(error) == DiscordErrorCode::TooManyOldMessageEdits) {
        // Waiting would not help soon (the window is long); the caller reposts instead.
        m_buckets.forgetHold(http->request());
        finish(reply, error);
        return;
    }
    if (http->status() == 429) {
        if (m_retryPolicy.rateLimitWait(error, reply->m_rateLimitRetries)) {
            ++reply->m_rateLimitRetries;
            qCInfo(lcRest).noquote() << "429 on" << reply->m_routeKey << "- retrying after"
                                     << error.retryAfterMs << "ms";
            // The limiter now holds the bucket (or everything) for retry_after.
            startAttempt(reply);
            return;
        }
        finish(reply, error);
        return;
    }
    if (const auto backoff = m_retryPolicy.backoffAfter(reply->m_transientRetries, error,
                                                        http->request().isIdempotent())) {
        ++reply->m_transientRetries;
        qCInfo(lcRest).noquote() << reply->m_routeKey << "failed (" << error.toString()
                                 << "), retry" << reply->m_transientRetries << "in" << *backoff
                                 << "ms";
        QTimer::singleShot(*backoff, reply, [this, reply] {
            if (m_draining)
                finish(reply, ApiError::cancelled(QStringLiteral("cancelled: shutting down")));
            else
                startAttempt(reply);
        });
        return;
    }
    if (error.kind != ApiError::Kind::NotFound)
        qCInfo(lcRest).noquote() << reply->m_routeKey << "->" << error.toString();
    finish(reply, error);
}

void RestClient::beginShutdown(int graceMs)
{
    if (m_shuttingDown)
        return;
    m_draining = true;
    // A call between attempts (waiting to retry) has no HTTP request: nothing to wait for.
    const QSet<RestReply *> pending = m_pending;
    for (RestReply *reply : pending) {
        if (!reply->m_http)
            finish(reply, ApiError::cancelled(QStringLiteral("cancelled: shutting down")));
    }
    m_http->beginShutdown(graceMs);
}

void RestClient::finish(RestReply *reply, const ApiError &error)
{
    if (reply->m_finished)
        return;
    if (HttpReply *http = reply->m_http) {
        reply->m_http = nullptr;
        http->disconnect(reply);
        http->abort(); // HttpClient tells the limiter the attempt is over
    }
    m_pending.remove(reply);
    reply->m_error = error;
    reply->m_finished = true;
    QPointer<RestReply> guard(reply);
    emit reply->finished();
    if (guard && guard->m_autoDelete) // queued: see PanelJob::finishJob
        QMetaObject::invokeMethod(guard, &QObject::deleteLater, Qt::QueuedConnection);
}

void RestClient::finishLater(RestReply *reply, const ApiError &error)
{
    QTimer::singleShot(0, reply, [this, reply, error] { finish(reply, error); });
}

void RestClient::checkGuard(RestReply *answered)
{
    const RateLimitGuard::State state = m_buckets.guard().state();
    if (state == m_guardState)
        return;
    const RateLimitGuard::State previous = m_guardState;
    m_guardState = state;
    if (state == RateLimitGuard::State::Stopped) {
        const ApiError error = guardError();
        emit sendingStopped(error.message);
        const QSet<RestReply *> pending = m_pending;
        for (RestReply *reply : pending) {
            if (reply != answered) // it has its own answer, which says more
                finish(reply, error);
        }
    } else if (state == RateLimitGuard::State::Warning && previous == RateLimitGuard::State::Ok) {
        emit invalidRequestsWarning(m_buckets.guard().count());
    } else if (previous == RateLimitGuard::State::Stopped) {
        emit sendingResumed();
    }
}

} // namespace Pterodisbot
