#include "PanelSimProbe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;

namespace Pterodisbot::PanelSimTest {

QJsonObject HttpResult::firstError() const
{
    return json.value(QLatin1String("errors")).toArray().at(0).toObject();
}

WingsProbe::WingsProbe(const QString &origin)
    : socket(origin)
{
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
        frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
}

void WingsProbe::send(const QString &event, const QStringList &args)
{
    socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("event"), event},
                                  {QStringLiteral("args"), QJsonArray::fromStringList(args)}})
            .toJson(QJsonDocument::Compact)));
}

QStringList WingsProbe::events() const
{
    QStringList out;
    for (const auto &frame : frames)
        out.append(frame.value(QLatin1String("event")).toString());
    return out;
}

QStringList WingsProbe::takeEvents()
{
    const QStringList out = freshEvents();
    m_taken = int(frames.size());
    return out;
}

QJsonObject WingsProbe::last(const QString &event) const
{
    for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
        if (it->value(QLatin1String("event")).toString() == event)
            return *it;
    }
    return {};
}

HttpResult PanelSimTestCase::request(const QByteArray &verb, const QUrl &url, const QString &key,
                                     const QByteArray &body, bool jsonAccept,
                                     const QByteArray &contentType, int waitMs)
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    if (jsonAccept)
        req.setRawHeader("Accept", "application/json");
    if (!key.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
    if (!body.isEmpty())
        req.setRawHeader("Content-Type", contentType);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    HttpResult result;
    result.finished = done.wait(waitMs);
    if (!result.finished) {
        reply->abort();
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return result;
}

HttpResult PanelSimTestCase::get(const PanelSimulator &sim, const QString &pathAndQuery,
                                 const QString &key, bool jsonAccept)
{
    return request("GET", QUrl(sim.panelUrl().toString() + pathAndQuery), key, {}, jsonAccept);
}

HttpResult PanelSimTestCase::power(const PanelSimulator &sim, const QString &server,
                                   const QByteArray &body, const QString &key)
{
    return request("POST",
                   QUrl(sim.panelUrl().toString() + QStringLiteral("/api/client/servers/") +
                        server + QStringLiteral("/power")),
                   key.isEmpty() ? sim.clientKey() : key, body);
}

PanelSimOptions PanelSimTestCase::manualOptions(int servers)
{
    PanelSimOptions options;
    options.serverCount = servers;
    options.tickIntervalMs = 0;
    return options;
}

QString PanelSimTestCase::serverIn(const PanelSimulator &sim, const QString &state)
{
    for (const auto &id : sim.serverIdentifiers()) {
        if (sim.serverState(id) == state)
            return id;
    }
    return {};
}

bool PanelSimTestCase::connectWings(const PanelSimulator &sim, WingsProbe &probe, const QString &id)
{
    const HttpResult ws =
        get(sim, QStringLiteral("/api/client/servers/%1/websocket").arg(id), sim.clientKey());
    if (ws.status != 200)
        return false;
    const QJsonObject data = ws.json.value(QLatin1String("data")).toObject();
    QSignalSpy connected(&probe.socket, &QWebSocket::connected);
    probe.socket.open(QUrl(data.value(QLatin1String("socket")).toString()));
    if (!connected.wait(5000))
        return false;
    probe.send(QStringLiteral("auth"), {data.value(QLatin1String("token")).toString()});
    return true;
}

bool PanelSimTestCase::waitForEvent(WingsProbe &probe, const QString &event, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!probe.freshEvents().contains(event) && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    return probe.freshEvents().contains(event);
}

} // namespace Pterodisbot::PanelSimTest
