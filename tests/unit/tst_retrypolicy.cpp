#include <QTest>

#include "Clock.h"
#include "net/RetryPolicy.h"

using namespace Pterodisbot;

Q_DECLARE_METATYPE(Pterodisbot::ApiError::Kind)

// The retry table itself; HttpClient applying it to replies is tst_httpclient.
class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void retryable_data()
    {
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<bool>("retry");
        QTest::newRow("network") << ApiError::Kind::Network << 0 << true << true;
        QTest::newRow("network, POST") << ApiError::Kind::Network << 0 << false << true;
        QTest::newRow("tls: the same certificate fails again")
            << ApiError::Kind::Tls << 0 << true << false;
        QTest::newRow("timeout") << ApiError::Kind::Timeout << 0 << true << true;
        QTest::newRow("timeout, POST may have happened")
            << ApiError::Kind::Timeout << 0 << false << false;
        QTest::newRow("502 daemon") << ApiError::Kind::DaemonUnreachable << 502 << true << true;
        QTest::newRow("503") << ApiError::Kind::Http << 503 << true << true;
        QTest::newRow("504 daemon, POST")
            << ApiError::Kind::DaemonUnreachable << 504 << false << true;
        QTest::newRow("500 is a bug, not a blip") << ApiError::Kind::Http << 500 << true << false;
        QTest::newRow("400") << ApiError::Kind::Validation << 400 << true << false;
        QTest::newRow("401") << ApiError::Kind::Auth << 401 << true << false;
        QTest::newRow("403") << ApiError::Kind::Auth << 403 << true << false;
        QTest::newRow("404") << ApiError::Kind::NotFound << 404 << true << false;
        QTest::newRow("409") << ApiError::Kind::Conflict << 409 << true << false;
        QTest::newRow("422") << ApiError::Kind::Validation << 422 << true << false;
        QTest::newRow("429 waits, not retried")
            << ApiError::Kind::RateLimited << 429 << true << false;
        QTest::newRow("parse") << ApiError::Kind::Parse << 200 << true << false;
        QTest::newRow("cancelled") << ApiError::Kind::Cancelled << 0 << true << false;
    }

    void retryable()
    {
        QFETCH(ApiError::Kind, kind);
        QFETCH(int, status);
        QFETCH(bool, idempotent);
        ApiError error;
        error.kind = kind;
        error.httpStatus = status;
        QTEST(RetryPolicy::isRetryable(error, idempotent), "retry");
        const RetryPolicy policy = RetryPolicy::withTimeout(1000, {100});
        QFETCH(bool, retry);
        QCOMPARE(policy.backoffAfter(0, error, idempotent).has_value(), retry);
    }

    void retryableStatusesArePerPolicy_data()
    {
        QTest::addColumn<QList<int>>("statuses"); // empty row value = the defaults
        QTest::addColumn<bool>("useDefaults");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retry");
        const QList<int> discord{500, 502, 503, 504};
        QTest::newRow("panel: 500 not retried")
            << QList<int>() << true << ApiError::Kind::Http << 500 << false;
        QTest::newRow("panel: 503 retried")
            << QList<int>() << true << ApiError::Kind::Http << 503 << true;
        QTest::newRow("discord: 500 retried")
            << discord << false << ApiError::Kind::Http << 500 << true;
        QTest::newRow("discord: 504 retried")
            << discord << false << ApiError::Kind::Http << 504 << true;
        QTest::newRow("discord: 501 not retried")
            << discord << false << ApiError::Kind::Http << 501 << false;
        QTest::newRow("discord: 429 is waited, not retried")
            << discord << false << ApiError::Kind::RateLimited << 429 << false;
        QTest::newRow("none: 502 not retried")
            << QList<int>() << false << ApiError::Kind::Http << 502 << false;
        QTest::newRow("none: network still retried")
            << QList<int>() << false << ApiError::Kind::Network << 0 << true;
    }

    void retryableStatusesArePerPolicy()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(bool, useDefaults);
        QFETCH(ApiError::Kind, kind);
        QFETCH(int, status);
        QFETCH(bool, retry);
        RetryPolicy policy = RetryPolicy::withTimeout(1000, {100});
        QCOMPARE(policy.retryableStatuses(), (QList<int>{502, 503, 504}));
        if (!useDefaults)
            policy.setRetryableStatuses(statuses);
        ApiError error;
        error.kind = kind;
        error.httpStatus = status;
        QCOMPARE(policy.shouldRetry(error, true), retry);
        QCOMPARE(policy.backoffAfter(0, error, true).has_value(), retry);
        if (useDefaults)
            QCOMPARE(RetryPolicy::isRetryable(error, true), retry);
    }

    void backoffSteps()
    {
        const RetryPolicy policy({{300, 100}, {600, 200}, {900, 400}, {1200, 0}});
        QCOMPARE(policy.attempts(), 4);
        const ApiError timeout{ApiError::Kind::Timeout, 0, {}, {}};
        QCOMPARE(policy.backoffAfter(0, timeout, true), std::optional<int>(100));
        QCOMPARE(policy.backoffAfter(1, timeout, true), std::optional<int>(200));
        QCOMPARE(policy.backoffAfter(2, timeout, true), std::optional<int>(400));
        QCOMPARE(policy.backoffAfter(3, timeout, true), std::nullopt); // out of steps
        QCOMPARE(policy.timeoutMs(0), 300);
        QCOMPARE(policy.timeoutMs(3), 1200);
        QCOMPARE(policy.timeoutMs(9), 1200);

        const RetryPolicy standard;
        QCOMPARE(standard.attempts(), 3);
        QCOMPARE(standard.timeoutMs(0), 10000);
        QCOMPARE(RetryPolicy::once(500).attempts(), 1);
        QCOMPARE(RetryPolicy::once(500).backoffAfter(0, timeout, true), std::nullopt);
    }

    void rateLimitWait_data()
    {
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<int>("retriesSoFar");
        QTest::addColumn<qint64>("expected"); // -1 = give up
        QTest::newRow("Retry-After 2 s") << qint64(2000) << 0 << qint64(2000);
        QTest::newRow("third 429 still waits") << qint64(1000) << 2 << qint64(1000);
        QTest::newRow("fourth 429 gives up") << qint64(1000) << 3 << qint64(-1);
        QTest::newRow("no Retry-After: default") << qint64(0) << 0 << qint64(1000);
        QTest::newRow("longer than allowed") << qint64(120000) << 0 << qint64(-1);
    }

    void rateLimitWait()
    {
        QFETCH(qint64, retryAfterMs);
        QFETCH(int, retriesSoFar);
        QFETCH(qint64, expected);
        RetryPolicy policy;
        ApiError error{ApiError::Kind::RateLimited, 429, {}, {}};
        error.retryAfterMs = retryAfterMs;
        const std::optional<qint64> wait = policy.rateLimitWait(error, retriesSoFar);
        QCOMPARE(wait.value_or(-1), expected);
        QVERIFY(!policy.rateLimitWait(ApiError{ApiError::Kind::NotFound, 404, {}, {}}, 0));
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("seconds") << QByteArray("1") << qint64(1000);
        QTest::newRow("padded") << QByteArray(" 30 ") << qint64(30000);
        QTest::newRow("fractional") << QByteArray("0.25") << qint64(250);
        // ManualClock starts at 2023-11-14T22:13:20Z.
        QTest::newRow("HTTP date") << QByteArray("Tue, 14 Nov 2023 22:13:50 GMT") << qint64(30000);
        QTest::newRow("date in the past")
            << QByteArray("Tue, 14 Nov 2023 22:00:00 GMT") << qint64(0);
        QTest::newRow("absent") << QByteArray() << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
    }

    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        const ManualClock clock;
        QTEST(RetryPolicy::parseRetryAfter(value, clock.utcNow()), "expected");
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
