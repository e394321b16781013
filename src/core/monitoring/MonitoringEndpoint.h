#pragma once

#include <memory>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "config/ListenAddress.h"

namespace Pterodisbot {

class BotCore;
class BotMetrics;

//! The optional HTTP endpoint of `[bot] http_listen`, for systemd, containers, uptime
//! monitors and Prometheus:
//! - `GET /healthz`: 200 and `{"status":"ok",...}` while HealthVerdict says healthy, else 503 and
//!   `{"status":"unhealthy","reasons":[...]}`;
//! - `GET /metrics`: BotMetrics in the Prometheus text format 0.0.4;
//! - HEAD of either: the same status and headers without the body; other methods 405, other
//!   paths 404.
//! Plain HTTP without authentication: meant for loopback (the validator warns otherwise).
//!
//! Usage (the app, once the bot exists):
//! \code
//!   auto *endpoint = new MonitoringEndpoint(bot, bot);
//!   QString error;
//!   if (!endpoint->listen(config.bot.httpListen, &error)) ...   // error names the address
//! \endcode
class MonitoringEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringEndpoint)

public:
    //! One HTTP answer.
    struct Answer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };

    //! Counts from now on; \a bot must outlive the endpoint (make it the parent).
    explicit MonitoringEndpoint(BotCore *bot, QObject *parent = nullptr);
    ~MonitoringEndpoint() override;

    //! Starts listening on \a address (port 0: any free port). False, with \a error saying
    //! which address and why ("... 127.0.0.1:9750 ...: the address is already in use"), when
    //! it cannot; the endpoint then answers nothing.
    bool listen(const ListenAddress &address, QString *error = nullptr);
    //! The same for the text of `[bot] http_listen` ("127.0.0.1:9750").
    bool listen(const QString &address, QString *error = nullptr);
    bool isListening() const;
    //! Where it listens, the real port when 0 was asked for; empty when not listening.
    ListenAddress address() const;
    //! "http://127.0.0.1:9750"; empty when not listening.
    QString baseUrl() const;

    //! What a request of \a method ("GET") for \a path ("/metrics", query stripped) gets.
    Answer answer(const QByteArray &method, const QString &path) const;
    const BotMetrics &metrics() const { return *m_metrics; }

private:
    class Server;

    QPointer<BotCore> m_bot;
    BotMetrics *m_metrics;
    std::unique_ptr<Server> m_server;
    ListenAddress m_address;
};

} // namespace Pterodisbot
