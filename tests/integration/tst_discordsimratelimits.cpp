// The Discord simulator's REST rate limits: per-channel message buckets, the global limit,
// injected server errors and the limit on edits of old messages.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QDateTime>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;

class TestDiscordSimRateLimits final : public QObject
{
    Q_OBJECT

private slots:
    void messageBucketLimitsSixthMessage();
    void globalRateLimit();
    void serverErrorsInjected();
    void oldMessageEditsLimited();
};

void TestDiscordSimRateLimits::messageBucketLimitsSixthMessage()
{
    DiscordSimulator sim;
    QVERIFY(sim.start()); // 5 per 5 s per channel
    RestClient rest(sim);
    const QString path = QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0));
    const QJsonObject body{{QStringLiteral("content"), QStringLiteral("tick")}};
    QString firstId;
    QByteArray bucket;
    for (int i = 0; i < 5; ++i) {
        const HttpResult ok = rest.send("POST", path, body);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("X-RateLimit-Limit"), QByteArray("5"));
        QCOMPARE(ok.header("X-RateLimit-Remaining").toInt(), 4 - i);
        QVERIFY(ok.header("X-RateLimit-Reset-After").toDouble() > 0);
        QVERIFY(ok.header("X-RateLimit-Reset-After").toDouble() <= 5.0);
        QVERIFY(ok.header("X-RateLimit-Reset").toDouble() > QDateTime::currentSecsSinceEpoch() - 1);
        if (i == 0) {
            firstId = ok.object().value(QStringLiteral("id")).toString();
            bucket = ok.header("X-RateLimit-Bucket");
            QCOMPARE(bucket.size(), 32);
        }
        QCOMPARE(ok.header("X-RateLimit-Bucket"), bucket);
    }
    const HttpResult limited = rest.send("POST", path, body);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("You are being rate limited."));
    const double retryAfter = limited.object().value(QStringLiteral("retry_after")).toDouble();
    QVERIFY(retryAfter > 0 && retryAfter <= 5.0);
    QCOMPARE(limited.object().value(QStringLiteral("global")).toBool(true), false);
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("X-RateLimit-Bucket"), bucket);
    QCOMPARE(limited.header("X-RateLimit-Scope"), QByteArray("user"));
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    QVERIFY(limited.header("X-RateLimit-Global").isEmpty());
    QCOMPARE(sim.rateLimitedCount(), 1);
    QCOMPARE(sim.messages(sim.channelIds().at(0)).size(), 5);

    // Edits share the channel's bucket; another channel has its own.
    QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + firstId, body).status, 429);
    QCOMPARE(
        rest.send("POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(1)), body)
            .status,
        200);
    sim.advanceClock(5000);
    QCOMPARE(rest.send("POST", path, body).status, 200);
    QCOMPARE(sim.rateLimitedCount(), 2);
}

void TestDiscordSimRateLimits::globalRateLimit()
{
    DiscordSimOptions options;
    options.globalLimitPerSecond = 3;
    options.otherBucketLimit = 100;
    DiscordSimulator sim;
    QVERIFY(sim.start(options));
    RestClient rest(sim);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
    const HttpResult global = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(global.status, 429);
    QCOMPARE(global.object().value(QStringLiteral("global")).toBool(), true);
    QCOMPARE(global.header("X-RateLimit-Global"), QByteArray("true"));
    QCOMPARE(global.header("X-RateLimit-Scope"), QByteArray("global"));
    sim.advanceClock(1000);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);

    // A forced global 429 holds every request for its retry_after.
    sim.advanceClock(1000);
    sim.setGlobalRateLimit(1500);
    const HttpResult forced = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(forced.status, 429);
    QCOMPARE(forced.object().value(QStringLiteral("retry_after")).toDouble(), 1.5);
    QCOMPARE(forced.header("Retry-After"), QByteArray("2"));
    QCOMPARE(rest.send("GET", QStringLiteral("/gateway/bot")).status, 429);
    sim.advanceClock(1500);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
    QCOMPARE(sim.rateLimitedCount(), 3);
}

void TestDiscordSimRateLimits::serverErrorsInjected()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    sim.setServerErrors(2, 502);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 502);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 502);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
}

void TestDiscordSimRateLimits::oldMessageEditsLimited()
{
    DiscordSimulator sim;
    QVERIFY(sim.start()); // 3 edits per 60 s on messages older than an hour
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(0);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);
    const QString id =
        rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("old")}})
            .object()
            .value(QStringLiteral("id"))
            .toString();
    // A young message can be edited more often than the old-message limit.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                           QJsonObject{{QStringLiteral("content"), QString::number(i)}})
                     .status,
                 200);
    sim.advanceClock(5000); // fresh channel bucket
    sim.ageMessage(channel, id, 2 * 3600 * 1000);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                           QJsonObject{{QStringLiteral("content"), QString::number(i)}})
                     .status,
                 200);
    const HttpResult limited =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("again")}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.object().value(QStringLiteral("code")).toInt(), 30046);
    QVERIFY(limited.object().value(QStringLiteral("retry_after")).toDouble() > 0);
    QVERIFY(limited.object()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("older than 1 hour")));
    QCOMPARE(sim.message(channel, id)->content, QStringLiteral("2"));
    sim.advanceClock(60000);
    QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("later")}})
                 .status,
             200);
}

QTEST_GUILESS_MAIN(TestDiscordSimRateLimits)
#include "tst_discordsimratelimits.moc"
