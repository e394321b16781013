#pragma once

#include <functional>

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>

class QHttpServerRequest;

namespace PterodisbotSim {

//! One HTTP answer with any status and headers (QHttpServerResponder's initializer lists
//! cannot carry a run-time header list).
struct DiscordHttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static DiscordHttpReply json(int status, const QJsonValue &value);
    //! Discord's error body {code, message, errors?}.
    static DiscordHttpReply error(int status, int code, const QString &message,
                                  const QJsonObject &errors = {});
    static DiscordHttpReply noContent();
};

//! A QAbstractHttpServer that hands every request to one function: the simulator routes
//! itself because Discord's paths, methods and errors need more control than QHttpServer's
//! router gives in Qt 6.4.
class DiscordHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordHttpServer)

public:
    using Handler = std::function<DiscordHttpReply(const QHttpServerRequest &)>;

    explicit DiscordHttpServer(Handler handler, QObject *parent = nullptr);
    ~DiscordHttpServer() override;

    //! Answers are written \a ms after the handler ran (0 = at once).
    void setLatency(int ms) { m_latencyMs = ms; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
    int m_latencyMs = 0;
};

} // namespace PterodisbotSim
