#include <qcorosignal.h>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <QCoro/QCoroTask>
#include <QCoro/QCoroTimer>

#include "Clock.h"
#include "discord/Gateway.h"
#include "discord/Interaction.h"
#include "discord/InteractionCommands.h"
#include "discord/InteractionResponder.h"
#include "discord/RestClient.h"
#include "DiscordSimulator.h"

using namespace Pterodisbot;
using namespace PterodisbotSim;
using namespace std::chrono_literals;

namespace {

constexpr int kAutoDeferMs = 200;
constexpr auto kSlowHandler = 600ms;

const QString kAdminRole = QStringLiteral("1400000000000000001");
const QString kUser = QStringLiteral("1700000000000000001");

Message text(const QString &content)
{
    Message message;
    message.content = content;
    return message;
}

QJsonArray
botCommands(const QString &statusDescription = QStringLiteral("Show the panel's servers"))
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("server_status")},
                    {QStringLiteral("description"), statusDescription},
                    {QStringLiteral("type"), 1}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("refresh_embeds")},
                    {QStringLiteral("description"), QStringLiteral("Rebuild every status embed")},
                    {QStringLiteral("type"), 1},
                    {QStringLiteral("default_member_permissions"), QStringLiteral("32")}},
        QJsonObject{
            {QStringLiteral("name"), QStringLiteral("purge_embeds")},
            {QStringLiteral("description"), QStringLiteral("Delete every status embed")},
            {QStringLiteral("type"), 1},
            {QStringLiteral("options"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("confirm")},
                                    {QStringLiteral("description"), QStringLiteral("Really?")},
                                    {QStringLiteral("type"), 5},
                                    {QStringLiteral("required"), true}}}}}};
}

} // namespace

class TestInteractions final : public QObject
{
    Q_OBJECT

private:
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<DiscordSimulator> m_sim;
    std::unique_ptr<RestClient> m_rest;
    std::unique_ptr<Gateway> m_gateway;
    std::unique_ptr<InteractionResponder> m_responder;
    QString m_channel;
    // What the next interaction is answered with, and how it is deferred.
    InteractionResponder::Handler m_handler;
    InteractionResponder::DeferStyle m_deferStyle = InteractionResponder::DeferStyle::Automatic;
    QList<Interaction> m_received;
    QStringList m_parseErrors;

    // Waits until the responder finished \a id; returns its error.
    ApiError waitFinished(QSignalSpy &spy, const QString &id)
    {
        // Generous: a loaded machine under the sanitizers may take seconds.
        QDeadlineTimer deadline(30'000);
        while (!deadline.hasExpired()) {
            for (const QList<QVariant> &args : std::as_const(spy)) {
                if (args.at(0).toString() == id)
                    return args.at(1).value<ApiError>();
            }
            spy.wait(200);
        }
        return ApiError{ApiError::Kind::Timeout, 0, {}, QStringLiteral("never finished")};
    }

    // The message contents sent for interaction \a id (callbacks and webhook calls), in order.
    QStringList sentContents(const QString &id) const
    {
        const QString token = m_sim->interactionToken(id);
        QStringList contents;
        for (const DiscordRequestRecord &record : m_sim->requests()) {
            if (!record.path.contains(token))
                continue;
            const QJsonObject body = QJsonDocument::fromJson(record.body).object();
            const QJsonObject message =
                body.contains(u"data") ? body[u"data"].toObject() : body; // callback or webhook
            if (message.contains(u"content"))
                contents << message[u"content"].toString();
        }
        return contents;
    }

    QString postButtonMessage()
    {
        Message message = text(QStringLiteral("Minecraft: offline"));
        message.components.append(ActionRow::ofButtons(
            {Button::action(ButtonStyle::Success,
                            *ComponentId::create(QStringLiteral("pdb:v1:power:start:a1b2c3d4")),
                            QStringLiteral("Start"))}));
        const RestResult created =
            QCoro::waitFor(awaitReply(m_rest->createMessage(m_channel, message)));
        return created.object().value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ApiError>("Pterodisbot::ApiError");
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_sim = std::make_unique<DiscordSimulator>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_channel = m_sim->channelIds().first();

        RestOptions options;
        options.baseUrl = m_sim->restBaseUrl();
        options.botToken = m_sim->botToken();
        options.timeoutMs = 5000;
        m_rest = std::make_unique<RestClient>(m_nam.get(), &m_clock, options);
        m_responder = std::make_unique<InteractionResponder>(
            m_rest.get(), &m_clock, ResponderOptions{.autoDeferMs = kAutoDeferMs});

        // The real path: gateway dispatch -> parsed Interaction -> responder.
        GatewaySettings settings;
        settings.token = m_sim->botToken();
        m_gateway = std::make_unique<Gateway>(settings, &m_clock);
        connect(m_gateway.get(), &Gateway::interactionCreate, this,
                [this](const QJsonObject &json) {
                    QString error;
                    auto interaction = Interaction::fromJson(json, &error);
                    if (!interaction) {
                        m_parseErrors.append(error);
                        return;
                    }
                    interaction->receivedAtMs = m_clock.monotonicMs();
                    m_received.append(*interaction);
                    if (m_handler)
                        m_responder->handle(*interaction, m_handler, m_deferStyle);
                });
        m_gateway->start(m_sim->gatewayUrl());
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->state(), Gateway::State::Ready, 10000);
    }

    void cleanupTestCase()
    {
        m_gateway->stop();
        QCOMPARE(m_responder->activeCount(), 0);
        QVERIFY2(m_parseErrors.isEmpty(), qPrintable(m_parseErrors.join(QLatin1Char('\n'))));
    }

    void init()
    {
        m_handler = nullptr;
        m_deferStyle = InteractionResponder::DeferStyle::Automatic;
        m_received.clear();
    }

    void commandsRegisteredOnlyWhenChanged()
    {
        const auto countRequests = [this](const QString &method) {
            int n = 0;
            for (const DiscordRequestRecord &record : m_sim->requests())
                n += record.method == method && record.path.section(QLatin1Char('?'), 0, 0)
                                                    .endsWith(QLatin1String("/commands"));
            return n;
        };
        const auto first = QCoro::waitFor(InteractionCommands::syncGuildCommands(
            m_rest.get(), m_sim->applicationId(), m_sim->guildId(), botCommands()));
        QVERIFY2(first.ok(), qPrintable(first.error.toString()));
        QVERIFY(first.value);
        QCOMPARE(m_sim->registeredCommands().size(), 3);
        QCOMPARE(countRequests(QStringLiteral("PUT")), 1);

        // Start-up again with the same definitions: a GET, no PUT.
        const auto second = QCoro::waitFor(InteractionCommands::syncGuildCommands(
            m_rest.get(), m_sim->applicationId(), m_sim->guildId(), botCommands()));
        QVERIFY(second.ok());
        QVERIFY(!second.value);
        QCOMPARE(countRequests(QStringLiteral("PUT")), 1);
        QCOMPARE(countRequests(QStringLiteral("GET")), 2);

        // A changed description is sent.
        const auto third = QCoro::waitFor(InteractionCommands::syncGuildCommands(
            m_rest.get(), m_sim->applicationId(), m_sim->guildId(),
            botCommands(QStringLiteral("Servers"))));
        QVERIFY(third.ok());
        QVERIFY(third.value);
        QCOMPARE(countRequests(QStringLiteral("PUT")), 2);
        bool found = false;
        for (const QJsonValue &command : m_sim->registeredCommands())
            found = found || command[u"description"].toString() == QLatin1String("Servers");
        QVERIFY(found);
    }

    // Discord's view decides; a failed GET is no reason to keep stale commands.
    void commandsOverwrittenWhenTheyCannotBeRead()
    {
        const auto put = [this] {
            int n = 0;
            for (const DiscordRequestRecord &record : m_sim->requests())
                n += record.method == QLatin1String("PUT") && record.status == 200 &&
                     record.path.endsWith(QLatin1String("/commands"));
            return n;
        };
        const auto sync = [this] {
            return QCoro::waitFor(InteractionCommands::syncGuildCommands(
                m_rest.get(), m_sim->applicationId(), m_sim->guildId(), botCommands()));
        };
        QVERIFY(sync().ok());
        const int before = put();

        m_sim->setServerErrors(1, 403); // the GET
        const auto blind = sync();
        QVERIFY2(blind.ok(), qPrintable(blind.error.toString()));
        QVERIFY(blind.value);
        QCOMPARE(put(), before + 1);

        m_sim->setServerErrors(2, 403); // the GET and the PUT
        const auto refused = sync();
        QVERIFY(!refused.ok());
        QVERIFY(!refused.value);
        QCOMPARE(refused.error.httpStatus, 403);
        QCOMPARE(put(), before + 1);
    }

    // A handler slower than the auto-defer threshold: deferred (type 5) in time, then its
    // answer edits @original.
    void slowCommandIsDeferredThenEditsOriginal()
    {
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        QSignalSpy deferred(m_responder.get(), &InteractionResponder::deferred);
        m_handler = [](Interaction) -> QCoro::Task<InteractionAnswer> {
            co_await QCoro::sleepFor(kSlowHandler);
            Message message = text(QStringLiteral("3 servers, 2 running"));
            Embed embed;
            embed.title = QStringLiteral("Panel");
            message.embeds.append(embed);
            co_return InteractionAnswer::reply(message);
        };
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("server_status"));
        const ApiError error = waitFinished(finished, id);
        QVERIFY2(!error, qPrintable(error.toString()));

        QVERIFY(m_sim->interactionAcknowledged(id));
        const qint64 latency = m_sim->interactionAckLatencyMs(id);
        qInfo("deferred after %lld ms (auto-defer at %d ms, handler %lld ms)", latency,
              kAutoDeferMs, qint64(kSlowHandler.count()));
        QVERIFY2(latency >= kAutoDeferMs - 20 && latency < 3000,
                 qPrintable(QString::number(latency)));
        QVERIFY2(latency < kSlowHandler.count(),
                 qPrintable(QString::number(latency))); // not after the handler
        QCOMPARE(m_sim->interactionResponse(id)[u"type"].toInt(), 5);
        QCOMPARE(deferred.size(), 1);
        const auto original = m_sim->originalResponse(id);
        QVERIFY(original);
        QCOMPARE(original->content, QStringLiteral("3 servers, 2 running"));
        QCOMPARE(original->embeds.at(0)[u"title"].toString(), QStringLiteral("Panel"));
        QVERIFY(!original->ephemeral);
        QCOMPARE(m_received.size(), 1);
        QCOMPARE(m_received[0].commandName, QStringLiteral("server_status"));
        QCOMPARE(m_received[0].roleIds, QStringList{kAdminRole});
    }

    void fastCommandAnswersDirectlyAndEphemeral()
    {
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        QSignalSpy deferred(m_responder.get(), &InteractionResponder::deferred);
        m_handler = [](Interaction) -> QCoro::Task<InteractionAnswer> {
            co_return InteractionAnswer::ephemeralText(QStringLiteral("You may not do that."));
        };
        const QString id =
            m_sim->injectSlashCommand(m_channel, kUser, {}, QStringLiteral("purge_embeds"));
        QVERIFY(!waitFinished(finished, id));
        const QJsonObject response = m_sim->interactionResponse(id);
        QCOMPARE(response[u"type"].toInt(), 4);
        QCOMPARE(response[u"data"][u"flags"].toInt() & 64, 64);
        QVERIFY(m_sim->interactionAckLatencyMs(id) < kAutoDeferMs);
        QCOMPARE(deferred.size(), 0);
        const auto original = m_sim->originalResponse(id);
        QVERIFY(original);
        QVERIFY(original->ephemeral);
        QCOMPARE(original->content, QStringLiteral("You may not do that."));
    }

    void slowEphemeralAnswer_data()
    {
        QTest::addColumn<int>("deferStyle");
        QTest::addColumn<bool>("viaFollowUp");
        QTest::newRow("ephemeral deferral")
            << int(InteractionResponder::DeferStyle::EphemeralReply) << false;
        QTest::newRow("public deferral")
            << int(InteractionResponder::DeferStyle::Automatic) << true;
    }
    void slowEphemeralAnswer()
    {
        QFETCH(int, deferStyle);
        QFETCH(bool, viaFollowUp);
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_deferStyle = InteractionResponder::DeferStyle(deferStyle);
        m_handler = [](Interaction) -> QCoro::Task<InteractionAnswer> {
            co_await QCoro::sleepFor(kSlowHandler);
            co_return InteractionAnswer::ephemeralText(QStringLiteral("Address: 10.0.0.5:25565"));
        };
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("server_status"));
        const ApiError error = waitFinished(finished, id);
        QVERIFY2(!error, qPrintable(error.toString()));
        const QJsonObject response = m_sim->interactionResponse(id);
        QCOMPARE(response[u"type"].toInt(), 5);
        QCOMPARE(response[u"data"][u"flags"].toInt() & 64, viaFollowUp ? 0 : 64);
        QVERIFY(m_sim->interactionAckLatencyMs(id) < 3000);
        if (viaFollowUp) {
            // the public "thinking" message is removed; the private text is an ephemeral follow-up
            QVERIFY(!m_sim->originalResponse(id));
            const QList<SimMessage> followUps = m_sim->followUps(id);
            QCOMPARE(followUps.size(), 1);
            QVERIFY(followUps[0].ephemeral);
            QCOMPARE(followUps[0].content, QStringLiteral("Address: 10.0.0.5:25565"));
        } else {
            const auto original = m_sim->originalResponse(id);
            QVERIFY(original);
            QVERIFY(original->ephemeral);
            QCOMPARE(original->content, QStringLiteral("Address: 10.0.0.5:25565"));
        }
        // nothing private reached the channel
        for (const SimMessage &message : m_sim->messages(m_channel))
            QVERIFY(!message.content.contains(QLatin1String("10.0.0.5")));
    }

    // With the ephemeral reply style a reply is ephemeral however long the handler takes.
    void ephemeralStyleMakesEveryReplyEphemeral_data()
    {
        QTest::addColumn<bool>("slow");
        QTest::newRow("fast: type 4") << false;
        QTest::newRow("slow: type 5, then @original") << true;
    }
    void ephemeralStyleMakesEveryReplyEphemeral()
    {
        QFETCH(bool, slow);
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_deferStyle = InteractionResponder::DeferStyle::EphemeralReply;
        m_handler = [slow](Interaction) -> QCoro::Task<InteractionAnswer> {
            if (slow)
                co_await QCoro::sleepFor(kSlowHandler);
            co_return InteractionAnswer::reply(text(QStringLiteral("3 servers")));
        };
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("server_status"));
        QVERIFY(!waitFinished(finished, id));
        const QJsonObject response = m_sim->interactionResponse(id);
        QCOMPARE(response[u"type"].toInt(), slow ? 5 : 4);
        QCOMPARE(response[u"data"][u"flags"].toInt() & 64, 64);
        const auto original = m_sim->originalResponse(id);
        QVERIFY(original);
        QVERIFY(original->ephemeral);
        QCOMPARE(original->content, QStringLiteral("3 servers"));
        QVERIFY(m_sim->followUps(id).isEmpty());
    }

    // A long job shows where it is. Progress before the auto-defer is the callback itself (no
    // deferral follows, however long the job takes); later progress and the answer edit
    // @original, one request at a time, and the answer supersedes progress not yet sent.
    void progressThenAnswer_data()
    {
        QTest::addColumn<bool>("deferredFirst");
        QTest::newRow("progress is the callback") << false;
        QTest::newRow("progress after the deferral") << true;
    }
    void progressThenAnswer()
    {
        QFETCH(bool, deferredFirst);
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        QSignalSpy deferred(m_responder.get(), &InteractionResponder::deferred);
        m_deferStyle = InteractionResponder::DeferStyle::EphemeralReply;
        QStringList seenDuringJob;
        m_handler = [this, deferredFirst,
                     &seenDuringJob](Interaction interaction) -> QCoro::Task<InteractionAnswer> {
            if (deferredFirst)
                co_await QCoro::sleepFor(kSlowHandler);
            m_responder->showProgress(interaction, text(QStringLiteral("Refreshing 2 embeds…")));
            co_await QCoro::sleepFor(kSlowHandler); // well past the auto-defer
            const auto original = m_sim->originalResponse(interaction.id);
            seenDuringJob << (original ? original->content : QStringLiteral("(nothing)"));
            m_responder->showProgress(interaction, text(QStringLiteral("1 of 2 done")));
            // still waiting while "1 of 2" is on its way: the answer supersedes it
            m_responder->showProgress(interaction, text(QStringLiteral("2 of 2 done")));
            co_return InteractionAnswer::reply(text(QStringLiteral("Refreshed 2 of 2.")));
        };
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("refresh_embeds"));
        const ApiError error = waitFinished(finished, id);
        QVERIFY2(!error, qPrintable(error.toString()));

        const QJsonObject response = m_sim->interactionResponse(id);
        QCOMPARE(response[u"type"].toInt(), deferredFirst ? 5 : 4);
        QCOMPARE(response[u"data"][u"flags"].toInt() & 64, 64);
        QCOMPARE(deferred.size(), deferredFirst ? 1 : 0);
        QVERIFY(m_sim->interactionAckLatencyMs(id) < 3000);
        QCOMPARE(seenDuringJob, QStringList{QStringLiteral("Refreshing 2 embeds…")});
        QCOMPARE(sentContents(id),
                 (QStringList{QStringLiteral("Refreshing 2 embeds…"), QStringLiteral("1 of 2 done"),
                              QStringLiteral("Refreshed 2 of 2.")}));
        const auto original = m_sim->originalResponse(id);
        QVERIFY(original);
        QVERIFY(original->ephemeral);
        QCOMPARE(original->content, QStringLiteral("Refreshed 2 of 2."));
        QVERIFY(m_sim->followUps(id).isEmpty());
    }

    // Progress on a component with the update style replaces the component's message.
    void componentProgressUpdatesItsMessage()
    {
        const QString messageId = postButtonMessage();
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_handler = [this](Interaction interaction) -> QCoro::Task<InteractionAnswer> {
            m_responder->showProgress(interaction, text(QStringLiteral("Minecraft: working…")));
            co_await QCoro::sleepFor(kSlowHandler);
            co_return InteractionAnswer::update(text(QStringLiteral("Minecraft: starting")));
        };
        const QString id = m_sim->injectComponent(m_channel, messageId, kUser, {kAdminRole},
                                                  QStringLiteral("pdb:v1:power:start:a1b2c3d4"));
        QVERIFY(!waitFinished(finished, id));
        QCOMPARE(m_sim->interactionResponse(id)[u"type"].toInt(), 7);
        QCOMPARE(sentContents(id), (QStringList{QStringLiteral("Minecraft: working…"),
                                                QStringLiteral("Minecraft: starting")}));
        QCOMPARE(m_sim->message(m_channel, messageId)->content,
                 QStringLiteral("Minecraft: starting"));
    }

    // Without a Discord client (not created yet, or deleted by a reconnect) the interaction
    // ends with Cancelled instead of hanging.
    void noClientCancels()
    {
        InteractionResponder responder(nullptr, &m_clock);
        QSignalSpy finished(&responder, &InteractionResponder::finished);
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("server_status"));
        QTRY_COMPARE(m_received.size(), 1);
        responder.handle(m_received[0], [](Interaction) -> QCoro::Task<InteractionAnswer> {
            co_return InteractionAnswer::ephemeralText(QStringLiteral("never sent"));
        });
        QCOMPARE(waitFinished(finished, id).kind, ApiError::Kind::Cancelled);
        QCOMPARE(responder.activeCount(), 0);
        QVERIFY(!m_sim->interactionAcknowledged(id));
    }

    void buttonUpdatesItsMessage_data()
    {
        QTest::addColumn<bool>("slow");
        QTest::newRow("fast: type 7") << false;
        QTest::newRow("slow: type 6, then @original") << true;
    }
    void buttonUpdatesItsMessage()
    {
        QFETCH(bool, slow);
        const QString messageId = postButtonMessage();
        QVERIFY(!messageId.isEmpty());
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_handler = [slow](Interaction interaction) -> QCoro::Task<InteractionAnswer> {
            if (slow)
                co_await QCoro::sleepFor(kSlowHandler);
            Message message = text(
                QStringLiteral("Minecraft: starting (pressed by %1)").arg(interaction.username));
            co_return InteractionAnswer::update(message);
        };
        const QString id = m_sim->injectComponent(m_channel, messageId, kUser, {kAdminRole},
                                                  QStringLiteral("pdb:v1:power:start:a1b2c3d4"));
        const ApiError error = waitFinished(finished, id);
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(m_sim->interactionResponse(id)[u"type"].toInt(), slow ? 6 : 7);
        QVERIFY(m_sim->interactionAckLatencyMs(id) < 3000);
        const auto message = m_sim->message(m_channel, messageId);
        QVERIFY(message);
        QVERIFY2(message->content.startsWith(QLatin1String("Minecraft: starting")),
                 qPrintable(message->content));
        QVERIFY(message->components.isEmpty()); // an update replaces the components too
        QCOMPARE(m_received.size(), 1);
        QCOMPARE(m_received[0].customId, QStringLiteral("pdb:v1:power:start:a1b2c3d4"));
        QCOMPARE(m_received[0].messageId, messageId);
        QCOMPARE(m_received[0].componentType, ComponentType::Button);
    }

    void slowButtonReplyBecomesFollowUp()
    {
        const QString messageId = postButtonMessage();
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_handler = [](Interaction) -> QCoro::Task<InteractionAnswer> {
            co_await QCoro::sleepFor(kSlowHandler);
            co_return InteractionAnswer::ephemeralText(QStringLiteral("Start sent."));
        };
        const QString id = m_sim->injectComponent(m_channel, messageId, kUser, {kAdminRole},
                                                  QStringLiteral("pdb:v1:power:start:a1b2c3d4"));
        QVERIFY(!waitFinished(finished, id));
        QCOMPARE(m_sim->interactionResponse(id)[u"type"].toInt(), 6);
        // the status message keeps its content and button; the reply is an ephemeral follow-up
        QCOMPARE(m_sim->message(m_channel, messageId)->content,
                 QStringLiteral("Minecraft: offline"));
        const QList<SimMessage> followUps = m_sim->followUps(id);
        QCOMPARE(followUps.size(), 1);
        QVERIFY(followUps[0].ephemeral);
        QCOMPARE(followUps[0].content, QStringLiteral("Start sent."));
    }

    void selectWithFollowUps()
    {
        Message menu = text(QStringLiteral("Pick a server"));
        StringSelect select{*ComponentId::create(QStringLiteral("pdb:v1:select:0"))};
        select.options.append(
            SelectOption{QStringLiteral("Minecraft"), QStringLiteral("a1b2c3d4")});
        select.options.append(SelectOption{QStringLiteral("Valheim"), QStringLiteral("b2c3d4e5")});
        menu.components.append(ActionRow::ofSelect(select));
        const RestResult created =
            QCoro::waitFor(awaitReply(m_rest->createMessage(m_channel, menu)));
        QVERIFY(created.ok());
        const QString messageId = created.object()[u"id"].toString();

        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_handler = [](Interaction interaction) -> QCoro::Task<InteractionAnswer> {
            co_return InteractionAnswer::reply(
                text(QStringLiteral("Posting %1").arg(interaction.values.join(QLatin1Char(',')))),
                true)
                .withFollowUp(text(QStringLiteral("first follow-up")))
                .withFollowUp(text(QStringLiteral("second follow-up")));
        };
        const QString id = m_sim->injectComponent(m_channel, messageId, kUser, {kAdminRole},
                                                  QStringLiteral("pdb:v1:select:0"), 3,
                                                  {QStringLiteral("b2c3d4e5")});
        QVERIFY(!waitFinished(finished, id));
        QCOMPARE(m_received.size(), 1);
        QCOMPARE(m_received[0].values, QStringList{QStringLiteral("b2c3d4e5")});
        QCOMPARE(m_received[0].componentType, ComponentType::StringSelect);
        QCOMPARE(m_sim->originalResponse(id)->content, QStringLiteral("Posting b2c3d4e5"));
        QList<SimMessage> followUps = m_sim->followUps(id);
        QCOMPARE(followUps.size(), 2);
        QCOMPARE(followUps[0].content, QStringLiteral("first follow-up"));
        QCOMPARE(followUps[1].content, QStringLiteral("second follow-up"));

        // a later follow-up through the responder, and an edit of @original
        const Interaction interaction = m_received[0];
        QVERIFY(QCoro::waitFor(
                    awaitReply(m_responder->followUp(interaction, text(QStringLiteral("later")))))
                    .ok());
        QCOMPARE(m_sim->followUps(id).size(), 3);
        QVERIFY(QCoro::waitFor(awaitReply(m_responder->editOriginal(
                                   interaction, text(QStringLiteral("edited")))))
                    .ok());
        QCOMPARE(m_sim->originalResponse(id)->content, QStringLiteral("edited"));
        QVERIFY(QCoro::waitFor(awaitReply(m_responder->deleteOriginal(interaction))).ok());
        QVERIFY(!m_sim->originalResponse(id));
    }

    void handlerThatNeverAnswersIsForgotten()
    {
        InteractionResponder responder(m_rest.get(), &m_clock,
                                       ResponderOptions{.autoDeferMs = 50, .tokenLifetimeMs = 400});
        QSignalSpy finished(&responder, &InteractionResponder::finished);
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("server_status"));
        QTRY_COMPARE(m_received.size(), 1);
        // The handler returns only when the test says so: release.start(0) below.
        QTimer release;
        release.setSingleShot(true);
        release.start(1h);
        responder.handle(m_received[0], [&release](Interaction) -> QCoro::Task<InteractionAnswer> {
            co_await release;
            co_return InteractionAnswer::acknowledge();
        });
        const ApiError error = waitFinished(finished, id);
        QCOMPARE(error.kind, ApiError::Kind::Timeout);
        QCOMPARE(m_sim->interactionResponse(id)[u"type"].toInt(),
                 5); // deferred in time all the same
        QCOMPARE(responder.activeCount(), 0);
        // The forgotten handler still runs; the responder keeps it until it returns late.
        QCOMPARE(responder.runningHandlers(), 1);
        release.start(0);
        QCoro::waitFor(responder.waitForHandlers());
        QCOMPARE(responder.runningHandlers(), 0);
    }

    void failingHandlerStillAnswers()
    {
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        m_handler = [](Interaction) -> QCoro::Task<InteractionAnswer> {
            throw std::runtime_error("panel exploded");
            co_return InteractionAnswer::acknowledge();
        };
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("refresh_embeds"));
        QVERIFY(!waitFinished(finished, id));
        QCOMPARE(m_sim->interactionResponse(id)[u"type"].toInt(), 4);
        QVERIFY(m_sim->originalResponse(id)->ephemeral);
    }

    void secondDeliveryIsIgnored()
    {
        QSignalSpy finished(m_responder.get(), &InteractionResponder::finished);
        int runs = 0;
        m_handler = [&runs](Interaction) -> QCoro::Task<InteractionAnswer> {
            ++runs;
            co_await QCoro::sleepFor(50ms);
            co_return InteractionAnswer::ephemeralText(QStringLiteral("once"));
        };
        const QString id = m_sim->injectSlashCommand(m_channel, kUser, {kAdminRole},
                                                     QStringLiteral("server_status"));
        QTRY_COMPARE(m_received.size(), 1);
        m_responder->handle(m_received[0], m_handler); // a replayed dispatch
        QVERIFY(!waitFinished(finished, id));
        QCOMPARE(runs, 1);
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInteractions)
#include "tst_interactions.moc"
