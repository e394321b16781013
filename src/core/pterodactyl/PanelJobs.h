#pragma once

#include "pterodactyl/PanelJob.h"

namespace Pterodisbot {

//! GET /api/client, every page: the servers the client key's user can see.
class ListServersJob final : public PagedPanelJob
{
    Q_OBJECT

public:
    explicit ListServersJob(PanelClient *client);
    const QList<Server> &servers() const { return m_servers; }

protected:
    ApiError parseItem(const QJsonObject &item) override;

private:
    QList<Server> m_servers;
};

//! GET /api/application/servers?include=allocations,node, every page.
class ListApplicationServersJob final : public PagedPanelJob
{
    Q_OBJECT

public:
    explicit ListApplicationServersJob(PanelClient *client);
    const QList<Server> &servers() const { return m_servers; }

protected:
    ApiError parseItem(const QJsonObject &item) override;

private:
    QList<Server> m_servers;
};

//! GET /api/application/nodes, every page.
class ListNodesJob final : public PagedPanelJob
{
    Q_OBJECT

public:
    explicit ListNodesJob(PanelClient *client);
    const QList<Node> &nodes() const { return m_nodes; }

protected:
    ApiError parseItem(const QJsonObject &item) override;

private:
    QList<Node> m_nodes;
};

//! Base of the jobs about one server of the client API ({server} = identifier or uuid).
class ServerJob : public PanelJob
{
    Q_OBJECT

public:
    const QString &serverId() const { return m_serverId; }

protected:
    ServerJob(PanelClient *client, QString serverId);
    //! "/api/client/servers/<id>" + \a suffix
    QString serverPath(const QString &suffix = {}) const;

private:
    QString m_serverId;
};

//! GET /api/client/servers/{server}: details with allocations.
class GetServerJob final : public ServerJob
{
    Q_OBJECT

public:
    GetServerJob(PanelClient *client, QString serverId);
    const Server &server() const { return m_server; }

protected:
    void start() override;

private:
    Server m_server;
};

//! GET /api/client/servers/{server}/resources.
class GetResourcesJob final : public ServerJob
{
    Q_OBJECT

public:
    GetResourcesJob(PanelClient *client, QString serverId);
    const ResourceSample &sample() const { return m_sample; }

protected:
    void start() override;

private:
    ResourceSample m_sample;
};

//! POST /api/client/servers/{server}/power. Success (204) means Wings accepted the signal,
//! not that the state changed.
class PowerJob final : public ServerJob
{
    Q_OBJECT

public:
    PowerJob(PanelClient *client, QString serverId, PowerSignal signal);
    PowerSignal powerSignal() const { return m_signal; }

protected:
    void start() override;

private:
    PowerSignal m_signal;
};

//! GET /api/client/servers/{server}/websocket: a JWT (10 min) and the Wings socket URL.
class WebsocketCredentialsJob final : public ServerJob
{
    Q_OBJECT

public:
    WebsocketCredentialsJob(PanelClient *client, QString serverId);
    const WebsocketCredentials &credentials() const { return m_credentials; }

protected:
    void start() override;

private:
    WebsocketCredentials m_credentials;
};

} // namespace Pterodisbot
