#include <QTest>

#include "Clock.h"
#include "net/WindowRateLimiter.h"

using namespace Pterodisbot;

namespace {

const QString Client = QStringLiteral("client");
const QString Application = QStringLiteral("application");

//! Sends \a count requests as fast as the limiter allows, moving the manual clock forward by
//! exactly the delays it asks for; returns the send times.
QList<qint64> drain(WindowRateLimiter &limiter, ManualClock &clock, const QString &key, int count)
{
    QList<qint64> times;
    while (times.size() < count) {
        const qint64 delay = limiter.delayMs(key);
        if (delay > 0) {
            clock.advance(delay);
            continue;
        }
        limiter.onSent(key);
        times.append(clock.monotonicMs());
    }
    return times;
}

//! Most sends inside any window of \a windowMs.
int busiestWindow(const QList<qint64> &times, qint64 windowMs)
{
    int most = 0;
    for (int i = 0; i < times.size(); ++i) {
        int inside = 0;
        for (int j = i; j < times.size() && times[j] < times[i] + windowMs; ++j)
            ++inside;
        most = qMax(most, inside);
    }
    return most;
}

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void budgetRespected_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<qint64>("windowMs");
        QTest::addColumn<qint64>("marginMs");
        QTest::addColumn<int>("requests");
        QTest::addColumn<qint64>("lastSendMs");
        // The first `limit` go at once, then each waits for the one `limit` earlier to leave.
        QTest::newRow("client 720/min, 1000 requests")
            << 720 << qint64(60000) << qint64(0) << 1000 << qint64(60000);
        QTest::newRow("application 240/min, 500 requests")
            << 240 << qint64(60000) << qint64(0) << 500 << qint64(120000);
        QTest::newRow("5/s, 12 requests") << 5 << qint64(1000) << qint64(0) << 12 << qint64(2000);
        QTest::newRow("5/s with 100 ms margin")
            << 5 << qint64(1000) << qint64(100) << 12 << qint64(2200);
        QTest::newRow("under budget never waits")
            << 10 << qint64(1000) << qint64(0) << 10 << qint64(0);
    }
    void budgetRespected()
    {
        QFETCH(int, limit);
        QFETCH(qint64, windowMs);
        QFETCH(qint64, marginMs);
        QFETCH(int, requests);
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, limit, windowMs, marginMs);
        const QList<qint64> times = drain(limiter, clock, Client, requests);
        QCOMPARE(busiestWindow(times, windowMs), qMin(limit, requests));
        QTEST(times.last(), "lastSendMs");
    }

    void defaultMarginIsTwoPercent()
    {
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 2, 60000);
        limiter.onSent(Client);
        limiter.onSent(Client);
        QCOMPARE(limiter.delayMs(Client), 61200);
    }

    void slidingNotFixed()
    {
        // 3 per second: sends at 0, 400, 800 -> the 4th may go at 1000, the 5th at 1400.
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 3, 1000, 0);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(limiter.delayMs(Client), 0);
            limiter.onSent(Client);
            clock.advance(400);
        }
        QCOMPARE(clock.monotonicMs(), 1200);
        QCOMPARE(limiter.delayMs(Client), 0); // the send at 0 has left the window
        limiter.onSent(Client);
        QCOMPARE(limiter.delayMs(Client), 200); // the send at 400 leaves at 1400
    }

    void retryAfterHonoured_data()
    {
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<qint64>("expectedHoldMs");
        QTest::newRow("Retry-After: 1") << qint64(1000) << qint64(1000);
        QTest::newRow("Retry-After: 30") << qint64(30000) << qint64(30000);
        QTest::newRow("429 without Retry-After") << qint64(0) << qint64(1000);
    }
    void retryAfterHonoured()
    {
        QFETCH(qint64, retryAfterMs);
        QFETCH(qint64, expectedHoldMs);
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 720, 60000);
        limiter.onSent(Client);
        limiter.onResponse(Client, 429, {}, retryAfterMs);
        QCOMPARE(limiter.delayMs(Client), expectedHoldMs);
        clock.advance(expectedHoldMs - 1);
        QCOMPARE(limiter.delayMs(Client), 1);
        clock.advance(1);
        QCOMPARE(limiter.delayMs(Client), 0);
        // The other API's key is not held.
        QCOMPARE(limiter.delayMs(Application), 0);
    }

    void serverLimitLowersBudget()
    {
        // Pelican: 256/min, although 720 was configured.
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 720, 60000, 0);
        QCOMPARE(limiter.effectiveLimit(Client), 720);
        limiter.onSent(Client);
        limiter.onResponse(Client, 200,
                           {{"X-RateLimit-Limit", "256"}, {"X-RateLimit-Remaining", "255"}}, 0);
        QCOMPARE(limiter.effectiveLimit(Client), 256);
        QList<qint64> times = drain(limiter, clock, Client, 300);
        times.prepend(0); // the first send, before the headers were known
        QCOMPARE(busiestWindow(times, 60000), 256);
        // A higher service limit does not raise ours.
        limiter.onResponse(Client, 200, {{"X-RateLimit-Limit", "1000"}}, 0);
        QCOMPARE(limiter.effectiveLimit(Client), 720);
    }

    void remainingZeroHolds_data()
    {
        QTest::addColumn<QByteArray>("resetHeader");
        QTest::addColumn<QByteArray>("resetValue");
        QTest::addColumn<qint64>("expectedHoldMs");
        QTest::newRow("no reset: a whole window") << QByteArray() << QByteArray() << qint64(60000);
        QTest::newRow("X-RateLimit-Reset-After")
            << QByteArray("X-RateLimit-Reset-After") << QByteArray("2.5") << qint64(2500);
        // ManualClock starts at 1'700'000'000 s since the epoch.
        QTest::newRow("X-RateLimit-Reset (epoch s)")
            << QByteArray("X-RateLimit-Reset") << QByteArray("1700000012") << qint64(12000);
    }
    void remainingZeroHolds()
    {
        QFETCH(QByteArray, resetHeader);
        QFETCH(QByteArray, resetValue);
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 720, 60000);
        limiter.onSent(Client);
        HttpHeaders headers{{"X-RateLimit-Limit", "720"}, {"X-RateLimit-Remaining", "0"}};
        if (!resetHeader.isEmpty())
            headers.append({resetHeader, resetValue});
        limiter.onResponse(Client, 200, headers, 0);
        QTEST(limiter.delayMs(Client), "expectedHoldMs");
    }

    void lowRemainingSpacesRequests()
    {
        // Another consumer of the same user bucket has used most of it: with 9 left of 720,
        // requests are spread over the window instead of going out at once.
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 720, 60000);
        limiter.onSent(Client);
        limiter.onResponse(Client, 200,
                           {{"X-RateLimit-Limit", "720"}, {"X-RateLimit-Remaining", "9"}}, 0);
        QCOMPARE(limiter.delayMs(Client), 6000);
        clock.advance(6000);
        QCOMPARE(limiter.delayMs(Client), 0);
        // Plenty left again (window reset): no spacing.
        limiter.onSent(Client);
        limiter.onResponse(Client, 200, {{"X-RateLimit-Remaining", "700"}}, 0);
        QCOMPARE(limiter.delayMs(Client), 0);
    }

    void keysAreIndependent()
    {
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 2, 1000, 0);
        limiter.setBudget(Application, 1, 1000, 0);
        limiter.onSent(Client);
        limiter.onSent(Client);
        QCOMPARE(limiter.delayMs(Client), 1000);
        QCOMPARE(limiter.delayMs(Application), 0);
        limiter.onSent(Application);
        QCOMPARE(limiter.delayMs(Application), 1000);
        QCOMPARE(limiter.delayMs(QStringLiteral("unknown")), 0);
    }

    void requestHooks()
    {
        // The RateLimiter interface routes by the request's rateLimitKey.
        ManualClock clock;
        WindowRateLimiter limiter(&clock);
        limiter.setBudget(Client, 1, 1000, 0);
        RateLimiter &hooks = limiter;
        HttpRequest request;
        request.rateLimitKey = Client;
        QCOMPARE(hooks.delayMs(request), 0);
        hooks.onSent(request);
        QCOMPARE(hooks.delayMs(request), 1000);
        hooks.onResponse(request, 429, {}, 5000);
        QCOMPARE(hooks.delayMs(request), 5000);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
