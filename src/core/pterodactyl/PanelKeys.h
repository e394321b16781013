#pragma once

#include <QString>

namespace Pterodisbot {

//! What kind of panel API key a string is, from its prefix: the one place that knows them.
enum class PanelKeyKind {
    Unknown,
    PterodactylClient,      //!< ptlc_
    PterodactylApplication, //!< ptla_
    PelicanClient,          //!< pacc_
    PelicanApplication      //!< papp_
};
PanelKeyKind panelKeyKind(const QString &key);

bool isClientKind(PanelKeyKind kind);
bool isApplicationKind(PanelKeyKind kind);
//! Pelican keys meet Pelican's rate limits.
bool isPelicanKind(PanelKeyKind kind);

} // namespace Pterodisbot
