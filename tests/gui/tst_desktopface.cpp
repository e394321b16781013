// The desktop face over a real bot and both simulators: the tray's menu calls the bot's slots,
// a rejected token shows the banner, the preview shows the selected embed and its buttons
// press through the window, closing hides to the tray or quits. Also renders the screenshots.
#include "BotTestCase.h"

#include <QAction>
#include <QCoroTask>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>

#include "DesktopFace.h"
#include "logging.h"
#include "LogView.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "TrayIcon.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

//! Enough different colours that the picture is not an empty or blank window.
bool looksDrawn(const QImage &image)
{
    if (image.isNull() || image.width() < 200 || image.height() < 200)
        return false;
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return colours.size() > 20;
}

QPushButton *previewButton(QWidget *window, const QString &needle)
{
    const auto buttons = window->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->property("customId").toString().contains(needle))
            return button;
    }
    return nullptr;
}

} // namespace

class TestDesktopFace final : public BotTestCase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The window's layout goes to the user's config folder: the test's own instead.
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                          .filePath(QStringLiteral("window.ini")));
        QVERIFY(m_output.isValid());
    }

    void trayMenuCallsTheBot()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        DesktopFace face({});
        face.setBot(h.bot.get());
        TrayIcon *tray = face.tray();
        QVERIFY(tray->pauseAction()->isEnabled());

        tray->pauseAction()->trigger();
        QVERIFY(h.bot->isPaused());
        QVERIFY(tray->pauseAction()->isChecked());
        QCOMPARE(tray->health().headline, QStringLiteral("Updates paused"));
        tray->pauseAction()->trigger();
        QVERIFY(!h.bot->isPaused());

        QSignalSpy edited(h.bot.get(), &BotCore::embedEdited);
        tray->refreshAction()->trigger();
        QVERIFY(edited.wait(5000));
        QCOMPARE(edited.first().at(0).toString(), kSurvival);

        QSignalSpy quit(&face, &DesktopFace::quitRequested);
        tray->quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
        QVERIFY(!face.window()->isVisible());
        tray->showAction()->trigger();
        QVERIFY(face.window()->isVisible());
        QVERIFY2(tray->toolTip().contains(QStringLiteral("1 embed(s) tracked")),
                 qPrintable(tray->toolTip()));
    }

    void rejectedTokenShowsTheBanner()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.discord.token = TestSupport::fakeToken(); // not the simulator's
        h.createBot(config);
        DesktopFace face({});
        face.setBot(h.bot.get());
        QVERIFY(face.window()->problemText().isEmpty());
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral(".*")));
        const ApiError error = QCoro::waitFor(h.bot->start());
        QVERIFY(bool(error));
        BOT_VERIFY_SOON(!face.window()->problemText().isEmpty(), 5000);
        QVERIFY2(face.window()->problemText().contains(QStringLiteral("token")),
                 qPrintable(face.window()->problemText()));
        QCOMPARE(face.tray()->health().level, BotHealth::Level::Down);
        QVERIFY2(face.window()->windowTitle().contains(QStringLiteral("needs your attention")),
                 qPrintable(face.window()->windowTitle()));
    }

    void previewShowsTheEmbedAndPressesItsButtons()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        h.tuning.keepEmbedImages = true;
        QVERIFY(h.startBot());
        const QString message = h.postEmbed(kSurvival);
        QVERIFY(!message.isEmpty());
        DesktopFace face({});
        face.setBot(h.bot.get());
        MainWindow *window = face.window();
        window->selectServer(kSurvival);
        QCOMPARE(window->selectedServer(), kSurvival);

        const auto title = window->findChild<QLabel *>(QStringLiteral("embedTitle"));
        QVERIFY(title);
        QVERIFY2(title->text().contains(h.bot->embed(kSurvival)->serverName),
                 qPrintable(title->text()));
        // Running: Start is disabled, Stop is not.
        QPushButton *start = previewButton(window, QStringLiteral(":power:start:"));
        QPushButton *stop = previewButton(window, QStringLiteral(":power:stop:"));
        QVERIFY(start && stop);
        QVERIFY(!start->isEnabled());
        QVERIFY(stop->isEnabled());

        // Outside the demo the buttons are Discord's; in the demo they press through the window.
        QSignalSpy pressed(window, &MainWindow::previewButtonPressed);
        stop->click();
        QCOMPARE(pressed.size(), 0);
        window->setDemoMode(true);
        stop = previewButton(window, QStringLiteral(":power:stop:"));
        QVERIFY(stop);
        stop->click();
        QCOMPARE(pressed.size(), 1);
        QCOMPARE(pressed.first().at(0).toString(), h.channel());
        QCOMPARE(pressed.first().at(1).toString(), message);
        QVERIFY(pressed.first().at(2).toString().contains(QStringLiteral(":power:stop:")));
    }

    // The demo's promise: press Start in the preview and watch the panel, the embed and the
    // preview follow. The window's press goes to Discord as the demo sends it (a member with
    // the control role), and the bot answers it like any other.
    void startInThePreviewStartsTheServer()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        h.tuning.keepEmbedImages = true;
        QVERIFY(h.startBot());
        h.panel->setServerState(kRust, QStringLiteral("offline"));
        QVERIFY(!h.postEmbed(kRust).isEmpty());
        DesktopFace::Options options;
        options.demo = true;
        DesktopFace face(options);
        face.setBot(h.bot.get());
        connect(&face, &DesktopFace::previewButtonPressed, this,
                [&h](const QString &channel, const QString &message, const QString &customId) {
                    h.discord->injectComponent(channel, message, kAdmin, {kAdminRole}, customId);
                });
        MainWindow *window = face.window();
        window->selectServer(kRust);
        QPushButton *start = previewButton(window, QStringLiteral(":power:start:"));
        QVERIFY(start);
        QVERIFY(start->isEnabled());

        start->click();
        BOT_VERIFY_SOON(h.panel->serverState(kRust) != QStringLiteral("offline"), 10000);
        BOT_VERIFY_SOON(h.bot->embed(kRust)->shown != DisplayState::Offline, 10000);
        // The preview shows the new payload: Start is no longer offered.
        BOT_VERIFY_SOON(previewButton(window, QStringLiteral(":power:start:")) &&
                            !previewButton(window, QStringLiteral(":power:start:"))->isEnabled(),
                        10000);
    }

    void theLogGoesToAFileInTheDataFolder()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.createBot(h.config());
        const QtMessageHandler previous = qInstallMessageHandler(nullptr);
        installRedactingMessageHandler();
        QString path;
        {
            DesktopFace face({});
            LogView *view = face.window()->logView();
            QVERIFY(view);
            QVERIFY(face.logFilePath().isEmpty());
            QVERIFY(!view->openLogFileAction()->isEnabled());

            face.setBot(h.bot.get());
            path = face.logFilePath();
            QCOMPARE(path, QDir(h.dataDir.path()).filePath(QStringLiteral("logs/pterodisbot.log")));
            QCOMPARE(view->logFilePath(), path);
            QVERIFY(view->openLogFileAction()->isEnabled());
            qCInfo(lcBot) << "a line for the file";
        }
        qCInfo(lcBot) << "after the window closed";
        qInstallMessageHandler(previous);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray logged = file.readAll();
        QVERIFY2(logged.contains("info [pterodisbot.app] writing the log to"), logged.constData());
        QVERIFY2(logged.contains("info [pterodisbot.bot] a line for the file"), logged.constData());
        QVERIFY(!logged.contains("after the window closed"));
    }

    void closingHidesToTheTrayOrQuits()
    {
        DesktopFace face({});
        MainWindow *window = face.window();
        QSignalSpy quit(window, &MainWindow::quitRequested);
        QSignalSpy hidden(window, &MainWindow::hiddenToTray);

        window->show();
        window->setCloseHidesToTray(false);
        window->close();
        QCOMPARE(quit.size(), 1);
        QVERIFY(window->isVisible()); // the app decides; it stops the bot first

        window->setCloseHidesToTray(true);
        window->close();
        QVERIFY(!window->isVisible());
        QCOMPARE(hidden.size(), 1);
        QCOMPARE(hidden.at(0).at(0).toBool(), true); // the notice, once
        window->show();
        window->close();
        QCOMPARE(hidden.size(), 2);
        QCOMPARE(hidden.at(1).at(0).toBool(), false);
        QCOMPARE(quit.size(), 1);
    }

    // The README's pictures: the window in demo mode with embeds, the live graph and the
    // preview; the tray menu. PTERODISBOT_SCREENSHOTS=docs/screenshots writes them there.
    void screenshots() { renderScreenshots(QString()); }

    // A German desktop sees the window in German, and a German guild's embed in its preview;
    // main-window-de.png shows both.
    void screenshotsInGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/pterodisbot_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&german));
        const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        harness().discordOptions.guildLocale = QStringLiteral("de");
        renderScreenshots(QStringLiteral("-de"));
    }

private:
    void renderScreenshots(const QString &suffix)
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        h.tuning.keepEmbedImages = true;
        QVERIFY(h.startBot());
        for (const QString &server : {kSurvival, kValheim, kRust})
            QVERIFY(!h.postEmbed(server).isEmpty());
        QFile::remove(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                          .filePath(QStringLiteral("window.ini"))); // a first start
        DesktopFace::Options options;
        options.demo = true;
        DesktopFace face(options);
        face.setBot(h.bot.get());
        MainWindow *window = face.window();
        window->resize(1440, 1080);
        window->show();
        // Graphs need a few distinct readings.
        for (int i = 0; i < 6; ++i) {
            h.panel->tick(1000);
            h.clock.advance(1000);
            QCoro::waitFor(h.bot->runCycleNow());
        }
        window->selectServer(kSurvival);
        BOT_VERIFY_SOON(!h.bot->embed(kSurvival)->lastImage.isEmpty(), 5000);
        // The preview scrolled to its end: the graph and the buttons under it are the point.
        auto *preview = window->findChild<QScrollArea *>();
        QVERIFY(preview);
        preview->verticalScrollBar()->setValue(preview->verticalScrollBar()->maximum());

        const QString dir = qEnvironmentVariable("PTERODISBOT_SCREENSHOTS", m_output.path());
        QVERIFY(QDir().mkpath(dir));
        const QImage shot = window->grab().toImage();
        QVERIFY(looksDrawn(shot));
        QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("main-window%1.png").arg(suffix))));
        // The window speaks the installed catalog's language (English without one).
        const QString tabText = window->findChild<QTabWidget *>()->tabText(0);
        QCOMPARE(tabText, QCoreApplication::translate("MainWindow", "Tracked &embeds"));
        QCOMPARE(tabText == QStringLiteral("Tracked &embeds"), suffix.isEmpty());

        QMenu *menu = face.tray()->menu();
        menu->adjustSize();
        const QImage menuShot = menu->grab().toImage();
        QVERIFY(!menuShot.isNull());
        QVERIFY(menuShot.save(QDir(dir).filePath(QStringLiteral("tray-menu%1.png").arg(suffix))));
    }

    QTemporaryDir m_output;
};

QTEST_MAIN(TestDesktopFace)
#include "tst_desktopface.moc"
