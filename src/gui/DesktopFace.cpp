#include "DesktopFace.h"

#include <QDir>

#include "bot/BotCore.h"
#include "LogFile.h"
#include "logging.h"
#include "LogModel.h"
#include "LogView.h"
#include "MainWindow.h"
#include "TrayIcon.h"

namespace Pterodisbot {

DesktopFace::DesktopFace(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(new LogModel(5000, this))
    , m_window(new MainWindow)
    , m_tray(new TrayIcon(this))
{
    m_log->attach();
    m_window->setLogModel(m_log);
    m_window->setKnownChannels(m_options.channels);
    if (m_options.demo)
        m_window->setDemoMode(true);
    m_window->setCloseHidesToTray(TrayIcon::isAvailable());

    connect(m_window, &MainWindow::quitRequested, this, &DesktopFace::quitRequested);
    connect(m_window, &MainWindow::setupRequested, this, &DesktopFace::setupRequested);
    connect(m_window, &MainWindow::settingsRequested, this, &DesktopFace::settingsRequested);
    connect(m_window, &MainWindow::previewButtonPressed, this, &DesktopFace::previewButtonPressed);
    connect(m_window, &MainWindow::hiddenToTray, this, [this](bool firstTime) {
        if (firstTime)
            m_tray->notify(tr("Pterodisbot keeps running"),
                           tr("The bot keeps your embeds up to date in the background. Open "
                              "the window from the tray icon; Quit there stops the bot."));
    });
    connect(m_tray, &TrayIcon::showWindowRequested, this, &DesktopFace::showWindow);
    connect(m_tray, &TrayIcon::quitRequested, this, &DesktopFace::quitRequested);
}

DesktopFace::~DesktopFace()
{
    if (m_logFile)
        setLogFile({});
    delete m_window;
}

void DesktopFace::show()
{
    m_tray->show();
    if (!m_options.minimized || !TrayIcon::isAvailable())
        showWindow();
}

void DesktopFace::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopFace::setBot(BotCore *bot)
{
    m_window->setBot(bot);
    m_tray->setBot(bot);
    if (bot)
        openLogFile(bot->dataDir());
}

QString DesktopFace::logFilePath() const
{
    return m_logFile ? m_logFile->filePath() : QString();
}

void DesktopFace::openLogFile(const QString &dataDir)
{
    // Here rather than in main(): the data folder is known once the configuration is loaded,
    // which is when the bot exists; only the desktop writes a file (a service has journald).
    const QString directory = QDir(dataDir).filePath(QStringLiteral("logs"));
    if (m_logFile && m_logFile->directory() == QDir::cleanPath(QDir(directory).absolutePath()))
        return;
    m_logFile = std::make_shared<LogFile>(directory);
    setLogFile(m_logFile);
    m_window->logView()->setLogFilePath(m_logFile->filePath());
    if (m_logFile->isOpen())
        qCInfo(lcApp).noquote() << "writing the log to" << m_logFile->filePath();
    else
        qCWarning(lcApp).noquote() << "cannot write the log file" << m_logFile->filePath()
                                   << "(the reason is on stderr); the log stays in this window";
}

void DesktopFace::showProblem(const QString &html)
{
    m_window->showProblem(html);
}

} // namespace Pterodisbot
