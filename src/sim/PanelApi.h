#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

#include "PanelRateLimiter.h"
#include "PanelWorld.h"

namespace PterodisbotSim {

//! One HTTP request, copied out of QHttpServerRequest so it can outlive the handler.
struct PanelCall
{
    QString method;   //!< "GET", "POST", ...
    QString path;     //!< without query
    QString rawQuery; //!< as sent, percent-encoded
    QByteArray body;
    QByteArray authorization;
    QByteArray accept;
    QByteArray contentType;
    QByteArray requestedWith;

    //! A query parameter decoded the way PHP does ('+' is a space); empty when absent.
    QString param(const QString &name) const;
    bool hasParam(const QString &name) const;
};

//! What the simulator answers.
struct PanelReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static PanelReply json(const QJsonObject &object, int status = 200);
    static PanelReply error(int status, const QString &code, const QString &detail,
                            const QJsonObject &meta = {});
    //! The panel's error for an injected or daemon failure status (500, 502, 503, 504, ...).
    static PanelReply failure(int status);
};

enum class PanelKeyKind { Client, Application };

struct PanelKey
{
    int userId = 0;
    PanelKeyKind kind = PanelKeyKind::Client;
    bool pelican = false; //!< a Pelican key: Pelican's rate limits apply
};

struct PanelRoute
{
    enum class Area { Client, Application, Login };
    enum class Endpoint {
        ClientList,
        ClientAccount,
        ClientServer,
        ClientResources,
        ClientPower,
        ClientWebsocket,
        AppServers,
        AppServer,
        AppServerExternal,
        AppNodes,
        AppNode,
        AppNodeAllocations,
        Login,
    };
    Area area = Area::Client;
    Endpoint endpoint = Endpoint::ClientList;
    QString param; //!< server identifier/uuid, numeric id, external id or node id
};

struct PanelApiLimits
{
    int clientRateLimit = 720;
    int applicationRateLimit = 240;
    int pelicanRateLimit = 256;
    int pelicanWebsocketRateLimit = 5;
    int rateLimitWindowMs = 60000;
    int resourcesCacheMs = 0; //!< see PanelSimOptions
};

//! The panel's HTTP API over a PanelWorld: routing, authentication, key types, throttling and
//! the endpoints themselves. Transport and fault injection live in PanelHttpServer.
class PanelApi
{
public:
    struct Caller
    {
        const SimUser *user = nullptr;
        PanelKeyKind kind = PanelKeyKind::Client;
    };

    PanelApi(PanelWorld &world, const PanelApiLimits &limits);

    void setKeys(const QHash<QString, PanelKey> &keys) { m_keys = keys; }
    void setEndpoints(const QUrl &panelUrl, int wingsPort);

    //! Matches method and path; on failure \a reply holds the 404/405.
    std::optional<PanelRoute> route(const PanelCall &call, PanelReply *reply) const;
    //! Key check then throttle; on failure \a reply holds the 302/401/403/429. Adds the
    //! X-RateLimit headers to \a rateHeaders on every throttled route.
    std::optional<Caller> authorize(const PanelCall &call, const PanelRoute &route, qint64 nowMs,
                                    PanelReply *reply,
                                    QList<QPair<QByteArray, QByteArray>> *rateHeaders);
    //! The server identifier a request is about ("" for lists and nodes), for fault matching.
    QString targetIdentifier(const PanelRoute &route) const;
    PanelReply dispatch(const PanelCall &call, const PanelRoute &route, const Caller &caller);

    void resetThrottle() { m_limiter.clear(); }

private:
    PanelReply clientList(const PanelCall &call, const Caller &caller) const;
    PanelReply clientServerCall(const PanelCall &call, const PanelRoute &route,
                                const Caller &caller);
    PanelReply clientPower(const PanelCall &call, int index);
    PanelReply clientWebsocket(int index, const Caller &caller);
    PanelReply applicationCall(const PanelCall &call, const PanelRoute &route) const;
    PanelReply applicationServers(const PanelCall &call) const;
    PanelReply applicationNodes(const PanelCall &call) const;
    PanelReply applicationNodeAllocations(const PanelCall &call, const SimNode &node) const;
    //! The 409 text when the server's state forbids \a endpoint, else empty.
    QString conflict(const SimServer &server, PanelRoute::Endpoint endpoint,
                     const Caller &caller) const;
    QUrl pageUrl(const PanelCall &call) const;
    //! /resources as the panel answers it: from its cache while that is fresh, else from Wings
    //! (504 when the node is down).
    PanelReply resources(const SimServer &server, bool nodeDown);

    PanelWorld &m_world;
    PanelApiLimits m_limits;
    PanelRateLimiter m_limiter;
    QHash<QString, PanelKey> m_keys;
    QUrl m_panelUrl;
    int m_wingsPort = 0;
    struct CachedResources
    {
        qint64 atMs = 0; // world time
        QJsonObject body;
    };
    QHash<QString, CachedResources> m_resourcesCache; // by server uuid
};

} // namespace PterodisbotSim
