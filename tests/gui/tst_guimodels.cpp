// The window's item models follow BotCore's change signals row by row: an embed posted is a
// row inserted, a cycle changes rows, an embed forgotten is a row removed; never a reset.
#include "BotTestCase.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>

#include "EmbedTableModel.h"
#include "ServerTableModel.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

class TestGuiModels final : public BotTestCase
{
    Q_OBJECT

private slots:
    void embedRowsFollowTheBot()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000; // cycles only when the test asks
        h.tuning.keepEmbedImages = true;
        QVERIFY(h.startBot());

        EmbedTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBot(h.bot.get());
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QVERIFY(!h.postEmbed(kValheim).isEmpty());
        BOT_VERIFY_SOON(model.rowCount() == 2, 5000);
        QCOMPARE(inserted.size(), 2);
        const int survival = model.rowOf(kSurvival);
        QVERIFY(survival >= 0);
        const QModelIndex state = model.index(survival, EmbedTableModel::State);
        QCOMPARE(state.data().toString(), QStringLiteral("Running"));
        QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(survival, 0).data(EmbedTableModel::ServerIdRole).toString(),
                 kSurvival);
        QCOMPARE(model.index(survival, EmbedTableModel::Channel).data().toString(),
                 QStringLiteral("#") + h.channel());
        QVERIFY(model.index(survival, EmbedTableModel::Cpu)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("%")));
        QVERIFY(model.index(survival, EmbedTableModel::LastEdit)
                    .data()
                    .toString()
                    .contains(QStringLiteral("posted")));
        // What the preview shows: the payload Discord has, and its graph's bytes.
        QVERIFY(!model.snapshotAt(survival).lastPayload.isEmpty());

        changed.clear();
        QCoro::waitFor(h.bot->runCycleNow());
        QVERIFY(!changed.isEmpty());
        for (const auto &call : changed) {
            const QModelIndex topLeft = call.at(0).value<QModelIndex>();
            const QModelIndex bottomRight = call.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.row(), bottomRight.row()); // one row at a time
        }

        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        QCoro::waitFor(h.bot->runCycleNow());
        BOT_VERIFY_SOON(
            model.index(model.rowOf(kSurvival), EmbedTableModel::State).data().toString() ==
                QStringLiteral("Offline"),
            5000);

        h.bot->stopTracking(kSurvival);
        BOT_VERIFY_SOON(model.rowCount() == 1, 5000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowOf(kSurvival), -1);
        QCOMPARE(model.index(0, 0).data(EmbedTableModel::ServerIdRole).toString(), kValheim);
        QCOMPARE(reset.size(), 0);
    }

    void embedImagesAreKeptOnlyWhenAsked_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("window") << true;
        QTest::newRow("headless") << false;
    }
    void embedImagesAreKeptOnlyWhenAsked()
    {
        QFETCH(bool, keep);
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        h.tuning.keepEmbedImages = keep;
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        // A graph needs two distinct readings: cycles until the embed carries one.
        for (int i = 0; i < 5 && h.bot->embed(kSurvival)->lastImage.isEmpty(); ++i) {
            h.panel->tick(1000);
            h.clock.advance(1000);
            QCoro::waitFor(h.bot->runCycleNow());
        }
        const auto embed = h.bot->embed(kSurvival);
        QVERIFY(embed.has_value());
        QCOMPARE(BotHarness::isPng(embed->lastImage), keep);
    }

    void serverRowsMergeTheList()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        h.tuning.cycleIntervalMs = 60000;
        h.tuning.serverListRefreshCycles = 1;
        QVERIFY(h.startBot());
        QCoro::waitFor(h.bot->runCycleNow());

        ServerTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBot(h.bot.get());
        const int servers = int(h.panel->serverIdentifiers().size());
        QCOMPARE(model.rowCount(), servers);
        const int survival = model.rowOf(kSurvival);
        QVERIFY(survival >= 0);
        QCOMPARE(model.index(survival, ServerTableModel::Tracked).data(Qt::CheckStateRole),
                 QVariant(Qt::Unchecked));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        BOT_VERIFY_SOON(model.index(model.rowOf(kSurvival), ServerTableModel::Tracked)
                                .data(Qt::CheckStateRole) == QVariant(Qt::Checked),
                        5000);

        // A new list of the same servers changes rows, never their number.
        h.panel->setServerState(kRust, QStringLiteral("offline"));
        QCoro::waitFor(h.bot->runCycleNow());
        QCOMPARE(model.rowCount(), servers);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
        BOT_VERIFY_SOON(
            model.index(model.rowOf(kRust), ServerTableModel::State).data().toString() ==
                QStringLiteral("Offline"),
            5000);

        model.setBot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
