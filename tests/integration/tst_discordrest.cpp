#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "Clock.h"
#include "discord/DiscordError.h"
#include "discord/Message.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "DiscordSimulator.h"

using namespace Pterodisbot;
using namespace PterodisbotSim;

namespace {

QStringList s_log;
QtMessageHandler s_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The bot's own lines only: the simulator plays Discord and may see tokens.
    if (!QByteArray(context.category).startsWith("pterodisbot.sim."))
        s_log.append(message);
    if (type != QtDebugMsg && s_previousHandler)
        s_previousHandler(type, context, message);
}

QByteArray png(const QColor &colour, int width = 120, int height = 80)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

Message statusMessage(const QString &title, const QByteArray &chart = {})
{
    Message message;
    Embed embed;
    embed.title = title;
    embed.description = QStringLiteral("Survival world");
    embed.color = 0x57F287;
    embed.addField(QStringLiteral("State"), QStringLiteral("Running"), true);
    if (!chart.isEmpty()) {
        embed.setImageAttachment(QStringLiteral("metrics.png"));
        message.files.append(MessageFile{QStringLiteral("metrics.png"), chart});
    }
    message.embeds.append(embed);
    message.components.append(ActionRow::ofButtons({Button::action(
        ButtonStyle::Success, *ComponentId::create(QStringLiteral("start:a1b2c3d4")),
        QStringLiteral("Start"))}));
    return message;
}

// Waits for every reply in a real event loop (QTest::qWait sleeps between event batches,
// which would add its own latency to every measured window).
//! The lowest share of the bucket's rate an edit burst must reach (1.0 = the limit).
constexpr double kMinEfficiency = 0.6;

bool waitAll(const QList<QPointer<RestReply>> &replies, int timeoutMs)
{
    QEventLoop loop;
    int open = 0;
    for (const auto &reply : replies) {
        if (!reply || reply->isFinished())
            continue;
        ++open;
        QObject::connect(reply, &RestReply::finished, &loop, [&open, &loop] {
            if (--open == 0)
                loop.quit();
        });
    }
    if (open == 0)
        return true;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return open == 0;
}

} // namespace

class TestDiscordRest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DiscordSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RestClient> m_rest;
    SystemClock m_clock;
    QString m_channel;

    void startSim(const DiscordSimOptions &simOptions, RestOptions restOptions = {})
    {
        m_rest.reset();
        m_sim = std::make_unique<DiscordSimulator>();
        QVERIFY2(m_sim->start(simOptions), qPrintable(m_sim->errorString()));
        m_channel = m_sim->channelIds().first();
        restOptions.baseUrl = m_sim->restBaseUrl();
        restOptions.botToken = m_sim->botToken();
        restOptions.timeoutMs = 5000;
        if (restOptions.retryBackoffsMs == RestOptions{}.retryBackoffsMs)
            restOptions.retryBackoffsMs = {20, 40, 80};
        m_rest = std::make_unique<RestClient>(m_nam.get(), &m_clock, restOptions);
    }

    // Sends and waits; the reply stays alive for inspection.
    RestReply *await(RestReply *reply, int timeoutMs = 10000)
    {
        reply->setAutoDelete(false);
        reply->setParent(this);
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &RestReply::finished);
            spy.wait(timeoutMs);
        }
        return reply;
    }

    int requestsTo(const QString &method, const QString &pathPrefix) const
    {
        int n = 0;
        for (const DiscordRequestRecord &record : m_sim->requests())
            n += record.method == method && record.path.startsWith(pathPrefix);
        return n;
    }

    // Edits one message `count` times as fast as the client allows; returns the achieved
    // rate relative to the bucket's limit (1.0 = exactly the limit).
    double pushEdits(int count, int bucketLimit, int windowMs)
    {
        RestReply *created =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("edit 0"))));
        if (!created->ok())
            return -1;
        const QString messageId = created->object().value(QStringLiteral("id")).toString();
        // Start with a fresh window: the create used one slot of the current one. Time itself
        // is the subject (the simulator's window runs on real time); a slow run only waits
        // longer, which changes nothing.
        QTest::qWait(windowMs + 20);
        const int before = m_sim->requests().size();

        QList<QPointer<RestReply>> replies;
        for (int i = 1; i <= count; ++i)
            replies.append(m_rest->editMessage(m_channel, messageId,
                                               statusMessage(QStringLiteral("edit %1").arg(i))));
        for (const auto &reply : std::as_const(replies))
            reply->setAutoDelete(false);
        const bool finished = waitAll(replies, 60000);
        if (!finished)
            return -2;
        for (const auto &reply : std::as_const(replies)) {
            if (!reply->ok()) {
                qWarning() << "edit failed:" << reply->error().toString();
                return -3;
            }
        }
        const QList<DiscordRequestRecord> records = m_sim->requests().mid(before);
        const qint64 span = records.last().elapsedMs - records.first().elapsedMs;
        // count edits need ceil(count / limit) windows; the last one starts at
        // (windows - 1) * windowMs after the first edit.
        const int windows = (count + bucketLimit - 1) / bucketLimit;
        const double ideal = double(windows - 1) * windowMs;
        qInfo("%d edits, bucket %d per %d ms: %lld ms (ideal %.0f ms), %.1f edits/s", count,
              bucketLimit, windowMs, span, ideal, count * 1000.0 / std::max<qint64>(span, 1));
        qDeleteAll(replies);
        const auto message = m_sim->message(m_channel, messageId);
        if (!message || message->editCount != count ||
            message->embeds.at(0).toObject().value(QStringLiteral("title")).toString() !=
                QStringLiteral("edit %1").arg(count))
            return -4;
        return ideal / double(span);
    }

private slots:
    void initTestCase()
    {
        // Everything the client logs, debug included, is checked for the token at the end.
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*.debug=true"));
        s_previousHandler = qInstallMessageHandler(captureLog);
        m_nam = std::make_unique<QNetworkAccessManager>();
    }

    void cleanupTestCase()
    {
        const QString token = m_sim ? m_sim->botToken() : QString();
        m_rest.reset();
        m_sim.reset();
        qInstallMessageHandler(s_previousHandler);
        QVERIFY(!s_log.isEmpty());
        for (const QString &line : std::as_const(s_log))
            QVERIFY2(token.isEmpty() || !line.contains(token), qPrintable(line));
    }

    void basicEndpoints()
    {
        startSim({});
        RestReply *me = await(m_rest->getCurrentUser());
        QVERIFY2(me->ok(), qPrintable(me->error().toString()));
        const auto user = CurrentUser::fromJson(me->object());
        QVERIFY(user);
        QCOMPARE(user->id, m_sim->botUserId());
        QVERIFY(user->bot);

        RestReply *gateway = await(m_rest->getGatewayBot());
        QVERIFY2(gateway->ok(), qPrintable(gateway->error().toString()));
        const auto info = GatewayBotInfo::fromJson(gateway->object());
        QVERIFY(info);
        QCOMPARE(QUrl(info->url).port(), m_sim->gatewayUrl().port());
        QCOMPARE(info->sessionStartTotal, 1000);
        QVERIFY(info->sessionStartRemaining > 0);

        RestReply *roles = await(m_rest->getGuildRoles(m_sim->guildId()));
        QVERIFY(roles->ok());
        const QList<GuildRole> list = GuildRole::listFromJson(roles->array());
        QVERIFY(std::any_of(list.cbegin(), list.cend(), [](const GuildRole &role) {
            return role.name == QLatin1String("Server Admin") &&
                   role.id == QLatin1String("1400000000000000001");
        }));
        // Every request carried "Authorization: Bot" (else 401) and the DiscordBot User-Agent.
        QCOMPARE(m_sim->missingUserAgentCount(), 0);
        QCOMPARE(m_sim->foreignUserAgentCount(), 0);
        QVERIFY(RestClient::userAgent().startsWith("DiscordBot (https://"));
    }

    void interactionTokensNeverReachTheLog()
    {
        startSim({});
        const QString id = m_sim->injectSlashCommand(
            m_channel, QStringLiteral("1500000000000000001"), {}, QStringLiteral("server_status"));
        const QString token = m_sim->interactionToken(id);
        QVERIFY(!token.isEmpty());
        Message answer;
        answer.content = QStringLiteral("hi");
        RestReply *first = await(m_rest->createInteractionResponse(id, token, 4, answer));
        QVERIFY2(first->ok(), qPrintable(first->error().toString()));
        // The second answer fails (40060) and failures are logged at info level with the URL.
        RestReply *second = await(m_rest->createInteractionResponse(id, token, 4, answer));
        QVERIFY(!second->ok());
        QVERIFY(!s_log.isEmpty());
        // The tail alone: a URL may show the token's punctuation percent-encoded.
        const QString secretPart = token.right(40);
        for (const QString &line : std::as_const(s_log))
            QVERIFY2(!line.contains(secretPart), qPrintable(line));
    }

    void messageLifecycle()
    {
        startSim({});
        RestReply *created =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("Minecraft"))));
        QVERIFY2(created->ok(), qPrintable(created->error().toString()));
        const auto info = MessageInfo::fromJson(created->object());
        QVERIFY(info);
        QCOMPARE(info->channelId, m_channel);
        RestReply *fetched = await(m_rest->getMessage(m_channel, info->id));
        QVERIFY(fetched->ok());
        QCOMPARE(MessageInfo::fromJson(fetched->object())->embeds.at(0).title,
                 QStringLiteral("Minecraft"));
        RestReply *edited = await(
            m_rest->editMessage(m_channel, info->id, statusMessage(QStringLiteral("Minecraft 2"))));
        QVERIFY(edited->ok());
        QCOMPARE(m_sim->message(m_channel, info->id)->editCount, 1);
        RestReply *deleted = await(m_rest->deleteMessage(m_channel, info->id));
        QVERIFY2(deleted->ok(), qPrintable(deleted->error().toString()));
        QVERIFY(!m_sim->message(m_channel, info->id));
        RestReply *gone = await(m_rest->getMessage(m_channel, info->id));
        QCOMPARE(gone->error().kind, ApiError::Kind::NotFound);
        QCOMPARE(discordCode(gone->error()), DiscordErrorCode::UnknownMessage);
    }

    // 200 edits at one channel bucket: never a 429, and the bucket's rate is nearly reached.
    // The window is shortened (10 per 250 ms, 40/s: under the global 50/s) so it takes ~5 s;
    // each window costs one round trip plus the timer's latency beyond the ideal.
    void twoHundredEditsAtTheBucketLimit()
    {
        DiscordSimOptions options;
        options.messageBucketLimit = 10;
        options.messageBucketWindowMs = 250;
        RestOptions rest;
        rest.rateLimits.resetMarginMs = 3;
        startSim(options, rest);
        const double efficiency = pushEdits(200, 10, 250);
        QVERIFY2(efficiency > 0, qPrintable(QString::number(efficiency)));
        QCOMPARE(m_sim->rateLimitedCount(), 0);
        QVERIFY2(efficiency <= 1.02,
                 qPrintable(QString::number(efficiency))); // never faster than allowed
        // And close to it: a loaded machine slows every burst, so only the gross waste is
        // checked here (a window skipped after each burst halves it); bench/ measures the rest.
        QVERIFY2(efficiency >= kMinEfficiency, qPrintable(QString::number(efficiency)));
    }

    // The same with Discord's shape of bucket (5 per window) and the default margin.
    void editsAtADiscordShapedBucket()
    {
        DiscordSimOptions options;
        options.messageBucketLimit = 5;
        options.messageBucketWindowMs = 500;
        startSim(options);
        const double efficiency = pushEdits(40, 5, 500);
        QVERIFY2(efficiency > 0, qPrintable(QString::number(efficiency)));
        QCOMPARE(m_sim->rateLimitedCount(), 0);
        QVERIFY2(efficiency <= 1.02, qPrintable(QString::number(efficiency)));
        QVERIFY2(efficiency >= kMinEfficiency, qPrintable(QString::number(efficiency)));
    }

    void global429PausesEverything()
    {
        // Long enough that a loaded machine still finds the client inside the pause.
        constexpr int pauseMs = 2000;
        startSim({});
        m_sim->setGlobalRateLimit(pauseMs);
        QElapsedTimer timer;
        timer.start();
        QPointer<RestReply> first = m_rest->getCurrentUser();
        first->setAutoDelete(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->rateLimitedCount(), 1, 5000);
        const qint64 limitedAt = m_sim->requests().last().elapsedMs;
        // The simulator counts the 429 when it sends it; the client pauses when it reads it.
        QTRY_VERIFY_WITH_TIMEOUT(m_rest->rateLimits().globalPauseRemainingMs() > 0, 5000);
        // While the pause lasts, nothing else may reach Discord: other routes, other buckets.
        QList<QPointer<RestReply>> others{
            m_rest->getGuildRoles(m_sim->guildId()),
            m_rest->createMessage(m_channel, statusMessage(QStringLiteral("x"))),
            m_rest->getGatewayBot()};
        for (const auto &reply : std::as_const(others))
            reply->setAutoDelete(false);
        others.append(first);
        QVERIFY(waitAll(others, 10000));
        for (const auto &reply : std::as_const(others))
            QVERIFY2(reply->ok(), qPrintable(reply->error().toString()));
        QCOMPARE(m_sim->rateLimitedCount(), 1);
        const QList<DiscordRequestRecord> records = m_sim->requests();
        QCOMPARE(records.size(), 5);
        for (const DiscordRequestRecord &record : records.mid(1))
            QVERIFY2(record.elapsedMs >= limitedAt + pauseMs - 10,
                     qPrintable(QString::number(record.elapsedMs - limitedAt)));
        QCOMPARE(first->attempts(), 2);
        qDeleteAll(others);
    }

    void serverErrorsAreRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("errors");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("500 once") << 500 << 1 << true;
        QTest::newRow("502 twice") << 502 << 2 << true;
        QTest::newRow("504 three times") << 504 << 3 << true;
        QTest::newRow("500 four times: gives up") << 500 << 4 << false;
    }
    void serverErrorsAreRetried()
    {
        QFETCH(int, status);
        QFETCH(int, errors);
        QFETCH(bool, succeeds);
        startSim({});
        m_sim->setServerErrors(errors, status);
        RestReply *created =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("retry"))));
        QCOMPARE(created->ok(), succeeds);
        QCOMPARE(created->attempts(), std::min(errors + 1, 4));
        QCOMPARE(requestsTo(QStringLiteral("POST"), QStringLiteral("/api/v10/channels/")),
                 created->attempts());
        QCOMPARE(m_sim->messages(m_channel).size(), succeeds ? 1 : 0);
        if (!succeeds) {
            QCOMPARE(created->error().httpStatus, status);
            QVERIFY(created->error().isTransient());
        }
    }

    void clientErrorsAreNotRetried()
    {
        startSim({});
        RestReply *missing =
            await(m_rest->getMessage(m_channel, QStringLiteral("1599999999999999999")));
        QCOMPARE(missing->error().kind, ApiError::Kind::NotFound);
        QCOMPARE(missing->attempts(), 1);

        // A hand-made invalid body (the models never produce one): 50035 with field paths.
        QJsonObject embed{{QStringLiteral("title"), QString(300, QLatin1Char('t'))}};
        RestReply *invalid =
            await(m_rest->sendJson("POST", QStringLiteral("/channels/%1/messages").arg(m_channel),
                                   QJsonObject{{QStringLiteral("embeds"), QJsonArray{embed}}}));
        QCOMPARE(invalid->status(), 400);
        QCOMPARE(invalid->error().kind, ApiError::Kind::Validation);
        QCOMPARE(discordCode(invalid->error()), DiscordErrorCode::InvalidFormBody);
        QVERIFY2(
            invalid->error().fieldErrors.size() == 1 &&
                invalid->error().fieldErrors.first().startsWith(QLatin1String("embeds.0.title: ")),
            qPrintable(invalid->error().fieldErrors.join(QLatin1Char('|'))));
        QCOMPARE(invalid->attempts(), 1);

        m_sim->setChannelAccess(m_channel, SimChannelAccess::NoPermission);
        RestReply *forbidden =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("x"))));
        QCOMPARE(forbidden->error().kind, ApiError::Kind::Auth);
        QCOMPARE(discordCode(forbidden->error()), DiscordErrorCode::MissingPermissions);
        QCOMPARE(forbidden->attempts(), 1);
        QCOMPARE(requestsTo(QStringLiteral("POST"), QStringLiteral("/api/v10/channels/")), 2);
        QCOMPARE(requestsTo(QStringLiteral("GET"), QStringLiteral("/api/v10/channels/")), 1);
    }

    void chartUploadArrivesByteIdentical()
    {
        startSim({});
        const QByteArray chart = png(Qt::darkGreen);
        RestReply *created =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("Chart"), chart)));
        QVERIFY2(created->ok(), qPrintable(created->error().toString()));
        const QString id = created->object().value(QStringLiteral("id")).toString();
        const auto message = m_sim->message(m_channel, id);
        QVERIFY(message);
        QCOMPARE(message->attachments.size(), 1);
        QCOMPARE(message->attachments[0].filename, QStringLiteral("metrics.png"));
        QCOMPARE(message->attachments[0].bytes, chart);
        QCOMPARE(message->attachments[0].contentType, QStringLiteral("image/png"));
        QCOMPARE(message->embeds.at(0)[u"image"][u"url"].toString(),
                 QStringLiteral("attachment://metrics.png"));
        // and the file is served back as uploaded
        const auto info = MessageInfo::fromJson(created->object());
        QCOMPARE(info->attachments.size(), 1);
        QNetworkReply *download = m_nam->get(QNetworkRequest(QUrl(info->attachments[0].url)));
        QSignalSpy done(download, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(download->readAll(), chart);
        download->deleteLater();
    }

    void editReplacesOrKeepsTheChart()
    {
        startSim({});
        const QByteArray first = png(Qt::darkGreen);
        const QByteArray second = png(Qt::darkRed, 160, 90);
        RestReply *created =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("Chart"), first)));
        QVERIFY(created->ok());
        const QString id = created->object().value(QStringLiteral("id")).toString();
        const QString oldAttachment = m_sim->message(m_channel, id)->attachments[0].id;

        // Replace: the new PNG is files[0], attachments [{id:"0"}], the embed re-pointed.
        RestReply *replaced = await(
            m_rest->editMessage(m_channel, id, statusMessage(QStringLiteral("Chart 2"), second)));
        QVERIFY2(replaced->ok(), qPrintable(replaced->error().toString()));
        auto message = m_sim->message(m_channel, id);
        QCOMPARE(message->attachments.size(), 1);
        QVERIFY(message->attachments[0].id != oldAttachment);
        QCOMPARE(message->attachments[0].bytes, second);
        QCOMPARE(message->embeds.at(0)[u"image"][u"url"].toString(),
                 QStringLiteral("attachment://metrics.png"));
        const QString newAttachment = message->attachments[0].id;
        const auto replacedInfo = MessageInfo::fromJson(replaced->object());
        QNetworkReply *download =
            m_nam->get(QNetworkRequest(QUrl(replacedInfo->attachments[0].url)));
        QSignalSpy done(download, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(download->readAll(), second);
        download->deleteLater();

        // Keep: no upload, the existing attachment listed by id.
        Message keep = statusMessage(QStringLiteral("Chart 3"));
        keep.embeds[0].setImageAttachment(QStringLiteral("metrics.png"));
        keep.keptAttachments.append(KeptAttachment{newAttachment, QStringLiteral("metrics.png")});
        RestReply *kept = await(m_rest->editMessage(m_channel, id, keep));
        QVERIFY2(kept->ok(), qPrintable(kept->error().toString()));
        message = m_sim->message(m_channel, id);
        QCOMPARE(message->attachments.size(), 1);
        QCOMPARE(message->attachments[0].id, newAttachment);
        QCOMPARE(message->attachments[0].bytes, second);

        // Stopped server: no image, the attachment goes.
        RestReply *bare =
            await(m_rest->editMessage(m_channel, id, statusMessage(QStringLiteral("Offline"))));
        QVERIFY(bare->ok());
        QVERIFY(m_sim->message(m_channel, id)->attachments.isEmpty());
        QCOMPARE(m_sim->message(m_channel, id)->editCount, 3);
    }

    void oldMessageEditLimitIsReportedNotWaited()
    {
        DiscordSimOptions options;
        options.oldMessageAgeMs = 1000;
        options.oldMessageEditLimit = 1;
        startSim(options);
        RestReply *created =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("old"))));
        const QString id = created->object().value(QStringLiteral("id")).toString();
        m_sim->ageMessage(m_channel, id, 5000);
        QVERIFY(
            await(m_rest->editMessage(m_channel, id, statusMessage(QStringLiteral("e1"))))->ok());
        QElapsedTimer timer;
        timer.start();
        RestReply *limited =
            await(m_rest->editMessage(m_channel, id, statusMessage(QStringLiteral("e2"))));
        QCOMPARE(discordCode(limited->error()), DiscordErrorCode::TooManyOldMessageEdits);
        QCOMPARE(limited->attempts(), 1);
        // Waiting would mean most of the simulator's 60 s window; a slow run takes a few s.
        constexpr int notWaitedMs = 20000;
        QVERIFY2(timer.elapsed() < notWaitedMs, qPrintable(QString::number(timer.elapsed())));
        // the channel's bucket is not held: a repost goes at once
        RestReply *repost =
            await(m_rest->createMessage(m_channel, statusMessage(QStringLiteral("new"))));
        QVERIFY(repost->ok());
        QVERIFY2(timer.elapsed() < notWaitedMs, qPrintable(QString::number(timer.elapsed())));
    }

    void invalidRequestGuardStopsSending()
    {
        RestOptions options;
        options.rateLimits.guard =
            RateLimitGuardOptions{.windowMs = 60000, .warnAt = 3, .stopAt = 5};
        startSim({}, options);
        m_rest->setBotToken(
            QStringLiteral("MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-for-the-guard-test"));
        QSignalSpy warned(m_rest.get(), &RestClient::invalidRequestsWarning);
        QSignalSpy stopped(m_rest.get(), &RestClient::sendingStopped);
        for (int i = 0; i < 5; ++i) {
            RestReply *reply = await(m_rest->getCurrentUser());
            QCOMPARE(reply->error().kind, ApiError::Kind::Auth);
        }
        QCOMPARE(warned.size(), 1);
        QCOMPARE(stopped.size(), 1);
        QVERIFY(m_rest->isStopped());
        RestReply *refused = await(m_rest->getCurrentUser());
        QCOMPARE(refused->error().kind, ApiError::Kind::RateLimited);
        QVERIFY2(refused->error().message.contains(QLatin1String("stopped sending")),
                 qPrintable(refused->error().message));
        QCOMPARE(refused->attempts(), 0);
        QCOMPARE(requestsTo(QStringLiteral("GET"), QStringLiteral("/api/v10/users/@me")), 5);
    }
};

QTEST_GUILESS_MAIN(TestDiscordRest)
#include "tst_discordrest.moc"
