#pragma once

#include <QByteArray>

namespace PterodisbotSim {

struct ImageSize
{
    bool valid = false;
    int width = 0;
    int height = 0;
};

//! Width and height of a PNG, GIF or JPEG from its header bytes (Discord reports them).
ImageSize imageSize(const QByteArray &bytes);

} // namespace PterodisbotSim
