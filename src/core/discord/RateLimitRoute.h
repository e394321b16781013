#pragma once

#include <QByteArray>
#include <QString>

namespace Pterodisbot {

//! A Discord REST route as the rate limiter sees it: the path template with the major
//! parameters (channel_id, guild_id, webhook_id + token; for interaction callbacks the
//! interaction id + token) kept and every other id templated.
//!
//! Tokens are part of the major parameters but never appear in a key: they are replaced by a
//! short hash ("#1a2b3c4d"), so keys can be logged.
struct DiscordRoute
{
    QByteArray method;
    //! "/channels/{channel_id}/messages/{message_id}": what Discord maps to a bucket hash.
    QString pathTemplate;
    //! The major parameter values joined by '/': "1300000000000000001".
    QString majorParameters;
    //! "PATCH /channels/1300000000000000001/messages/{message_id}": the key of the route
    //! until a response names its bucket.
    QString key;
    //! Interaction callbacks do not count toward the global 50/s limit.
    bool isInteractionCallback = false;

    //! "PATCH /channels/{channel_id}/messages/{message_id}"
    QString routeTemplateKey() const
    {
        return QString::fromLatin1(method) + QLatin1Char(' ') + pathTemplate;
    }

    //! \a path is relative to the API base ("/channels/1/messages"), query ignored.
    static DiscordRoute parse(const QByteArray &method, const QString &path);
};

} // namespace Pterodisbot
