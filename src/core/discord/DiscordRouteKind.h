#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Pterodisbot {

//! What a Discord REST call is for, as one word of a small fixed set ("message_edit",
//! "interaction_callback", ..., "other"): the label of the request metrics. It never carries
//! an id or a token, so the set of label values stays bounded and nothing secret reaches a
//! scrape.
//!
//! \a path is relative to the API base ("/channels/1/messages/2"), query ignored.
QString discordRouteKind(const QByteArray &method, const QString &path);

//! Every value discordRouteKind() returns, "other" last.
QStringList discordRouteKinds();

} // namespace Pterodisbot
