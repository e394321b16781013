#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "net/ApiError.h"
#include "net/HttpRequest.h"
#include "pterodactyl/models.h"

namespace Pterodisbot::PanelParsing {

// Turns the panel's JSON into models. Every function returns an ApiError of kind Parse that
// names the object and field when the answer is not what the panel documents (kind None on
// success); the output is only meaningful on success.

//! \a body must be a JSON object.
ApiError parseDocument(const QByteArray &body, QJsonObject *out);
//! A `list` envelope: its items and `meta.pagination` (links may be `[]` or `{}`).
ApiError parseList(const QJsonObject &document, QJsonArray *items, PageInfo *page);

//! Client API `server` object (envelope with `attributes`), client allocation flavour.
ApiError parseClientServer(const QJsonObject &item, Server *out);
//! Application API `server` object, with `allocations` and `node` included when present.
ApiError parseApplicationServer(const QJsonObject &item, Server *out);
//! Application API `node` object.
ApiError parseNode(const QJsonObject &item, Node *out);
//! `/resources` answer (`stats` object); "stopped" becomes Offline. Timestamp left unset.
ApiError parseResources(const QJsonObject &document, ResourceSample *out);
//! Wings `stats` event payload (args[0], itself a JSON string). Timestamp left unset.
ApiError parseWingsStats(const QString &payload, ResourceSample *out);
//! `/websocket` answer: `{"data":{"token","socket"}}`.
ApiError parseWebsocketCredentials(const QJsonObject &document, WebsocketCredentials *out);

//! Client `status` plus the deprecated flags to one condition; the explicit status wins.
ServerCondition conditionFrom(const QString &status, bool suspended, bool installing,
                              bool transferring, bool nodeMaintenance);

//! A non-2xx panel answer as one ApiError carrying the panel's `detail` text: 401/403 auth,
//! 404, 409 conflict, 429 (with Retry-After), 502/504 daemon unreachable, 400/422 validation,
//! a redirect to /auth/login as an auth problem with a hint.
ApiError panelError(int status, const HttpHeaders &headers, const QByteArray &body);

} // namespace Pterodisbot::PanelParsing
