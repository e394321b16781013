#include "PanelApi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include "PanelJson.h"

namespace PterodisbotSim {

namespace {

const QString kNotFound =
    QStringLiteral("The requested resource could not be found on the server.");

PanelReply redirectToLogin(const QUrl &panelUrl)
{
    const QString target = panelUrl.toString() + QStringLiteral("/auth/login");
    PanelReply reply;
    reply.status = 302;
    reply.contentType = "text/html; charset=UTF-8";
    reply.headers.append({"Location", target.toUtf8()});
    reply.body = QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\" />\n"
                                "<meta http-equiv=\"refresh\" content=\"0;url='%1'\" />\n"
                                "<title>Redirecting to %1</title>\n</head>\n<body>\n"
                                "Redirecting to <a href=\"%1\">%1</a>.\n</body>\n</html>")
                     .arg(target)
                     .toUtf8();
    return reply;
}

// Laravel's Request::expectsJson(): an Accept header led by a JSON type, or an XHR that
// accepts anything.
bool expectsJson(const PanelCall &call)
{
    const QByteArray first = call.accept.split(',').value(0).trimmed().toLower();
    if (first.contains("/json") || first.contains("+json"))
        return true;
    const bool ajax = call.requestedWith.compare("XMLHttpRequest", Qt::CaseInsensitive) == 0;
    const bool acceptsAny = first.isEmpty() || first.startsWith("*/*") || first == "*";
    return ajax && acceptsAny;
}

} // namespace

PanelReply PanelReply::json(const QJsonObject &object, int status)
{
    PanelReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

PanelReply PanelReply::error(int status, const QString &code, const QString &detail,
                             const QJsonObject &meta)
{
    PanelReply reply;
    reply.status = status;
    QJsonObject error{{QStringLiteral("code"), code},
                      {QStringLiteral("status"), QString::number(status)},
                      {QStringLiteral("detail"), detail}};
    if (!meta.isEmpty())
        error.insert(QStringLiteral("meta"), meta);
    reply.body = QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}})
                     .toJson(QJsonDocument::Compact);
    return reply;
}

PanelReply PanelReply::failure(int status)
{
    const QString daemon = QStringLiteral("Could not establish a connection to the machine "
                                          "running this server. Please try again.");
    switch (status) {
    case 502:
    case 504:
        return error(status, QStringLiteral("DaemonConnectionException"), daemon);
    case 503:
        return error(status, QStringLiteral("ServiceUnavailableHttpException"),
                     QStringLiteral("Service Unavailable"));
    default:
        return error(status, QStringLiteral("HttpException"),
                     QStringLiteral("An unexpected error was encountered while processing this "
                                    "request, please try again."));
    }
}

PanelApi::PanelApi(PanelWorld &world, const PanelApiLimits &limits)
    : m_world(world)
    , m_limits(limits)
{}

void PanelApi::setEndpoints(const QUrl &panelUrl, int wingsPort)
{
    m_panelUrl = panelUrl;
    m_wingsPort = wingsPort;
}

std::optional<PanelRoute> PanelApi::route(const PanelCall &call, PanelReply *reply) const
{
    using E = PanelRoute::Endpoint;
    using A = PanelRoute::Area;
    QString path = call.path;
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const auto is = [&parts](qsizetype i, const char *text) {
        return parts.size() > i && parts.at(i) == QLatin1String(text);
    };
    std::optional<PanelRoute> route;
    if (parts.size() == 2 && is(0, "auth") && is(1, "login")) {
        route = PanelRoute{A::Login, E::Login, {}};
    } else if (is(0, "api") && is(1, "client")) {
        if (parts.size() == 2)
            route = PanelRoute{A::Client, E::ClientList, {}};
        else if (parts.size() == 3 && is(2, "account"))
            route = PanelRoute{A::Client, E::ClientAccount, {}};
        else if (parts.size() == 4 && is(2, "servers"))
            route = PanelRoute{A::Client, E::ClientServer, parts.at(3)};
        else if (parts.size() == 5 && is(2, "servers") && is(4, "resources"))
            route = PanelRoute{A::Client, E::ClientResources, parts.at(3)};
        else if (parts.size() == 5 && is(2, "servers") && is(4, "power"))
            route = PanelRoute{A::Client, E::ClientPower, parts.at(3)};
        else if (parts.size() == 5 && is(2, "servers") && is(4, "websocket"))
            route = PanelRoute{A::Client, E::ClientWebsocket, parts.at(3)};
    } else if (is(0, "api") && is(1, "application")) {
        if (parts.size() == 3 && is(2, "servers"))
            route = PanelRoute{A::Application, E::AppServers, {}};
        else if (parts.size() == 4 && is(2, "servers"))
            route = PanelRoute{A::Application, E::AppServer, parts.at(3)};
        else if (parts.size() == 5 && is(2, "servers") && is(3, "external"))
            route = PanelRoute{A::Application, E::AppServerExternal, parts.at(4)};
        else if (parts.size() == 3 && is(2, "nodes"))
            route = PanelRoute{A::Application, E::AppNodes, {}};
        else if (parts.size() == 4 && is(2, "nodes"))
            route = PanelRoute{A::Application, E::AppNode, parts.at(3)};
        else if (parts.size() == 5 && is(2, "nodes") && is(4, "allocations"))
            route = PanelRoute{A::Application, E::AppNodeAllocations, parts.at(3)};
    }
    if (!route) {
        *reply = PanelReply::error(404, QStringLiteral("NotFoundHttpException"), kNotFound);
        return std::nullopt;
    }
    const QString allowed =
        route->endpoint == E::ClientPower ? QStringLiteral("POST") : QStringLiteral("GET");
    if (call.method != allowed &&
        !(allowed == QLatin1String("GET") && call.method == QLatin1String("HEAD"))) {
        const QString supported =
            allowed == QLatin1String("GET") ? QStringLiteral("GET, HEAD") : allowed;
        *reply = PanelReply::error(
            405, QStringLiteral("MethodNotAllowedHttpException"),
            QStringLiteral("The %1 method is not supported for route %2. Supported methods: %3.")
                .arg(call.method, path.mid(1), supported));
        reply->headers.append({"Allow", supported.toUtf8()});
        return std::nullopt;
    }
    return route;
}

std::optional<PanelApi::Caller>
PanelApi::authorize(const PanelCall &call, const PanelRoute &route, qint64 nowMs, PanelReply *reply,
                    QList<QPair<QByteArray, QByteArray>> *rateHeaders)
{
    if (route.area == PanelRoute::Area::Login)
        return Caller{};
    const QByteArray authorization = call.authorization.trimmed();
    QString key;
    if (authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        key = QString::fromUtf8(authorization.mid(7).trimmed());
    const auto found = m_keys.constFind(key);
    const SimUser *user = found == m_keys.cend() ? nullptr : m_world.user(found->userId);
    if (!user) {
        *reply = expectsJson(call)
                     ? PanelReply::error(401, QStringLiteral("AuthenticationException"),
                                         QStringLiteral("Unauthenticated."))
                     : redirectToLogin(m_panelUrl);
        return std::nullopt;
    }
    const Caller caller{user, found->kind};
    const QString denied = QStringLiteral("AccessDeniedHttpException");
    if (route.area == PanelRoute::Area::Client && caller.kind == PanelKeyKind::Application) {
        *reply = PanelReply::error(403, denied,
                                   QStringLiteral("You are attempting to use an application API "
                                                  "key on an endpoint that requires a client API "
                                                  "key."));
        return std::nullopt;
    }
    if (route.area == PanelRoute::Area::Application && !user->rootAdmin) {
        *reply = PanelReply::error(
            403, denied,
            QStringLiteral("This account does not have permission to access the API."));
        return std::nullopt;
    }

    // Laravel keys the throttle by user: every key of one user shares the bucket.
    const bool client = route.area == PanelRoute::Area::Client;
    const int limit = found->pelican ? m_limits.pelicanRateLimit
                      : client       ? m_limits.clientRateLimit
                                     : m_limits.applicationRateLimit;
    const QString bucket = (client ? QStringLiteral("client:") : QStringLiteral("application:")) +
                           QString::number(user->id);
    auto decision = m_limiter.hit(bucket, limit, m_limits.rateLimitWindowMs, nowMs);
    if (decision.allowed && found->pelican &&
        route.endpoint == PanelRoute::Endpoint::ClientWebsocket) {
        // Pelican throttles /websocket on its own, on top of the API's budget; its headers are
        // the ones the answer carries.
        decision =
            m_limiter.hit(QStringLiteral("websocket:") + QString::number(user->id),
                          m_limits.pelicanWebsocketRateLimit, m_limits.rateLimitWindowMs, nowMs);
    }
    rateHeaders->append({"X-RateLimit-Limit", QByteArray::number(decision.limit)});
    rateHeaders->append({"X-RateLimit-Remaining", QByteArray::number(decision.remaining)});
    if (!decision.allowed) {
        const qint64 retryAfter = (decision.resetInMs + 999) / 1000;
        *reply = PanelReply::error(429, QStringLiteral("ThrottleRequestsException"),
                                   QStringLiteral("Too Many Attempts."));
        reply->headers.append({"Retry-After", QByteArray::number(retryAfter)});
        reply->headers.append(
            {"X-RateLimit-Reset",
             QByteArray::number(QDateTime::currentSecsSinceEpoch() + retryAfter)});
        return std::nullopt;
    }
    return caller;
}

QString PanelApi::targetIdentifier(const PanelRoute &route) const
{
    using E = PanelRoute::Endpoint;
    int index = -1;
    switch (route.endpoint) {
    case E::ClientServer:
    case E::ClientResources:
    case E::ClientPower:
    case E::ClientWebsocket:
        index = m_world.indexOf(route.param);
        break;
    case E::AppServer: {
        bool ok = false;
        const int id = route.param.toInt(&ok);
        index = ok ? m_world.indexOfId(id) : -1;
        break;
    }
    case E::AppServerExternal:
        index = m_world.indexOfExternalId(route.param);
        break;
    default:
        break;
    }
    return index < 0 ? QString() : m_world.server(index).identifier;
}

PanelReply PanelApi::dispatch(const PanelCall &call, const PanelRoute &route, const Caller &caller)
{
    using E = PanelRoute::Endpoint;
    // Pterodactyl's IsValidJson middleware runs before any binding or validation.
    if (call.contentType.contains("json") && !call.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(call.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return PanelReply::error(400, QStringLiteral("BadRequestHttpException"),
                                     QStringLiteral("The JSON data passed in the request appears "
                                                    "to be malformed: err_code: 4 err_message: "
                                                    "\"Syntax error\""));
        }
    }
    switch (route.endpoint) {
    case E::Login: {
        PanelReply reply;
        reply.contentType = "text/html; charset=UTF-8";
        reply.body = "<!DOCTYPE html><html><head><title>Pterodactyl - Login</title></head>"
                     "<body><div id=\"app\"></div></body></html>";
        return reply;
    }
    case E::ClientList:
        return clientList(call, caller);
    case E::ClientAccount:
        return PanelReply::json(PanelJson::clientAccount(*caller.user));
    case E::ClientServer:
    case E::ClientResources:
    case E::ClientPower:
    case E::ClientWebsocket:
        return clientServerCall(call, route, caller);
    default:
        return applicationCall(call, route);
    }
}

QString PanelCall::param(const QString &name) const
{
    // PHP decodes '+' as a space and accepts brackets raw or percent-encoded.
    for (const auto &pair : QStringView(rawQuery).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const auto decode = [](QStringView text) {
            return QUrl::fromPercentEncoding(
                text.toString().replace(QLatin1Char('+'), QLatin1Char(' ')).toUtf8());
        };
        if (decode(eq < 0 ? pair : pair.left(eq)) == name)
            return eq < 0 ? QString() : decode(pair.mid(eq + 1));
    }
    return {};
}

bool PanelCall::hasParam(const QString &name) const
{
    for (const auto &pair : QStringView(rawQuery).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key =
            (eq < 0 ? pair : pair.left(eq)).toString().replace(QLatin1Char('+'), QLatin1Char(' '));
        if (QUrl::fromPercentEncoding(key.toUtf8()) == name)
            return true;
    }
    return false;
}

QUrl PanelApi::pageUrl(const PanelCall &call) const
{
    QUrl url = m_panelUrl;
    url.setPath(call.path);
    url.setQuery(call.rawQuery);
    return url;
}

} // namespace PterodisbotSim
