#include "DiscordSimProbe.h"

#include <zlib.h>

#include <QHttpMultiPart>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace Pterodisbot::DiscordSimProbe {

namespace {

const QByteArray userAgent = "DiscordBot (https://example.invalid/tests, 1.0)";

} // namespace

GatewayClient::GatewayClient(bool zlib, const QSslConfiguration *tls)
    : m_zlib(zlib)
    , m_inflate(std::make_unique<z_stream>())
{
    if (tls)
        socket.setSslConfiguration(*tls);
    inflateInit(m_inflate.get());
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                     [this](const QString &text) { addPayload(text.toUtf8()); });
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                     [this](const QByteArray &frame) { onBinary(frame); });
    QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] {
        closeCode = int(socket.closeCode());
        closed = true;
    });
}

GatewayClient::~GatewayClient()
{
    inflateEnd(m_inflate.get());
}

void GatewayClient::open(const QUrl &base, const QString &query)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/"));
    url.setQuery(m_zlib ? query + QStringLiteral("&compress=zlib-stream") : query);
    socket.open(url);
}

bool GatewayClient::waitForCount(int count, int timeout)
{
    return QTest::qWaitFor([&] { return payloads.size() >= count; }, timeout);
}

bool GatewayClient::waitClosed(int timeout)
{
    return QTest::qWaitFor([&] { return closed; }, timeout);
}

QJsonObject GatewayClient::waitFor(int op, const QString &event, int timeout)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (const QJsonObject &payload : std::as_const(payloads)) {
                if (payload.value(QStringLiteral("op")).toInt() == op &&
                    (event.isEmpty() || payload.value(QStringLiteral("t")).toString() == event)) {
                    found = payload;
                    return true;
                }
            }
            return false;
        },
        timeout);
    return found;
}

void GatewayClient::send(const QJsonObject &payload)
{
    socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
}

void GatewayClient::identify(const QString &token, int intents)
{
    send({{QStringLiteral("op"), 2},
          {QStringLiteral("d"),
           QJsonObject{{QStringLiteral("token"), token},
                       {QStringLiteral("intents"), intents},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")},
                                    {QStringLiteral("browser"), QStringLiteral("tst")},
                                    {QStringLiteral("device"), QStringLiteral("tst")}}}}}});
}

void GatewayClient::addPayload(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        inflateFailed = true;
    payloads.append(document.object());
}

void GatewayClient::onBinary(const QByteArray &frame)
{
    frames.append(frame);
    m_buffer.append(frame);
    if (!m_buffer.endsWith(QByteArray("\x00\x00\xff\xff", 4)))
        return;
    QByteArray out;
    m_inflate->next_in = reinterpret_cast<Bytef *>(m_buffer.data());
    m_inflate->avail_in = uInt(m_buffer.size());
    char chunk[8192];
    do {
        m_inflate->next_out = reinterpret_cast<Bytef *>(chunk);
        m_inflate->avail_out = sizeof(chunk);
        const int result = inflate(m_inflate.get(), Z_SYNC_FLUSH);
        if (result != Z_OK && result != Z_BUF_ERROR) {
            inflateFailed = true;
            return;
        }
        out.append(chunk, qsizetype(sizeof(chunk) - m_inflate->avail_out));
    } while (m_inflate->avail_out == 0);
    m_buffer.clear();
    addPayload(out);
}

QJsonObject op(int code, const QJsonValue &data)
{
    return {{QStringLiteral("op"), code}, {QStringLiteral("d"), data}};
}

RestClient::RestClient(const PterodisbotSim::DiscordSimulator &sim)
    : agent(userAgent)
    , m_base(sim.restBaseUrl())
    , m_token(sim.botToken())
{}

HttpResult RestClient::send(const QByteArray &method, const QString &path, const QJsonValue &body)
{
    QByteArray data;
    if (body.isObject())
        data = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        data = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    QNetworkRequest request = makeRequest(path);
    if (!data.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    return finish(m_nam.sendCustomRequest(request, method, data));
}

HttpResult RestClient::sendMultipart(const QByteArray &method, const QString &path,
                                     const QJsonObject &payload,
                                     const QList<QPair<QString, QByteArray>> &files)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart json;
    json.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"payload_json\""));
    json.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    json.setBody(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    multipart->append(json);
    for (qsizetype i = 0; i < files.size(); ++i) {
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"files[%1]\"; filename=\"%2\"")
                           .arg(i)
                           .arg(files.at(i).first)
                           .toUtf8());
        file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("image/png"));
        file.setBody(files.at(i).second);
        multipart->append(file);
    }
    QNetworkReply *reply = m_nam.sendCustomRequest(makeRequest(path), method, multipart);
    multipart->setParent(reply);
    return finish(reply);
}

HttpResult RestClient::getUrl(const QUrl &url)
{
    QNetworkRequest request(url);
    if (tls)
        request.setSslConfiguration(*tls);
    return finish(m_nam.get(request));
}

QNetworkRequest RestClient::makeRequest(const QString &path) const
{
    QUrl url = m_base;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(m_base.path() + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    if (authorize)
        request.setRawHeader("Authorization", "Bot " + m_token.toUtf8());
    request.setRawHeader("User-Agent", agent);
    if (tls)
        request.setSslConfiguration(*tls);
    return request;
}

HttpResult RestClient::finish(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(waitMs);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

QJsonObject embedMessage(const QJsonObject &embed)
{
    return {{QStringLiteral("embeds"), QJsonArray{embed}}};
}

QJsonObject errorAt(const QJsonObject &errors, const QString &dottedPath)
{
    QJsonObject node = errors;
    for (const QString &key : dottedPath.split(QLatin1Char('.'), Qt::SkipEmptyParts))
        node = node.value(key).toObject();
    return node.value(QStringLiteral("_errors")).toArray().at(0).toObject();
}

std::unique_ptr<GatewayClient> identifiedClient(PterodisbotSim::DiscordSimulator &sim, int intents)
{
    auto client = std::make_unique<GatewayClient>();
    client->open(sim.gatewayUrl());
    if (client->waitFor(10).isEmpty())
        return nullptr;
    client->identify(sim.botToken(), intents);
    if (client->waitFor(0, QStringLiteral("GUILD_CREATE")).isEmpty())
        return nullptr;
    return client;
}

} // namespace Pterodisbot::DiscordSimProbe
