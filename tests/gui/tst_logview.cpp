#include "logging.h"
#include "LogModel.h"
#include "LogView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QGuiApplication>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QUrl>

using namespace Pterodisbot;

namespace {

const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));

//! One line of each level: debug 1, info 3, warning 1, critical 1.
void fill(LogModel &model)
{
    model.append(QtDebugMsg, QStringLiteral("pterodisbot.bot"), QStringLiteral("cycle started"),
                 t0);
    model.append(QtInfoMsg, QStringLiteral("pterodisbot.bot"), QStringLiteral("bot ready"),
                 t0.addSecs(1));
    model.append(QtInfoMsg, QStringLiteral("pterodisbot.gateway"),
                 QStringLiteral("connected to the gateway"), t0.addSecs(2));
    model.append(QtWarningMsg, QStringLiteral("pterodisbot.gateway"),
                 QStringLiteral("Heartbeat missed"), t0.addSecs(3));
    model.append(QtCriticalMsg, QStringLiteral("pterodisbot.rest"),
                 QStringLiteral("edit failed: 403"), t0.addSecs(4));
    model.append(QtInfoMsg, QStringLiteral("pterodisbot.panel"),
                 QStringLiteral("listed 12 servers"), t0.addSecs(5));
}

void appendNumbered(LogModel &model, int from, int to)
{
    for (int i = from; i < to; ++i) {
        model.append(QtInfoMsg, QStringLiteral("pterodisbot.bot"), QStringLiteral("line %1").arg(i),
                     t0.addSecs(i));
    }
}

QString message(const QAbstractItemModel &model, int row)
{
    return model.index(row, LogModel::MessageColumn).data().toString();
}

QString rowText(const LogModel &model, int row)
{
    QString text;
    for (int column = 0; column < model.columnCount(); ++column)
        text += model.index(row, column).data().toString() + QLatin1Char('|');
    return text + model.lineText(row);
}

} // namespace

class TestLogView final : public QObject
{
    Q_OBJECT

public slots:
    //! Stands in for the desktop's file handler (QDesktopServices::setUrlHandler).
    void recordUrl(const QUrl &url) { m_openedUrls.append(url); }

private slots:
    void initTestCase() { installRedactingMessageHandler(); }
    void cleanupTestCase() { qInstallMessageHandler(nullptr); }
    void init() { QGuiApplication::clipboard()->clear(); }

    void loggedLinesArrive()
    {
        LogModel model;
        model.attach();
        QVERIFY(model.isAttached());
        qCInfo(lcBot) << "bot ready";
        qCWarning(lcGateway) << "heartbeat missed";
        QTRY_COMPARE(model.rowCount(), 2);

        QCOMPARE(message(model, 0), QStringLiteral("bot ready"));
        QCOMPARE(model.index(0, LogModel::CategoryColumn).data().toString(), QStringLiteral("bot"));
        QCOMPARE(model.index(0, LogModel::LevelColumn).data().toString(), QStringLiteral("Info"));
        QVERIFY(!model.index(0, LogModel::MessageColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(message(model, 1), QStringLiteral("heartbeat missed"));
        QCOMPARE(model.index(1, LogModel::CategoryColumn).data().toString(),
                 QStringLiteral("gateway"));
        QCOMPARE(model.index(1, 0).data(LogModel::LevelRole).toInt(), int(QtWarningMsg));
        QVERIFY(model.index(1, LogModel::MessageColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.lineText(1).contains(QStringLiteral(" warning [gateway] heartbeat missed")));
    }

    void linesFromAnotherThreadArrive()
    {
        LogModel model;
        model.attach();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        std::unique_ptr<QThread> worker(QThread::create([] {
            for (int i = 0; i < 50; ++i)
                qCInfo(lcMetrics) << "sample" << i;
        }));
        worker->start();
        QVERIFY(worker->wait());
        QTRY_COMPARE(model.rowCount(), 50);
        // Handed over in batches, not one insertion per line.
        QVERIFY(inserted.count() < 50);
        QCOMPARE(message(model, 0), QStringLiteral("sample 0"));
        QCOMPARE(message(model, 49), QStringLiteral("sample 49"));
    }

    void secretsNeverReachTheModel()
    {
        const QString secret = QStringLiteral("ptlc_") + QString(43, QLatin1Char('q'));
        registerSecret(secret);
        LogModel model;
        model.attach();
        qCWarning(lcRest) << "request with" << secret << "failed";
        qCInfo(lcPanel).noquote() << QStringLiteral("key=%1;").arg(secret);
        QTRY_COMPARE(model.rowCount(), 2);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString text = rowText(model, row);
            QVERIFY2(!text.contains(secret), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("[redacted]")), qPrintable(text));
        }
    }

    void destroyedModelStopsObserving()
    {
        auto model = std::make_unique<LogModel>();
        model->attach();
        qCInfo(lcBot) << "queued for a model about to go";
        model.reset();
        qCInfo(lcBot) << "nobody listens";

        LogModel next;
        next.attach();
        qCInfo(lcBot) << "next model";
        QTRY_COMPARE(next.rowCount(), 1);
        QCOMPARE(message(next, 0), QStringLiteral("next model"));
        next.detach();
        QVERIFY(!next.isAttached());
    }

    void capacityKeepsTheNewestLines()
    {
        LogModel model(10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        appendNumbered(model, 0, 25);
        QCOMPARE(model.rowCount(), 10);
        for (int row = 0; row < 10; ++row)
            QCOMPARE(message(model, row), QStringLiteral("line %1").arg(15 + row));
        QCOMPARE(model.index(0, LogModel::TimeColumn).data().toString(),
                 QStringLiteral("12:00:15"));
        QCOMPARE(removed.count(), 15);
        QCOMPARE(reset.count(), 0);
    }

    void burstBeyondCapacityKeepsTheNewestLines()
    {
        LogModel model(10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.attach();
        for (int i = 0; i < 25; ++i)
            qCInfo(lcBot).noquote() << QStringLiteral("burst %1").arg(i);
        QTRY_COMPARE(message(model, 9), QStringLiteral("burst 24"));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(message(model, 0), QStringLiteral("burst 15"));
    }

    void filtersNarrowTheShownLines_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("shown");

        QTest::newRow("all") << int(LogView::AllLevels) << QString() << 6;
        QTest::newRow("info and above hides debug") << int(LogView::InfoAndAbove) << QString() << 5;
        QTest::newRow("warnings and above") << int(LogView::WarningsAndAbove) << QString() << 2;
        QTest::newRow("errors") << int(LogView::ErrorsOnly) << QString() << 1;
        QTest::newRow("category") << int(LogView::AllLevels) << QStringLiteral("gateway") << 2;
        QTest::newRow("any case") << int(LogView::AllLevels) << QStringLiteral("HEARTBEAT") << 1;
        QTest::newRow("substring") << int(LogView::AllLevels) << QStringLiteral("ed") << 5;
        QTest::newRow("no match") << int(LogView::AllLevels) << QStringLiteral("nothing") << 0;
        QTest::newRow("both") << int(LogView::InfoAndAbove) << QStringLiteral("bot") << 1;
        QTest::newRow("both, none") << int(LogView::ErrorsOnly) << QStringLiteral("gateway") << 0;
    }

    void filtersNarrowTheShownLines()
    {
        QFETCH(int, level);
        QFETCH(QString, search);
        QFETCH(int, shown);
        LogModel model;
        fill(model);
        LogView view(&model);
        QCOMPARE(view.shownCount(), 6);
        view.setLevelFilter(level);
        view.setSearchText(search);
        QCOMPARE(view.levelFilter(), level);
        QCOMPARE(view.shownCount(), shown);

        // New lines go through the same filters.
        model.append(QtDebugMsg, QStringLiteral("pterodisbot.gateway"),
                     QStringLiteral("heartbeat sent"), t0.addSecs(9));
        const bool newShown =
            level == LogView::AllLevels &&
            QStringLiteral("heartbeat sent gateway").contains(search, Qt::CaseInsensitive);
        QCOMPARE(view.shownCount(), shown + (newShown ? 1 : 0));

        view.setLevelFilter(LogView::AllLevels);
        view.setSearchText({});
        QCOMPARE(view.shownCount(), 7);
    }

    void copyPutsTheSelectedLinesOnTheClipboard()
    {
        LogModel model;
        fill(model);
        LogView view(&model);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        auto *table = view.findChild<QTableView *>();
        QVERIFY(table);
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());

        const auto select = [&](int row) {
            table->selectionModel()->select(table->model()->index(row, 0),
                                            QItemSelectionModel::Select |
                                                QItemSelectionModel::Rows);
        };
        select(3);
        select(1);
        const QString expected = QStringLiteral("12:00:01 info [bot] bot ready\n"
                                                "12:00:03 warning [gateway] Heartbeat missed");
        QCOMPARE(view.selectedText(), expected);

        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);

        // The same action is in the table's context menu.
        QGuiApplication::clipboard()->clear();
        auto *copy = view.findChild<QAction *>(QStringLiteral("copyAction"));
        QVERIFY(copy);
        QVERIFY(table->actions().contains(copy));
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    }

    void copyAllShownCopiesWhatTheFiltersShow()
    {
        LogModel model;
        fill(model);
        LogView view(&model);
        view.setLevelFilter(LogView::WarningsAndAbove);
        auto *button = view.findChild<QPushButton *>(QStringLiteral("copyAllButton"));
        QVERIFY(button);
        button->click();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("12:00:03 warning [gateway] Heartbeat missed\n"
                                "12:00:04 critical [rest] edit failed: 403"));
    }

    void clearEmptiesTheList()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        LogView view(&model);
        auto *button = view.findChild<QPushButton *>(QStringLiteral("clearButton"));
        QVERIFY(button);
        button->click();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(view.shownCount(), 0);
        appendNumbered(model, 0, 1);
        QCOMPARE(view.shownCount(), 1);
    }

    void openLogFileIsEnabledWhenTheFileExists()
    {
        LogModel model;
        LogView view(&model);
        auto *openFile = view.findChild<QAction *>(QStringLiteral("openLogFileAction"));
        auto *openFolder = view.findChild<QAction *>(QStringLiteral("openLogFolderAction"));
        QVERIFY(openFile && openFolder);
        QCOMPARE(view.openLogFileAction(), openFile);
        QCOMPARE(
            view.findChild<QToolButton *>(QStringLiteral("openLogFileButton"))->defaultAction(),
            openFile);
        QVERIFY(view.findChild<QTableView *>()->actions().contains(openFile));
        QVERIFY(!openFile->isEnabled());
        QVERIFY(!openFolder->isEnabled());

        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("pterodisbot.log"));
        view.setLogFilePath(path);
        QCOMPARE(view.logFilePath(), path);
        QVERIFY(!openFile->isEnabled()); // not written yet
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        // Looked at again when the view is shown (the Log tab opened).
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(openFile->isEnabled());
        QVERIFY(openFolder->isEnabled());

        m_openedUrls.clear();
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "recordUrl");
        openFile->trigger();
        openFolder->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(m_openedUrls,
                 QList<QUrl>({QUrl::fromLocalFile(path), QUrl::fromLocalFile(folder.path())}));

        view.setLogFilePath({});
        QVERIFY(!openFile->isEnabled());
        QVERIFY(!openFolder->isEnabled());
    }

    void followsTheNewestLineUnlessScrolledUp()
    {
        LogModel model;
        LogView view(&model);
        view.resize(640, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.findChild<QTableView *>()->verticalScrollBar();

        appendNumbered(model, 0, 200);
        QTRY_VERIFY(bar->maximum() > 100);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(view.isFollowingNewest());

        bar->setValue(10);
        QVERIFY(!view.isFollowingNewest());
        const int maximum = bar->maximum();
        appendNumbered(model, 200, 250);
        QTRY_COMPARE(bar->maximum(), maximum + 50);
        QCOMPARE(bar->value(), 10);

        bar->setValue(bar->maximum());
        QVERIFY(view.isFollowingNewest());
        appendNumbered(model, 250, 300);
        QTRY_COMPARE(bar->maximum(), maximum + 100);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    void scrolledUpListKeepsItsLinesWhenTheOldestLeave()
    {
        LogModel model(100);
        LogView view(&model);
        view.resize(640, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *table = view.findChild<QTableView *>();
        appendNumbered(model, 0, 100);
        QTRY_VERIFY(table->verticalScrollBar()->maximum() > 40);
        table->verticalScrollBar()->setValue(30);
        const auto topLine = [&] { return message(*table->model(), table->rowAt(0)); };
        QCOMPARE(topLine(), QStringLiteral("line 30"));

        appendNumbered(model, 100, 110);
        QCOMPARE(model.rowCount(), 100);
        QTRY_COMPARE(topLine(), QStringLiteral("line 30"));
        QVERIFY(!view.isFollowingNewest());
    }

private:
    QList<QUrl> m_openedUrls;
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
