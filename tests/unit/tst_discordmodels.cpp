#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "discord/Components.h"
#include "discord/DiscordError.h"
#include "discord/Embed.h"
#include "discord/Message.h"
#include "discord/MessageLimits.h"
#include "TestSupport.h"

using namespace Pterodisbot;

namespace {

ComponentId id(const QString &value)
{
    return *ComponentId::create(value);
}

QString text(int length, QChar fill = QLatin1Char('x'))
{
    return QString(length, fill);
}

StringSelect selectWith(int options)
{
    StringSelect select{id(QStringLiteral("status:pick"))};
    for (int i = 0; i < options; ++i)
        select.options.append(
            SelectOption{QStringLiteral("Server %1").arg(i), QStringLiteral("srv%1").arg(i)});
    return select;
}

} // namespace

class TestDiscordModels final : public QObject
{
    Q_OBJECT

private slots:
    // One row per limit: a text of `length` put in `where` comes out `expected` long, and
    // ends with an ellipsis exactly when it was cut.
    void textLimits_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("expected");
        const struct
        {
            const char *where;
            int limit;
        } limits[] = {{"title", 256},       {"description", 4096},     {"fieldName", 256},
                      {"fieldValue", 1024}, {"footer", 2048},          {"author", 256},
                      {"content", 2000},    {"buttonLabel", 80},       {"placeholder", 150},
                      {"optionLabel", 100}, {"optionDescription", 100}};
        for (const auto &limit : limits) {
            const QString where = QString::fromLatin1(limit.where);
            QTest::addRow("%s at limit", limit.where) << where << limit.limit << limit.limit;
            QTest::addRow("%s over by one", limit.where) << where << limit.limit + 1 << limit.limit;
            QTest::addRow("%s far over", limit.where) << where << limit.limit * 3 << limit.limit;
        }
        QTest::newRow("title short") << QStringLiteral("title") << 10 << 10;
    }
    void textLimits()
    {
        QFETCH(QString, where);
        QFETCH(int, length);
        QFETCH(int, expected);
        const QString input = text(length);

        Message message;
        Embed embed;
        embed.title = QStringLiteral("t");
        if (where == QLatin1String("title"))
            embed.title = input;
        else if (where == QLatin1String("description"))
            embed.description = input;
        else if (where == QLatin1String("fieldName"))
            embed.addField(input, QStringLiteral("v"));
        else if (where == QLatin1String("fieldValue"))
            embed.addField(QStringLiteral("n"), input);
        else if (where == QLatin1String("footer"))
            embed.footerText = input;
        else if (where == QLatin1String("author"))
            embed.authorName = input;
        else if (where == QLatin1String("content"))
            message.content = input;
        message.embeds.append(embed);
        if (where == QLatin1String("buttonLabel"))
            message.components.append(ActionRow::ofButtons(
                {Button::action(ButtonStyle::Primary, id(QStringLiteral("b")), input)}));
        StringSelect select = selectWith(1);
        if (where == QLatin1String("placeholder"))
            select.placeholder = input;
        else if (where == QLatin1String("optionLabel"))
            select.options[0].label = input;
        else if (where == QLatin1String("optionDescription"))
            select.options[0].description = input;
        message.components.append(ActionRow::ofSelect(select));

        const QJsonObject json = message.toJson();
        const QJsonObject jsonEmbed = json[u"embeds"].toArray().at(0).toObject();
        const QJsonArray rows = json[u"components"].toArray();
        const QJsonObject jsonSelect =
            rows.last().toObject()[u"components"].toArray().at(0).toObject();
        const QHash<QString, QString> produced{
            {QStringLiteral("title"), jsonEmbed[u"title"].toString()},
            {QStringLiteral("description"), jsonEmbed[u"description"].toString()},
            {QStringLiteral("fieldName"), jsonEmbed[u"fields"][0][u"name"].toString()},
            {QStringLiteral("fieldValue"), jsonEmbed[u"fields"][0][u"value"].toString()},
            {QStringLiteral("footer"), jsonEmbed[u"footer"][u"text"].toString()},
            {QStringLiteral("author"), jsonEmbed[u"author"][u"name"].toString()},
            {QStringLiteral("content"), json[u"content"].toString()},
            {QStringLiteral("buttonLabel"), rows.first()[u"components"][0][u"label"].toString()},
            {QStringLiteral("placeholder"), jsonSelect[u"placeholder"].toString()},
            {QStringLiteral("optionLabel"), jsonSelect[u"options"][0][u"label"].toString()},
            {QStringLiteral("optionDescription"),
             jsonSelect[u"options"][0][u"description"].toString()}};
        const QString out = produced.value(where);
        QCOMPARE(out.size(), expected);
        QCOMPARE(out.endsWith(QChar(0x2026)), length > expected);
        if (length > expected)
            QCOMPARE(out.chopped(1), input.left(expected - 1));
    }

    void truncationKeepsSurrogatePairs()
    {
        // 255 'a' then emoji (2 UTF-16 units): a naive cut at 255 would split the pair.
        const QString input = text(254, QLatin1Char('a')) + QStringLiteral("\U0001F600\U0001F600");
        const QString out = MessageLimits::truncated(input, 256);
        QVERIFY(out.size() <= 256);
        QVERIFY(!out.at(out.size() - 2).isHighSurrogate());
        QCOMPARE(out.right(1), QString(QChar(0x2026)));
        QCOMPARE(MessageLimits::truncated(QStringLiteral("abc"), 0), QString());
    }

    void tooManyFieldsAreDropped_data()
    {
        QTest::addColumn<int>("fields");
        QTest::addColumn<int>("expected");
        QTest::newRow("24") << 24 << 24;
        QTest::newRow("25") << 25 << 25;
        QTest::newRow("30") << 30 << 25;
    }
    void tooManyFieldsAreDropped()
    {
        QFETCH(int, fields);
        QFETCH(int, expected);
        Embed embed;
        for (int i = 0; i < fields; ++i)
            embed.addField(QStringLiteral("name %1").arg(i), QStringLiteral("value"));
        QStringList warnings;
        const Embed fixed = MessageLimits::enforce(embed, &warnings);
        QCOMPARE(fixed.fields.size(), expected);
        QCOMPARE(fixed.fields.last().name, QStringLiteral("name %1").arg(expected - 1));
        QCOMPARE(warnings.isEmpty(), fields == expected);
        QCOMPARE(embed.toJson()[u"fields"].toArray().size(), expected);
    }

    void emptyFieldTextBecomesBlank()
    {
        Embed embed;
        embed.addField(QString(), QStringLiteral(" "));
        const QJsonObject field = embed.toJson()[u"fields"][0].toObject();
        QCOMPARE(field[u"name"].toString(), QStringLiteral("\u200b"));
        QCOMPARE(field[u"value"].toString(), QStringLiteral("\u200b"));
    }

    void totalOfEmbedsEnforced_data()
    {
        QTest::addColumn<int>("embeds");
        QTest::addColumn<int>("descriptionLength");
        QTest::addColumn<int>("fieldsEach");
        QTest::newRow("fits") << 2 << 2900 << 0;
        QTest::newRow("two long descriptions") << 2 << 4000 << 0;
        QTest::newRow("four embeds") << 4 << 4096 << 0;
        QTest::newRow("fields only") << 3 << 0 << 25;
    }
    void totalOfEmbedsEnforced()
    {
        QFETCH(int, embeds);
        QFETCH(int, descriptionLength);
        QFETCH(int, fieldsEach);
        Message message;
        int inputTotal = 0;
        for (int i = 0; i < embeds; ++i) {
            Embed embed;
            embed.title = QStringLiteral("Server %1").arg(i);
            embed.description = text(descriptionLength);
            for (int f = 0; f < fieldsEach; ++f)
                embed.addField(text(40), text(60));
            inputTotal += embed.textLength();
            message.embeds.append(embed);
        }
        QStringList warnings;
        const Message fixed = MessageLimits::enforce(message, &warnings);
        int total = 0;
        for (const Embed &embed : fixed.embeds) {
            total += embed.textLength();
            QVERIFY(!embed.title.isEmpty()); // titles survive: descriptions and fields go first
        }
        QVERIFY2(total <= MessageLimits::EmbedTotal, qPrintable(QString::number(total)));
        if (inputTotal <= MessageLimits::EmbedTotal) {
            QCOMPARE(total, inputTotal);
            QVERIFY(warnings.isEmpty());
        } else {
            QVERIFY(total > MessageLimits::EmbedTotal - 100); // cut, not emptied
            QVERIFY(!warnings.isEmpty());
        }
        // the serialized form tells the same story
        int jsonTotal = 0;
        for (const QJsonValue &embed : message.toJson()[u"embeds"].toArray()) {
            jsonTotal +=
                embed[u"title"].toString().size() + embed[u"description"].toString().size();
            for (const QJsonValue &field : embed[u"fields"].toArray())
                jsonTotal += field[u"name"].toString().size() + field[u"value"].toString().size();
        }
        QCOMPARE(jsonTotal, total);
    }

    void customIdValidatedAtConstruction_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << 0 << false;
        QTest::newRow("1") << 1 << true;
        QTest::newRow("100") << 100 << true;
        QTest::newRow("101") << 101 << false;
        QTest::newRow("500") << 500 << false;
    }
    void customIdValidatedAtConstruction()
    {
        QFETCH(int, length);
        QFETCH(bool, accepted);
        const auto customId = ComponentId::create(text(length));
        QCOMPARE(customId.has_value(), accepted);
        if (accepted)
            QCOMPARE(customId->value(), text(length));
    }

    void selectOptions_data()
    {
        QTest::addColumn<int>("options");
        QTest::addColumn<int>("expected"); // -1: the whole select is dropped
        QTest::newRow("0") << 0 << -1;
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("25") << 25 << 25;
        QTest::newRow("30") << 30 << 25;
    }
    void selectOptions()
    {
        QFETCH(int, options);
        QFETCH(int, expected);
        StringSelect select = selectWith(options);
        select.maxValues = 40;
        Message message;
        message.content = QStringLiteral("pick");
        message.components.append(ActionRow::ofSelect(select));
        const QJsonArray rows = message.toJson()[u"components"].toArray();
        if (expected < 0) {
            QVERIFY(rows.isEmpty());
            return;
        }
        const QJsonObject json = rows.at(0)[u"components"][0].toObject();
        QCOMPARE(json[u"type"].toInt(), 3);
        QCOMPARE(json[u"options"].toArray().size(), expected);
        QCOMPARE(json[u"max_values"].toInt(), expected); // clamped to what exists
        QCOMPARE(json[u"options"][expected - 1][u"value"].toString(),
                 QStringLiteral("srv%1").arg(expected - 1));
    }

    void selectOptionValuesAreNeverTruncated()
    {
        StringSelect select = selectWith(3);
        select.options[1].value = text(101);              // routing data: dropped, not cut
        select.options[2].value = QStringLiteral("srv0"); // duplicate
        const auto fixed = MessageLimits::enforce(select);
        QVERIFY(fixed);
        QCOMPARE(fixed->options.size(), 1);
        QCOMPARE(fixed->options[0].value, QStringLiteral("srv0"));
    }

    void componentLayout_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("buttonsPerRow");
        QTest::addColumn<int>("expectedRows");
        QTest::addColumn<int>("expectedButtons");
        QTest::newRow("1x4") << 1 << 4 << 1 << 4;
        QTest::newRow("1x7") << 1 << 7 << 1 << 5;
        QTest::newRow("6x2") << 6 << 2 << 5 << 10;
        QTest::newRow("1x0") << 1 << 0 << 0 << 0;
    }
    void componentLayout()
    {
        QFETCH(int, rows);
        QFETCH(int, buttonsPerRow);
        QFETCH(int, expectedRows);
        QFETCH(int, expectedButtons);
        Message message;
        message.content = QStringLiteral("x");
        for (int r = 0; r < rows; ++r) {
            QList<Button> buttons;
            for (int b = 0; b < buttonsPerRow; ++b)
                buttons.append(Button::action(ButtonStyle::Success,
                                              id(QStringLiteral("r%1b%2").arg(r).arg(b)),
                                              QStringLiteral("Start")));
            message.components.append(ActionRow::ofButtons(buttons));
        }
        const QJsonArray json = message.toJson()[u"components"].toArray();
        QCOMPARE(json.size(), expectedRows);
        int buttons = 0;
        for (const QJsonValue &row : json) {
            QCOMPARE(row[u"type"].toInt(), 1);
            const QJsonArray components = row[u"components"].toArray();
            QVERIFY(components.size() >= 1 && components.size() <= 5);
            buttons += components.size();
        }
        QCOMPARE(buttons, expectedButtons);
    }

    void duplicateCustomIdsAreDropped()
    {
        Message message;
        message.content = QStringLiteral("x");
        message.components.append(ActionRow::ofButtons(
            {Button::action(ButtonStyle::Success, id(QStringLiteral("a")), QStringLiteral("A")),
             Button::action(ButtonStyle::Danger, id(QStringLiteral("a")),
                            QStringLiteral("A again")),
             Button::action(ButtonStyle::Primary, id(QStringLiteral("b")), QStringLiteral("B"))}));
        StringSelect select{id(QStringLiteral("b"))};
        select.options.append(SelectOption{QStringLiteral("one"), QStringLiteral("1")});
        message.components.append(ActionRow::ofSelect(select));
        QStringList warnings;
        const Message fixed = MessageLimits::enforce(message, &warnings);
        QCOMPARE(fixed.components.size(), 1);
        QCOMPARE(fixed.components[0].buttons.size(), 2);
        QCOMPARE(fixed.components[0].buttons[1].label, QStringLiteral("B"));
        QCOMPARE(warnings.size(), 2);
    }

    void invalidButtonsAreDropped()
    {
        Button noId;
        noId.label = QStringLiteral("no id");
        Button noLabel = Button::action(ButtonStyle::Primary, id(QStringLiteral("x")), QString());
        Button badLink = Button::link(QUrl(), QStringLiteral("nowhere"));
        Button link = Button::link(QUrl(QStringLiteral("https://panel.example/server/abc")),
                                   QStringLiteral("Panel"));
        const auto row =
            MessageLimits::enforce(ActionRow::ofButtons({noId, noLabel, badLink, link}));
        QVERIFY(row);
        QCOMPARE(row->buttons.size(), 1);
        const QJsonObject json = row->toJson()[u"components"][0].toObject();
        QCOMPARE(json[u"style"].toInt(), 5);
        QCOMPARE(json[u"url"].toString(), QStringLiteral("https://panel.example/server/abc"));
        QVERIFY(!json.contains(u"custom_id"));
    }

    void selectBesideButtonsWins()
    {
        ActionRow row = ActionRow::ofSelect(selectWith(2));
        row.buttons.append(
            Button::action(ButtonStyle::Primary, id(QStringLiteral("x")), QStringLiteral("X")));
        const QJsonArray components = row.toJson()[u"components"].toArray();
        QCOMPARE(components.size(), 1);
        QCOMPARE(components[0][u"type"].toInt(), 3);
    }

    void colourRange_data()
    {
        QTest::addColumn<qint64>("colour");
        QTest::addColumn<bool>("kept");
        QTest::newRow("black") << qint64(0) << true;
        QTest::newRow("green") << qint64(0x57F287) << true;
        QTest::newRow("white") << qint64(0xFFFFFF) << true;
        QTest::newRow("too big") << qint64(0x1000000) << false;
        QTest::newRow("negative") << qint64(-1) << false;
    }
    void colourRange()
    {
        QFETCH(qint64, colour);
        QFETCH(bool, kept);
        Embed embed;
        embed.title = QStringLiteral("t");
        embed.color = colour;
        const QJsonObject json = embed.toJson();
        QCOMPARE(json.contains(u"color"), kept);
        if (kept)
            QCOMPARE(json[u"color"].toInteger(), colour);
    }

    void messageLevelLimits()
    {
        Message message;
        message.flags = Message::ComponentsV2 | Message::Ephemeral;
        for (int i = 0; i < 12; ++i) {
            Embed embed;
            embed.title = QStringLiteral("e%1").arg(i);
            message.embeds.append(embed);
        }
        message.embeds.insert(1, Embed{}); // empty: dropped
        for (int i = 0; i < 11; ++i)
            message.files.append(MessageFile{QStringLiteral("f%1.png").arg(i), "png"});
        const QJsonObject json = message.toJson();
        QCOMPARE(json[u"flags"].toInt(), int(Message::Ephemeral));
        QCOMPARE(json[u"embeds"].toArray().size(), 10);
        QCOMPARE(json[u"embeds"][1][u"title"].toString(), QStringLiteral("e1"));
        QCOMPARE(json[u"attachments"].toArray().size(), 10);
    }

    // The body of a status embed with its chart, compared with the shape Discord documents.
    void statusMessageShape()
    {
        Message message;
        Embed embed;
        embed.title = QStringLiteral("Minecraft SMP");
        embed.description = QStringLiteral("Survival world");
        embed.color = 0x57F287;
        embed.timestamp = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 3, 250), Qt::UTC);
        embed.addField(QStringLiteral("State"), QStringLiteral("Running"), true);
        embed.addField(QStringLiteral("CPU"), QStringLiteral("12.5% of 200%"), true);
        embed.footerText = QStringLiteral("Last updated");
        embed.setImageAttachment(QStringLiteral("metrics.png"));
        message.embeds.append(embed);
        message.components.append(ActionRow::ofButtons(
            {Button::action(ButtonStyle::Success, id(QStringLiteral("start:abc123")),
                            QStringLiteral("Start")),
             Button::action(ButtonStyle::Danger, id(QStringLiteral("stop:abc123")),
                            QStringLiteral("Stop")),
             Button::action(ButtonStyle::Primary, id(QStringLiteral("restart:abc123")),
                            QStringLiteral("Restart")),
             Button::action(ButtonStyle::Secondary, id(QStringLiteral("address:abc123")),
                            QStringLiteral("Show Address"))}));
        message.files.append(MessageFile{QStringLiteral("metrics.png"), QByteArray("\x89PNG")});

        const QJsonObject expected =
            QJsonDocument::fromJson(
                TestSupport::readData(QStringLiteral("discord/rest/status_message_create.json")))
                .object();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(message.toJson(Message::Mode::Create), expected);

        // An edit that keeps the old image instead lists it by id, and says so explicitly.
        message.files.clear();
        message.keptAttachments.append(
            KeptAttachment{QStringLiteral("1500000000000000042"), QStringLiteral("metrics.png")});
        message.flags = Message::Ephemeral | Message::SuppressEmbeds;
        const QJsonObject edit = message.toJson(Message::Mode::Edit);
        const QJsonObject kept{{QStringLiteral("id"), QStringLiteral("1500000000000000042")},
                               {QStringLiteral("filename"), QStringLiteral("metrics.png")}};
        QCOMPARE(edit[u"attachments"].toArray(), QJsonArray{kept});
        QCOMPARE(edit[u"content"].toString(), QString());
        QVERIFY(edit.contains(u"content"));
        QCOMPARE(edit[u"flags"].toInt(),
                 int(Message::SuppressEmbeds)); // ephemeral cannot change on edit

        // An edit without image removes the old one: the list is present and empty.
        Message bare;
        bare.content = QStringLiteral("offline");
        QCOMPARE(bare.toJson(Message::Mode::Edit)[u"attachments"].toArray(), QJsonArray{});
        QVERIFY(!bare.toJson(Message::Mode::Create).contains(u"attachments"));
    }

    void danglingAttachmentReferencesDropped_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kept");
        QTest::addColumn<bool>("imageKept");
        QTest::newRow("uploaded") << QStringLiteral("metrics.png") << QString() << true;
        QTest::newRow("kept by name") << QString() << QStringLiteral("metrics.png") << true;
        QTest::newRow("other file") << QStringLiteral("cpu.png") << QString() << false;
        QTest::newRow("nothing attached") << QString() << QString() << false;
    }
    void danglingAttachmentReferencesDropped()
    {
        QFETCH(QString, file);
        QFETCH(QString, kept);
        QFETCH(bool, imageKept);
        Message message;
        Embed embed;
        embed.title = QStringLiteral("Chart");
        embed.setImageAttachment(QStringLiteral("metrics.png"));
        embed.thumbnailUrl = QStringLiteral("https://cdn.example/icon.png"); // not an attachment
        message.embeds.append(embed);
        if (!file.isEmpty())
            message.files.append(MessageFile{file, QByteArray("png")});
        if (!kept.isEmpty())
            message.keptAttachments.append(
                KeptAttachment{QStringLiteral("1500000000000000042"), kept});
        const QJsonObject json = message.toJson(Message::Mode::Edit)[u"embeds"][0].toObject();
        QCOMPARE(json.contains(u"image"), imageKept);
        QCOMPARE(json[u"thumbnail"][u"url"].toString(),
                 QStringLiteral("https://cdn.example/icon.png"));
    }

    void messageInfoFromJson()
    {
        const QJsonObject json =
            QJsonDocument::fromJson(
                TestSupport::readData(QStringLiteral("discord/rest/message_with_attachment.json")))
                .object();
        QString error;
        const auto info = MessageInfo::fromJson(json, &error);
        QVERIFY2(info, qPrintable(error));
        QCOMPARE(info->id, QStringLiteral("1500000000000000101"));
        QCOMPARE(info->channelId, QStringLiteral("1300000000000000001"));
        QCOMPARE(info->embeds.size(), 1);
        QCOMPARE(info->embeds[0].imageUrl, QStringLiteral("attachment://metrics.png"));
        QCOMPARE(info->embeds[0].fields.size(), 2);
        QCOMPARE(info->attachments.size(), 1);
        QCOMPARE(info->attachments[0].filename, QStringLiteral("metrics.png"));
        QCOMPARE(info->attachments[0].size, 2048);
        QVERIFY(info->edited);

        QVERIFY(!MessageInfo::fromJson(
            QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}}, &error));
        QVERIFY(!error.isEmpty());
    }

    void errorBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("fieldErrors");
        QTest::addColumn<qint64>("retryAfter");
        QTest::newRow("50035 field paths")
            << 400 << QStringLiteral("error_50035.json") << int(ApiError::Kind::Validation)
            << QStringLiteral("50035")
            << QStringList{QStringLiteral("components.0.components.1.custom_id: Component custom "
                                          "id cannot be duplicated"),
                           QStringLiteral("embeds.0.fields.3.value: This field is required"),
                           QStringLiteral("embeds.0.title: Must be 256 or fewer in length.")}
            << qint64(0);
        QTest::newRow("unknown message")
            << 404 << QStringLiteral("error_10008.json") << int(ApiError::Kind::NotFound)
            << QStringLiteral("10008") << QStringList{} << qint64(0);
        QTest::newRow("missing permissions")
            << 403 << QStringLiteral("error_50013.json") << int(ApiError::Kind::Auth)
            << QStringLiteral("50013") << QStringList{} << qint64(0);
        QTest::newRow("old message edits")
            << 400 << QStringLiteral("error_30046.json") << int(ApiError::Kind::RateLimited)
            << QStringLiteral("30046") << QStringList{} << qint64(0);
        QTest::newRow("global 429")
            << 429 << QStringLiteral("error_429_global.json") << int(ApiError::Kind::RateLimited)
            << QString() << QStringList{} << qint64(1337);
        QTest::newRow("502 without body") << 502 << QString() << int(ApiError::Kind::Http)
                                          << QString() << QStringList{} << qint64(0);
        QTest::newRow("401 without body") << 401 << QString() << int(ApiError::Kind::Auth)
                                          << QString() << QStringList{} << qint64(0);
    }
    void errorBodies()
    {
        QFETCH(int, status);
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(QStringList, fieldErrors);
        QFETCH(qint64, retryAfter);
        const QByteArray body = file.isEmpty()
                                    ? QByteArray()
                                    : TestSupport::readData(QStringLiteral("discord/rest/") + file);
        const ApiError error = discordError(status, {}, body);
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.serviceCode, code);
        QCOMPARE(error.fieldErrors, fieldErrors);
        QCOMPARE(error.retryAfterMs, retryAfter);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(error.isTransient(), status >= 500);
        if (!code.isEmpty())
            QCOMPARE(discordCode(error), code.toInt());
    }

    void errorBodyHostile()
    {
        // deeply nested and huge error trees are cut, never recursed without bound
        QJsonObject node{
            {QStringLiteral("_errors"),
             QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("bad")}}}}};
        for (int i = 0; i < 100; ++i)
            node = QJsonObject{{QStringLiteral("x"), node}};
        QJsonObject wide;
        for (int i = 0; i < 500; ++i)
            wide.insert(QString::number(i),
                        QJsonObject{{QStringLiteral("_errors"),
                                     QJsonArray{QJsonObject{
                                         {QStringLiteral("message"), QStringLiteral("m")}}}}});
        QVERIFY(flattenDiscordFieldErrors(node).isEmpty());
        QCOMPARE(flattenDiscordFieldErrors(wide).size(), 50);
        const ApiError garbage = discordError(400, {}, QByteArray("<html>nope</html>"));
        QCOMPARE(garbage.kind, ApiError::Kind::Validation);
        QVERIFY(garbage.serviceCode.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiscordModels)
#include "tst_discordmodels.moc"
