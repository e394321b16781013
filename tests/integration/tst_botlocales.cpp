// BotCore end to end in other languages: an ephemeral reply follows the member's locale, a
// public embed and an alert the guild's (or [bot] locale), slash commands carry their
// descriptions' translations.
//
// The expected words come from the shipped catalogs, and each test also checks that they are not
// the English source: a test fails when the plumbing is wrong, and also while a translation it
// relies on is missing from a catalog.
#include "BotTestCase.h"

#include <QJsonArray>

#include "i18n/Translations.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

//! What the shipped catalog of \a locale makes of \a source.
QString said(const QString &locale, const char *context, const char *source,
             const char *disambiguation = nullptr)
{
    return Translations::shipped().text(locale, context, source, disambiguation);
}

//! Fails the test when \a text is still the English \a source.
#define VERIFY_TRANSLATED(text, locale, source)                                                    \
    QVERIFY2((text) != QLatin1String(source),                                                      \
             qPrintable(QStringLiteral("the %1 catalog does not translate \"%2\" yet")             \
                            .arg(locale, QLatin1String(source))))

QStringList fieldNames(const PterodisbotSim::SimMessage &message)
{
    QStringList names;
    for (const QJsonValue &field : message.embeds.at(0)[QStringLiteral("fields")].toArray())
        names << field[QStringLiteral("name")].toString();
    return names;
}

QStringList buttonLabels(const PterodisbotSim::SimMessage &message)
{
    QStringList labels;
    for (const QJsonValue &button :
         message.components.at(0)[QStringLiteral("components")].toArray())
        labels << button[QStringLiteral("label")].toString();
    return labels;
}

//! A member with the control role whose Discord speaks no language of its own (en-US).
const QString kOtherAdmin = QStringLiteral("1500000000000000003");

} // namespace

class TestBotLocales final : public BotTestCase
{
    Q_OBJECT

private slots:
    // A member whose Discord is German reads German replies; at the same time another member
    // reads English: the language is the interaction's, not the bot's.
    void germanMemberReadsGerman()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        h.discord->setUserLocale(kAdmin, QStringLiteral("de"));
        h.discord->setUserLocale(kStranger, QStringLiteral("de"));

        const char *choose = "Choose a server to post its status here:";
        const QString german = said(QStringLiteral("de"), "ServerStatusMenu", choose);
        VERIFY_TRANSLATED(german, QStringLiteral("de"), choose);
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        QCOMPARE(h.discord->interactionPayload(command)[QStringLiteral("locale")].toString(),
                 QStringLiteral("de"));
        const auto menu = h.discord->originalResponse(command);
        QVERIFY(menu->ephemeral);
        QVERIFY2(menu->content.contains(german), qPrintable(menu->content));
        QVERIFY2(!menu->content.contains(QLatin1String(choose)), qPrintable(menu->content));

        const QString english = h.serverStatus(kOtherAdmin);
        QVERIFY(!english.isEmpty());
        QVERIFY2(h.discord->originalResponse(english)->content.contains(QLatin1String(choose)),
                 qPrintable(h.discord->originalResponse(english)->content));

        // A refusal is the member's language too.
        const char *needRole = "You need the %1 role to control servers.";
        const QString refusal = said(QStringLiteral("de"), "AccessPolicy", needRole)
                                    .arg(QStringLiteral("Server Admin"));
        VERIFY_TRANSLATED(said(QStringLiteral("de"), "AccessPolicy", needRole),
                          QStringLiteral("de"), needRole);
        const QString refused = h.discord->injectSlashCommand(h.channel(), kStranger, {},
                                                              QStringLiteral("refresh_embeds"));
        BOT_VERIFY_SOON(h.discord->originalResponse(refused).has_value(), kSoonMs);
        QCOMPARE(h.discord->originalResponse(refused)->content, refusal);
    }

    // Discord locales without a catalog, and a locale Discord may add one day: English.
    void unknownLocaleReadsEnglish_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("Japanese, no catalog") << QStringLiteral("ja");
        QTest::newRow("not a locale yet") << QStringLiteral("xx");
    }
    void unknownLocaleReadsEnglish()
    {
        QFETCH(QString, locale);
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        h.discord->setUserLocale(kAdmin, locale);
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        QVERIFY2(menu->content.contains(QStringLiteral("Choose a server to post its status here:")),
                 qPrintable(menu->content));
        QVERIFY2(menu->content.contains(QStringLiteral("**5** servers")),
                 qPrintable(menu->content));
    }

    // The embed is public: it speaks the guild's language, whoever asked for it.
    void frenchGuildReadsFrenchEmbed()
    {
        BotHarness &h = harness();
        h.discordOptions.guildLocale = QStringLiteral("fr");
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        const auto message = h.discord->message(h.channel(), messageId);
        QVERIFY(message.has_value());

        const QString fr = QStringLiteral("fr");
        const QString state = said(fr, "StatusEmbed", "State");
        VERIFY_TRANSLATED(state, fr, "State");
        const QString memory = said(fr, "StatusEmbed", "Memory");
        VERIFY_TRANSLATED(memory, fr, "Memory");
        const QStringList names = fieldNames(*message);
        QVERIFY2(names.contains(state), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(memory), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(!names.contains(QStringLiteral("State")),
                 qPrintable(names.join(QLatin1Char('|'))));
        const QString showAddress = said(fr, "StatusEmbed", "Show Address", "button");
        VERIFY_TRANSLATED(showAddress, fr, "Show Address");
        QCOMPARE(buttonLabels(*message),
                 (QStringList{said(fr, "StatusEmbed", "Start", "button"),
                              said(fr, "StatusEmbed", "Stop", "button"),
                              said(fr, "StatusEmbed", "Restart", "button"), showAddress}));
        const QString footer = said(fr, "StatusEmbed", "Last update · %1");
        VERIFY_TRANSLATED(footer, fr, "Last update · %1");
        QCOMPARE(message->embeds.at(0)[QStringLiteral("footer")][QStringLiteral("text")].toString(),
                 footer.arg(kSurvival));
    }

    // [bot] locale beats the guild's own language.
    void configuredLocaleBeatsTheGuild()
    {
        BotHarness &h = harness();
        h.discordOptions.guildLocale = QStringLiteral("fr");
        QVERIFY(h.startSimulators());
        Config config = h.config();
        config.bot.locale = QStringLiteral("de");
        QVERIFY(h.startBot(config));
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        const QString state = said(QStringLiteral("de"), "StatusEmbed", "State");
        VERIFY_TRANSLATED(state, QStringLiteral("de"), "State");
        QVERIFY(state != said(QStringLiteral("fr"), "StatusEmbed", "State"));
        const QStringList names = fieldNames(*h.discord->message(h.channel(), messageId));
        QVERIFY2(names.contains(state), qPrintable(names.join(QLatin1Char('|'))));
    }

    // The guild switches its language (GUILD_UPDATE): the embeds follow at the next cycle.
    void guildLanguageChangeRewritesEmbeds()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QString messageId = h.postEmbed(kSurvival);
        QVERIFY(!messageId.isEmpty());
        QVERIFY(fieldNames(*h.discord->message(h.channel(), messageId))
                    .contains(QStringLiteral("State")));

        const QString state = said(QStringLiteral("de"), "StatusEmbed", "State");
        VERIFY_TRANSLATED(state, QStringLiteral("de"), "State");
        h.discord->setGuildLocale(QStringLiteral("de"));
        BOT_VERIFY_SOON(fieldNames(*h.discord->message(h.channel(), messageId)).contains(state),
                        kSoonMs);
    }

    // An alert is public too: the guild's language.
    void alertsReadTheGuildsLanguage()
    {
        BotHarness &h = harness();
        h.discordOptions.guildLocale = QStringLiteral("fr");
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QSignalSpy alerts(h.bot.get(), &BotCore::alertRaised);
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        BOT_VERIFY_SOON(cycles.size() >= 2, kSoonMs); // the bot has seen it running

        const char *crash = "%1 went offline unexpectedly";
        const QString french = said(QStringLiteral("fr"), "OutageAlerts", crash);
        VERIFY_TRANSLATED(french, QStringLiteral("fr"), crash);
        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        const auto posted = [&h, &french] {
            for (const auto &message : h.discord->messages(h.alertChannel())) {
                if (message.content == french.arg(QStringLiteral("Survival")))
                    return true;
            }
            return false;
        };
        BOT_VERIFY_SOON(posted(), kSoonMs);
        // The log and the window keep English.
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).at(0).toString(),
                 QStringLiteral("Survival went offline unexpectedly"));
    }

    // Every command's description in German and French; a restart finds them unchanged.
    void commandsCarryDescriptionLocalizations()
    {
        BotHarness &h = harness();
        QVERIFY(h.startSimulators());
        QVERIFY(h.startBot());
        const QJsonArray commands = h.discord->registeredCommands();
        QCOMPARE(commands.size(), 3);
        for (const QJsonValue &value : commands) {
            const QJsonObject command = value.toObject();
            const QByteArray english = command[QStringLiteral("description")].toString().toUtf8();
            const QJsonObject localized =
                command[QStringLiteral("description_localizations")].toObject();
            for (const QString &locale : {QStringLiteral("de"), QStringLiteral("fr")}) {
                const QString expected = said(locale, "CommandHandlers", english.constData());
                VERIFY_TRANSLATED(expected, locale, english.constData());
                QCOMPARE(localized[locale].toString(), expected);
            }
            // Names are what members type: they stay English.
            QVERIFY(command[QStringLiteral("name_localizations")].isNull());
        }

        h.stopBot();
        h.discord->clearRequests();
        QVERIFY(h.startBot());
        for (const auto &request : h.discord->requests())
            QVERIFY2(request.method != QLatin1String("PUT"), qPrintable(request.path));
    }
};

QTEST_MAIN(TestBotLocales)
#include "tst_botlocales.moc"
