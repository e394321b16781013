#include <QElapsedTimer>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "Clock.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"
#include "net/RetryPolicy.h"
#include "net/WindowRateLimiter.h"

using namespace Pterodisbot;

Q_DECLARE_METATYPE(Pterodisbot::ApiError::Kind)

namespace {

//! One scripted answer: status 0 = connection refused; hang = never answers.
struct Answer
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    bool hang = false;
};

class ScriptedReply final : public QNetworkReply
{
public:
    ScriptedReply(const QNetworkRequest &request, QNetworkAccessManager::Operation operation,
                  const Answer &answer, QObject *parent)
        : QNetworkReply(parent)
        , m_answer(answer)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(operation);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!answer.hang)
            QTimer::singleShot(5, this, [this] { complete(); });
    }
    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        emit errorOccurred(OperationCanceledError);
        emit finished();
    }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_offset);
        memcpy(data, m_data.constData() + m_offset, size_t(count));
        m_offset += count;
        return count;
    }

private:
    void complete()
    {
        if (isFinished())
            return;
        if (m_answer.status == 0) {
            setError(ConnectionRefusedError, QStringLiteral("Connection refused"));
            setFinished(true);
            emit errorOccurred(ConnectionRefusedError);
            emit finished();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
        for (const auto &[name, value] : std::as_const(m_answer.headers))
            setRawHeader(name, value);
        m_data = m_answer.body;
        setFinished(true);
        emit finished();
    }

    Answer m_answer;
    QByteArray m_data;
    qint64 m_offset = 0;
};

//! Answers from a script and records when each request was made.
class ScriptedNam final : public QNetworkAccessManager
{
public:
    ScriptedNam() { m_timer.start(); }
    QList<Answer> script;
    Answer fallback;
    QList<qint64> sentAt;
    QList<QNetworkRequest> requests;
    QList<QByteArray> bodies;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        sentAt.append(m_timer.elapsed());
        requests.append(request);
        bodies.append(outgoingData ? outgoingData->readAll() : QByteArray());
        const Answer answer = script.isEmpty() ? fallback : script.takeFirst();
        return new ScriptedReply(request, operation, answer, this);
    }

private:
    QElapsedTimer m_timer;
};

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

    // The same table, applied by HttpClient to real replies.

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

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
