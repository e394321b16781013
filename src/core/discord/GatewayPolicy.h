#pragma once

#include <functional>
#include <optional>

#include <QString>

namespace Pterodisbot {

//! What the gateway client does after the server (or the network) ended a connection.
enum class GatewayCloseAction {
    Resume,   //!< reconnect and RESUME the session
    Identify, //!< reconnect with a fresh IDENTIFY (the session is gone)
    Fatal,    //!< stop for good: retrying cannot help until a person fixes something
};

//! The row of Discord's close-code table that applies to one close.
struct GatewayCloseDecision
{
    GatewayCloseAction action = GatewayCloseAction::Resume;
    //! The code means we sent something wrong (4001/4002): worth a loud log line.
    bool ourBug = false;
    //! Discord's name of the code, e.g. "Authentication failed".
    QString name;
    //! For Fatal: what a user can do about it. Empty otherwise.
    QString userMessage;
};

//! Looks up Discord's close-code table; \a code is empty when the connection dropped without
//! a close frame. Codes Discord does not document (and 1000/1001 from the server) resume:
//! if the session is gone the server answers the RESUME with INVALID_SESSION.
GatewayCloseDecision gatewayCloseDecision(std::optional<int> code);

//! Exponential backoff with "equal jitter" between reconnect attempts: attempt n waits
//! cap × (0.5 + 0.5 × random) with cap = min(max, base × 2^n), so delays grow but two
//! clients never retry in lockstep.
class GatewayBackoff
{
public:
    //! \a random returns a value in [0, 1); tests inject a fixed sequence.
    GatewayBackoff(int baseMs, int maxMs, std::function<double()> random);

    //! The wait before the next attempt; each call counts as one more attempt.
    int nextDelayMs();
    //! Forget earlier failures (after READY or RESUMED).
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
