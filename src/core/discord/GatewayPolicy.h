#pragma once

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

} // namespace Pterodisbot
