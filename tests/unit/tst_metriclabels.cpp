// The label values of /metrics come from small fixed sets: never an id, a token or free text.
#include <QJsonArray>
#include <QTest>

#include "bot/StatusEmbed.h"
#include "discord/DiscordEndpoints.h"
#include "discord/DiscordRouteKind.h"
#include "monitoring/BotMetrics.h"

using namespace Pterodisbot;

namespace {

const QString kChannel = QStringLiteral("1300000000000000001");
const QString kMessage = QStringLiteral("1300000000000000002");
const QString kGuild = QStringLiteral("1200000000000000001");
const QString kApplication = QStringLiteral("1100000000000000001");
const QString kInteraction = QStringLiteral("1600000000000000001");
const QString kToken = QStringLiteral("aW50ZXJhY3Rpb246MTYwMDAwMDAwMDAwMDAwMDAwMTpzZWNyZXQ");

} // namespace

class TestMetricLabels final : public QObject
{
    Q_OBJECT

private slots:
    // Every endpoint the bot calls has its own kind (none falls through to "other").
    void routeKindOfEveryEndpoint_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        namespace E = DiscordEndpoints;
        const auto row = [](const char *name, const RestCall &call, const char *kind) {
            QTest::newRow(name) << call.method << call.path << QString::fromLatin1(kind);
        };
        const Message message;
        // clang-format off
        row("gateway",            E::getGatewayBot(), "gateway");
        row("current user",       E::getCurrentUser(), "identity");
        row("application",        E::getCurrentApplication(), "identity");
        row("user guilds",        E::getCurrentUserGuilds(), "identity");
        row("guild roles",        E::getGuildRoles(kGuild), "guild");
        row("guild channels",     E::getGuildChannels(kGuild), "guild");
        row("create message",     E::createMessage(kChannel, message), "message_create");
        row("edit message",       E::editMessage(kChannel, kMessage, message), "message_edit");
        row("delete message",     E::deleteMessage(kChannel, kMessage), "message_delete");
        row("get message",        E::getMessage(kChannel, kMessage), "message_get");
        row("get commands",       E::getGuildCommands(kApplication, kGuild), "commands");
        row("overwrite commands", E::bulkOverwriteGuildCommands(kApplication, kGuild, {}), "commands");
        row("callback",           E::createInteractionResponse(kInteraction, kToken, 4, message, Message::Mode::Create), "interaction_callback");
        row("get original",       E::getOriginalResponse(kApplication, kToken), "interaction_webhook");
        row("edit original",      E::editOriginalResponse(kApplication, kToken, message), "interaction_webhook");
        row("delete original",    E::deleteOriginalResponse(kApplication, kToken), "interaction_webhook");
        row("follow-up",          E::createFollowUp(kApplication, kToken, message), "interaction_webhook");
        // clang-format on
        QTest::newRow("unknown route")
            << QByteArray("GET") << QStringLiteral("/stickers/123") << QStringLiteral("other");
        QTest::newRow("prefix is a whole segment")
            << QByteArray("GET") << QStringLiteral("/guildsx/1") << QStringLiteral("other");
        QTest::newRow("wrong method")
            << QByteArray("PUT") << QStringLiteral("/channels/%1/messages").arg(kChannel)
            << QStringLiteral("other");
    }
    void routeKindOfEveryEndpoint()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, kind);
        QCOMPARE(discordRouteKind(method, path), kind);
        QVERIFY(discordRouteKinds().contains(kind));
    }

    void routeKindsAreAFixedSetOfNames()
    {
        const QStringList kinds = discordRouteKinds();
        QCOMPARE(kinds.last(), QStringLiteral("other"));
        QCOMPARE(kinds.size(), QSet<QString>(kinds.begin(), kinds.end()).size());
        for (const QString &kind : kinds) {
            QVERIFY2(!kind.contains(QLatin1Char('{')) && !kind.contains(QLatin1Char('/')),
                     qPrintable(kind));
            QVERIFY2(!kind.contains(kToken), qPrintable(kind));
        }
    }

    void editReasons_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("label");
        // clang-format off
        QTest::newRow("first check")       << QStringLiteral("first check") << QStringLiteral("first_check");
        QTest::newRow("state changed")     << QStringLiteral("state changed") << QStringLiteral("state_changed");
        QTest::newRow("live state change") << QStringLiteral("state changed (live)") << QStringLiteral("state_changed");
        QTest::newRow("cpu delta")         << QStringLiteral("cpu delta") << QStringLiteral("cpu_delta");
        QTest::newRow("forced refresh")    << QStringLiteral("forced refresh") << QStringLiteral("forced_refresh");
        QTest::newRow("condition")         << QStringLiteral("condition changed") << QStringLiteral("condition_changed");
        QTest::newRow("chart available")   << QStringLiteral("chart available") << QStringLiteral("chart_available");
        QTest::newRow("unreachable")       << QStringLiteral("unreachable") << QStringLiteral("unreachable");
        QTest::newRow("refresh command")   << QStringLiteral("refresh") << QStringLiteral("refresh");
        QTest::newRow("power button")      << QStringLiteral("power action") << QStringLiteral("power_action");
        QTest::newRow("unknown")           << QStringLiteral("something new") << QStringLiteral("other");
        QTest::newRow("free text")         << QStringLiteral("server 1a7ce997 said \"hi\"") << QStringLiteral("other");
        QTest::newRow("empty")             << QString() << QStringLiteral("other");
        // clang-format on
    }
    void editReasons()
    {
        QFETCH(QString, reason);
        QFETCH(QString, label);
        QCOMPARE(BotMetrics::editReasonLabel(reason), label);
        QVERIFY(BotMetrics::editReasonLabels().contains(label));
    }

    void displayStates()
    {
        QSet<QString> labels;
        for (DisplayState state :
             {DisplayState::Running, DisplayState::Starting, DisplayState::Stopping,
              DisplayState::Offline, DisplayState::Suspended, DisplayState::Installing,
              DisplayState::Unreachable, DisplayState::Unknown})
            labels.insert(displayStateName(state));
        QCOMPARE(labels.size(), 8);
        QVERIFY(labels.contains(QStringLiteral("running")));
        QVERIFY(labels.contains(QStringLiteral("unreachable")));
    }

    void cycleBucketsAscend()
    {
        const QList<double> buckets = BotMetrics::cycleDurationBuckets();
        QVERIFY(!buckets.isEmpty());
        for (qsizetype i = 1; i < buckets.size(); ++i)
            QVERIFY(buckets.at(i - 1) < buckets.at(i));
    }
};

QTEST_GUILESS_MAIN(TestMetricLabels)
#include "tst_metriclabels.moc"
