#pragma once

#include <memory>

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QLabel;
class QSortFilterProxyModel;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace Pterodisbot {

class BotCore;
class EmbedTableModel;
class LogModel;
class LogView;
class ServerTableModel;

//! The admin window: tracked embeds and panel servers in tables, the selected server's live
//! graph and its embed as Discord shows it, the log, and the connections in the status bar.
//! It only observes BotCore (snapshots and change signals) and calls its public slots.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Shows \a bot and follows it; null: no bot (yet).
    void setBot(BotCore *bot);
    //! Adds the log view (a tab beside the tables) over \a model.
    void setLogModel(LogModel *model);
    //! The view setLogModel() added; null before.
    LogView *logView() const { return m_log; }
    //! Closing hides the window to the tray (once with a notice) instead of quitting.
    void setCloseHidesToTray(bool hides) { m_closeHidesToTray = hides; }
    //! The demo: a banner says what is simulated, and the preview's buttons act (see
    //! previewButtonPressed) when \a interactiveButtons.
    void setDemoMode(bool interactiveButtons);
    //! Channels offered when posting an embed (besides those the bot already posts in).
    void setKnownChannels(const QStringList &channelIds) { m_knownChannels = channelIds; }
    //! A problem only a person can fix, in the red banner at the top; empty hides it.
    void showProblem(const QString &html);

    //! The server whose graph and embed are shown; empty when none.
    QString selectedServer() const { return m_selected; }
    //! Selects \a serverId in the embeds table (or the servers table when not tracked).
    void selectServer(const QString &serverId);
    //! The status bar's texts (tests, the tray's tooltip).
    QString gatewayStatusText() const;
    QString panelStatusText() const;
    QString problemText() const;

signals:
    //! Quit was chosen (menu, or closing the window without a tray).
    void quitRequested();
    //! File → Setup assistant.
    void setupRequested();
    //! File → Settings.
    void settingsRequested();
    //! A button of the previewed embed was pressed in the demo.
    void previewButtonPressed(const QString &channelId, const QString &messageId,
                              const QString &customId);
    //! Closing hid the window to the tray; \a firstTime: say where it went.
    void hiddenToTray(bool firstTime);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpTables();
    void setUpActions();
    void restoreLayout();
    void saveLayout() const;
    void onSelectionChanged(const QString &serverId);
    void showSelected();
    void updateChart();
    void updatePreview();
    void updateActions();
    void updateConnection();
    void updateCountdown();
    void postSelectedServer();
    void deleteSelectedEmbed();
    void openSelectedInDiscord();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    QPointer<BotCore> m_bot;
    EmbedTableModel *m_embeds = nullptr;
    ServerTableModel *m_servers = nullptr;
    QSortFilterProxyModel *m_embedsProxy = nullptr;
    QSortFilterProxyModel *m_serversProxy = nullptr;
    LogView *m_log = nullptr;
    QLabel *m_gatewayLabel = nullptr;
    QLabel *m_panelLabel = nullptr;
    QLabel *m_cycleLabel = nullptr;
    QTimer *m_countdown = nullptr;
    QString m_selected;
    QStringList m_knownChannels;
    bool m_closeHidesToTray = false;
    bool m_demo = false;
};

} // namespace Pterodisbot
