#pragma once

#include "bot/AccessPolicy.h"
#include "discord/Interaction.h"

namespace Pterodisbot {

//! An interaction that passed the access check of the surface it came through (a command, a
//! power button, the status menu). Only the gate where BotCore routes interactions
//! (InteractionGate, in BotCore.cpp) can make one: a handler takes an Admitted, so no handler
//! can run unchecked, and none checks again.
class Admitted
{
public:
    const Interaction &interaction() const { return m_interaction; }
    AccessPolicy::Surface surface() const { return m_surface; }

private:
    friend class InteractionGate;
    Admitted(Interaction interaction, AccessPolicy::Surface surface)
        : m_interaction(std::move(interaction))
        , m_surface(surface)
    {}

    Interaction m_interaction;
    AccessPolicy::Surface m_surface;
};

} // namespace Pterodisbot
