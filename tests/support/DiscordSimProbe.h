#pragma once

// Raw wire clients for the tst_discordsim* tests: they drive the Discord simulator with bare
// QWebSocket / QNetworkAccessManager and zlib, never with the bot's own client code.

#include <memory>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>

#include "DiscordSimulator.h"

struct z_stream_s;

namespace Pterodisbot::DiscordSimProbe {

//! How long every wait of these tests may take.
inline constexpr int waitMs = 10000;

//! A bare gateway client: records every payload (inflating zlib-stream) and the close code.
class GatewayClient
{
public:
    explicit GatewayClient(bool zlib = false, const QSslConfiguration *tls = nullptr);
    ~GatewayClient();
    Q_DISABLE_COPY_MOVE(GatewayClient)

    //! Connects to \a base's host with \a query (plus compress=zlib-stream when zlib is on).
    void open(const QUrl &base, const QString &query = QStringLiteral("v=10&encoding=json"));
    //! Waits until at least \a count payloads arrived.
    bool waitForCount(int count, int timeout = waitMs);
    //! Waits until the server closed the connection.
    bool waitClosed(int timeout = waitMs);
    //! The first payload with this op (and event name), waiting for it; {} on timeout.
    QJsonObject waitFor(int op, const QString &event = {}, int timeout = waitMs);
    //! Sends \a payload as one compact JSON text frame.
    void send(const QJsonObject &payload);
    //! Sends IDENTIFY with \a token and \a intents.
    void identify(const QString &token, int intents = 1);

    QWebSocket socket;
    QList<QJsonObject> payloads;
    QList<QByteArray> frames; //!< raw binary frames (zlib-stream)
    int closeCode = -1;
    bool closed = false;
    bool inflateFailed = false;

private:
    void addPayload(const QByteArray &json);
    void onBinary(const QByteArray &frame);

    bool m_zlib;
    std::unique_ptr<z_stream_s> m_inflate;
    QByteArray m_buffer;
};

//! A gateway payload {"op": code, "d": data}.
QJsonObject op(int code, const QJsonValue &data);

//! One finished HTTP exchange.
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; //!< lower-case names
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

//! A raw REST client for the simulator: Authorization and User-Agent as a bot sends them.
class RestClient
{
public:
    explicit RestClient(const PterodisbotSim::DiscordSimulator &sim);
    Q_DISABLE_COPY_MOVE(RestClient)

    QSslConfiguration *tls = nullptr;
    bool authorize = true;
    QByteArray agent;

    //! \a method on \a path (below the REST base, may carry "?query") with a JSON \a body.
    HttpResult send(const QByteArray &method, const QString &path, const QJsonValue &body = {});
    //! \a method on \a path as multipart/form-data: payload_json plus files[i] (image/png).
    HttpResult sendMultipart(const QByteArray &method, const QString &path,
                             const QJsonObject &payload,
                             const QList<QPair<QString, QByteArray>> &files);
    //! A plain GET of an absolute \a url (an attachment's), without Authorization.
    HttpResult getUrl(const QUrl &url);

private:
    QNetworkRequest makeRequest(const QString &path) const;
    HttpResult finish(QNetworkReply *reply);

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

//! A message body with the one \a embed.
QJsonObject embedMessage(const QJsonObject &embed);

//! The first entry of "_errors" at \a dottedPath ("embeds.0.title") in a 50035 errors object.
QJsonObject errorAt(const QJsonObject &errors, const QString &dottedPath);

//! A gateway client that has identified with the given intents and seen GUILD_CREATE.
std::unique_ptr<GatewayClient> identifiedClient(PterodisbotSim::DiscordSimulator &sim,
                                                int intents = 1);

} // namespace Pterodisbot::DiscordSimProbe
