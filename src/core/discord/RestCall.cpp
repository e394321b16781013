#include "discord/RestCall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "discord/MessageLimits.h"

namespace Pterodisbot {

RestCall RestCall::json(const QByteArray &method, const QString &path, const QJsonValue &body)
{
    RestCall call;
    call.method = method;
    call.path = path;
    if (body.isObject() || body.isArray()) {
        call.hasBody = true;
        call.jsonBody = body.isObject()
                            ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    }
    return call;
}

RestCall RestCall::message(const QByteArray &method, const QString &path, const Message &message,
                           Message::Mode mode)
{
    RestCall call;
    call.method = method;
    call.path = path;
    call.hasBody = true;
    // Enforced once here (warnings logged once); toJson() of a valid message changes nothing.
    const Message valid = MessageLimits::enforce(message);
    call.jsonBody = QJsonDocument(valid.toJson(mode)).toJson(QJsonDocument::Compact);
    call.files = valid.files;
    return call;
}

} // namespace Pterodisbot
