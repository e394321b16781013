// The Discord simulator's message body validation: every limit answers 50035 with Discord's
// error nesting, and a body exactly at the limits passes.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;

class TestDiscordSimValidation final : public QObject
{
    Q_OBJECT

private slots:
    void validationErrors_data();
    void validationErrors();
    void validBodyAtTheLimits();
};

void TestDiscordSimValidation::validationErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const auto text = [](int length) { return QString(length, QLatin1Char('a')); };
    const auto field = [](const QString &name, const QString &value) {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
    };
    const auto button = [](const QString &customId) {
        return QJsonObject{{QStringLiteral("type"), 2},
                           {QStringLiteral("style"), 1},
                           {QStringLiteral("label"), QStringLiteral("Go")},
                           {QStringLiteral("custom_id"), customId}};
    };
    const auto row = [](const QJsonArray &children) {
        return QJsonObject{{QStringLiteral("type"), 1}, {QStringLiteral("components"), children}};
    };
    const auto components = [](const QJsonArray &rows) {
        return QJsonObject{{QStringLiteral("components"), rows}};
    };
    const auto select = [](int optionCount, const QString &placeholder = {}) {
        QJsonArray options;
        for (int i = 0; i < optionCount; ++i)
            options.append(QJsonObject{{QStringLiteral("label"), QStringLiteral("o%1").arg(i)},
                                       {QStringLiteral("value"), QStringLiteral("v%1").arg(i)}});
        QJsonObject menu{{QStringLiteral("type"), 3},
                         {QStringLiteral("custom_id"), QStringLiteral("menu")},
                         {QStringLiteral("options"), options}};
        if (!placeholder.isEmpty())
            menu.insert(QStringLiteral("placeholder"), placeholder);
        return menu;
    };
    QJsonArray fields26;
    for (int i = 0; i < 26; ++i)
        fields26.append(field(QStringLiteral("n"), QStringLiteral("v")));
    QJsonArray sixButtons;
    for (int i = 0; i < 6; ++i)
        sixButtons.append(button(QStringLiteral("b%1").arg(i)));
    QJsonArray sixRows;
    for (int i = 0; i < 6; ++i)
        sixRows.append(row({button(QStringLiteral("r%1").arg(i))}));
    QJsonArray bigFields;
    for (int i = 0; i < 6; ++i)
        bigFields.append(field(QStringLiteral("n"), text(1024)));

    const QString max = QStringLiteral("BASE_TYPE_MAX_LENGTH");
    const QString bad = QStringLiteral("BASE_TYPE_BAD_LENGTH");
    QTest::newRow("title 257") << embedMessage({{QStringLiteral("title"), text(257)}})
                               << "embeds.0.title" << max << "Must be 256 or fewer in length.";
    QTest::newRow("26 fields") << embedMessage({{QStringLiteral("fields"), fields26}})
                               << "embeds.0.fields" << max << "Must be 25 or fewer in length.";
    QTest::newRow("custom_id 101")
        << components({row({button(text(101))})}) << "components.0.components.0.custom_id" << bad
        << "Must be between 1 and 100 in length.";
    QTest::newRow("content 2001") << QJsonObject{{QStringLiteral("content"), text(2001)}}
                                  << "content" << max << "Must be 2000 or fewer in length.";
    QTest::newRow("description 4097")
        << embedMessage({{QStringLiteral("description"), text(4097)}}) << "embeds.0.description"
        << max << "Must be 4096 or fewer in length.";
    QTest::newRow("field name 257")
        << embedMessage(
               {{QStringLiteral("fields"), QJsonArray{field(text(257), QStringLiteral("v"))}}})
        << "embeds.0.fields.0.name" << bad << "Must be between 1 and 256 in length.";
    QTest::newRow("field value 1025")
        << embedMessage(
               {{QStringLiteral("fields"), QJsonArray{field(QStringLiteral("n"), text(1025))}}})
        << "embeds.0.fields.0.value" << bad << "Must be between 1 and 1024 in length.";
    QTest::newRow("footer 2049") << embedMessage(
                                        {{QStringLiteral("footer"),
                                          QJsonObject{{QStringLiteral("text"), text(2049)}}}})
                                 << "embeds.0.footer.text" << bad
                                 << "Must be between 1 and 2048 in length.";
    QTest::newRow("author 257") << embedMessage(
                                       {{QStringLiteral("author"),
                                         QJsonObject{{QStringLiteral("name"), text(257)}}}})
                                << "embeds.0.author.name" << bad
                                << "Must be between 1 and 256 in length.";
    QTest::newRow("color too big")
        << embedMessage({{QStringLiteral("color"), 16777216}}) << "embeds.0.color"
        << "NUMBER_TYPE_MAX"
        << "int value should be less than or equal to 16777215.";
    QTest::newRow("total over 6000")
        << embedMessage({{QStringLiteral("fields"), bigFields}}) << "embeds"
        << "MAX_EMBED_SIZE_EXCEEDED"
        << "Embed size exceeds maximum size of 6000";
    QTest::newRow("6 rows") << components(sixRows) << "components" << max
                            << "Must be 5 or fewer in length.";
    QTest::newRow("6 buttons") << components({row(sixButtons)}) << "components.0.components" << bad
                               << "Must be between 1 and 5 in length.";
    QTest::newRow("select beside a button")
        << components({row({select(2), button(QStringLiteral("b"))})}) << "components.0.components"
        << "COMPONENT_LAYOUT_WIDTH_EXCEEDED"
        << "The specified component exceeds the maximum width";
    QTest::newRow("duplicate custom_id")
        << components({row({button(QStringLiteral("same")), button(QStringLiteral("same"))})})
        << "components.0.components.1.custom_id"
        << "COMPONENT_CUSTOM_ID_DUPLICATED"
        << "Component custom id cannot be duplicated";
    QJsonObject linkWithId = button(QStringLiteral("id"));
    linkWithId.insert(QStringLiteral("style"), 5);
    linkWithId.insert(QStringLiteral("url"), QStringLiteral("https://example.invalid"));
    QTest::newRow("link button with custom_id")
        << components({row({linkWithId})}) << "components.0.components.0.custom_id"
        << "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED"
        << "A custom id is not allowed on link buttons";
    QJsonObject noId = button(QStringLiteral("x"));
    noId.remove(QStringLiteral("custom_id"));
    QTest::newRow("button without custom_id")
        << components({row({noId})}) << "components.0.components.0.custom_id"
        << "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED"
        << "A custom id is required";
    QJsonObject longLabel = button(QStringLiteral("x"));
    longLabel.insert(QStringLiteral("label"), text(81));
    QTest::newRow("label 81") << components({row({longLabel})}) << "components.0.components.0.label"
                              << max << "Must be 80 or fewer in length.";
    QTest::newRow("26 options") << components({row({select(26)})})
                                << "components.0.components.0.options" << bad
                                << "Must be between 1 and 25 in length.";
    QTest::newRow("placeholder 151")
        << components({row({select(2, text(151))})}) << "components.0.components.0.placeholder"
        << max << "Must be 150 or fewer in length.";
    QJsonObject longOption = select(1);
    longOption.insert(QStringLiteral("options"),
                      QJsonArray{QJsonObject{{QStringLiteral("label"), text(101)},
                                             {QStringLiteral("value"), QStringLiteral("v")}}});
    QTest::newRow("option label 101")
        << components({row({longOption})}) << "components.0.components.0.options.0.label" << bad
        << "Must be between 1 and 100 in length.";
    QTest::newRow("components v2 flag")
        << QJsonObject{{QStringLiteral("content"), QStringLiteral("x")},
                       {QStringLiteral("flags"), 1 << 15}}
        << "flags"
        << "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2"
        << "The 'content' and 'embeds' fields cannot be used when using "
           "MessageFlags.IS_COMPONENTS_V2";
    QTest::newRow("missing attachment")
        << embedMessage(
               {{QStringLiteral("image"),
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("attachment://nope.png")}}}})
        << "embeds.0.image.url"
        << "ATTACHMENT_NOT_FOUND"
        << "Attachment \"nope.png\" is not part of this message.";
}

void TestDiscordSimValidation::validationErrors()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, path);
    QFETCH(QString, code);
    QFETCH(QString, message);
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const HttpResult result = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value(QStringLiteral("code")).toInt(), 50035);
    QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("Invalid Form Body"));
    const QJsonObject error =
        errorAt(result.object().value(QStringLiteral("errors")).toObject(), path);
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), message);
    QVERIFY(sim.messages(sim.channelIds().at(0)).isEmpty());

    if (QByteArray(QTest::currentDataTag()) == "title 257") {
        // The exact nesting Discord uses.
        const QJsonObject expected{
            {QStringLiteral("embeds"),
             QJsonObject{
                 {QStringLiteral("0"),
                  QJsonObject{
                      {QStringLiteral("title"),
                       QJsonObject{
                           {QStringLiteral("_errors"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("code"), QStringLiteral("BASE_TYPE_MAX_LENGTH")},
                                {QStringLiteral("message"),
                                 QStringLiteral("Must be 256 or fewer in length.")}}}}}}}}}}};
        QCOMPARE(result.object().value(QStringLiteral("errors")).toObject(), expected);
    }
}

void TestDiscordSimValidation::validBodyAtTheLimits()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    QJsonArray fields;
    for (int i = 0; i < 25; ++i)
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                                  {QStringLiteral("value"), QStringLiteral("v")}});
    QJsonArray buttons;
    for (int i = 0; i < 5; ++i)
        buttons.append(QJsonObject{{QStringLiteral("type"), 2},
                                   {QStringLiteral("style"), 1 + i % 4},
                                   {QStringLiteral("label"), QString(80, QLatin1Char('l'))},
                                   {QStringLiteral("custom_id"),
                                    QString(QString(99, QLatin1Char('c')) + QString::number(i))}});
    const QJsonObject body{
        {QStringLiteral("content"), QString(2000, QLatin1Char('c'))},
        {QStringLiteral("embeds"),
         QJsonArray{
             QJsonObject{{QStringLiteral("title"), QString(256, QLatin1Char('t'))},
                         {QStringLiteral("color"), 16777215},
                         {QStringLiteral("timestamp"), QStringLiteral("2024-01-01T10:00:00.000Z")},
                         {QStringLiteral("fields"), fields}}}},
        {QStringLiteral("components"),
         QJsonArray{
             QJsonObject{{QStringLiteral("type"), 1}, {QStringLiteral("components"), buttons}}}}};
    const HttpResult result = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)), body);
    QVERIFY2(result.status == 200, result.body.constData());
}

QTEST_GUILESS_MAIN(TestDiscordSimValidation)
#include "tst_discordsimvalidation.moc"
