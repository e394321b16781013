#pragma once

#include "PanelWorld.h"

namespace PterodisbotSim {

/*!
 * Builds the simulated panel's content, either generated from a count or read from a JSON file.
 *
 * Users are always the same two: id 1 "admin" (root admin) and id 2 "player" (not an admin, owns
 * every server unless the seed says otherwise).
 *
 * Seed file format (every field optional unless marked; unknown fields are ignored):
 * \code
 * {
 *   "nodes": [                       // optional; without it nodes are created to hold
 *     {"name": "Node 1",             //   serversPerNode servers each
 *      "fqdn": "node1.example.com", "description": "", "memory": 65536, "disk": 1048576,
 *      "maintenance": false}
 *   ],
 *   "servers": [
 *     {"name": "Survival",            // required
 *      "uuid": "1a7ce997-259b-452e-8b4e-cecc464142ca", // generated from randomSeed when absent
 *      "external_id": "mc-survival", "description": "Vanilla survival",
 *      "node": 1,                      // id = position in "nodes" (1-based)
 *      "owner": "player",              // or "admin"
 *      "state": "running",             // offline | starting | running | stopping
 *      "status": null,                 // null | suspended | installing | install_failed |
 *                                      // reinstall_failed | restoring_backup | transferring
 *      "limits": {"memory": 4096, "swap": 0, "disk": 10240, "io": 500, "cpu": 200,
 *                 "threads": null, "oom_disabled": true},
 *      "feature_limits": {"databases": 2, "allocations": 1, "backups": 3},
 *      "docker_image": "ghcr.io/pterodactyl/yolks:java_17",
 *      "invocation": "java -Xms128M -jar server.jar", "egg_features": ["eula"],
 *      "egg": 1, "nest": 1,
 *      "allocations": [               // the first one is the default allocation
 *        {"ip": "10.0.0.5", "alias": "mc.example.com", "port": 25565, "notes": null}],
 *      "variables": [
 *        {"name": "Server Jar File", "description": "", "env_variable": "SERVER_JARFILE",
 *         "default_value": "server.jar", "server_value": "server.jar", "is_editable": true,
 *         "rules": "required|string"}]}
 *   ]
 * }
 * \endcode
 */
class PanelSeed
{
public:
    struct Options
    {
        int serverCount = 8;
        quint32 randomSeed = 1;
        int serversPerNode = 50;
    };

    //! Generated content: realistic game servers, a mix of running and offline.
    static SimSeed generate(const Options &options);
    //! Content from a seed file; returns false with \a error set when the file is unusable.
    static bool load(const QString &path, const Options &options, SimSeed *seed, QString *error);
    static bool parse(const QByteArray &json, const Options &options, SimSeed *seed,
                      QString *error);
};

} // namespace PterodisbotSim
