#pragma once

#include <memory>

#include <QObject>
#include <QPointer>

namespace Pterodisbot {

class BotCore;
class LogFile;
class LogModel;
class MainWindow;
class TrayIcon;

//! The desktop face of the process: the admin window, the tray icon and the log they show,
//! wired to one BotCore. With a system tray, closing the window hides it (said once) and the
//! tray's Quit ends the program; without one the window is a normal window and closing it
//! quits. The app decides what quitting means (quitRequested()).
class DesktopFace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopFace)

public:
    struct Options
    {
        bool minimized = false; //!< start in the tray (shown anyway when there is none)
        bool demo = false;
        bool interactiveDemo = false; //!< the demo without its scripted visitor
        QStringList channels;         //!< offered when posting an embed
    };

    explicit DesktopFace(Options options, QObject *parent = nullptr);
    ~DesktopFace() override;

    //! Shows the window (or only the tray icon when minimized) before the bot exists.
    void show();
    //! Shows \a bot from now on, and writes the log to `logs/pterodisbot.log` in its data
    //! folder (the window's log view opens it) until this face is destroyed.
    void setBot(BotCore *bot);
    //! A problem that stops the bot before it runs (invalid configuration), as HTML.
    void showProblem(const QString &html);

    MainWindow *window() const { return m_window; }
    TrayIcon *tray() const { return m_tray; }
    LogModel *log() const { return m_log; }
    //! The log file once setBot() opened one, else empty.
    QString logFilePath() const;

signals:
    void quitRequested();
    //! The user asked for the setup assistant (the window's File menu).
    void setupRequested();
    //! The user asked for the settings (the window's File menu).
    void settingsRequested();
    //! The demo's preview buttons: press \a customId on the message as a member with the role.
    void previewButtonPressed(const QString &channelId, const QString &messageId,
                              const QString &customId);

private:
    void showWindow();
    void openLogFile(const QString &dataDir);

    Options m_options;
    LogModel *m_log = nullptr;
    std::shared_ptr<LogFile> m_logFile; // shared with the message handler
    MainWindow *m_window = nullptr;
    TrayIcon *m_tray = nullptr;
};

} // namespace Pterodisbot
