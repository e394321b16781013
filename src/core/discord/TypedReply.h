#pragma once

#include <QCoroTask>

#include "discord/RestReply.h"
#include "net/ApiResult.h"

namespace Pterodisbot {

//! Waits for \a reply and decodes its answer as \a T (a model with
//! `static std::optional<T> fromJson(const QJsonObject &, QString *error)`), so that callers
//! never parse Discord's JSON themselves: `auto sent = co_await
//! awaitTyped<MessageInfo>(rest->createMessage(...))`. An answer that does not decode is a
//! Parse error saying why; a failed call keeps its error.
template<typename T>
QCoro::Task<ApiResult<T>> awaitTyped(RestReply *reply)
{
    const RestResult answer = co_await awaitReply(reply);
    ApiResult<T> result;
    if (!answer.ok()) {
        result.error = answer.error;
        co_return result;
    }
    QString why;
    std::optional<T> value = T::fromJson(answer.object(), &why);
    if (!value) {
        result.error = ApiError::parse(QStringLiteral("Discord's answer is not what was asked "
                                                      "for: %1")
                                           .arg(why));
        co_return result;
    }
    result.value = std::move(*value);
    co_return result;
}

} // namespace Pterodisbot
