#include "net/ApiError.h"
#include "pterodactyl/models.h"

#include <QTest>

using namespace Pterodisbot;

class TestApiError final : public QObject
{
    Q_OBJECT

private slots:
    void transient_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("transient");
        QTest::newRow("network") << int(ApiError::Kind::Network) << 0 << true;
        QTest::newRow("tls") << int(ApiError::Kind::Tls) << 0 << false;
        QTest::newRow("timeout") << int(ApiError::Kind::Timeout) << 0 << true;
        QTest::newRow("504 daemon") << int(ApiError::Kind::DaemonUnreachable) << 504 << true;
        QTest::newRow("503") << int(ApiError::Kind::Http) << 503 << true;
        QTest::newRow("500") << int(ApiError::Kind::Http) << 500 << true;
        QTest::newRow("418") << int(ApiError::Kind::Http) << 418 << false;
        QTest::newRow("auth") << int(ApiError::Kind::Auth) << 401 << false;
        QTest::newRow("conflict") << int(ApiError::Kind::Conflict) << 409 << false;
        QTest::newRow("parse") << int(ApiError::Kind::Parse) << 200 << false;
    }
    void transient()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(bool, transient);
        ApiError error;
        error.kind = ApiError::Kind(kind);
        error.httpStatus = status;
        QCOMPARE(error.isTransient(), transient);
    }

    void describesItself()
    {
        ApiError error{ApiError::Kind::NotFound, 404, QStringLiteral("NotFoundHttpException"),
                       QStringLiteral("The requested resource could not be found on the server.")};
        QCOMPARE(error.toString(),
                 QStringLiteral("not found (HTTP 404) [NotFoundHttpException]: The requested "
                                "resource could not be found on the server."));
        QVERIFY(bool(error));
        QVERIFY(!ApiError{}.isError());
    }

    void stoppedIsOffline()
    {
        QCOMPARE(powerStateFromString(QStringLiteral("stopped")), PowerState::Offline);
        QCOMPARE(powerStateFromString(QStringLiteral("running")), PowerState::Running);
        QCOMPARE(powerStateFromString(QStringLiteral("bogus")), PowerState::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
