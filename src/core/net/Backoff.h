#pragma once

#include <functional>

namespace Pterodisbot {

//! Exponential backoff with "equal jitter" between attempts: attempt n waits
//! cap × (0.5 + 0.5 × random) with cap = min(max, base × 2^n), so delays grow but two
//! clients never retry in lockstep. The gateway's reconnects and the bot's start-up retries
//! both wait through it.
class Backoff
{
public:
    //! \a random returns a value in [0, 1); tests inject a fixed sequence. Null: 0.5.
    Backoff(int baseMs, int maxMs, std::function<double()> random);

    //! The wait before the next attempt; each call counts as one more attempt.
    int nextDelayMs();
    //! Forget earlier failures (after a success).
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

private:
    int m_baseMs;
    int m_maxMs;
    int m_attempt = 0;
    std::function<double()> m_random;
};

} // namespace Pterodisbot
