// custom_id and select values: anybody can forge them, so parse() must refuse everything that
// is not exactly one of our forms, and a value it accepts must write back to the same text.

#include "FuzzSupport.h"

#include <cstdlib>

#include "bot/CustomId.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QString input = QString::fromUtf8(Fuzz::bytes(data, size));
    const CustomId::Parsed parsed = CustomId::parse(input);
    (void)CustomId::forLog(input);
    (void)CustomId::isValidIdentifier(input);
    if (parsed.ok() && parsed.id->encode() != input)
        std::abort(); // an accepted custom_id that is not our own spelling of it
    return 0;
}
