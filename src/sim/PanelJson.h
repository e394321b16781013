#pragma once

#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include "PanelWorld.h"

namespace PterodisbotSim {

//! The panel's JSON shapes (Fractal transformers), written from the wire reference.
namespace PanelJson {

//! Client API `server` item; \a withMeta adds the single-item `meta` (is_server_owner, ...).
QJsonObject clientServer(const PanelWorld &world, const SimServer &server, const SimUser &viewer,
                         bool withMeta);
QJsonObject clientStats(const SimServer &server);
QJsonObject clientAccount(const SimUser &user);

QJsonObject applicationServer(const PanelWorld &world, const SimServer &server,
                              const QSet<QString> &includes, int wingsPort);
QJsonObject applicationNode(const PanelWorld &world, const SimNode &node, int wingsPort);
QJsonObject applicationAllocation(const SimAllocation &allocation);

//! Fractal pagination meta; `links` is `[]` for a single page (PHP's empty array), else an
//! object with `previous`/`next` page URLs built on \a pageUrl (its query is kept).
QJsonObject pagination(int total, int count, int perPage, int currentPage, const QUrl &pageUrl);

//! Wings' `stats` payload (args[0] of the event, as a JSON string).
QByteArray wingsStats(const SimServer &server);
qint64 wingsMemoryLimitBytes(const SimServer &server);

QString isoTime(qint64 unixSecs);

} // namespace PanelJson

} // namespace PterodisbotSim
