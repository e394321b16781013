#pragma once

#include <memory>

#include <QChartView>
#include <QPair>
#include <QString>

#include "ChartRenderer.h"

class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace Pterodisbot {

//! The selected server's recent CPU and memory, live in the admin window: the status embed's
//! graph (same ChartInput, same theme, same axis ranges from ChartScales) as a resizable view.
//!
//! Two panels, CPU above memory, share one time axis under a title band, like the embed image.
//! The charts are built once; each setInput() replaces the series' points and the axis ranges in
//! place.
class LiveChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)

public:
    explicit LiveChart(QWidget *parent = nullptr);
    ~LiveChart() override;

    //! Shows \a input (MetricsHistory::chartInput()); with fewer than two samples the panels
    //! show a "waiting for data" note instead of a line.
    void setInput(const ChartInput &input);
    //! Empties the panels and shows \a text over them (no server selected, server offline).
    void showHint(const QString &text);

    int cpuPointCount() const;
    int memoryPointCount() const;
    //! The CPU axis as drawn, in percent of one core.
    QPair<double, double> cpuAxisRange() const;
    //! The memory axis as drawn, in MiB (whether it is labelled in MiB or GiB).
    QPair<double, double> memoryAxisRange() const;
    //! The note shown over the panels (a hint or "waiting for data"); empty while a graph shows.
    QString hint() const { return m_hintText; }

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {320, 240}; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Panel;

    void applyFonts();
    void layoutPanels();
    void setHintText(const QString &text);

    std::unique_ptr<Panel> m_cpu;
    std::unique_ptr<Panel> m_memory;
    QGraphicsSimpleTextItem *m_title = nullptr; // owned by the scene, like the panels' items
    QGraphicsRectItem *m_cover = nullptr;       // hides the panels behind a hint
    QGraphicsSimpleTextItem *m_hint = nullptr;
    QString m_hintText;
};

} // namespace Pterodisbot
