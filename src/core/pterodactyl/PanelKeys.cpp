#include "pterodactyl/PanelKeys.h"

namespace Pterodisbot {

PanelKeyKind panelKeyKind(const QString &key)
{
    if (key.startsWith(QLatin1String("ptlc_")))
        return PanelKeyKind::PterodactylClient;
    if (key.startsWith(QLatin1String("ptla_")))
        return PanelKeyKind::PterodactylApplication;
    if (key.startsWith(QLatin1String("pacc_")))
        return PanelKeyKind::PelicanClient;
    if (key.startsWith(QLatin1String("papp_")))
        return PanelKeyKind::PelicanApplication;
    return PanelKeyKind::Unknown;
}

bool isClientKind(PanelKeyKind kind)
{
    return kind == PanelKeyKind::PterodactylClient || kind == PanelKeyKind::PelicanClient;
}

bool isApplicationKind(PanelKeyKind kind)
{
    return kind == PanelKeyKind::PterodactylApplication || kind == PanelKeyKind::PelicanApplication;
}

bool isPelicanKind(PanelKeyKind kind)
{
    return kind == PanelKeyKind::PelicanClient || kind == PanelKeyKind::PelicanApplication;
}

} // namespace Pterodisbot
