#include "discord/InteractionAnswer.h"

namespace Pterodisbot {

InteractionAnswer InteractionAnswer::reply(Message message, bool ephemeral)
{
    InteractionAnswer answer;
    answer.kind = Kind::Reply;
    if (ephemeral)
        message.flags |= Message::Ephemeral;
    answer.message = std::move(message);
    return answer;
}

InteractionAnswer InteractionAnswer::ephemeralText(const QString &text)
{
    Message message;
    message.content = text;
    return reply(message, true);
}

InteractionAnswer InteractionAnswer::update(Message message)
{
    InteractionAnswer answer;
    answer.kind = Kind::Update;
    answer.message = std::move(message);
    return answer;
}

InteractionAnswer InteractionAnswer::acknowledge()
{
    return InteractionAnswer{};
}

InteractionAnswer &InteractionAnswer::withFollowUp(const Message &message)
{
    followUps.append(message);
    return *this;
}

} // namespace Pterodisbot
