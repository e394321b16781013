#pragma once

#include <QObject>
#include <QPointer>

#include "BotHealth.h"

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Pterodisbot {

class BotCore;

//! The tray companion: an icon that shows the bot's health (ok / degraded / down), a tooltip
//! with the summary, a menu (show window, pause or resume updates, refresh all embeds, quit)
//! and desktop notifications for the bot's alerts. Without a system tray it shows nothing; the
//! window then behaves as a normal window.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    //! Follows \a bot; null: the bot is gone (the menu's bot actions are disabled).
    void setBot(BotCore *bot);
    //! Whether the desktop has a tray to show the icon in.
    static bool isAvailable();
    //! Shows the icon when a tray is available.
    void show();
    //! A notification (when the tray is shown); otherwise nothing.
    void notify(const QString &title, const QString &text);

    const BotHealth &health() const { return m_health; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    QAction *showAction() const { return m_show; }
    QAction *pauseAction() const { return m_pause; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *quitAction() const { return m_quit; }

signals:
    void showWindowRequested();
    void quitRequested();
    //! health() changed level or headline.
    void healthChanged(const Pterodisbot::BotHealth &health);

private:
    void update();

    QPointer<BotCore> m_bot;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_quit = nullptr;
    BotHealth m_health;
};

} // namespace Pterodisbot
