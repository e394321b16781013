// Wings websocket frames: each length-prefixed frame (FuzzSupport.h) is a text frame of one
// server's stats socket; the whole input is also read as a `stats` event's payload.

#include "FuzzSupport.h"

#include "pterodactyl/PanelParsing.h"
#include "pterodactyl/StatsStream.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QByteArray input = Fuzz::bytes(data, size);
    ResourceSample sample;
    (void)PanelParsing::parseWingsStats(QString::fromUtf8(input), &sample);
    // Without a client the stream asks for no token: frames are all it sees.
    StatsStream stream(nullptr, QStringLiteral("1a7ce997"));
    for (const Fuzz::Frame &frame : Fuzz::splitFrames(input))
        stream.receiveFrame(QString::fromUtf8(frame.bytes));
    return 0;
}
