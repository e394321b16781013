#include "DiscordRest.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonDocument>

#include "DiscordGateway.h"
#include "DiscordMultipart.h"
#include "DiscordObjects.h"
#include "DiscordRecorder.h"
#include "DiscordState.h"
#include "SimHttp.h"
#include "simlogging.h"

namespace PterodisbotSim {

namespace {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// What the record keeps of a body: JSON as JSON, multipart as its payload and file digests.
QJsonObject describeBody(const QByteArray &contentType, const QByteArray &body)
{
    QJsonObject details;
    if (body.isEmpty())
        return details;
    if (const auto parts = parseMultipart(contentType, body)) {
        QJsonArray files;
        for (const MultipartPart &part : *parts) {
            if (part.name == QLatin1String("payload_json")) {
                details.insert(QStringLiteral("json"), QJsonDocument::fromJson(part.data).object());
                continue;
            }
            files.append(QJsonObject{
                {QStringLiteral("name"), part.name},
                {QStringLiteral("filename"), part.filename},
                {QStringLiteral("content_type"), QString::fromLatin1(part.contentType)},
                {QStringLiteral("size"), int(part.data.size())},
                {QStringLiteral("sha256"),
                 QString::fromLatin1(
                     QCryptographicHash::hash(part.data, QCryptographicHash::Sha256).toHex())}});
        }
        details.insert(QStringLiteral("files"), files);
        return details;
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        details.insert(QStringLiteral("json"), document.object());
    else if (document.isArray())
        details.insert(QStringLiteral("json"), document.array());
    else
        details.insert(QStringLiteral("bodySize"), int(body.size()));
    return details;
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return QStringLiteral("Error");
    }
}
} // namespace

DiscordRest::DiscordRest(DiscordState *state, const DiscordGateway *gateway,
                         DiscordRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_gateway(gateway)
    , m_recorder(recorder)
    , m_rateLimits(state)
{}

DiscordRest::~DiscordRest() = default;

bool DiscordRest::listen(QString *error)
{
    m_server = new DiscordHttpServer(
        [this](const QHttpServerRequest &request) { return handle(request); }, this);
    if (m_state->options().tls)
        m_server->sslSetup(*m_state->options().tls);
    if (m_server->listen(QHostAddress::LocalHost, m_state->options().restPort) == 0) {
        *error =
            QStringLiteral("REST: cannot listen on 127.0.0.1:%1").arg(m_state->options().restPort);
        return false;
    }
    QUrl base = baseUrl();
    base.setPath({});
    m_state->setPublicBase(base.toString());
    return true;
}

QUrl DiscordRest::baseUrl() const
{
    if (!m_server || m_server->serverPorts().isEmpty())
        return {};
    QUrl url;
    url.setScheme(m_state->options().tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPorts().constFirst());
    url.setPath(QStringLiteral("/api/v10"));
    return url;
}

void DiscordRest::setServerErrors(int count, int status)
{
    m_serverErrorsLeft = count;
    m_serverErrorStatus = status;
}

void DiscordRest::setLatency(int ms)
{
    if (m_server)
        m_server->setLatency(ms);
}

DiscordHttpReply DiscordRest::handle(const QHttpServerRequest &request)
{
    const QUrl url = request.url();
    const QString path = url.path();
    Call call;
    call.method = httpMethodName(request.method());
    call.query = QUrlQuery(url);
    call.body = request.body();
    call.contentType = header(request, "Content-Type");
    call.recordDetails = describeBody(call.contentType, call.body);

    DiscordHttpReply reply;
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.value(0) == QLatin1String("attachments") && call.method == QLatin1String("GET")) {
        reply = serveAttachment(segments.mid(1));
    } else if (segments.value(0) == QLatin1String("api") &&
               segments.value(1) == QLatin1String("v10")) {
        call.segments = segments.mid(2);
        reply = handleApi(request, call);
    } else {
        reply = DiscordHttpReply::error(404, 0, QStringLiteral("404: Not Found"));
    }

    if (reply.status == 429)
        ++m_rateLimitedCount;
    QJsonObject details = call.recordDetails;
    if (reply.status >= 400) {
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        details.insert(QStringLiteral("response"), answer);
    }
    const QString query = url.query();
    const DiscordRequestRecord record{m_state->nowMs(), call.method,
                                      query.isEmpty() ? path : path + QLatin1Char('?') + query,
                                      reply.status, call.body};
    m_recorder->recordRequest(record, details);
    emit requestHandled(record);
    qCDebug(lcSimDiscord) << "REST" << call.method << path << reply.status;
    return reply;
}

DiscordHttpReply DiscordRest::handleApi(const QHttpServerRequest &request, Call &call)
{
    const QByteArray userAgent = header(request, "User-Agent");
    if (userAgent.isEmpty()) {
        ++m_missingUserAgent;
        call.recordDetails.insert(QStringLiteral("userAgent"), QStringLiteral("missing"));
        return DiscordHttpReply::error(400, 0, QStringLiteral("400: Bad Request (no User-Agent)"));
    }
    if (!userAgent.startsWith("DiscordBot (")) {
        ++m_foreignUserAgent;
        call.recordDetails.insert(QStringLiteral("userAgent"), QString::fromUtf8(userAgent));
    }
    if (!route(call)) {
        return call.handler
                   ? DiscordHttpReply::error(405, 0, QStringLiteral("405: Method Not Allowed"))
                   : DiscordHttpReply::error(404, 0, QStringLiteral("404: Not Found"));
    }
    if (call.needsAuth && header(request, "Authorization") != "Bot " + m_state->token().toUtf8()) {
        return DiscordHttpReply::error(401, 0, QStringLiteral("401: Unauthorized"));
    }
    if (m_serverErrorsLeft > 0) {
        --m_serverErrorsLeft;
        return DiscordHttpReply::error(m_serverErrorStatus, 0,
                                       QStringLiteral("%1: %2")
                                           .arg(m_serverErrorStatus)
                                           .arg(reasonPhrase(m_serverErrorStatus)));
    }
    if (call.globalLimited) {
        const auto global = m_rateLimits.checkGlobal();
        if (global.limited)
            return DiscordRateLimits::tooManyRequests(global, true, "global");
    }
    DiscordRateLimits::Decision bucket;
    if (!call.bucketHash.isEmpty()) {
        bucket = m_rateLimits.checkBucket(call.bucketHash, call.majorKey, call.bucketLimit,
                                          call.bucketWindowMs);
        if (bucket.limited)
            return DiscordRateLimits::tooManyRequests(bucket, false, "user");
    }
    std::optional<DiscordHttpReply> reply = (this->*call.handler)(call);
    if (!reply)
        reply = DiscordHttpReply::error(500, 0, QStringLiteral("500: Internal Server Error"));
    reply->headers.append(bucket.headers);
    return *reply;
}

// Fills handler, auth and rate-limit data; false with handler set means a wrong method.
bool DiscordRest::route(Call &call) const
{
    const QStringList &s = call.segments;
    const QString &m = call.method;
    const DiscordSimOptions &options = m_state->options();
    const auto is = [&](std::initializer_list<const char *> shape) {
        if (qsizetype(shape.size()) != s.size())
            return false;
        qsizetype i = 0;
        for (const char *part : shape) {
            if (part[0] != '{' && s.at(i) != QLatin1String(part))
                return false;
            ++i;
        }
        return true;
    };
    using Handler = decltype(call.handler);
    // One route: methods accepted -> handler; the bucket comes from the route template.
    const auto accept = [&](const QString &method, Handler handler, const QString &routeKey,
                            const QString &major) {
        call.handler = handler;
        if (m != method)
            return false;
        call.bucketHash = DiscordRateLimits::bucketHash(routeKey);
        call.majorKey = major;
        call.bucketLimit = options.otherBucketLimit;
        call.bucketWindowMs = options.otherBucketWindowMs;
        return true;
    };
    // Creating, editing and deleting messages share one bucket per channel (see the report).
    const auto messageWrite = [&](const QString &channelId) {
        call.bucketHash = DiscordRateLimits::bucketHash(QStringLiteral("channel messages write"));
        call.majorKey = channelId;
        call.bucketLimit = options.messageBucketLimit;
        call.bucketWindowMs = options.messageBucketWindowMs;
        return true;
    };

    if (is({"gateway"})) {
        call.needsAuth = false;
        call.globalLimited = false;
        call.handler = &DiscordRest::getGateway;
        return m == QLatin1String("GET");
    }
    if (is({"gateway", "bot"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getGatewayBot,
                      QStringLiteral("GET /gateway/bot"), {});
    if (is({"users", "@me"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getCurrentUser,
                      QStringLiteral("GET /users/@me"), {});
    if (is({"users", "@me", "guilds"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getCurrentUserGuilds,
                      QStringLiteral("GET /users/@me/guilds"), {});
    if (is({"applications", "@me"}) || is({"oauth2", "applications", "@me"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getApplication,
                      QStringLiteral("GET /applications/@me"), {});
    if (is({"guilds", "{}"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getGuild,
                      QStringLiteral("GET /guilds/{}"), s.at(1));
    if (is({"guilds", "{}", "roles"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getGuildRoles,
                      QStringLiteral("GET /guilds/{}/roles"), s.at(1));
    if (is({"guilds", "{}", "channels"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getGuildChannels,
                      QStringLiteral("GET /guilds/{}/channels"), s.at(1));
    if (is({"channels", "{}"}))
        return accept(QStringLiteral("GET"), &DiscordRest::getChannel,
                      QStringLiteral("GET /channels/{}"), s.at(1));
    if (is({"channels", "{}", "messages"})) {
        if (m == QLatin1String("POST")) {
            call.handler = &DiscordRest::createMessage;
            return messageWrite(s.at(1));
        }
        return accept(QStringLiteral("GET"), &DiscordRest::listMessages,
                      QStringLiteral("GET /channels/{}/messages"), s.at(1));
    }
    if (is({"channels", "{}", "messages", "{}"})) {
        if (m == QLatin1String("PATCH") || m == QLatin1String("DELETE")) {
            call.handler = m == QLatin1String("PATCH") ? &DiscordRest::editMessage
                                                       : &DiscordRest::deleteMessage;
            return messageWrite(s.at(1));
        }
        return accept(QStringLiteral("GET"), &DiscordRest::getMessage,
                      QStringLiteral("GET /channels/{}/messages/{}"), s.at(1));
    }
    if (is({"interactions", "{}", "{}", "callback"})) {
        // Interaction callbacks need no token and are excluded from the global limit.
        call.needsAuth = false;
        call.globalLimited = false;
        call.handler = &DiscordRest::interactionCallback;
        return m == QLatin1String("POST");
    }
    if (is({"webhooks", "{}", "{}"})) {
        call.needsAuth = false;
        return accept(QStringLiteral("POST"), &DiscordRest::createFollowUp,
                      QStringLiteral("POST /webhooks/{}/{}"), s.at(1) + s.at(2));
    }
    if (is({"webhooks", "{}", "{}", "messages", "{}"})) {
        call.needsAuth = false;
        if (m != QLatin1String("GET") && m != QLatin1String("PATCH") &&
            m != QLatin1String("DELETE")) {
            call.handler = &DiscordRest::webhookMessage;
            return false;
        }
        return accept(m, &DiscordRest::webhookMessage,
                      m + QStringLiteral(" /webhooks/{}/{}/messages/{}"), s.at(1) + s.at(2));
    }
    if (is({"applications", "{}", "guilds", "{}", "commands"})) {
        const QString routeKey = m + QStringLiteral(" /applications/{}/guilds/{}/commands");
        if (m == QLatin1String("PUT"))
            return accept(m, &DiscordRest::putCommands, routeKey, s.at(3));
        if (m == QLatin1String("POST"))
            return accept(m, &DiscordRest::postCommand, routeKey, s.at(3));
        return accept(QStringLiteral("GET"), &DiscordRest::getCommands, routeKey, s.at(3));
    }
    call.handler = nullptr;
    return false;
}

DiscordHttpReply DiscordRest::serveAttachment(const QStringList &segments) const
{
    if (segments.size() != 3)
        return DiscordHttpReply::error(404, 0, QStringLiteral("404: Not Found"));
    const SimAttachment *attachment = m_state->attachment(segments.at(0), segments.at(1));
    if (!attachment || attachment->filename != segments.at(2))
        return DiscordHttpReply::error(404, 0, QStringLiteral("404: Not Found"));
    DiscordHttpReply reply;
    reply.body = attachment->bytes;
    reply.contentType = attachment->contentType.isEmpty() ? QByteArray("application/octet-stream")
                                                          : attachment->contentType.toLatin1();
    return reply;
}

} // namespace PterodisbotSim
