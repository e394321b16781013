#include "MainWindow.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

#include "bot/BotCore.h"
#include "BotHealth.h"
#include "EmbedPreview.h"
#include "EmbedTableModel.h"
#include "LiveChart.h"
#include "LogModel.h"
#include "LogView.h"
#include "pterodisbot_version.h"
#include "ServerTableModel.h"
#include "StateAppearance.h"
#include "ui_MainWindow.h"

namespace Pterodisbot {

namespace {

QSortFilterProxyModel *filterFor(QAbstractItemModel *model, int sortRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    return proxy;
}

//! Where the window keeps its layout: beside the bot's own files in the user's config folder
//! (an organization name would move the bot's data folder too).
std::unique_ptr<QSettings> windowSettings()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return std::make_unique<QSettings>(QDir(dir).filePath(QStringLiteral("window.ini")),
                                       QSettings::IniFormat);
}

//! Fits \a view's columns to the first rows it gets, then leaves them to the user.
//! ResizeToContents would measure every row of the column on each change, which costs more than
//! the bot's whole update cycle with a few hundred embeds.
void fitColumnsOnce(QTableView *view)
{
    auto *fitted = new QObject(view);
    QObject::connect(view->model(), &QAbstractItemModel::rowsInserted, fitted, [view, fitted] {
        view->resizeColumnsToContents();
        fitted->deleteLater();
    });
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, fitted, [view, fitted] {
        if (view->model()->rowCount() == 0)
            return;
        view->resizeColumnsToContents();
        fitted->deleteLater();
    });
}

bool isSnowflake(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{15,21}$"));
    return digits.match(text).hasMatch();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/pterodisbot.svg")));
    m_ui->fatalBanner->hide();
    m_ui->demoBanner->hide();
    // The banners take the height of their text; the rest is the splitter's. The preview gets
    // the larger share of the right side: a whole embed with its buttons should fit.
    for (QWidget *banner : {m_ui->fatalBanner, m_ui->demoBanner})
        banner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->centralLayout->setStretchFactor(m_ui->mainSplitter, 1);
    m_ui->mainSplitter->setSizes({560, 880});
    m_ui->detailSplitter->setSizes({280, 620});

    m_gatewayLabel = new QLabel(this);
    m_panelLabel = new QLabel(this);
    m_cycleLabel = new QLabel(this);
    statusBar()->addWidget(m_gatewayLabel);
    statusBar()->addWidget(m_panelLabel);
    statusBar()->addPermanentWidget(m_cycleLabel);
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &MainWindow::updateCountdown);
    m_countdown->start();

    setUpTables();
    setUpActions();
    restoreLayout();
    showSelected();
    updateConnection();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpTables()
{
    m_embeds = new EmbedTableModel(this);
    m_embedsProxy = filterFor(m_embeds, EmbedTableModel::SortRole, this);
    m_ui->embedsView->setModel(m_embedsProxy);
    m_ui->embedsView->sortByColumn(EmbedTableModel::Server, Qt::AscendingOrder);
    connect(m_ui->embedFilter, &QLineEdit::textChanged, m_embedsProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_servers = new ServerTableModel(this);
    m_serversProxy = filterFor(m_servers, ServerTableModel::SortRole, this);
    m_ui->serversView->setModel(m_serversProxy);
    m_ui->serversView->sortByColumn(ServerTableModel::Name, Qt::AscendingOrder);
    connect(m_ui->serverFilter, &QLineEdit::textChanged, m_serversProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    auto follow = [this](QTableView *view, int role) {
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, role](const QModelIndex &current) {
                    onSelectionChanged(current.data(role).toString());
                });
    };
    follow(m_ui->embedsView, EmbedTableModel::ServerIdRole);
    follow(m_ui->serversView, ServerTableModel::ServerIdRole);
    connect(m_ui->embedsView, &QTableView::doubleClicked, this,
            [this] { m_ui->actionRefreshSelected->trigger(); });
    connect(m_ui->postButton, &QPushButton::clicked, this, &MainWindow::postSelectedServer);
    connect(m_ui->embedPreview, &EmbedPreview::buttonPressed, this,
            [this](const QString &customId) {
                const auto embed = m_bot ? m_bot->embed(m_selected) : std::nullopt;
                if (embed)
                    emit previewButtonPressed(embed->location.channelId, embed->location.messageId,
                                              customId);
            });
}

void MainWindow::setUpActions()
{
    connect(m_ui->actionQuit, &QAction::triggered, this, [this] {
        saveLayout();
        emit quitRequested();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionSetup, &QAction::triggered, this, &MainWindow::setupRequested);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_ui->actionRefreshAll, &QAction::triggered, this, [this] {
        if (m_bot)
            m_bot->refreshAllEmbeds();
    });
    connect(m_ui->actionPause, &QAction::triggered, this, [this](bool paused) {
        if (!m_bot)
            return;
        if (paused)
            m_bot->pauseUpdates();
        else
            m_bot->resumeUpdates();
    });
    connect(m_ui->actionRefreshSelected, &QAction::triggered, this, [this] {
        if (m_bot && !m_selected.isEmpty())
            m_bot->refreshEmbed(m_selected);
    });
    connect(m_ui->actionStopTracking, &QAction::triggered, this, [this] {
        if (m_bot && !m_selected.isEmpty())
            m_bot->stopTracking(m_selected);
    });
    connect(m_ui->actionDeleteEmbed, &QAction::triggered, this, &MainWindow::deleteSelectedEmbed);
    connect(m_ui->actionOpenInDiscord, &QAction::triggered, this,
            &MainWindow::openSelectedInDiscord);
    // The table's context menu: what can be done to the embed under the cursor.
    m_ui->embedsView->addActions({m_ui->actionRefreshSelected, m_ui->actionOpenInDiscord,
                                  m_ui->actionStopTracking, m_ui->actionDeleteEmbed});
    updateActions();
}

void MainWindow::setBot(BotCore *bot)
{
    if (m_bot)
        disconnect(m_bot, nullptr, this, nullptr);
    m_bot = bot;
    m_embeds->setBot(bot);
    m_servers->setBot(bot);
    if (bot) {
        connect(bot, &BotCore::connectionChanged, this, &MainWindow::updateConnection);
        connect(bot, &BotCore::stateChanged, this, &MainWindow::updateConnection);
        connect(bot, &BotCore::gatewayStateChanged, this, &MainWindow::updateConnection);
        connect(bot, &BotCore::cycleFinished, this, &MainWindow::updateConnection);
        connect(bot, &BotCore::fatalError, this, &MainWindow::updateConnection);
        connect(bot, &BotCore::embedChanged, this, [this](const QString &serverId) {
            if (serverId == m_selected)
                showSelected();
        });
        connect(bot, &BotCore::embedAdded, this, [this](const QString &serverId) {
            if (serverId == m_selected)
                showSelected();
        });
        connect(bot, &BotCore::embedRemoved, this, [this](const QString &serverId) {
            if (serverId == m_selected)
                showSelected();
        });
        connect(bot, &BotCore::serverChanged, this, [this](const QString &serverId) {
            if (serverId == m_selected)
                updateChart();
        });
    }
    showSelected();
    updateConnection();
}

void MainWindow::setLogModel(LogModel *model)
{
    // A tab beside the tables rather than a dock: the graph and the preview keep the whole
    // height of the window.
    m_log = new LogView(model, m_ui->tabs);
    m_ui->tabs->addTab(m_log, tr("&Log"));
    QAction *showLog = m_ui->menuView->addAction(tr("Show &log"));
    showLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(showLog, &QAction::triggered, this, [this] { m_ui->tabs->setCurrentWidget(m_log); });
    m_ui->menuView->addAction(m_log->openLogFileAction());
}

void MainWindow::setDemoMode(bool interactiveButtons)
{
    m_demo = true;
    m_ui->demoBanner->setVisible(true);
    // The demo's configuration is made up on the spot: nothing to set up.
    m_ui->actionSetup->setVisible(false);
    m_ui->actionSettings->setVisible(false);
    m_ui->embedPreview->setButtonsInteractive(interactiveButtons);
}

void MainWindow::showProblem(const QString &html)
{
    m_ui->fatalText->setText(html);
    m_ui->fatalBanner->setVisible(!html.isEmpty());
}

QString MainWindow::problemText() const
{
    return m_ui->fatalBanner->isHidden() ? QString() : m_ui->fatalText->text();
}

void MainWindow::selectServer(const QString &serverId)
{
    const int embedRow = m_embeds->rowOf(serverId);
    if (embedRow >= 0) {
        m_ui->tabs->setCurrentWidget(m_ui->embedsTab);
        m_ui->embedsView->setCurrentIndex(
            m_embedsProxy->mapFromSource(m_embeds->index(embedRow, 0)));
        return;
    }
    const int serverRow = m_servers->rowOf(serverId);
    if (serverRow >= 0) {
        m_ui->tabs->setCurrentWidget(m_ui->serversTab);
        m_ui->serversView->setCurrentIndex(
            m_serversProxy->mapFromSource(m_servers->index(serverRow, 0)));
        return;
    }
    onSelectionChanged(serverId);
}

void MainWindow::onSelectionChanged(const QString &serverId)
{
    if (serverId.isEmpty() || serverId == m_selected)
        return;
    m_selected = serverId;
    showSelected();
}

void MainWindow::showSelected()
{
    updateChart();
    updatePreview();
    updateActions();
}

void MainWindow::updateChart()
{
    const auto server =
        m_bot && !m_selected.isEmpty() ? m_bot->serverSnapshot(m_selected) : std::nullopt;
    if (!server) {
        m_ui->chartTitle->setText(tr("Live graph"));
        m_ui->liveChart->showHint(tr("Select a server to see its CPU and memory"));
        return;
    }
    m_ui->chartTitle->setText(tr("Live graph: %1").arg(server->server.name));
    m_ui->liveChart->setInput(
        m_bot->metrics().chartInput(m_selected, server->server.name, server->server.limits));
}

void MainWindow::updatePreview()
{
    const auto embed = m_bot && !m_selected.isEmpty() ? m_bot->embed(m_selected) : std::nullopt;
    if (!embed) {
        m_ui->previewTitle->setText(tr("Embed preview"));
        m_ui->embedPreview->showHint(
            m_selected.isEmpty()
                ? tr("Select a tracked embed to see it as Discord shows it")
                : tr("This server has no tracked embed: post one with \"Post status embed\" "
                     "or /server_status in Discord"));
        return;
    }
    m_ui->previewTitle->setText(tr("Embed preview: #%1").arg(embed->location.channelId));
    if (embed->lastPayload.isEmpty()) {
        m_ui->embedPreview->showHint(
            tr("The bot has not written this embed since it started; it will at the next "
               "refresh (%1)")
                .arg(embed->nextForcedRefreshAt.isValid()
                         ? QLocale().toString(embed->nextForcedRefreshAt.toLocalTime().time(),
                                              QLocale::ShortFormat)
                         : tr("first cycle")));
        return;
    }
    m_ui->embedPreview->setPayload(embed->lastPayload, embed->lastImage);
}

void MainWindow::updateActions()
{
    const bool running = m_bot && m_bot->state() == BotCore::State::Running;
    const bool tracked = running && !m_selected.isEmpty() && m_bot->embed(m_selected);
    m_ui->actionRefreshAll->setEnabled(running);
    m_ui->actionPause->setEnabled(running);
    m_ui->actionPause->setChecked(m_bot && m_bot->isPaused());
    for (QAction *action : {m_ui->actionRefreshSelected, m_ui->actionOpenInDiscord,
                            m_ui->actionStopTracking, m_ui->actionDeleteEmbed})
        action->setEnabled(tracked);
    m_ui->postButton->setEnabled(running && !m_selected.isEmpty() &&
                                 m_bot->serverSnapshot(m_selected));
}

QString MainWindow::gatewayStatusText() const
{
    return m_gatewayLabel->text();
}

QString MainWindow::panelStatusText() const
{
    return m_panelLabel->text();
}

void MainWindow::updateConnection()
{
    updateActions();
    if (!m_bot) {
        setWindowTitle(tr("Pterodisbot — starting"));
        m_gatewayLabel->setText(tr("Discord: not connected"));
        m_panelLabel->clear();
        return;
    }
    const ConnectionSnapshot connection = m_bot->connection();
    const BotHealth health =
        BotHealth::of(m_bot->state(), connection, m_bot->embeds(), m_bot->serverSnapshots());
    setWindowTitle(tr("Pterodisbot — %1").arg(health.headline));

    QString gateway = tr("Discord: %1").arg(StateAppearance::text(connection.gateway));
    if (connection.gateway == Gateway::State::Ready && connection.heartbeatLatencyMs >= 0)
        gateway = tr("Discord: connected · heartbeat %1 ms").arg(connection.heartbeatLatencyMs);
    else if (!connection.discordProblem.isEmpty())
        gateway = tr("Discord: %1").arg(connection.discordProblem);
    m_gatewayLabel->setText(gateway);

    m_panelLabel->setText(connection.panelReachable
                              ? tr("Panel: reachable · %n request(s) left this minute", nullptr,
                                   connection.panelRequestBudget)
                              : tr("Panel: unreachable · %1").arg(connection.panelProblem));
    m_panelLabel->setToolTip(connection.panelProblem);

    if (!connection.fatalProblem.isEmpty())
        showProblem(tr("<b>The bot stopped and needs you:</b> %1<br>Fix it, then start "
                       "Pterodisbot again. <a href=\"https://discord.com/developers/"
                       "applications\">Discord Developer Portal</a>")
                        .arg(connection.fatalProblem.toHtmlEscaped()));
    updateCountdown();
}

void MainWindow::updateCountdown()
{
    if (!m_bot || m_bot->state() != BotCore::State::Running) {
        m_cycleLabel->clear();
        return;
    }
    const ConnectionSnapshot connection = m_bot->connection();
    if (connection.paused) {
        m_cycleLabel->setText(tr("Updates paused"));
        return;
    }
    if (!connection.nextCycleAt.isValid()) {
        m_cycleLabel->setText(tr("Updating…"));
        return;
    }
    const qint64 seconds = qMax<qint64>(
        0, (QDateTime::currentDateTimeUtc().msecsTo(connection.nextCycleAt) + 999) / 1000);
    m_cycleLabel->setText(tr("Next update in %n s", nullptr, int(seconds)));
}

void MainWindow::postSelectedServer()
{
    const auto server = m_bot ? m_bot->serverSnapshot(m_selected) : std::nullopt;
    if (!server)
        return;
    QStringList channels = m_knownChannels;
    for (const EmbedSnapshot &embed : m_bot->embeds())
        channels << embed.location.channelId;
    channels.removeDuplicates();
    bool ok = false;
    const QString channel =
        QInputDialog::getItem(
            this, tr("Post status embed"),
            tr("Channel id to post the status embed of %1 in:").arg(server->server.name), channels,
            0, true, &ok)
            .trimmed();
    if (!ok || channel.isEmpty())
        return;
    if (!isSnowflake(channel)) {
        QMessageBox::warning(this, tr("Post status embed"),
                             tr("\"%1\" is not a channel id. In Discord, turn on Developer Mode "
                                "(User Settings → Advanced), right-click the channel and choose "
                                "Copy Channel ID.")
                                 .arg(channel.left(40)));
        return;
    }
    m_bot->postEmbed(m_selected, channel);
    statusBar()->showMessage(tr("Posting the status embed of %1…").arg(server->server.name), 5000);
}

void MainWindow::deleteSelectedEmbed()
{
    const auto embed = m_bot ? m_bot->embed(m_selected) : std::nullopt;
    if (!embed)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete embed"),
        tr("Delete the status embed of %1 from Discord? The message is removed from the "
           "channel and the bot stops updating it.")
            .arg(embed->serverName),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_bot->deleteEmbed(m_selected);
}

void MainWindow::openSelectedInDiscord()
{
    const auto embed = m_bot ? m_bot->embed(m_selected) : std::nullopt;
    if (!embed)
        return;
    QDesktopServices::openUrl(QUrl(QStringLiteral("https://discord.com/channels/%1/%2/%3")
                                       .arg(m_bot->config().discord.guildId,
                                            embed->location.channelId, embed->location.messageId)));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Pterodisbot"),
        tr("<h3>Pterodisbot %1</h3><p>A Discord bot for Pterodactyl and Pelican panels: status "
           "embeds with live graphs and power buttons for your game servers.</p>"
           "<p><a href=\"%2\">%2</a></p>")
            .arg(QStringLiteral(PTERODISBOT_VERSION), QStringLiteral(PTERODISBOT_HOMEPAGE)));
}

void MainWindow::restoreLayout()
{
    const auto stored = windowSettings();
    QSettings &settings = *stored;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_ui->mainSplitter->restoreState(
        settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_ui->detailSplitter->restoreState(
        settings.value(QStringLiteral("window/detailSplitter")).toByteArray());
    // Columns the user has not sized yet fit the first rows they get.
    if (!m_ui->embedsView->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("window/embedsHeader")).toByteArray()))
        fitColumnsOnce(m_ui->embedsView);
    if (!m_ui->serversView->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("window/serversHeader")).toByteArray()))
        fitColumnsOnce(m_ui->serversView);
}

void MainWindow::saveLayout() const
{
    const auto stored = windowSettings();
    QSettings &settings = *stored;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_ui->mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/detailSplitter"), m_ui->detailSplitter->saveState());
    settings.setValue(QStringLiteral("window/embedsHeader"),
                      m_ui->embedsView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("window/serversHeader"),
                      m_ui->serversView->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->ignore();
    if (!m_closeHidesToTray) {
        emit quitRequested();
        return;
    }
    hide();
    const auto settings = windowSettings();
    const bool firstTime = !settings->value(QStringLiteral("window/hiddenToTrayBefore")).toBool();
    settings->setValue(QStringLiteral("window/hiddenToTrayBefore"), true);
    emit hiddenToTray(firstTime);
}

} // namespace Pterodisbot
