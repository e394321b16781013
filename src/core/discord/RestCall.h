#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "discord/Message.h"

namespace Pterodisbot {

//! What a call sends: shared by the attempts of one RestReply (a multipart body is rebuilt
//! for every attempt, because a sent QHttpMultiPart cannot be read again).
struct RestCall
{
    QByteArray method;
    QString path; //!< relative to the base URL, with query
    QByteArray jsonBody;
    bool hasBody = false;
    QList<MessageFile> files;
    QString auditLogReason;

    //! \a body as compact JSON when it is an object or an array; anything else sends no body.
    static RestCall json(const QByteArray &method, const QString &path, const QJsonValue &body);
    //! \a message (fixed by MessageLimits::enforce) as JSON, its files as multipart parts.
    static RestCall message(const QByteArray &method, const QString &path, const Message &message,
                            Message::Mode mode);
};

} // namespace Pterodisbot
