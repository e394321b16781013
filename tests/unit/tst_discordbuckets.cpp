#include <QCryptographicHash>
#include <QTest>

#include "Clock.h"
#include "discord/RateLimitBuckets.h"
#include "discord/RateLimitGuard.h"
#include "discord/RateLimitRoute.h"

using namespace Pterodisbot;

namespace {

const QString kChannel = QStringLiteral("1300000000000000001");
const QString kOtherChannel = QStringLiteral("1300000000000000002");

HttpHeaders limitHeaders(int limit, int remaining, const QByteArray &resetAfter,
                         const QByteArray &bucket = {})
{
    HttpHeaders headers{{"X-RateLimit-Limit", QByteArray::number(limit)},
                        {"X-RateLimit-Remaining", QByteArray::number(remaining)},
                        {"X-RateLimit-Reset-After", resetAfter}};
    if (!bucket.isEmpty())
        headers.append({"X-RateLimit-Bucket", bucket});
    return headers;
}

DiscordRoute editRoute(const QString &channel = kChannel)
{
    return DiscordRoute::parse(
        "PATCH", QStringLiteral("/channels/%1/messages/1500000000000000001").arg(channel));
}

} // namespace

class TestDiscordBuckets final : public QObject
{
    Q_OBJECT

private slots:
    void routeKeys_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("pathTemplate");
        QTest::addColumn<QString>("major");
        QTest::addColumn<bool>("callback");
        const QString token = QStringLiteral("aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu");
        const QString hash =
            QStringLiteral("#") +
            QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256)
                                    .toHex()
                                    .left(8));

        QTest::newRow("gateway") << QByteArray("GET") << QStringLiteral("/gateway/bot")
                                 << QStringLiteral("GET /gateway/bot")
                                 << QStringLiteral("/gateway/bot") << QString() << false;
        QTest::newRow("me") << QByteArray("GET") << QStringLiteral("/users/@me")
                            << QStringLiteral("GET /users/@me") << QStringLiteral("/users/@me")
                            << QString() << false;
        QTest::newRow("create message")
            << QByteArray("POST") << QStringLiteral("/channels/%1/messages").arg(kChannel)
            << QStringLiteral("POST /channels/%1/messages").arg(kChannel)
            << QStringLiteral("/channels/{channel_id}/messages") << kChannel << false;
        QTest::newRow("edit message")
            << QByteArray("patch")
            << QStringLiteral("/channels/%1/messages/1500000000000000009").arg(kChannel)
            << QStringLiteral("PATCH /channels/%1/messages/{message_id}").arg(kChannel)
            << QStringLiteral("/channels/{channel_id}/messages/{message_id}") << kChannel << false;
        QTest::newRow("delete message")
            << QByteArray("DELETE")
            << QStringLiteral("/channels/%1/messages/1500000000000000009").arg(kChannel)
            << QStringLiteral("DELETE /channels/%1/messages/{message_id}").arg(kChannel)
            << QStringLiteral("/channels/{channel_id}/messages/{message_id}") << kChannel << false;
        QTest::newRow("roles") << QByteArray("GET")
                               << QStringLiteral("/guilds/1200000000000000001/roles")
                               << QStringLiteral("GET /guilds/1200000000000000001/roles")
                               << QStringLiteral("/guilds/{guild_id}/roles")
                               << QStringLiteral("1200000000000000001") << false;
        QTest::newRow("member is minor")
            << QByteArray("GET")
            << QStringLiteral("/guilds/1200000000000000001/members/1700000000000000001")
            << QStringLiteral("GET /guilds/1200000000000000001/members/{user_id}")
            << QStringLiteral("/guilds/{guild_id}/members/{user_id}")
            << QStringLiteral("1200000000000000001") << false;
        QTest::newRow("commands")
            << QByteArray("PUT")
            << QStringLiteral(
                   "/applications/1100000000000000001/guilds/1200000000000000001/commands")
            << QStringLiteral(
                   "PUT /applications/{application_id}/guilds/1200000000000000001/commands")
            << QStringLiteral("/applications/{application_id}/guilds/{guild_id}/commands")
            << QStringLiteral("1200000000000000001") << false;
        QTest::newRow("callback")
            << QByteArray("POST")
            << QStringLiteral("/interactions/1600000000000000001/%1/callback").arg(token)
            << QStringLiteral("POST /interactions/1600000000000000001/%1/callback").arg(hash)
            << QStringLiteral("/interactions/{interaction_id}/{token}/callback")
            << QStringLiteral("1600000000000000001/") + hash << true;
        QTest::newRow("original")
            << QByteArray("PATCH")
            << QStringLiteral("/webhooks/1100000000000000001/%1/messages/@original").arg(token)
            << QStringLiteral("PATCH /webhooks/1100000000000000001/%1/messages/@original").arg(hash)
            << QStringLiteral("/webhooks/{webhook_id}/{token}/messages/@original")
            << QStringLiteral("1100000000000000001/") + hash << false;
        QTest::newRow("follow-up with query")
            << QByteArray("POST")
            << QStringLiteral("/webhooks/1100000000000000001/%1?wait=true").arg(token)
            << QStringLiteral("POST /webhooks/1100000000000000001/%1").arg(hash)
            << QStringLiteral("/webhooks/{webhook_id}/{token}")
            << QStringLiteral("1100000000000000001/") + hash << false;
        QTest::newRow("follow-up edit")
            << QByteArray("PATCH")
            << QStringLiteral("/webhooks/1100000000000000001/%1/messages/1500000000000000003")
                   .arg(token)
            << QStringLiteral("PATCH /webhooks/1100000000000000001/%1/messages/{message_id}")
                   .arg(hash)
            << QStringLiteral("/webhooks/{webhook_id}/{token}/messages/{message_id}")
            << QStringLiteral("1100000000000000001/") + hash << false;
    }
    void routeKeys()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, key);
        QFETCH(QString, pathTemplate);
        QFETCH(QString, major);
        QFETCH(bool, callback);
        const DiscordRoute route = DiscordRoute::parse(method, path);
        QCOMPARE(route.key, key);
        QCOMPARE(route.pathTemplate, pathTemplate);
        QCOMPARE(route.majorParameters, major);
        QCOMPARE(route.isInteractionCallback, callback);
        QVERIFY(!route.key.contains(QLatin1String("c2VjcmV0"))); // never the token itself
    }

    void messagesOfOneChannelShareARoute()
    {
        const DiscordRoute a =
            DiscordRoute::parse("PATCH", QStringLiteral("/channels/%1/messages/1").arg(kChannel));
        const DiscordRoute b =
            DiscordRoute::parse("PATCH", QStringLiteral("/channels/%1/messages/2").arg(kChannel));
        const DiscordRoute c = DiscordRoute::parse(
            "PATCH", QStringLiteral("/channels/%1/messages/1").arg(kOtherChannel));
        QCOMPARE(a.key, b.key);
        QVERIFY(a.key != c.key);
        QCOMPARE(a.routeTemplateKey(), c.routeTemplateKey());
    }

    void remainingAndReset()
    {
        ManualClock clock;
        RateLimitBuckets buckets(&clock, RateLimitOptions{.resetMarginMs = 20});
        const DiscordRoute route = editRoute();
        int first = 0, second = 0;
        QCOMPARE(buckets.delayMs(route, &first), 0); // nothing known: go

        buckets.onSent(route, &first);
        // One request per bucket in flight: another one waits, a retry of the same goes.
        QVERIFY(buckets.delayMs(route, &second) > 0);
        QCOMPARE(buckets.delayMs(route, &first), 0);
        buckets.onResponse(route, 200, limitHeaders(5, 4, "0.5"), 0, &first);
        QCOMPARE(buckets.delayMs(route, &second), 0);

        for (int remaining = 3; remaining >= 0; --remaining) {
            QCOMPARE(buckets.delayMs(route, &second), 0);
            buckets.onSent(route, &second);
            clock.advance(10);
            buckets.onResponse(route, 200, limitHeaders(5, remaining, "0.46"), 0, &second);
        }
        // remaining 0: held until Reset-After (460 ms) + margin, by the injected clock
        QCOMPARE(buckets.delayMs(route, &second), 480);
        clock.advance(300);
        QCOMPARE(buckets.delayMs(route, &second), 180);
        clock.advance(179);
        QCOMPARE(buckets.delayMs(route, &second), 1);
        clock.advance(1);
        QCOMPARE(buckets.delayMs(route, &second), 0);
        // Another channel is another bucket and was never held.
        QCOMPARE(buckets.delayMs(editRoute(kOtherChannel), &second), 0);

        const auto state = buckets.bucket(route.key);
        QVERIFY(state);
        QCOMPARE(state->limit, 5);
        QCOMPARE(state->remaining, 0);
        buckets.onSent(route, &second); // the window has passed: a fresh budget is assumed
        QCOMPARE(buckets.bucket(route.key)->remaining, 4);
    }

    void bucketHashJoinsRoutes()
    {
        ManualClock clock;
        RateLimitBuckets buckets(&clock, RateLimitOptions{.resetMarginMs = 0});
        const DiscordRoute edit = editRoute();
        const DiscordRoute create =
            DiscordRoute::parse("POST", QStringLiteral("/channels/%1/messages").arg(kChannel));
        const DiscordRoute createElsewhere =
            DiscordRoute::parse("POST", QStringLiteral("/channels/%1/messages").arg(kOtherChannel));
        int a = 0, b = 0;
        QCOMPARE(buckets.bucketKey(edit), edit.key);

        buckets.onSent(edit, &a);
        buckets.onResponse(edit, 200, limitHeaders(5, 0, "2.0", "80c17d2f203122d936070c88c8d10f33"),
                           0, &a);
        QCOMPARE(buckets.bucketKey(edit),
                 QStringLiteral("80c17d2f203122d936070c88c8d10f33:") + kChannel);
        QVERIFY(buckets.bucket(buckets.bucketKey(edit)));
        QVERIFY(!buckets.bucket(edit.key)); // moved, not duplicated

        // create is a different route, unknown until its own answer names the same bucket;
        // while the channel's named bucket is spent it waits for that reset (it may share it)
        QCOMPARE(buckets.delayMs(create, &b), 2000);
        QCOMPARE(buckets.delayMs(createElsewhere, &b), 0); // other channel: nothing spent
        clock.advance(2000);
        QCOMPARE(buckets.delayMs(create, &b), 0);
        buckets.onSent(create, &b);
        buckets.onResponse(create, 200,
                           limitHeaders(5, 0, "2.0", "80c17d2f203122d936070c88c8d10f33"), 0, &b);
        QCOMPARE(buckets.bucketKey(create), buckets.bucketKey(edit));
        QCOMPARE(buckets.delayMs(edit, &a), 2000);
        QCOMPARE(buckets.delayMs(create, &b), 2000);
        // same bucket hash, other major parameter: its own budget
        QCOMPARE(buckets.bucketKey(createElsewhere),
                 QStringLiteral("80c17d2f203122d936070c88c8d10f33:") + kOtherChannel);
        QCOMPARE(buckets.delayMs(createElsewhere, &b), 0);
    }

    void responsesWithoutHeadersStillSerialize()
    {
        ManualClock clock;
        RateLimitBuckets buckets(&clock);
        const DiscordRoute route = DiscordRoute::parse("GET", QStringLiteral("/users/@me"));
        int a = 0, b = 0;
        buckets.onSent(route, &a);
        QVERIFY(buckets.delayMs(route, &b) > 0);
        buckets.onResponse(route, 200, {}, 0, &a);
        QCOMPARE(buckets.delayMs(route, &b), 0);
        // an attempt that ended without an answer (timeout) releases the bucket too
        buckets.onSent(route, &b);
        QVERIFY(buckets.delayMs(route, &a) > 0);
        buckets.onAbandoned(route, &b);
        QCOMPARE(buckets.delayMs(route, &a), 0);
        // and a send whose end was never reported stops holding after the expiry
        buckets.onSent(route, &b);
        clock.advance(buckets.options().inFlightExpiryMs);
        QCOMPARE(buckets.delayMs(route, &a), 0);
    }

    void globalGate_data()
    {
        QTest::addColumn<int>("perSecond");
        QTest::addColumn<int>("margin");
        QTest::newRow("50/s") << 50 << 0;
        QTest::newRow("10/s") << 10 << 0;
        // The margin widens the second: a request sent exactly a second after the first of
        // the previous 50 may reach Discord sooner than that one did.
        QTest::newRow("50/s, 25 ms margin") << 50 << 25;
    }
    void globalGate()
    {
        QFETCH(int, perSecond);
        QFETCH(int, margin);
        ManualClock clock;
        RateLimitBuckets buckets(
            &clock, RateLimitOptions{.globalPerSecond = perSecond, .resetMarginMs = margin});
        int id = 0;
        for (int i = 0; i < perSecond; ++i) {
            const DiscordRoute route = editRoute(QString::number(1300000000000001000LL + i));
            QCOMPARE(buckets.delayMs(route, &id), 0);
            buckets.onSent(route, &id);
            buckets.onResponse(route, 200, {}, 0, &id);
            clock.advance(10);
        }
        QCOMPARE(buckets.globalCountLastSecond(), perSecond);
        const DiscordRoute fresh = editRoute(QStringLiteral("1399999999999999999"));
        // the oldest send leaves the window (a second and the margin) in
        // 1000 + margin - perSecond*10 ms
        QCOMPARE(buckets.delayMs(fresh, &id), 1000 + margin - perSecond * 10);
        // interaction callbacks are outside the global limit
        const DiscordRoute callback = DiscordRoute::parse(
            "POST", QStringLiteral("/interactions/1600000000000000001/tok/callback"));
        QCOMPARE(buckets.delayMs(callback, &id), 0);
        buckets.onSent(callback, &id);
        QCOMPARE(buckets.globalCountLastSecond(), perSecond);
        clock.advance(1000 + margin - perSecond * 10 - 1);
        QCOMPARE(buckets.delayMs(fresh, &id), 1);
        clock.advance(1);
        QCOMPARE(buckets.delayMs(fresh, &id), 0);
    }

    void global429PausesEverything()
    {
        ManualClock clock;
        RateLimitBuckets buckets(&clock, RateLimitOptions{.resetMarginMs = 0});
        const DiscordRoute route = editRoute();
        const DiscordRoute other = DiscordRoute::parse("GET", QStringLiteral("/users/@me"));
        const DiscordRoute callback = DiscordRoute::parse(
            "POST", QStringLiteral("/interactions/1600000000000000001/tok/callback"));
        int a = 0, b = 0;
        buckets.onSent(route, &a);
        buckets.onResponse(route, 429,
                           {{"X-RateLimit-Global", "true"}, {"X-RateLimit-Scope", "global"}}, 1500,
                           &a);
        QCOMPARE(buckets.globalPauseRemainingMs(), 1500);
        QCOMPARE(buckets.delayMs(other, &b), 1500);
        QCOMPARE(buckets.delayMs(callback, &b), 1500);
        QCOMPARE(buckets.delayMs(route, &a), 1500);
        clock.advance(1500);
        QCOMPARE(buckets.delayMs(other, &b), 0);
        QCOMPARE(buckets.delayMs(route, &a), 0);
        QCOMPARE(buckets.guard().count(), 1);
    }

    void bucket429_data()
    {
        QTest::addColumn<QByteArray>("scope");
        QTest::addColumn<qint64>("retryAfter");
        QTest::addColumn<qint64>("expectedHold");
        QTest::addColumn<int>("counted");
        QTest::newRow("user") << QByteArray("user") << qint64(700) << qint64(700) << 1;
        QTest::newRow("no scope header") << QByteArray() << qint64(300) << qint64(300) << 1;
        QTest::newRow("shared") << QByteArray("shared") << qint64(4000) << qint64(4000) << 0;
        QTest::newRow("no retry_after: reset-after")
            << QByteArray("user") << qint64(0) << qint64(1250) << 1;
    }
    void bucket429()
    {
        QFETCH(QByteArray, scope);
        QFETCH(qint64, retryAfter);
        QFETCH(qint64, expectedHold);
        QFETCH(int, counted);
        ManualClock clock;
        RateLimitBuckets buckets(&clock, RateLimitOptions{.resetMarginMs = 0});
        const DiscordRoute route = editRoute();
        int a = 0;
        buckets.onSent(route, &a);
        HttpHeaders headers = limitHeaders(5, 0, "1.25");
        if (!scope.isEmpty())
            headers.append({"X-RateLimit-Scope", scope});
        buckets.onResponse(route, 429, headers, retryAfter, &a);
        QCOMPARE(buckets.delayMs(route, &a), std::max<qint64>(expectedHold, 1250));
        QCOMPARE(buckets.globalPauseRemainingMs(), 0);
        QCOMPARE(buckets.delayMs(editRoute(kOtherChannel), &a), 0);
        QCOMPARE(buckets.guard().count(), counted);
    }

    void oldMessageEditLimitDoesNotHoldTheChannel()
    {
        ManualClock clock;
        RateLimitBuckets buckets(&clock);
        const DiscordRoute route = editRoute();
        int a = 0;
        buckets.onSent(route, &a);
        buckets.onResponse(route, 429, {{"X-RateLimit-Scope", "user"}}, 60000, &a);
        QVERIFY(buckets.delayMs(route, &a) >= 60000);
        buckets.forgetHold(route); // what RestClient does for code 30046
        QCOMPARE(buckets.delayMs(route, &a), 0);
    }

    void invalidStatusesCounted_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("counted");
        QTest::newRow("200") << 200 << 0;
        QTest::newRow("400") << 400 << 0;
        QTest::newRow("401") << 401 << 1;
        QTest::newRow("403") << 403 << 1;
        QTest::newRow("404") << 404 << 0;
        QTest::newRow("500") << 500 << 0;
    }
    void invalidStatusesCounted()
    {
        QFETCH(int, status);
        QFETCH(int, counted);
        ManualClock clock;
        RateLimitBuckets buckets(&clock);
        int a = 0;
        buckets.onSent(editRoute(), &a);
        buckets.onResponse(editRoute(), status, {}, 0, &a);
        QCOMPARE(buckets.guard().count(), counted);
    }

    void guardThresholds_data()
    {
        QTest::addColumn<int>("recorded");
        QTest::addColumn<int>("state");
        QTest::newRow("9") << 9 << int(RateLimitGuard::State::Ok);
        QTest::newRow("10 warns") << 10 << int(RateLimitGuard::State::Warning);
        QTest::newRow("19") << 19 << int(RateLimitGuard::State::Warning);
        QTest::newRow("20 stops") << 20 << int(RateLimitGuard::State::Stopped);
    }
    void guardThresholds()
    {
        QFETCH(int, recorded);
        QFETCH(int, state);
        ManualClock clock;
        RateLimitGuard guard(&clock,
                             RateLimitGuardOptions{.windowMs = 60000, .warnAt = 10, .stopAt = 20});
        for (int i = 0; i < recorded; ++i) {
            guard.record(401);
            clock.advance(100);
        }
        QCOMPARE(int(guard.state()), state);
        QCOMPARE(guard.count(), recorded);
        QCOMPARE(guard.isStopped(), recorded >= 20);
    }

    void guardWindowSlidesWithHysteresis()
    {
        ManualClock clock;
        RateLimitGuard guard(&clock,
                             RateLimitGuardOptions{.windowMs = 60000, .warnAt = 10, .stopAt = 20});
        for (int i = 0; i < 20; ++i) {
            guard.record(i % 2 ? 403 : 429);
            clock.advance(1000); // the i-th record happened at i s
        }
        QVERIFY(guard.isStopped());
        QVERIFY(guard.stopReason().contains(QLatin1String("20 invalid requests")));
        // at 65 s the first 6 have left the window: 14 remain, still stopped (hysteresis)
        clock.advance(45000);
        QCOMPARE(guard.count(), 14);
        QVERIFY(guard.isStopped());
        // at 71 s 8 remain: below the warning level, sending resumes
        clock.advance(6000);
        QCOMPARE(guard.count(), 8);
        QCOMPARE(guard.state(), RateLimitGuard::State::Ok);
    }

    void defaultsStopLongBeforeTheBan()
    {
        const RateLimitGuardOptions defaults;
        QCOMPARE(defaults.windowMs, 600000);
        QVERIFY(defaults.warnAt <= 1000);
        QVERIFY(defaults.stopAt <= 2500);
        QVERIFY(defaults.warnAt < defaults.stopAt);
    }
};

QTEST_GUILESS_MAIN(TestDiscordBuckets)
#include "tst_discordbuckets.moc"
