#include <QElapsedTimer>
#include <QHttpMultiPart>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include "Clock.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"
#include "net/RetryPolicy.h"
#include "net/WindowRateLimiter.h"
#include "pterodisbot_version.h"
#include "ScriptedNetwork.h"

using namespace Pterodisbot;
using TestSupport::Answer;
using TestSupport::ScriptedNam;

Q_DECLARE_METATYPE(Pterodisbot::ApiError::Kind)

namespace {

//! Records how the client reports the end of each attempt.
class RecordingLimiter final : public RateLimiter
{
public:
    int sent = 0;
    int failed = 0;
    QList<int> statuses;
    QSet<const HttpRequest *> open; //!< sent and not reported over yet

    qint64 delayMs(const HttpRequest &) const override { return 0; }
    void onSent(const HttpRequest &request) override
    {
        ++sent;
        open.insert(&request);
    }
    void onResponse(const HttpRequest &request, int status, const HttpHeaders &, qint64) override
    {
        statuses.append(status);
        open.remove(&request);
    }
    void onFailed(const HttpRequest &request) override
    {
        ++failed;
        open.remove(&request);
    }
};

HttpRequest requestTo(const QByteArray &method = "GET")
{
    HttpRequest request;
    request.method = method;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:9/api/thing"));
    return request;
}

} // namespace

// HttpClient against scripted replies: the RetryPolicy table applied, 429 waits, the cap on
// requests in flight, the RateLimiter hooks, multipart resends, cancellation.
class TestHttpClient final : public QObject
{
    Q_OBJECT

private slots:
    void clientRetriesThePolicysStatuses()
    {
        ScriptedNam nam;
        nam.script = {Answer{500, {}, {}}, Answer{200, {}, "ok"}};
        HttpClient http(&nam, SystemClock::instance());
        RetryPolicy policy = RetryPolicy::withTimeout(2000, {10});
        policy.setRetryableStatuses({500, 502, 503, 504});
        http.setRetryPolicy(policy);
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(!reply->error(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->attempts(), 2);
    }

    void clientRetriesTransientThenGivesUp()
    {
        ScriptedNam nam;
        nam.fallback = Answer{503, {}, {}};
        HttpClient http(&nam, SystemClock::instance());
        http.setRetryPolicy(RetryPolicy::withTimeout(2000, {50, 100}));
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error().httpStatus, 503);
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(nam.sentAt.size(), 3);
        QVERIFY2(nam.sentAt[1] - nam.sentAt[0] >= 50, "first backoff cut short");
        QVERIFY2(nam.sentAt[2] - nam.sentAt[1] >= 100, "second backoff cut short");
    }

    void clientRecoversAfterTransient()
    {
        ScriptedNam nam;
        nam.script = {Answer{0, {}, {}}, Answer{502, {}, {}}, Answer{200, {}, "ok"}};
        HttpClient http(&nam, SystemClock::instance());
        http.setRetryPolicy(RetryPolicy::withTimeout(2000, {10, 10}));
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(!reply->error(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->status(), 200);
        QCOMPARE(reply->body(), QByteArray("ok"));
        QCOMPARE(reply->attempts(), 3);
    }

    void clientDoesNotRetry_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::newRow("404") << 404 << ApiError::Kind::NotFound;
        QTest::newRow("401") << 401 << ApiError::Kind::Auth;
        QTest::newRow("409") << 409 << ApiError::Kind::Conflict;
        QTest::newRow("422") << 422 << ApiError::Kind::Validation;
        QTest::newRow("500") << 500 << ApiError::Kind::Http;
        QTest::newRow("302 not followed") << 302 << ApiError::Kind::Http;
    }

    void clientDoesNotRetry()
    {
        QFETCH(int, status);
        ScriptedNam nam;
        nam.fallback = Answer{status, {{"Location", "http://127.0.0.1:9/elsewhere"}}, {}};
        HttpClient http(&nam, SystemClock::instance());
        http.setRetryPolicy(RetryPolicy::withTimeout(2000, {10, 10}));
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QTEST(reply->error().kind, "kind");
        QCOMPARE(reply->error().httpStatus, status);
        QCOMPARE(nam.sentAt.size(), 1);
    }

    void clientTimesOutEachAttempt()
    {
        ScriptedNam nam;
        nam.fallback = Answer{200, {}, {}, true};
        HttpClient http(&nam, SystemClock::instance());
        http.setRetryPolicy(RetryPolicy({{100, 20}, {150, 0}}));
        QElapsedTimer timer;
        timer.start();
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
        QVERIFY(reply->error().message.contains(QLatin1String("150 ms")));
        QCOMPARE(nam.sentAt.size(), 2);
        QVERIFY(timer.elapsed() >= 100 + 20 + 150);

        // A POST that timed out may have been carried out: not sent twice.
        ScriptedNam postNam;
        postNam.fallback = Answer{200, {}, {}, true};
        HttpClient postHttp(&postNam, SystemClock::instance());
        postHttp.setRetryPolicy(RetryPolicy({{100, 20}, {100, 0}}));
        HttpReply *post = postHttp.send(requestTo("POST"));
        QSignalSpy postFinished(post, &HttpReply::finished);
        QVERIFY(postFinished.wait(5000));
        QCOMPARE(post->error().kind, ApiError::Kind::Timeout);
        QCOMPARE(postNam.sentAt.size(), 1);
    }

    void clientWaitsRetryAfter()
    {
        ScriptedNam nam;
        nam.script = {Answer{429, {{"Retry-After", "0.3"}}, {}}, Answer{200, {}, "late"}};
        HttpClient http(&nam, SystemClock::instance());
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(!reply->error());
        QCOMPARE(nam.sentAt.size(), 2);
        QVERIFY2(nam.sentAt[1] - nam.sentAt[0] >= 300, "resent before Retry-After");
    }

    void clientGivesUpOnEndless429()
    {
        ScriptedNam nam;
        nam.fallback = Answer{429, {{"Retry-After", "0.05"}}, {}};
        HttpClient http(&nam, SystemClock::instance());
        RetryPolicy policy;
        policy.setMaxRateLimitRetries(2);
        http.setRetryPolicy(policy);
        HttpReply *reply = http.send(requestTo());
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error().kind, ApiError::Kind::RateLimited);
        QCOMPARE(reply->error().retryAfterMs, 50);
        QCOMPARE(nam.sentAt.size(), 3);
    }

    void clientCapsRequestsInFlight()
    {
        ScriptedNam nam;
        HttpClient http(&nam, SystemClock::instance());
        http.setMaxConcurrentRequests(3);
        QList<HttpReply *> replies;
        int done = 0;
        for (int i = 0; i < 10; ++i) {
            replies.append(http.send(requestTo()));
            connect(replies.last(), &HttpReply::finished, this, [&done] { ++done; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 10, 5000);
        QCOMPARE(http.peakInFlight(), 3);
        QCOMPARE(nam.sentAt.size(), 10);
    }

    void clientAsksTheLimiter()
    {
        ScriptedNam nam;
        HttpClient http(&nam, SystemClock::instance());
        WindowRateLimiter limiter(SystemClock::instance());
        limiter.setBudget(QStringLiteral("api"), 2, 300, 0);
        http.setRateLimiter(&limiter);
        int done = 0;
        for (int i = 0; i < 5; ++i) {
            HttpRequest request = requestTo();
            request.rateLimitKey = QStringLiteral("api");
            connect(http.send(request), &HttpReply::finished, this, [&done] { ++done; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 5, 5000);
        // 2 at once, 2 a window later, the last one two windows later.
        QVERIFY(nam.sentAt[2] - nam.sentAt[0] >= 300);
        QVERIFY(nam.sentAt[4] - nam.sentAt[2] >= 300);
    }

    void clientSendsNoSecretsAndAUserAgent()
    {
        ScriptedNam nam;
        HttpClient http(&nam, SystemClock::instance());
        HttpRequest request = requestTo();
        request.setHeader("Accept", "application/json");
        HttpReply *reply = http.send(request);
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        const QNetworkRequest sent = nam.requests.first();
        QCOMPARE(sent.rawHeader("Accept"), QByteArray("application/json"));
        QVERIFY(
            sent.rawHeader("User-Agent").startsWith("Pterodisbot/" PTERODISBOT_VERSION " (+http"));
        QCOMPARE(sent.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::ManualRedirectPolicy));
    }

    void clientReportsTheEndOfEveryAttempt_data()
    {
        QTest::addColumn<QString>("ending");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<int>("failed");
        QTest::newRow("answered") << QStringLiteral("answered") << QList<int>{200} << 0;
        QTest::newRow("retried") << QStringLiteral("retried") << QList<int>{503, 200} << 1;
        QTest::newRow("refused") << QStringLiteral("refused") << QList<int>{} << 1;
        QTest::newRow("timed out") << QStringLiteral("timed out") << QList<int>{} << 1;
        QTest::newRow("aborted") << QStringLiteral("aborted") << QList<int>{} << 1;
        QTest::newRow("reply deleted") << QStringLiteral("reply deleted") << QList<int>{} << 1;
        QTest::newRow("client destroyed")
            << QStringLiteral("client destroyed") << QList<int>{} << 1;
    }

    void clientReportsTheEndOfEveryAttempt()
    {
        QFETCH(QString, ending);
        QFETCH(QList<int>, statuses);
        QFETCH(int, failed);
        ScriptedNam nam;
        nam.fallback = Answer{200, {}, {}, true}; // hangs
        if (ending == QLatin1String("answered"))
            nam.fallback = Answer{200, {}, "ok"};
        else if (ending == QLatin1String("retried"))
            nam.script = {Answer{503, {}, {}}, Answer{0, {}, {}}, Answer{200, {}, "ok"}};
        else if (ending == QLatin1String("refused"))
            nam.fallback = Answer{0, {}, {}};
        RecordingLimiter limiter; // outlives the client, as setRateLimiter() asks
        auto http = std::make_unique<HttpClient>(&nam, SystemClock::instance());
        if (ending == QLatin1String("retried"))
            http->setRetryPolicy(RetryPolicy::withTimeout(5000, {5, 5}));
        else
            http->setRetryPolicy(
                RetryPolicy::once(ending == QLatin1String("timed out") ? 50 : 5000));
        http->setRateLimiter(&limiter);
        HttpRequest request = requestTo();
        request.rateLimitKey = QStringLiteral("api");
        QPointer<HttpReply> reply = http->send(request);
        reply->setAutoDelete(false);
        QTRY_VERIFY(limiter.sent >= 1);
        if (ending == QLatin1String("aborted"))
            reply->abort();
        else if (ending == QLatin1String("reply deleted"))
            delete reply;
        else if (ending == QLatin1String("client destroyed"))
            http.reset();
        QTRY_VERIFY(limiter.open.isEmpty() && (!reply || reply->isFinished()));
        QCOMPARE(limiter.statuses, statuses);
        QCOMPARE(limiter.failed, failed);
        QCOMPARE(limiter.sent, statuses.size() + failed);
        if (http)
            QCOMPARE(http->inFlightCount(), 0);
        delete reply;
    }

    void clientResendsMultipartBodies()
    {
        ScriptedNam nam;
        nam.script = {Answer{503, {}, {}}, Answer{200, {}, "ok"}};
        HttpClient http(&nam, SystemClock::instance());
        http.setRetryPolicy(RetryPolicy::withTimeout(2000, {10}));
        HttpRequest request = requestTo("POST");
        int built = 0;
        QList<QPointer<QHttpMultiPart>> bodies;
        request.multiPart = [&built, &bodies] {
            auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QByteArrayLiteral("form-data; name=\"files[0]\"; filename=\"a.png\""));
            part.setBody("PNG-BYTES");
            multipart->append(part);
            ++built;
            bodies.append(multipart);
            return multipart;
        };
        HttpReply *reply = http.send(request);
        QSignalSpy finished(reply, &HttpReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(!reply->error(), qPrintable(reply->error().toString()));
        // A multipart body is read while it is sent: the retry needs a new one, not an empty one.
        QCOMPARE(built, 2);
        QCOMPARE(nam.bodies.size(), 2);
        QVERIFY(nam.bodies[0].contains("PNG-BYTES"));
        QVERIFY(nam.bodies[1].contains("PNG-BYTES"));
        // and each goes with its attempt
        QTRY_VERIFY(std::none_of(bodies.cbegin(), bodies.cend(),
                                 [](const QPointer<QHttpMultiPart> &body) { return body; }));
    }

    void clientCancelsOnDestruction()
    {
        ScriptedNam nam;
        nam.fallback = Answer{200, {}, {}, true};
        auto *http = new HttpClient(&nam, SystemClock::instance());
        HttpReply *running = http->send(requestTo());
        running->setAutoDelete(false);
        QTRY_COMPARE(http->inFlightCount(), 1);
        HttpReply *queued = http->send(requestTo());
        queued->setAutoDelete(false);
        QSignalSpy runningDone(running, &HttpReply::finished);
        QSignalSpy queuedDone(queued, &HttpReply::finished);
        delete http;
        QCOMPARE(runningDone.size(), 1);
        QCOMPARE(running->error().kind, ApiError::Kind::Cancelled);
        QTRY_COMPARE(queuedDone.size(), 1);
        QCOMPARE(queued->error().kind, ApiError::Kind::Cancelled);
        delete running;
        delete queued;
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
