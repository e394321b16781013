#include "StateAppearance.h"

#include <array>

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace Pterodisbot::StateAppearance {

QColor colour(DisplayState state)
{
    return QColor::fromRgb(QRgb(StatusEmbed::colour(state)));
}

QIcon icon(DisplayState state)
{
    // One icon per state for the life of the process: a table repaints them constantly.
    static std::array<QIcon, 8> icons;
    QIcon &cached = icons.at(size_t(state));
    if (!cached.isNull())
        return cached;
    for (const int side : {16, 32, 48}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour(state));
        const qreal margin = side * 0.2;
        painter.drawEllipse(QRectF(margin, margin, side - 2 * margin, side - 2 * margin));
        painter.end();
        cached.addPixmap(pixmap);
    }
    return cached;
}

QString text(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return QCoreApplication::translate("StateAppearance", "Running");
    case DisplayState::Starting:
        return QCoreApplication::translate("StateAppearance", "Starting");
    case DisplayState::Stopping:
        return QCoreApplication::translate("StateAppearance", "Stopping");
    case DisplayState::Offline:
        return QCoreApplication::translate("StateAppearance", "Offline");
    case DisplayState::Suspended:
        return QCoreApplication::translate("StateAppearance", "Suspended");
    case DisplayState::Installing:
        return QCoreApplication::translate("StateAppearance", "Installing");
    case DisplayState::Unreachable:
        return QCoreApplication::translate("StateAppearance", "Unreachable");
    case DisplayState::Unknown:
        break;
    }
    return QCoreApplication::translate("StateAppearance", "Unknown");
}

QString text(Gateway::State state)
{
    //: The state of the connection to Discord, after "Discord: " in the status bar.
    switch (state) {
    case Gateway::State::Disconnected:
        return QCoreApplication::translate("StateAppearance", "disconnected");
    case Gateway::State::Connecting:
        return QCoreApplication::translate("StateAppearance", "connecting");
    case Gateway::State::Identifying:
        return QCoreApplication::translate("StateAppearance", "identifying");
    case Gateway::State::Ready:
        return QCoreApplication::translate("StateAppearance", "ready");
    case Gateway::State::Resuming:
        return QCoreApplication::translate("StateAppearance", "resuming");
    case Gateway::State::BackingOff:
        return QCoreApplication::translate("StateAppearance", "waiting to reconnect");
    case Gateway::State::Stopped:
        break;
    }
    return QCoreApplication::translate("StateAppearance", "stopped");
}

} // namespace Pterodisbot::StateAppearance
