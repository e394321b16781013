#include "bot/PowerButtons.h"

#include <optional>

#include <QTest>

#include "pterodactyl/PanelParsing.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using Action = CustomId::PowerAction;

Q_DECLARE_METATYPE(Pterodisbot::CustomId::PowerAction)
Q_DECLARE_METATYPE(Pterodisbot::PowerState)
Q_DECLARE_METATYPE(Pterodisbot::ApiError)

//! What a member reads after pressing a power button, and when the bot trusts the panel's
//! answer right after the action (its /resources answer can be 20 s old).
class TestPowerTexts final : public QObject
{
    Q_OBJECT

private slots:
    void sentText_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<int>("state"); // -1: no answer from the panel
        QTest::addColumn<QString>("text");
        const int none = -1;
        QTest::newRow("start, starting")
            << Action::Start << int(PowerState::Starting)
            << QStringLiteral("Start sent to **Survival** — it is starting.");
        QTest::newRow("start of a running server: Wings ignores it")
            << Action::Start << int(PowerState::Running)
            << QStringLiteral("Start sent to **Survival** — it is running.");
        QTest::newRow("start, the panel's cache still says offline")
            << Action::Start << int(PowerState::Offline)
            << QStringLiteral("Start sent to **Survival**; the panel still reports it offline "
                              "(its status can lag up to 20 s), the embed follows.");
        QTest::newRow("stop, stopping")
            << Action::Stop << int(PowerState::Stopping)
            << QStringLiteral("Stop sent to **Survival** — it is stopping.");
        QTest::newRow("stop, cached running")
            << Action::Stop << int(PowerState::Running)
            << QStringLiteral("Stop sent to **Survival**; the panel still reports it running "
                              "(its status can lag up to 20 s), the embed follows.");
        QTest::newRow("restart, stopping")
            << Action::Restart << int(PowerState::Stopping)
            << QStringLiteral("Restart sent to **Survival** — it is stopping.");
        QTest::newRow("restart, cached running")
            << Action::Restart << int(PowerState::Running)
            << QStringLiteral("Restart sent to **Survival**; the panel still reports it running "
                              "(its status can lag up to 20 s), the embed follows.");
        QTest::newRow("no answer")
            << Action::Stop << none << QStringLiteral("Stop sent to **Survival**.");
        QTest::newRow("unknown state") << Action::Start << int(PowerState::Unknown)
                                       << QStringLiteral("Start sent to **Survival**.");
    }
    void sentText()
    {
        QFETCH(Action, action);
        QFETCH(int, state);
        QFETCH(QString, text);
        const std::optional<PowerState> known =
            state < 0 ? std::nullopt : std::optional<PowerState>(PowerState(state));
        QCOMPARE(PowerButtons::sentText(action, QStringLiteral("Survival"), known), text);
    }

    void showsAction_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<PowerState>("state");
        QTest::addColumn<bool>("shows");
        QTest::newRow("start: offline") << Action::Start << PowerState::Offline << false;
        QTest::newRow("start: starting") << Action::Start << PowerState::Starting << true;
        QTest::newRow("start: running") << Action::Start << PowerState::Running << true;
        QTest::newRow("start: stopping") << Action::Start << PowerState::Stopping << false;
        QTest::newRow("stop: running") << Action::Stop << PowerState::Running << false;
        QTest::newRow("stop: starting") << Action::Stop << PowerState::Starting << false;
        QTest::newRow("stop: stopping") << Action::Stop << PowerState::Stopping << true;
        QTest::newRow("stop: offline") << Action::Stop << PowerState::Offline << true;
        QTest::newRow("restart: running") << Action::Restart << PowerState::Running << false;
        QTest::newRow("restart: offline") << Action::Restart << PowerState::Offline << false;
        QTest::newRow("restart: stopping") << Action::Restart << PowerState::Stopping << true;
        QTest::newRow("restart: starting") << Action::Restart << PowerState::Starting << true;
        QTest::newRow("unknown") << Action::Start << PowerState::Unknown << false;
    }
    void showsAction()
    {
        QFETCH(Action, action);
        QFETCH(PowerState, state);
        QFETCH(bool, shows);
        QCOMPARE(PowerButtons::showsAction(action, state), shows);
    }

    //! The panel's own sentences end with a full stop; the member's text must still end with
    //! exactly one.
    void failureText_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<QString>("text");
        const auto fromPanel = [](int status, const QString &file) {
            return PanelParsing::panelError(status, {},
                                            TestSupport::readData(QStringLiteral("panel/") + file));
        };
        const auto error = [](ApiError::Kind kind, const QString &message) {
            ApiError e;
            e.kind = kind;
            e.message = message;
            return e;
        };
        QTest::newRow("409 suspended, the panel's sentence")
            << Action::Start << fromPanel(409, QStringLiteral("error_409_suspended.json"))
            << QStringLiteral("Could not start **Survival**: the panel says: This server is "
                              "currently suspended and the functionality requested is "
                              "unavailable.");
        QTest::newRow("409 maintenance, the panel's sentence")
            << Action::Stop << fromPanel(409, QStringLiteral("error_409_maintenance.json"))
            << QStringLiteral("Could not stop **Survival**: the panel says: The node of this "
                              "server is currently under maintenance and the functionality "
                              "requested is unavailable.");
        QTest::newRow("409 without a body: our fallback")
            << Action::Restart << PanelParsing::panelError(409, {}, QByteArray())
            << QStringLiteral("Could not restart **Survival**: the panel says: the server "
                              "cannot do this now (suspended, installing, transferring or its "
                              "node is under maintenance).");
        QTest::newRow("409 without a message")
            << Action::Start << error(ApiError::Kind::Conflict, QString())
            << QStringLiteral("Could not start **Survival**: the panel says the server is busy "
                              "(suspended, installing or transferring).");
        QTest::newRow("409, trailing full stops and space")
            << Action::Start << error(ApiError::Kind::Conflict, QStringLiteral("Busy.. "))
            << QStringLiteral("Could not start **Survival**: the panel says: Busy.");
        QTest::newRow("422, the panel's sentence")
            << Action::Start << fromPanel(422, QStringLiteral("error_422_signal.json"))
            << QStringLiteral("Could not start **Survival**: The selected signal is invalid.");
        QTest::newRow("a question stays a question")
            << Action::Stop << error(ApiError::Kind::Http, QStringLiteral("Is the node up?"))
            << QStringLiteral("Could not stop **Survival**: Is the node up?");
        QTest::newRow("504: our words")
            << Action::Start << fromPanel(504, QStringLiteral("error_504_daemon.json"))
            << QStringLiteral("Could not start **Survival**: its node (Wings) is not answering.");
    }
    void failureText()
    {
        QFETCH(Action, action);
        QFETCH(ApiError, error);
        QFETCH(QString, text);
        QCOMPARE(PowerButtons::failureText(action, QStringLiteral("Survival"), error), text);
    }
};

QTEST_GUILESS_MAIN(TestPowerTexts)
#include "tst_powertexts.moc"
