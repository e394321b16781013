#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "discord/Interaction.h"
#include "discord/InteractionCommands.h"
#include "TestSupport.h"

using namespace Pterodisbot;

namespace {

QJsonObject fixture(const QString &name)
{
    return QJsonDocument::fromJson(TestSupport::readData(QStringLiteral("discord/rest/") + name))
        .object();
}

// Sets (or, for an undefined value, removes) the value at a dotted path such as "member.user.id".
QJsonObject mutated(QJsonObject object, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    }
    object.insert(key, mutated(object.value(key).toObject(), path, value));
    return object;
}

} // namespace

class TestInteractionParsing final : public QObject
{
    Q_OBJECT

private slots:
    void slashCommandWithOptions()
    {
        QString error;
        const auto parsed =
            Interaction::fromJson(fixture(QStringLiteral("interaction_command.json")), &error);
        QVERIFY2(parsed, qPrintable(error));
        const Interaction &i = *parsed;
        QCOMPARE(i.type, InteractionType::ApplicationCommand);
        QVERIFY(i.isCommand());
        QCOMPARE(i.id, QStringLiteral("1600000000000000001"));
        QCOMPARE(i.applicationId, QStringLiteral("1100000000000000001"));
        QVERIFY(i.token.startsWith(QLatin1String("aW50ZXJhY3Rpb246")));
        QCOMPARE(i.guildId, QStringLiteral("1200000000000000001"));
        QCOMPARE(i.channelId, QStringLiteral("1300000000000000001"));
        QCOMPARE(i.locale, QStringLiteral("de"));
        QCOMPARE(i.guildLocale, QStringLiteral("en-US"));
        QCOMPARE(i.userId, QStringLiteral("1700000000000000001"));
        QCOMPARE(i.username, QStringLiteral("ada"));
        QCOMPARE(i.globalName, QStringLiteral("Ada L."));
        QCOMPARE(i.roleIds, (QStringList{QStringLiteral("1400000000000000001"),
                                         QStringLiteral("1400000000000000002")}));
        QCOMPARE(i.permissions, quint64(1099511627775ULL));
        QCOMPARE(i.appPermissions, quint64(562949953421311ULL));
        QCOMPARE(i.commandName, QStringLiteral("server"));
        QCOMPARE(i.commandId, QStringLiteral("1110000000000000007"));
        QCOMPARE(i.commandType, CommandType::ChatInput);
        QCOMPARE(i.options.size(), 1);
        const auto status = i.option(QStringLiteral("status"));
        QVERIFY(status);
        QCOMPARE(status->type, 1);
        QCOMPARE(status->options.size(), 3);
        QCOMPARE(status->options[0].value.toString(), QStringLiteral("a1b2c3d4"));
        QCOMPARE(status->options[1].value.toBool(), true);
        QCOMPARE(status->options[2].value.toInt(), 15);
        QVERIFY(!i.option(QStringLiteral("missing")));
        QVERIFY(!i.describe().contains(i.token));
        QVERIFY(i.describe().contains(QLatin1String("/server")));
    }

    void button()
    {
        QString error;
        const auto parsed =
            Interaction::fromJson(fixture(QStringLiteral("interaction_button.json")), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->type, InteractionType::MessageComponent);
        QCOMPARE(parsed->customId, QStringLiteral("pdb:v1:power:start:a1b2c3d4"));
        QCOMPARE(parsed->componentType, ComponentType::Button);
        QVERIFY(parsed->values.isEmpty());
        QCOMPARE(parsed->messageId, QStringLiteral("1500000000000000101"));
        QCOMPARE(parsed->userId, QStringLiteral("1700000000000000002"));
        QCOMPARE(parsed->username, QStringLiteral("grace"));
        QVERIFY(parsed->globalName.isEmpty());                              // null
        QCOMPARE(parsed->permissions, std::numeric_limits<quint64>::max()); // all 64 bits survive
        QCOMPARE(parsed->roleIds, QStringList{QStringLiteral("1400000000000000001")});
    }

    void stringSelect()
    {
        QString error;
        const auto parsed =
            Interaction::fromJson(fixture(QStringLiteral("interaction_select.json")), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->componentType, ComponentType::StringSelect);
        QCOMPARE(parsed->customId, QStringLiteral("pdb:v1:select:0"));
        QCOMPARE(parsed->values, QStringList{QStringLiteral("a1b2c3d4")});
        QCOMPARE(parsed->messageId, QStringLiteral("1500000000000000102"));
        QCOMPARE(parsed->channelId, QStringLiteral("1300000000000000002"));
        QVERIFY(parsed->roleIds.isEmpty());
        QCOMPARE(parsed->permissions, quint64(0));
    }

    void directMessageUsesUser()
    {
        QString error;
        const auto parsed =
            Interaction::fromJson(fixture(QStringLiteral("interaction_dm_command.json")), &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(!parsed->inGuild());
        QCOMPARE(parsed->userId, QStringLiteral("1700000000000000004"));
        QCOMPARE(parsed->commandName, QStringLiteral("server_status"));
        QVERIFY(parsed->options.isEmpty());
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        const QString button = QStringLiteral("interaction_button.json");
        const QString command = QStringLiteral("interaction_command.json");
        const QString select = QStringLiteral("interaction_select.json");
        const QJsonValue removed(QJsonValue::Undefined);

        QTest::newRow("missing member") << button << "member" << removed << "member is missing";
        QTest::newRow("member not object")
            << button << "member" << QJsonValue(QStringLiteral("x")) << "member is missing";
        QTest::newRow("missing user")
            << button << "member.user" << removed << "member.user is missing";
        QTest::newRow("user id number")
            << button << "member.user.id" << QJsonValue(1700000000000000002.0)
            << "member.user.id is not a snowflake";
        QTest::newRow("user id text")
            << button << "member.user.id" << QJsonValue(QStringLiteral("ada"))
            << "member.user.id is not a snowflake";
        QTest::newRow("snowflake overflow")
            << button << "id" << QJsonValue(QStringLiteral("99999999999999999999"))
            << "id is not a snowflake";
        QTest::newRow("type as string")
            << button << "type" << QJsonValue(QStringLiteral("3")) << "type is not";
        QTest::newRow("type fraction") << button << "type" << QJsonValue(2.5) << "type is not";
        QTest::newRow("type unknown") << button << "type" << QJsonValue(99) << "type 99 is not";
        QTest::newRow("no type") << button << "type" << removed << "type is missing";
        QTest::newRow("custom_id 101")
            << button << "data.custom_id" << QJsonValue(QString(101, QLatin1Char('a')))
            << "data.custom_id has 101 characters";
        QTest::newRow("custom_id huge")
            << button << "data.custom_id" << QJsonValue(QString(100000, QLatin1Char('a')))
            << "data.custom_id has 100000 characters";
        QTest::newRow("custom_id empty")
            << button << "data.custom_id" << QJsonValue(QString()) << "data.custom_id has 0";
        QTest::newRow("custom_id number") << button << "data.custom_id" << QJsonValue(5)
                                          << "data.custom_id is missing or not a string";
        QTest::newRow("component_type text")
            << button << "data.component_type" << QJsonValue(QStringLiteral("2"))
            << "data.component_type is not";
        QTest::newRow("component_type row") << button << "data.component_type" << QJsonValue(1)
                                            << "data.component_type 1 is not an interactive";
        QTest::newRow("component_type text input")
            << button << "data.component_type" << QJsonValue(4)
            << "data.component_type 4 is not an interactive";
        QTest::newRow("component_type unknown") << button << "data.component_type" << QJsonValue(99)
                                                << "data.component_type 99 is not an interactive";
        QTest::newRow("no data") << button << "data" << removed << "data is missing";
        QTest::newRow("no message") << button << "message" << removed << "message is missing";
        QTest::newRow("message id bad") << button << "message.id" << QJsonValue(QJsonObject{})
                                        << "message.id is not a snowflake";
        QTest::newRow("token missing")
            << button << "token" << removed << "token is missing or malformed";
        QTest::newRow("token path")
            << button << "token" << QJsonValue(QStringLiteral("abc/../../channels"))
            << "token is missing or malformed";
        QTest::newRow("token with space")
            << button << "token" << QJsonValue(QStringLiteral("abc def"))
            << "token is missing or malformed";
        QTest::newRow("token with percent")
            << button << "token" << QJsonValue(QStringLiteral("abc%2Fdef"))
            << "token is missing or malformed";
        QTest::newRow("token huge")
            << button << "token" << QJsonValue(QString(5000, QLatin1Char('t')))
            << "token is missing or malformed";
        QTest::newRow("roles not array")
            << button << "member.roles" << QJsonValue(QStringLiteral("1400000000000000001"))
            << "member.roles is not an array";
        QTest::newRow("role not snowflake")
            << button << "member.roles" << QJsonValue(QJsonArray{QStringLiteral("1"), 2})
            << "member.roles[1] is not a snowflake";
        QTest::newRow("permissions number") << button << "member.permissions" << QJsonValue(8.0)
                                            << "member.permissions is not a permission bitfield";
        QTest::newRow("permissions overflow")
            << button << "member.permissions" << QJsonValue(QStringLiteral("18446744073709551616"))
            << "member.permissions is not a permission bitfield";
        QTest::newRow("values not array")
            << select << "data.values" << QJsonValue(QStringLiteral("a1b2c3d4"))
            << "data.values is not an array";
        QTest::newRow("value not string") << select << "data.values" << QJsonValue(QJsonArray{1})
                                          << "data.values[0] is not a string";
        QJsonArray many;
        for (int i = 0; i < 26; ++i)
            many.append(QString::number(i));
        QTest::newRow("26 values")
            << select << "data.values" << QJsonValue(many) << "data.values has more than 25";
        QTest::newRow("locale huge")
            << select << "locale" << QJsonValue(QString(1000, QLatin1Char('x')))
            << "locale is longer";
        QTest::newRow("command without name")
            << command << "data.name" << removed << "data.name is missing";
        QTest::newRow("command name number")
            << command << "data.name" << QJsonValue(7) << "data.name is not a string";
        QTest::newRow("options not array") << command << "data.options" << QJsonValue(QJsonObject{})
                                           << "data.options is not an array";
        QJsonArray deep{QJsonObject{{QStringLiteral("name"), QStringLiteral("d")},
                                    {QStringLiteral("type"), 1}}};
        for (int i = 0; i < 5; ++i)
            deep = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("d")},
                                          {QStringLiteral("type"), 2},
                                          {QStringLiteral("options"), deep}}};
        QTest::newRow("options too deep")
            << command << "data.options" << QJsonValue(deep) << "nests deeper";
        QTest::newRow("option value object")
            << command << "data.options"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                 {QStringLiteral("type"), 3},
                                                 {QStringLiteral("value"), QJsonObject{}}}})
            << "data.options[0].value is not a string";
    }
    void hostileInput()
    {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        const QJsonObject json = mutated(fixture(file), path.split(QLatin1Char('.')), value);
        QString reason;
        const auto parsed = Interaction::fromJson(json, &reason);
        QVERIFY(!parsed);
        QVERIFY2(reason.contains(error), qPrintable(reason));
        QVERIFY(reason.size() < 200); // one line, never an echo of a huge input
    }

    // The start-up comparison that decides whether commands are re-registered.
    void commandsEquivalence_data()
    {
        QTest::addColumn<QJsonArray>("wanted");
        QTest::addColumn<QJsonArray>("current");
        QTest::addColumn<bool>("equivalent");
        const QJsonObject status{{QStringLiteral("name"), QStringLiteral("server_status")},
                                 {QStringLiteral("description"), QStringLiteral("Show servers")},
                                 {QStringLiteral("type"), 1},
                                 {QStringLiteral("dm_permission"), false}};
        // what Discord answers for it: ids, version, defaults spelled out or left out
        QJsonObject served = status;
        served.insert(QStringLiteral("id"), QStringLiteral("1110000000000000001"));
        served.insert(QStringLiteral("application_id"), QStringLiteral("1100000000000000001"));
        served.insert(QStringLiteral("version"), QStringLiteral("1110000000000000002"));
        served.insert(QStringLiteral("default_member_permissions"), QJsonValue::Null);
        served.insert(QStringLiteral("nsfw"), false);
        served.remove(QStringLiteral("dm_permission"));
        QJsonObject withOption = status;
        withOption.insert(
            QStringLiteral("options"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("page")},
                                   {QStringLiteral("description"), QStringLiteral("Page")},
                                   {QStringLiteral("type"), 4},
                                   {QStringLiteral("required"), false}}});
        QJsonObject servedOption = served;
        servedOption.insert(
            QStringLiteral("options"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("page")},
                                   {QStringLiteral("description"), QStringLiteral("Page")},
                                   {QStringLiteral("type"), 4}}});
        QJsonObject renamed = served;
        renamed.insert(QStringLiteral("description"), QStringLiteral("Show the servers"));
        QJsonObject admin = status;
        admin.insert(QStringLiteral("default_member_permissions"), 32);
        QJsonObject servedAdmin = served;
        servedAdmin.insert(QStringLiteral("default_member_permissions"), QStringLiteral("32"));

        QTest::newRow("same") << QJsonArray{status} << QJsonArray{served} << true;
        QTest::newRow("none registered") << QJsonArray{status} << QJsonArray{} << false;
        QTest::newRow("extra registered")
            << QJsonArray{status} << QJsonArray{served, renamed} << false;
        QTest::newRow("description changed") << QJsonArray{status} << QJsonArray{renamed} << false;
        QTest::newRow("option defaults")
            << QJsonArray{withOption} << QJsonArray{servedOption} << true;
        QTest::newRow("option added") << QJsonArray{withOption} << QJsonArray{served} << false;
        QTest::newRow("permissions as number")
            << QJsonArray{admin} << QJsonArray{servedAdmin} << true;
        QTest::newRow("permissions dropped") << QJsonArray{admin} << QJsonArray{served} << false;
    }
    void commandsEquivalence()
    {
        QFETCH(QJsonArray, wanted);
        QFETCH(QJsonArray, current);
        QFETCH(bool, equivalent);
        QCOMPARE(InteractionCommands::equivalent(wanted, current), equivalent);
    }

    void notAnObjectAtAll()
    {
        QString reason;
        QVERIFY(!Interaction::fromJson(QJsonObject{}, &reason));
        QCOMPARE(reason, QStringLiteral("type is missing"));
        QVERIFY(!Interaction::fromJson(QJsonDocument::fromJson("[1,2,3]").object()));
    }
};

QTEST_GUILESS_MAIN(TestInteractionParsing)
#include "tst_interactionparsing.moc"
