// Every panel response parser: the input is one response body, read by all of them (a list of
// client or application servers or nodes, one server, resources, websocket credentials, an
// error body with each status the client maps).

#include "FuzzSupport.h"

#include <QJsonArray>
#include <QJsonObject>

#include "pterodactyl/PanelParsing.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QByteArray body = Fuzz::bytes(data, size);
    for (int status : {400, 401, 403, 404, 409, 422, 429, 500, 502, 504}) {
        const HttpHeaders headers{{QByteArrayLiteral("Retry-After"), body.left(12)}};
        (void)PanelParsing::panelError(status, headers, body);
    }
    QJsonObject document;
    if (PanelParsing::parseDocument(body, &document))
        return 0;
    QJsonArray items;
    PageInfo page;
    if (!PanelParsing::parseList(document, &items, &page)) {
        for (const QJsonValue &item : std::as_const(items)) {
            Server server;
            (void)PanelParsing::parseClientServer(item.toObject(), &server);
            (void)PanelParsing::parseApplicationServer(item.toObject(), &server);
            Node node;
            (void)PanelParsing::parseNode(item.toObject(), &node);
        }
    }
    Server server;
    (void)PanelParsing::parseClientServer(document, &server);
    ResourceSample sample;
    (void)PanelParsing::parseResources(document, &sample);
    WebsocketCredentials credentials;
    (void)PanelParsing::parseWebsocketCredentials(document, &credentials);
    return 0;
}
