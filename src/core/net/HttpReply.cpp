#include "net/HttpReply.h"

#include <QNetworkReply>

#include "net/HttpClient.h"

namespace Pterodisbot {

HttpReply::HttpReply(HttpClient *client, HttpRequest request)
    : m_client(client)
    , m_request(std::move(request))
{
    m_elapsed.start();
}

HttpReply::~HttpReply()
{
    // Destroyed while on the wire (its owner went away): stop the transfer quietly, and let
    // the client tell its rate limiter that the attempt is over.
    if (m_network && m_client) {
        m_client->abandon(this);
    } else if (m_network) {
        QNetworkReply *network = m_network;
        m_network = nullptr;
        network->disconnect(this);
        network->abort();
        network->deleteLater();
    }
}

void HttpReply::abort()
{
    if (m_finished)
        return;
    if (m_client) {
        m_client->cancel(this);
        return;
    }
    m_error = ApiError{ApiError::Kind::Cancelled, 0, {}, QStringLiteral("request cancelled")};
    m_finished = true;
    emit finished();
}

} // namespace Pterodisbot
