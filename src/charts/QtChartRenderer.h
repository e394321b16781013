#pragma once

#include <array>
#include <memory>

#include <QImage>
#include <QRect>

#include "ChartRenderer.h"
#include "ChartScales.h"
#include "PngEncoder.h"

namespace Pterodisbot {

//! ChartRenderer on QtCharts, drawing offscreen into an image and encoding it as PNG.
//!
//! Needs a QApplication (QtCharts is built on Widgets); on a host without a display call
//! prepareOffscreenPlatform() (OffscreenPlatform.h) before constructing it. Without a
//! QApplication render() returns an empty array instead of crashing. Use it from the thread
//! that owns the QApplication.
//!
//! Each figure (CPU, memory, combined) is built on first use and then reused: a render replaces
//! the series' points and the axis ranges, which is several times cheaper than a new scene.
class QtChartRenderer final : public ChartRenderer
{
public:
    struct Options
    {
        QSize cpuSize{900, 330};
        QSize memorySize{900, 330};
        QSize combinedSize{900, 600};
        PngEncoder::Mode encoding = PngEncoder::Mode::ThemePalette;
        int compression = 1; //!< zlib level, see PngEncoder
    };

    //! Which panel of a figure, for plotArea().
    enum class Panel { Cpu, Memory };

    QtChartRenderer();
    explicit QtChartRenderer(const Options &options);
    ~QtChartRenderer() override;
    Q_DISABLE_COPY_MOVE(QtChartRenderer)

    QByteArray render(Kind kind, const ChartInput &input) override;
    QSize imageSize(Kind kind) const override;

    //! The figure before PNG encoding (GUI previews, tests). Null without a QApplication.
    QImage renderImage(Kind kind, const ChartInput &input);
    //! Where \a panel's plot area lies in the image of \a kind; empty when the figure has no
    //! such panel (Kind::Cpu has no memory panel).
    QRect plotArea(Kind kind, Panel panel);

    const Options &options() const { return m_options; }

private:
    class Figure;
    Figure *figure(Kind kind);

    Options m_options;
    PngEncoder m_encoder;
    std::array<std::unique_ptr<Figure>, 3> m_figures;
    bool m_warnedNoApplication = false;
};

} // namespace Pterodisbot
