#include "TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

#include "bot/BotCore.h"

namespace Pterodisbot {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_show = m_menu->addAction(tr("&Show Pterodisbot"), this, &TrayIcon::showWindowRequested);
    m_menu->addSeparator();
    m_pause = m_menu->addAction(tr("&Pause updates"));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::triggered, this, [this](bool paused) {
        if (!m_bot)
            return;
        if (paused)
            m_bot->pauseUpdates();
        else
            m_bot->resumeUpdates();
    });
    m_refresh = m_menu->addAction(tr("&Refresh all embeds"), this, [this] {
        if (m_bot)
            m_bot->refreshAllEmbeds();
    });
    m_menu->addSeparator();
    const QIcon quitIcon = QIcon::fromTheme(QStringLiteral("application-exit"));
    m_quit = m_menu->addAction(quitIcon, tr("&Quit"), this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit showWindowRequested();
            });
    update();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a QMenu cannot have a QObject parent that is not a widget
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setBot(BotCore *bot)
{
    if (m_bot)
        disconnect(m_bot, nullptr, this, nullptr);
    m_bot = bot;
    if (bot) {
        for (auto signal : {&BotCore::connectionChanged, &BotCore::serversChanged})
            connect(bot, signal, this, &TrayIcon::update);
        connect(bot, &BotCore::stateChanged, this, &TrayIcon::update);
        connect(bot, &BotCore::embedAdded, this, &TrayIcon::update);
        connect(bot, &BotCore::embedRemoved, this, &TrayIcon::update);
        connect(bot, &BotCore::cycleFinished, this, &TrayIcon::update);
        connect(bot, &BotCore::alertRaised, this,
                [this](const QString &text) { notify(tr("Pterodisbot alert"), text); });
    }
    update();
}

void TrayIcon::show()
{
    if (isAvailable())
        m_icon->show();
}

void TrayIcon::notify(const QString &title, const QString &text)
{
    if (m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, text, m_icon->icon());
}

QString TrayIcon::toolTip() const
{
    return m_icon->toolTip();
}

void TrayIcon::update()
{
    const BotHealth previous = m_health;
    if (m_bot)
        m_health = BotHealth::of(m_bot->state(), m_bot->connection(), m_bot->embeds(),
                                 m_bot->serverSnapshots());
    else
        m_health = BotHealth{BotHealth::Level::Down, tr("Not running")};
    const bool running = m_bot && m_bot->state() == BotCore::State::Running;
    m_pause->setEnabled(running);
    m_pause->setChecked(m_bot && m_bot->isPaused());
    m_refresh->setEnabled(running);
    m_icon->setToolTip(m_health.summary());
    if (previous.level != m_health.level || m_icon->icon().isNull())
        m_icon->setIcon(QIcon(BotHealth::iconPath(m_health.level)));
    if (previous.level != m_health.level || previous.headline != m_health.headline)
        emit healthChanged(m_health);
}

} // namespace Pterodisbot
