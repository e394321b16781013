// Text from the panel into what the bot sends (discord/Markdown.h): server names, descriptions,
// addresses. Whatever comes in, the result keeps within its limit and holds no unpaired
// surrogate, no control character and no line break where none may be.

#include "FuzzSupport.h"

#include <cstdlib>

#include "discord/Markdown.h"

using namespace Pterodisbot;

namespace {

void check(const QString &result, int limit, bool linesAllowed)
{
    if (limit != Markdown::NoLimit && result.size() > limit)
        std::abort(); // over the limit Discord would refuse
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QChar c = result.at(i);
        if (c.isHighSurrogate() && (i + 1 == result.size() || !result.at(i + 1).isLowSurrogate()))
            std::abort(); // a cut inside a pair
        if (c.isLowSurrogate() && (i == 0 || !result.at(i - 1).isHighSurrogate()))
            std::abort();
        if (c == QLatin1Char('\n') ? !linesAllowed : c.category() == QChar::Other_Control)
            std::abort(); // a control character or line break got through
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    if (size < 1)
        return 0;
    // The first byte picks a limit, as the callers use them (or none).
    const int limits[] = {Markdown::NoLimit, 1, 2, 3, 25, 100, 200, 256};
    const int limit = limits[data[0] % std::size(limits)];
    const QString text = QString::fromUtf8(Fuzz::bytes(data + 1, size - 1));
    check(Markdown::literal(text, limit), limit, false);
    check(Markdown::literalLines(text, limit), limit, true);
    check(Markdown::plain(text, limit), limit, false);
    check(Markdown::code(text, limit), limit, false);
    return 0;
}
