// Gateway payload decoding: text frames, binary frames and zlib-stream frames, and what the
// bot does with the two dispatches that carry outside data (INTERACTION_CREATE, READY).
//
// Input: length-prefixed frames (FuzzSupport.h); the first frame's flag selects
// compress=zlib-stream for the whole connection, every other frame's flag says binary.

#include "FuzzSupport.h"

#include <QJsonObject>

#include "bot/CustomId.h"
#include "Clock.h"
#include "discord/Gateway.h"
#include "discord/Interaction.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QList<Fuzz::Frame> frames = Fuzz::splitFrames(Fuzz::bytes(data, size));
    if (frames.isEmpty())
        return 0;
    GatewaySettings settings;
    settings.token = QStringLiteral("fuzz-secret-token-value");
    settings.zlibStream = frames.first().flag;
    ManualClock clock;
    Gateway gateway(settings, &clock);
    QObject::connect(&gateway, &Gateway::interactionCreate, [](const QJsonObject &json) {
        QString error;
        if (const std::optional<Interaction> interaction = Interaction::fromJson(json, &error)) {
            (void)interaction->describe();
            (void)CustomId::parse(interaction->customId);
            for (const QString &value : interaction->values)
                (void)CustomId::parse(value);
        }
    });
    for (const Fuzz::Frame &frame : frames.sliced(1))
        gateway.receiveFrame(frame.bytes, frame.flag);
    return 0;
}
