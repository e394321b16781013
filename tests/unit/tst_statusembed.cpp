#include "bot/CustomId.h"
#include "bot/ServerStatusMenu.h"
#include "bot/StatusEmbed.h"
#include "discord/Markdown.h"
#include "discord/MessageLimits.h"
#include "StatusFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Pterodisbot;

namespace {

QJsonObject buttonJson(const QJsonObject &message, int index)
{
    return message.value(QStringLiteral("components"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("components"))
        .toArray()
        .at(index)
        .toObject();
}

} // namespace

class TestStatusEmbed final : public QObject
{
    Q_OBJECT

private slots:
    // One row per situation a server can be in: what the embed must look like and which
    // buttons are usable.
    void states_data()
    {
        QTest::addColumn<int>("power"); // -1: no sample
        QTest::addColumn<int>("condition");
        QTest::addColumn<bool>("unreachable");
        QTest::addColumn<bool>("chart");
        QTest::addColumn<int>("display");
        QTest::addColumn<qint64>("colour");
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("start");
        QTest::addColumn<bool>("stop");
        QTest::addColumn<bool>("restart");
        QTest::addColumn<bool>("usage"); // CPU/memory/network/uptime fields shown
        using P = PowerState;
        using C = ServerCondition;
        using D = DisplayState;
        const qint64 green = StatusEmbed::ColourRunning;
        const qint64 amber = StatusEmbed::ColourTransition;
        const qint64 red = StatusEmbed::ColourOffline;
        const qint64 grey = StatusEmbed::ColourGrey;
        const int normal = int(C::Normal);
        // clang-format off
        QTest::newRow("running")          << int(P::Running) << normal << false << true  << int(D::Running) << green << "Running" << false << true << true << true;
        QTest::newRow("running no chart") << int(P::Running) << normal << false << false << int(D::Running) << green << "Running" << false << true << true << true;
        QTest::newRow("starting")         << int(P::Starting) << normal << false << false << int(D::Starting) << amber << "Starting" << false << true << true << true;
        QTest::newRow("stopping")         << int(P::Stopping) << normal << false << false << int(D::Stopping) << amber << "Stopping" << false << false << false << true;
        QTest::newRow("offline")          << int(P::Offline) << normal << false << false << int(D::Offline) << red << "Offline" << true << false << false << false;
        QTest::newRow("suspended")        << int(P::Offline) << int(C::Suspended) << false << false << int(D::Suspended) << grey << "Suspended" << false << false << false << false;
        QTest::newRow("suspended running")<< int(P::Running) << int(C::Suspended) << false << false << int(D::Suspended) << grey << "Suspended" << false << false << false << true;
        QTest::newRow("installing")       << int(P::Offline) << int(C::Installing) << false << false << int(D::Installing) << grey << "Installing" << false << false << false << false;
        QTest::newRow("install failed")   << int(P::Offline) << int(C::InstallFailed) << false << false << int(D::Installing) << grey << "Unavailable (install failed)" << false << false << false << false;
        QTest::newRow("transferring")     << int(P::Running) << int(C::Transferring) << false << false << int(D::Installing) << grey << "Unavailable (transferring)" << false << false << false << true;
        QTest::newRow("unreachable")      << int(P::Running) << normal << true << false << int(D::Unreachable) << grey << "Unreachable" << false << false << false << false;
        QTest::newRow("unreachable no sample") << -1 << normal << true << false << int(D::Unreachable) << grey << "Unreachable" << false << false << false << false;
        QTest::newRow("no sample yet")    << -1 << normal << false << false << int(D::Unknown) << grey << "Unknown" << true << true << true << false;
        QTest::newRow("unknown state")    << int(P::Unknown) << normal << false << false << int(D::Unknown) << grey << "Unknown" << true << true << true << true;
        // clang-format on
    }
    void states()
    {
        QFETCH(int, power);
        QFETCH(int, condition);
        QFETCH(bool, unreachable);
        QFETCH(bool, chart);
        QFETCH(int, display);
        QFETCH(qint64, colour);
        QFETCH(QString, label);
        QFETCH(bool, start);
        QFETCH(bool, stop);
        QFETCH(bool, restart);
        QFETCH(bool, usage);

        StatusView view;
        view.server = TestSupport::survivalServer();
        view.server.condition = ServerCondition(condition);
        if (power >= 0)
            view.sample = TestSupport::survivalSample(PowerState(power));
        view.unreachable = unreachable;
        view.unreachableError = ApiError{ApiError::Kind::Network};
        view.lastSeen = QDateTime::fromSecsSinceEpoch(1'699'999'000, Qt::UTC);
        view.updatedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        if (chart)
            view.chartFileName = StatusEmbed::chartFileName(view.server.identifier);

        QCOMPARE(int(StatusEmbed::displayState(view)), display);
        Message message = StatusEmbed::message(view);
        // The bot uploads the graph with the message (an image without one is dropped).
        if (chart)
            message.files = {MessageFile{view.chartFileName, QByteArrayLiteral("\x89PNG")}};
        const QJsonObject json = message.toJson();
        const QJsonObject embed = json.value(QStringLiteral("embeds")).toArray().at(0).toObject();

        QCOMPARE(embed.value(QStringLiteral("title")).toString(), QStringLiteral("Survival"));
        QCOMPARE(embed.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Vanilla survival, whitelist only"));
        QCOMPARE(embed.value(QStringLiteral("color")).toInteger(), colour);
        QVERIFY(!embed.value(QStringLiteral("timestamp")).toString().isEmpty());
        const QJsonArray fields = embed.value(QStringLiteral("fields")).toArray();
        QMap<QString, QString> byName;
        for (const QJsonValue &field : fields)
            byName.insert(field[QStringLiteral("name")].toString(),
                          field[QStringLiteral("value")].toString());
        QVERIFY2(byName.value(QStringLiteral("State")).endsWith(label),
                 qPrintable(byName.value(QStringLiteral("State"))));
        QCOMPARE(byName.value(QStringLiteral("Node")), QStringLiteral("Frankfurt 1"));
        QCOMPARE(byName.contains(QStringLiteral("CPU")), usage && !unreachable);
        QCOMPARE(byName.contains(QStringLiteral("Memory")), usage && !unreachable);
        QCOMPARE(byName.contains(QStringLiteral("Network")), usage && !unreachable);
        QCOMPARE(byName.contains(QStringLiteral("Uptime")), usage && !unreachable);
        QCOMPARE(byName.contains(QStringLiteral("Panel unreachable")), unreachable);
        if (usage && !unreachable) {
            QCOMPARE(byName.value(QStringLiteral("CPU")),
                     QStringLiteral("75.0 % of its 200 % limit · 1.50 cores"));
            QCOMPARE(byName.value(QStringLiteral("Memory")),
                     QStringLiteral("1.20 GiB / 4.00 GiB (30 %)"));
            QCOMPARE(byName.value(QStringLiteral("Uptime")), QStringLiteral("2 h 5 min"));
        }
        // The graph is an attachment of the same message, and only when there is one.
        const QString image =
            embed.value(QStringLiteral("image"))[QStringLiteral("url")].toString();
        QCOMPARE(image, chart && !unreachable ? QStringLiteral("attachment://1a7ce997_status.png")
                                              : QString());

        // Buttons: Start success, Stop danger, Restart primary, Show Address secondary.
        QCOMPARE(buttonJson(json, 0)[QStringLiteral("style")].toInt(), 3);
        QCOMPARE(buttonJson(json, 1)[QStringLiteral("style")].toInt(), 4);
        QCOMPARE(buttonJson(json, 2)[QStringLiteral("style")].toInt(), 1);
        QCOMPARE(buttonJson(json, 3)[QStringLiteral("style")].toInt(), 2);
        QCOMPARE(!buttonJson(json, 0)[QStringLiteral("disabled")].toBool(), start);
        QCOMPARE(!buttonJson(json, 1)[QStringLiteral("disabled")].toBool(), stop);
        QCOMPARE(!buttonJson(json, 2)[QStringLiteral("disabled")].toBool(), restart);
        QVERIFY(!buttonJson(json, 3)[QStringLiteral("disabled")].toBool());
        const auto startId =
            CustomId::parse(buttonJson(json, 0)[QStringLiteral("custom_id")].toString());
        QVERIFY(startId.ok());
        QCOMPARE(startId.id->kind(), CustomId::Kind::Power);
        QCOMPARE(startId.id->powerAction(), CustomId::PowerAction::Start);
        QCOMPARE(startId.id->identifier(), QStringLiteral("1a7ce997"));
        const auto addressId =
            CustomId::parse(buttonJson(json, 3)[QStringLiteral("custom_id")].toString());
        QVERIFY(addressId.ok());
        QCOMPARE(addressId.id->kind(), CustomId::Kind::Address);

        // The address is never in the public message, in any spelling.
        const QByteArray wire = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY(!wire.contains("10.0.0.5"));
        QVERIFY(!wire.contains("mc.example.com"));
        QVERIFY(!wire.contains("25565"));
    }

    void noAddressButtonWithoutAllocation()
    {
        StatusView view;
        view.server = TestSupport::survivalServer();
        view.server.allocations.clear();
        view.sample = TestSupport::survivalSample(PowerState::Running);
        const QJsonObject json = StatusEmbed::message(view).toJson();
        QVERIFY(buttonJson(json, 3)[QStringLiteral("disabled")].toBool());
    }

    void formatting_data()
    {
        QTest::addColumn<double>("cpu");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("half of one core")
            << 50.0 << 100 << "50.0 % of its 100 % limit · 0.50 cores";
        QTest::newRow("multi-core") << 380.0 << 400 << "95.0 % of its 400 % limit · 3.80 cores";
        QTest::newRow("no limit") << 150.0 << 0 << "150.0 % · 1.50 cores (no limit)";
        QTest::newRow("nan") << qQNaN() << 100 << "0.0 % of its 100 % limit · 0.00 cores";
    }
    void formatting()
    {
        QFETCH(double, cpu);
        QFETCH(int, limit);
        QFETCH(QString, expected);
        QCOMPARE(StatusEmbed::formatCpu(cpu, limit), expected);
    }

    void bytes()
    {
        QCOMPARE(StatusEmbed::formatBytes(0), QStringLiteral("0 B"));
        QCOMPARE(StatusEmbed::formatBytes(512 * 1024), QStringLiteral("512.0 KiB"));
        QCOMPARE(StatusEmbed::formatBytes(qint64(512) * 1024 * 1024), QStringLiteral("512 MiB"));
        QCOMPARE(StatusEmbed::formatUsage(qint64(512) * 1024 * 1024, 0),
                 QStringLiteral("512 MiB (no limit)"));
    }

    // The /server_status reply: totals, 25 options a page, Previous/Next when there are more.
    void menuPages_data()
    {
        QTest::addColumn<int>("servers");
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("options");
        QTest::addColumn<bool>("pager");
        QTest::addColumn<bool>("previousEnabled");
        QTest::addColumn<bool>("nextEnabled");
        QTest::newRow("empty") << 0 << 0 << 0 << false << false << false;
        QTest::newRow("three") << 3 << 0 << 3 << false << false << false;
        QTest::newRow("exactly 25") << 25 << 0 << 25 << false << false << false;
        QTest::newRow("26 first") << 26 << 0 << 25 << true << false << true;
        QTest::newRow("26 second") << 26 << 1 << 1 << true << true << false;
        QTest::newRow("60 middle") << 60 << 1 << 25 << true << true << true;
        QTest::newRow("page past the end") << 60 << 9 << 10 << true << true << false;
    }
    void menuPages()
    {
        QFETCH(int, servers);
        QFETCH(int, page);
        QFETCH(int, options);
        QFETCH(bool, pager);
        QFETCH(bool, previousEnabled);
        QFETCH(bool, nextEnabled);
        QList<ServerListEntry> entries;
        for (int i = 0; i < servers; ++i) {
            entries << ServerListEntry{QStringLiteral("%1").arg(i, 8, 16, QLatin1Char('0')),
                                       QStringLiteral("Server %1").arg(i),
                                       i % 2 ? DisplayState::Running : DisplayState::Offline,
                                       {}};
        }
        const Message message = ServerStatusMenu::build(entries, page);
        QVERIFY(message.isEphemeral());
        const QJsonObject json = message.toJson();
        QVERIFY(json.value(QStringLiteral("content"))
                    .toString()
                    .startsWith(QStringLiteral("**%1** servers").arg(servers)));
        const QJsonArray rows = json.value(QStringLiteral("components")).toArray();
        QCOMPARE(rows.size(), options == 0 ? 0 : (pager ? 2 : 1));
        if (options == 0)
            return;
        const QJsonObject select = rows.at(0)[QStringLiteral("components")][0].toObject();
        QCOMPARE(select.value(QStringLiteral("options")).toArray().size(), options);
        const auto selectId = CustomId::parse(select[QStringLiteral("custom_id")].toString());
        QVERIFY(selectId.ok());
        QCOMPARE(selectId.id->kind(), CustomId::Kind::Select);
        const QJsonObject option = select[QStringLiteral("options")][0].toObject();
        QVERIFY(!option.value(QStringLiteral("emoji")).toObject().isEmpty());
        if (!pager)
            return;
        const QJsonArray buttons = rows.at(1)[QStringLiteral("components")].toArray();
        QCOMPARE(buttons.size(), 2);
        QCOMPARE(!buttons.at(0)[QStringLiteral("disabled")].toBool(), previousEnabled);
        QCOMPARE(!buttons.at(1)[QStringLiteral("disabled")].toBool(), nextEnabled);
        QVERIFY(buttons.at(0)[QStringLiteral("custom_id")] !=
                buttons.at(1)[QStringLiteral("custom_id")]);
        const auto nextId = CustomId::parse(buttons.at(1)[QStringLiteral("custom_id")].toString());
        QVERIFY(nextId.ok());
        QCOMPARE(nextId.id->kind(), CustomId::Kind::Page);
    }

    void totals()
    {
        const QList<ServerListEntry> entries{
            {QStringLiteral("00000001"), QStringLiteral("a"), DisplayState::Running, {}},
            {QStringLiteral("00000002"), QStringLiteral("b"), DisplayState::Offline, {}},
            {QStringLiteral("00000003"), QStringLiteral("c"), DisplayState::Unreachable, {}},
            {QStringLiteral("00000004"), QStringLiteral("d"), DisplayState::Starting, {}},
            {QStringLiteral("00000005"), QStringLiteral("e"), DisplayState::Running, {}},
        };
        const ServerTotals totals = ServerTotals::count(entries);
        QCOMPARE(totals.servers, 5);
        QCOMPARE(totals.running, 2);
        QCOMPARE(totals.offline, 1);
        QCOMPARE(totals.unreachable, 1);
        QCOMPARE(totals.other, 1);
        QVERIFY(ServerStatusMenu::totalsLine(totals).contains(QStringLiteral("**2** running")));
    }

    // Text from the panel shows literally where Discord renders Markdown: every construct is
    // escaped, ordinary names are left as they are.
    void literalMarkdown_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        // clang-format off
        QTest::newRow("ordinary") << "Valheim Vikings (0 = unlimited), v1.2" << "Valheim Vikings (0 = unlimited), v1.2";
        QTest::newRow("masked link") << "[Click](http://evil.example)" << R"(\[Click](http\://evil.example))";
        QTest::newRow("bold everyone") << "**@everyone**" << R"(\*\*\@everyone\*\*)";
        QTest::newRow("role mention") << "<@&123>" << R"(\<\@&123>)";
        QTest::newRow("user mention") << "<@123> and <#456>" << R"(\<\@123> and \<#456>)";
        QTest::newRow("here") << "@here" << R"(\@here)";
        QTest::newRow("code") << "`x` ```y```" << R"(\`x\` \`\`\`y\`\`\`)";
        QTest::newRow("spoiler") << "||spoiler||" << R"(\|\|spoiler\|\|)";
        QTest::newRow("underline strike") << "__a__ ~~b~~" << R"(\_\_a\_\_ \~\~b\~\~)";
        QTest::newRow("heading") << "# heading" << R"(\# heading)";
        QTest::newRow("heading after spaces") << "  ### h" << R"(  \### h)";
        QTest::newRow("hash inside") << "Server #2" << "Server #2";
        QTest::newRow("quote") << ">>> quote" << R"(\>>> quote)";
        QTest::newRow("subtext") << "-# small" << R"(\-# small)";
        QTest::newRow("dash inside") << "my-server" << "my-server";
        QTest::newRow("ordered list") << "1. first" << R"(1\. first)";
        QTest::newRow("version inside") << "MC 1.20" << "MC 1.20";
        QTest::newRow("backslash") << R"(C:\games\)" << R"(C:\\games\\)";
        QTest::newRow("timestamp and emoji") << "<t:1:R> <:x:1>" << R"(\<t:1:R> \<:x:1>)";
        QTest::newRow("newlines become spaces") << "a\n# b\r\nc\rd" << "a # b c d";
        QTest::newRow("controls removed") << QStringLiteral("a") + QChar(0) + u'b' + QChar(7) + u'c' + QChar(0x9B) + u'\t' + u'x' << "abc x";
        QTest::newRow("bidi and zero-width removed") << QStringLiteral("\u202Eevil\u202C\u200B@\u2066x\u2069\uFEFF") << QStringLiteral(R"(evil\@x)");
        QTest::newRow("joiners kept") << QStringLiteral("👩\u200D💻") << QStringLiteral("👩\u200D💻");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("x") << QStringLiteral("\uFFFDx");
        // clang-format on
    }
    void literalMarkdown()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(Markdown::literal(text), expected);
    }

    void literalLinesKeepsBreaksAndEscapesEachLine()
    {
        QCOMPARE(Markdown::literalLines(QStringLiteral("one\r\n# two\n> three\u2028- four")),
                 QStringLiteral("one\n\\# two\n\\> three\n\\- four"));
    }

    // Select labels and footers are plain text: a backslash would show, so nothing is escaped.
    void plainOnlyRemovesControls()
    {
        QCOMPARE(Markdown::plain(QStringLiteral("**@everyone**\n[x](http://y)\u202E")),
                 QStringLiteral("**@everyone** [x](http://y)"));
    }

    void codeSpanOnlyWithoutBackticks()
    {
        QCOMPARE(Markdown::code(QStringLiteral("mc.example.com:25565")),
                 QStringLiteral("`mc.example.com:25565`"));
        QCOMPARE(Markdown::code(QStringLiteral("a`b <@1>")), QStringLiteral(R"(a\`b \<\@1>)"));
    }

    // A cut keeps the limit, ends with "…" and never leaves half an escape or half a pair.
    void literalCutKeepsEscapesAndPairs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits") << "abc" << 3 << "abc";
        QTest::newRow("plain cut") << "abcdef" << 4 << "abc…";
        QTest::newRow("escape not split") << "ab*cd" << 4 << "ab…";
        QTest::newRow("escape kept whole") << "ab*cd" << 5 << R"(ab\*…)";
        QTest::newRow("pair not split") << QStringLiteral("a😀b") << 3 << "a…";
        QTest::newRow("zero") << "abc" << 0 << "";
    }
    void literalCutKeepsEscapesAndPairs()
    {
        QFETCH(QString, text);
        QFETCH(int, limit);
        QFETCH(QString, expected);
        const QString cut = Markdown::literal(text, limit);
        QCOMPARE(cut, expected);
        QVERIFY(cut.size() <= limit);
    }

    // The last line of defence: MessageLimits' own cut does not leave a lone backslash either.
    void messageLimitsCutDoesNotSplitAnEscape()
    {
        const QString escaped = Markdown::literal(QString(300, QLatin1Char('*')));
        QCOMPARE(escaped.size(), 600);
        for (int limit = 250; limit <= 260; ++limit) {
            const QString cut = MessageLimits::truncated(escaped, limit);
            QVERIFY(cut.size() <= limit);
            QVERIFY(cut.endsWith(QStringLiteral("\\*…")));
        }
        QCOMPARE(MessageLimits::truncated(QStringLiteral(R"(ab\\cd)"), 5),
                 QStringLiteral(R"(ab\\…)"));
    }

    // The embed shows the panel's hostile text literally and within Discord's limits.
    void hostileServerTextIsLiteral()
    {
        StatusView view;
        view.server = TestSupport::survivalServer();
        view.server.name = QStringLiteral("**@everyone** [Click](http://evil.example)\n# x");
        view.server.description = QStringLiteral("<@&123> ||spoiler||\n> quote");
        view.server.node = QStringLiteral("`node`");
        view.sample = TestSupport::survivalSample(PowerState::Running);
        const QJsonObject embed = StatusEmbed::message(view)
                                      .toJson()
                                      .value(QStringLiteral("embeds"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(embed.value(QStringLiteral("title")).toString(),
                 QStringLiteral(R"(\*\*\@everyone\*\* \[Click](http\://evil.example) # x)"));
        QCOMPARE(embed.value(QStringLiteral("description")).toString(),
                 QStringLiteral("\\<\\@&123> \\|\\|spoiler\\|\\|\n\\> quote"));
        bool nodeSeen = false;
        for (const QJsonValue &field : embed.value(QStringLiteral("fields")).toArray()) {
            if (field[QStringLiteral("name")].toString() == QLatin1String("Node")) {
                QCOMPARE(field[QStringLiteral("value")].toString(), QStringLiteral(R"(\`node\`)"));
                nodeSeen = true;
            }
        }
        QVERIFY(nodeSeen);

        view.server.name = QString(500, QLatin1Char('_'));
        view.server.identifier = QStringLiteral("1a7c/../x");
        const QJsonObject longEmbed = StatusEmbed::message(view)
                                          .toJson()
                                          .value(QStringLiteral("embeds"))
                                          .toArray()
                                          .at(0)
                                          .toObject();
        const QString title = longEmbed.value(QStringLiteral("title")).toString();
        QVERIFY(title.size() <= MessageLimits::EmbedTitle);
        QVERIFY(title.endsWith(QStringLiteral("\\_…")));
        QCOMPARE(StatusEmbed::chartFileName(view.server.identifier),
                 QStringLiteral("1a7c____x_status.png"));
    }

    // Select labels are plain text (no escapes) but without line breaks and within 100.
    void menuLabelsArePlainAndShort()
    {
        const QString name = QStringLiteral("**@everyone**\n") + QString(200, QLatin1Char('x'));
        const Message message = ServerStatusMenu::build(
            {{QStringLiteral("00000001"), name, DisplayState::Running, {}}}, 0);
        const QJsonObject option =
            message.toJson()
                .value(QStringLiteral("components"))
                .toArray()
                .at(0)[QStringLiteral("components")][0][QStringLiteral("options")][0]
                .toObject();
        const QString label = option.value(QStringLiteral("label")).toString();
        QVERIFY(label.startsWith(QStringLiteral("**@everyone** xxx")));
        QCOMPARE(label.size(), MessageLimits::SelectOptionText);
        QVERIFY(!label.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestStatusEmbed)
#include "tst_statusembed.moc"
