#pragma once

#include "pterodactyl/models.h"

// A status embed's raw material for the tests of StatusEmbed and of its preview: one server
// with limits and an address, and its reading in a given power state.
namespace Pterodisbot::TestSupport {

//! "Survival" (1a7ce997) on Frankfurt 1: 200 % CPU, 4 GiB, 10 GiB, mc.example.com:25565.
Server survivalServer();
//! Its reading in \a state: load while up, zeros but the disk when offline.
ResourceSample survivalSample(PowerState state);

} // namespace Pterodisbot::TestSupport
