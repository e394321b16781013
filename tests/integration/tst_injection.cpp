// Hostile text from the panel: a server owner names a server "[Click](http://evil.example)",
// "**@everyone**" or "<@&…>", a node "`Frankfurt`", a description full of headings and quotes.
// Wherever the bot puts that text (status embed, select menu, button replies, errors, outage
// alerts) Discord must show it literally: no link, no ping, no formatting, no reordered text,
// every message carrying allowed_mentions {parse: []}, every length within Discord's limits.
#include "BotTestCase.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "discord/MessageLimits.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;

namespace {

constexpr int kPatienceMs = 15000;
const QString kCommunity = QStringLiteral("c3d4e5f6");

// What the hostile panel calls things, and what Discord must be sent so that it shows them as
// typed (written out by hand: the test does not ask the code under test what to expect).
const QString kLinkName = QStringLiteral("**@everyone** [Click](http://evil.example)");
const QString kLinkShown = QStringLiteral(R"(\*\*\@everyone\*\* \[Click](http\://evil.example))");
const QString kMentionName = QStringLiteral("<@&1400000000000000001> <@1500000000000000001> @here "
                                            "`x` ||s||\u202E\u200B\n# heading");
const QString kMentionShown =
    QStringLiteral(R"(\<\@&1400000000000000001> \<\@1500000000000000001> \@here \`x\` )"
                   R"(\|\|s\|\| # heading)");
const QString kQuoteName = QStringLiteral("-# small > quote ~~s~~ __u__");
const QString kQuoteShown = QStringLiteral(R"(\-# small > quote \~\~s\~\~ \_\_u\_\_)");
const QString kDescription =
    QStringLiteral("# heading\n> quote\n-# small\n1. list [Click](http://evil.example)");
const QString kDescriptionShown = QStringLiteral(
    "\\# heading\n\\> quote\n\\-# small\n1\\. list \\[Click](http\\://evil.example)");
const QString kNodeName = QStringLiteral("`Frankfurt` <#1300000000000000001>");
const QString kNodeShown = QStringLiteral(R"(\`Frankfurt\` \<#1300000000000000001>)");
// 500 characters of links: escaped, far more than a title holds.
const QString kLongName = QStringLiteral("[x](http://e.example)").repeated(24).left(500);

//! The seed of the harness with the hostile names, written to \a dir.
QString writeHostileSeed(const QString &dir)
{
    QJsonObject seed =
        QJsonDocument::fromJson(TestSupport::readData(QStringLiteral("sim/servers.json"))).object();
    QJsonArray nodes = seed.value(QStringLiteral("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        node.insert(QStringLiteral("name"), QString(kNodeName + QString::number(i + 1)));
        nodes.replace(i, node);
    }
    seed.insert(QStringLiteral("nodes"), nodes);
    QJsonArray servers = seed.value(QStringLiteral("servers")).toArray();
    const QStringList names{kLinkName, kMentionName, kQuoteName, kLongName};
    for (qsizetype i = 0; i < names.size(); ++i) {
        QJsonObject server = servers.at(i).toObject();
        server.insert(QStringLiteral("name"), names.at(i));
        server.insert(QStringLiteral("description"), kDescription);
        servers.replace(i, server);
    }
    seed.insert(QStringLiteral("servers"), servers);
    const QString path = dir + QStringLiteral("/hostile_servers.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(seed).toJson());
    return path;
}

//! The first construct in \a text (as Discord reads Markdown) that would not show literally:
//! a masked link, an autolink, a mention, a tag, formatting or a line-start marker; empty when
//! none. A backslash escapes the character after it. Bold ("**") and, with \a codeAllowed, code
//! spans are not reported: the bot's own sentences use them around the quoted text.
QString firstConstruct(const QString &text, bool codeAllowed = false)
{
    bool lineStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QStringView rest = QStringView(text).mid(i);
        if (c == u'\\') {
            ++i;
            lineStart = false;
            continue;
        }
        if (c == u'\n') {
            lineStart = true;
            continue;
        }
        if (lineStart && c != u' ') {
            if (c == u'#' || c == u'>' || rest.startsWith(u"-#") || rest.startsWith(u"- "))
                return QStringLiteral("line start: ") + rest.left(12);
            lineStart = false;
        }
        if (c == u'<' && rest.size() > 1 && QStringLiteral("@#:t/a").contains(rest.at(1)))
            return QStringLiteral("tag: ") + rest.left(12);
        if (rest.startsWith(u"@everyone") || rest.startsWith(u"@here"))
            return QStringLiteral("mass mention: ") + rest.left(12);
        if (c == u'[' && rest.contains(u"]("))
            return QStringLiteral("masked link: ") + rest.left(24);
        if (rest.startsWith(u"://"))
            return QStringLiteral("autolink: ") + text.mid(qMax<qsizetype>(0, i - 5), 16);
        if (rest.startsWith(u"||") || rest.startsWith(u"~~") || rest.startsWith(u"__"))
            return QStringLiteral("formatting: ") + rest.left(12);
        if (c == u'`' && !codeAllowed)
            return QStringLiteral("code: ") + rest.left(12);
    }
    return {};
}

//! True when \a text holds a character that hides or reorders text, or (\a singleLine) a
//! line break.
bool hasControls(const QString &text, bool singleLine)
{
    for (const QChar c : text) {
        if (c == u'\n' && !singleLine)
            continue;
        if (c.category() == QChar::Other_Control || c == QChar(0x202E) || c == QChar(0x200B))
            return true;
    }
    return false;
}

#define VERIFY_LITERAL(text, codeAllowed)                                                          \
    do {                                                                                           \
        const QString found = firstConstruct(text, codeAllowed);                                   \
        QVERIFY2(found.isEmpty(), qPrintable(found + QStringLiteral(" in: ") + (text)));           \
    } while (false)

} // namespace

class TestInjection final : public BotTestCase
{
    Q_OBJECT

private:
    //! Both simulators with the hostile seed, and the bot connected to them.
    bool startHostile()
    {
        BotHarness &h = harness();
        h.panelOptions.seedFile = writeHostileSeed(h.dataDir.path());
        return !h.panelOptions.seedFile.isEmpty() && h.startSimulators() && h.startBot();
    }

    //! Every message body the bot sent to Discord carries allowed_mentions {parse: []} once,
    //! and Discord refused none of them (the simulator answers 400 to a body over a limit).
    void verifyEveryBodyMentionsNobody()
    {
        int bodies = 0;
        for (const auto &request : harness().discord->requests()) {
            QVERIFY2(request.status < 400, qPrintable(request.method + u' ' + request.path + u' ' +
                                                      QString::number(request.status) + u' ' +
                                                      QString::fromUtf8(request.body.left(300))));
            const bool messageBody = (request.method == QLatin1String("POST") ||
                                      request.method == QLatin1String("PATCH")) &&
                                     (request.path.contains(QLatin1String("/messages")) ||
                                      request.path.contains(QLatin1String("/webhooks/")) ||
                                      (request.path.endsWith(QLatin1String("/callback")) &&
                                       request.body.contains("\"data\"")));
            if (!messageBody)
                continue;
            ++bodies;
            QVERIFY2(request.body.count("\"allowed_mentions\"") == 1 &&
                         request.body.contains("\"allowed_mentions\":{\"parse\":[]}"),
                     qPrintable(request.path + u' ' + QString::fromUtf8(request.body.left(300))));
        }
        QVERIFY(bodies > 0);
    }

    //! The ephemeral answer to \a interactionId, once it has content.
    QString answerTo(const QString &interactionId)
    {
        BotHarness &h = harness();
        if (!waitUntil(
                [&] {
                    const auto answer = h.discord->originalResponse(interactionId);
                    return answer && !answer->content.isEmpty();
                },
                kPatienceMs))
            return {};
        const auto answer = h.discord->originalResponse(interactionId);
        return answer->ephemeral ? answer->content : QString();
    }

private slots:
    // The public embed: title, description, fields, footer and author literal and in limits.
    void embedsShowPanelTextLiterally()
    {
        BotHarness &h = harness();
        QVERIFY(startHostile());
        for (const QString &server : {kSurvival, kValheim, kRust, kCommunity})
            QVERIFY2(!h.postEmbed(server).isEmpty(), qPrintable(server));
        QCoro::waitFor(h.bot->runCycleNow());

        const QHash<QString, QString> titles{
            {kSurvival, kLinkShown}, {kValheim, kMentionShown}, {kRust, kQuoteShown}};
        for (const QString &server : {kSurvival, kValheim, kRust, kCommunity}) {
            const auto message = h.embedMessage(server);
            QVERIFY2(message && message->embeds.size() == 1, qPrintable(server));
            const QJsonObject embed = message->embeds.at(0).toObject();
            const QString title = embed.value(QStringLiteral("title")).toString();
            const QString description = embed.value(QStringLiteral("description")).toString();
            if (titles.contains(server))
                QCOMPARE(title, titles.value(server));
            QCOMPARE(description, kDescriptionShown);
            VERIFY_LITERAL(title, false);
            VERIFY_LITERAL(description, false);
            QVERIFY(!hasControls(title, true));
            QVERIFY(!hasControls(description, false));
            QVERIFY(title.size() <= MessageLimits::EmbedTitle);
            for (const QJsonValue &field : embed.value(QStringLiteral("fields")).toArray()) {
                const QString value = field[QStringLiteral("value")].toString();
                if (field[QStringLiteral("name")].toString() == QLatin1String("Node"))
                    QVERIFY2(value == kNodeShown + u'1' || value == kNodeShown + u'2',
                             qPrintable(value));
                VERIFY_LITERAL(value, false);
                QVERIFY(!hasControls(value, false));
                QVERIFY(value.size() <= MessageLimits::EmbedFieldValue);
            }
            const QString footer =
                embed[QStringLiteral("footer")][QStringLiteral("text")].toString();
            QVERIFY(footer.endsWith(server));
            QVERIFY(!hasControls(footer, true));
            QVERIFY(!hasControls(embed[QStringLiteral("author")][QStringLiteral("name")].toString(),
                                 true));
        }
        // The 500-character name: cut inside the title's 256, between two escapes.
        const QString longTitle =
            h.embedMessage(kCommunity)->embeds.at(0)[QStringLiteral("title")].toString();
        QVERIFY(longTitle.size() <= MessageLimits::EmbedTitle);
        QVERIFY(longTitle.size() > MessageLimits::EmbedTitle - 24);
        QVERIFY(longTitle.startsWith(QStringLiteral(R"(\[x](http\://e.example)\[x])")));
        QVERIFY(longTitle.endsWith(QChar(0x2026)));
        verifyEveryBodyMentionsNobody();
    }

    // The select menu's labels are plain text to Discord: the name exactly, without line
    // breaks or invisible controls, at most 100 characters; the reply mentions nobody.
    void selectMenuShowsNamesAsPlainText()
    {
        BotHarness &h = harness();
        QVERIFY(startHostile());
        const QString command = h.serverStatus();
        QVERIFY(!command.isEmpty());
        const auto menu = h.discord->originalResponse(command);
        QVERIFY(menu->ephemeral);
        VERIFY_LITERAL(menu->content, false);
        const QJsonArray options =
            menu->components.at(0)[QStringLiteral("components")][0][QStringLiteral("options")]
                .toArray();
        QVERIFY(options.size() >= 4);
        QHash<QString, QString> labels;
        for (const QJsonValue &option : options) {
            const QString label = option[QStringLiteral("label")].toString();
            const QString description = option[QStringLiteral("description")].toString();
            QVERIFY(!label.isEmpty() && label.size() <= MessageLimits::SelectOptionText);
            QVERIFY(description.size() <= MessageLimits::SelectOptionText);
            QVERIFY2(!hasControls(label, true), qPrintable(label));
            QVERIFY(!hasControls(description, true));
            labels.insert(option[QStringLiteral("value")].toString(), label);
        }
        QCOMPARE(labels.value(kSurvival), kLinkName);
        QCOMPARE(labels.value(kRust), kQuoteName);
        QCOMPARE(labels.value(kValheim),
                 QStringLiteral("<@&1400000000000000001> <@1500000000000000001> @here `x` ||s|| "
                                "# heading"));
        QCOMPARE(labels.value(kCommunity).size(), MessageLimits::SelectOptionText);
        QVERIFY(labels.value(kCommunity).startsWith(kLongName.left(60)));

        // Choosing one: "Posted the status of **…** here" quotes the name literally.
        const QString select =
            h.discord->injectComponent(h.channel(), menu->id, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:select:0"), 3, {kSurvival});
        const QString posted = answerTo(select);
        QVERIFY2(posted.contains(QStringLiteral("**%1**").arg(kLinkShown)), qPrintable(posted));
        VERIFY_LITERAL(posted, false);
        verifyEveryBodyMentionsNobody();
    }

    // Button replies with and without the role, the address, a refused and a failed action:
    // every sentence quotes the name literally.
    void buttonRepliesQuoteNamesLiterally()
    {
        BotHarness &h = harness();
        h.tuning.powerCooldownMs = 600000; // the second press below meets the cooldown
        QVERIFY(startHostile());
        const QString rustMessage = h.postEmbed(kRust);
        const QString survivalMessage = h.postEmbed(kSurvival);
        const QString valheimMessage = h.postEmbed(kValheim);
        const QString communityMessage = h.postEmbed(kCommunity);
        QVERIFY(!rustMessage.isEmpty() && !survivalMessage.isEmpty() && !valheimMessage.isEmpty() &&
                !communityMessage.isEmpty());

        const QString startRust = QStringLiteral("pdb:v1:power:start:") + kRust;
        const QString refused = answerTo(
            h.discord->injectComponent(h.channel(), rustMessage, kStranger, {}, startRust));
        QVERIFY2(refused.contains(QStringLiteral("Server Admin")), qPrintable(refused));
        VERIFY_LITERAL(refused, false);
        QCOMPARE(h.powerRequests(), 0);

        const QString started = answerTo(
            h.discord->injectComponent(h.channel(), rustMessage, kAdmin, {kAdminRole}, startRust));
        QVERIFY2(started.startsWith(QStringLiteral("Start sent to **%1**").arg(kQuoteShown)),
                 qPrintable(started));
        VERIFY_LITERAL(started, false);
        QCOMPARE(h.powerRequests(), 1);

        // Pressed again at once: the cooldown's refusal names the server too.
        const QString cooling = answerTo(
            h.discord->injectComponent(h.channel(), rustMessage, kAdmin, {kAdminRole}, startRust));
        QVERIFY2(cooling.contains(kQuoteShown), qPrintable(cooling));
        VERIFY_LITERAL(cooling, false);

        const QString address =
            answerTo(h.discord->injectComponent(h.channel(), survivalMessage, kAdmin, {kAdminRole},
                                                QStringLiteral("pdb:v1:addr:") + kSurvival));
        QCOMPARE(address, QStringLiteral("🌐 **%1**: `mc.example.com:25565`").arg(kLinkShown));
        VERIFY_LITERAL(address, true);

        h.panel->setFailure(502, kValheim);
        const QString failed =
            answerTo(h.discord->injectComponent(h.channel(), valheimMessage, kAdmin, {kAdminRole},
                                                QStringLiteral("pdb:v1:power:stop:") + kValheim));
        QVERIFY2(failed.startsWith(QStringLiteral("Could not stop **%1**: ").arg(kMentionShown)),
                 qPrintable(failed));
        VERIFY_LITERAL(failed, false);
        QVERIFY(!hasControls(failed, true));

        // The 500-character name is cut in the sentence, which stays well inside 2000.
        const QString restarted = answerTo(
            h.discord->injectComponent(h.channel(), communityMessage, kAdmin, {kAdminRole},
                                       QStringLiteral("pdb:v1:power:restart:") + kCommunity));
        QVERIFY2(
            restarted.startsWith(QStringLiteral(R"(Restart sent to **\[x](http\://e.example))")),
            qPrintable(restarted));
        QVERIFY(restarted.contains(QStringLiteral("…**")));
        QVERIFY(restarted.size() < 400);
        VERIFY_LITERAL(restarted, false);
        verifyEveryBodyMentionsNobody();
    }

    // A crash alert in the alert channel names the server literally; the log and the admin
    // window (alertRaised) keep the name as the panel has it.
    void outageAlertQuotesNameLiterally()
    {
        BotHarness &h = harness();
        QVERIFY(startHostile());
        QVERIFY(!h.postEmbed(kSurvival).isEmpty());
        QSignalSpy alerts(h.bot.get(), &BotCore::alertRaised);
        QSignalSpy cycles(h.bot.get(), &BotCore::cycleFinished);
        BOT_VERIFY_SOON(cycles.size() >= 2, kPatienceMs); // the bot has seen it running

        h.panel->setServerState(kSurvival, QStringLiteral("offline"));
        const QString expected = kLinkShown + QStringLiteral(" went offline unexpectedly");
        const auto posted = [&] {
            for (const auto &message : h.discord->messages(h.alertChannel())) {
                if (message.content == expected)
                    return true;
            }
            return false;
        };
        BOT_VERIFY_SOON(posted(), kPatienceMs);
        VERIFY_LITERAL(expected, false);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).at(0).toString(),
                 kLinkName + QStringLiteral(" went offline unexpectedly"));
        verifyEveryBodyMentionsNobody();
    }
};

QTEST_MAIN(TestInjection)
#include "tst_injection.moc"
