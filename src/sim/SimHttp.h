#pragma once

#include <QHttpServerRequest>
#include <QString>

namespace PterodisbotSim {

//! "GET", "PATCH", ... as both simulators record and route requests; "OTHER" for methods
//! neither API uses.
QString httpMethodName(QHttpServerRequest::Method method);

} // namespace PterodisbotSim
