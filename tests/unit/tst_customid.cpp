#include "bot/CustomId.h"

#include <QTest>

using namespace Pterodisbot;

namespace {
const QString kShort = QStringLiteral("1a2b3c4d");
const QString kUuid = QStringLiteral("1a2b3c4d-5e6f-7a8b-9c0d-ef0123456789");
} // namespace

class TestCustomId final : public QObject
{
    Q_OBJECT

private slots:
    void encodes_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<QString>("expected");
        using A = CustomId::PowerAction;
        QTest::newRow("start") << CustomId::power(A::Start, kShort).encode()
                               << QStringLiteral("pdb:v1:power:start:1a2b3c4d");
        QTest::newRow("stop") << CustomId::power(A::Stop, kShort).encode()
                              << QStringLiteral("pdb:v1:power:stop:1a2b3c4d");
        QTest::newRow("restart uuid")
            << CustomId::power(A::Restart, kUuid).encode()
            << QStringLiteral("pdb:v1:power:restart:1a2b3c4d-5e6f-7a8b-9c0d-ef0123456789");
        QTest::newRow("address") << CustomId::address(kShort).encode()
                                 << QStringLiteral("pdb:v1:addr:1a2b3c4d");
        QTest::newRow("select") << CustomId::select(3).encode()
                                << QStringLiteral("pdb:v1:select:3");
        QTest::newRow("page 0") << CustomId::page(0).encode() << QStringLiteral("pdb:v1:page:0");
        QTest::newRow("page max") << CustomId::page(9999).encode()
                                  << QStringLiteral("pdb:v1:page:9999");
    }
    void encodes()
    {
        QFETCH(QString, encoded);
        QFETCH(QString, expected);
        QCOMPARE(encoded, expected);
        QVERIFY(encoded.size() <= CustomId::MaxLength);
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<int>("page");
        using K = CustomId::Kind;
        using A = CustomId::PowerAction;
        QTest::newRow("start short") << QStringLiteral("pdb:v1:power:start:1a2b3c4d")
                                     << int(K::Power) << int(A::Start) << kShort << 0;
        QTest::newRow("stop uuid") << (QStringLiteral("pdb:v1:power:stop:") + kUuid)
                                   << int(K::Power) << int(A::Stop) << kUuid << 0;
        QTest::newRow("restart") << QStringLiteral("pdb:v1:power:restart:00000000") << int(K::Power)
                                 << int(A::Restart) << QStringLiteral("00000000") << 0;
        QTest::newRow("addr") << QStringLiteral("pdb:v1:addr:ffffffff") << int(K::Address)
                              << int(A::Start) << QStringLiteral("ffffffff") << 0;
        QTest::newRow("select 0") << QStringLiteral("pdb:v1:select:0") << int(K::Select)
                                  << int(A::Start) << QString() << 0;
        QTest::newRow("select 12") << QStringLiteral("pdb:v1:select:12") << int(K::Select)
                                   << int(A::Start) << QString() << 12;
        QTest::newRow("page 9999") << QStringLiteral("pdb:v1:page:9999") << int(K::Page)
                                   << int(A::Start) << QString() << 9999;
    }
    void roundTrips()
    {
        QFETCH(QString, input);
        QFETCH(int, kind);
        QFETCH(int, action);
        QFETCH(QString, identifier);
        QFETCH(int, page);
        const CustomId::Parsed parsed = CustomId::parse(input);
        QVERIFY2(parsed.ok(), qPrintable(parsed.message));
        QCOMPARE(parsed.refusal, CustomId::Refusal::None);
        QCOMPARE(int(parsed.id->kind()), kind);
        QCOMPARE(parsed.id->identifier(), identifier);
        if (kind == int(CustomId::Kind::Power))
            QCOMPARE(int(parsed.id->powerAction()), action);
        if (kind == int(CustomId::Kind::Select) || kind == int(CustomId::Kind::Page))
            QCOMPARE(parsed.id->pageNumber(), page);
        QCOMPARE(parsed.id->encode(), input);
    }

    void refusesHostileInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("refusal");
        using R = CustomId::Refusal;
        const QString power = QStringLiteral("pdb:v1:power:start:");
        QTest::newRow("empty") << QString() << int(R::Empty);
        QTest::newRow("10 kB") << QString(10 * 1024, QLatin1Char('a')) << int(R::TooLong);
        QTest::newRow("101 chars valid-looking")
            << (QStringLiteral("pdb:v1:page:1") + QString(88, QLatin1Char('0'))) << int(R::TooLong);
        QTest::newRow("format action")
            << QStringLiteral("pdb:v1:power:format:x") << int(R::UnknownAction);
        QTest::newRow("kill action")
            << QStringLiteral("pdb:v1:power:kill:1a2b3c4d") << int(R::UnknownAction);
        QTest::newRow("action upper case")
            << QStringLiteral("pdb:v1:power:START:1a2b3c4d") << int(R::UnknownAction);
        QTest::newRow("unknown prefix")
            << QStringLiteral("xyz:v1:power:start:1a2b3c4d") << int(R::BadPrefix);
        QTest::newRow("prefix only") << QStringLiteral("pdb") << int(R::WrongFieldCount);
        QTest::newRow("prefix case") << QStringLiteral("PDB:v1:addr:1a2b3c4d") << int(R::BadPrefix);
        QTest::newRow("other bot") << QStringLiteral("start_1a2b3c4d") << int(R::BadPrefix);
        QTest::newRow("version 2")
            << QStringLiteral("pdb:v2:power:start:1a2b3c4d") << int(R::BadVersion);
        QTest::newRow("no kind") << QStringLiteral("pdb:v1") << int(R::WrongFieldCount);
        QTest::newRow("unknown kind")
            << QStringLiteral("pdb:v1:delete:1a2b3c4d") << int(R::UnknownKind);
        QTest::newRow("power no id")
            << QStringLiteral("pdb:v1:power:start") << int(R::WrongFieldCount);
        QTest::newRow("power extra field")
            << (power + QStringLiteral("1a2b3c4d:extra")) << int(R::WrongFieldCount);
        QTest::newRow("addr extra field")
            << QStringLiteral("pdb:v1:addr:1a2b3c4d:1a2b3c4d") << int(R::WrongFieldCount);
        QTest::newRow("select extra")
            << QStringLiteral("pdb:v1:select:1:2") << int(R::WrongFieldCount);
        QTest::newRow("trailing colon")
            << (power + QStringLiteral("1a2b3c4d:")) << int(R::EmptyField);
        QTest::newRow("empty version")
            << QStringLiteral("pdb::power:start:1a2b3c4d") << int(R::EmptyField);
        QTest::newRow("empty identifier") << power << int(R::EmptyField);
        QTest::newRow("only colons") << QStringLiteral(":::") << int(R::EmptyField);
        QTest::newRow("id 7 chars") << (power + QStringLiteral("1a2b3c4")) << int(R::BadIdentifier);
        QTest::newRow("id 9 chars")
            << (power + QStringLiteral("1a2b3c4d5")) << int(R::BadIdentifier);
        QTest::newRow("id upper case")
            << (power + QStringLiteral("1A2B3C4D")) << int(R::BadIdentifier);
        QTest::newRow("id not hex")
            << (power + QStringLiteral("1a2b3c4g")) << int(R::BadIdentifier);
        QTest::newRow("path traversal")
            << (power + QStringLiteral("../../..")) << int(R::BadIdentifier);
        QTest::newRow("url injection")
            << (power + QStringLiteral("1a2b3c4d/power?signal=kill")) << int(R::BadIdentifier);
        QTest::newRow("uuid without dashes")
            << (power + QStringLiteral("1a2b3c4d5e6f7a8b9c0def0123456789abcd"))
            << int(R::BadIdentifier);
        QTest::newRow("uuid dash misplaced")
            << (power + QStringLiteral("1a2b3c4d5-e6f-7a8b-9c0d-ef0123456789"))
            << int(R::BadIdentifier);
        QTest::newRow("newline log injection")
            << (power + QStringLiteral("1a2b3c4d\n[lcBot] fake line")) << int(R::BadCharacters);
        QTest::newRow("space") << QStringLiteral("pdb:v1:addr: 1a2b3c4d") << int(R::BadCharacters);
        QTest::newRow("nul") << (QStringLiteral("pdb:v1:addr:1a2b3c4d") + QChar(0))
                             << int(R::BadCharacters);
        QTest::newRow("unicode lookalike colon")
            << QStringLiteral("pdb:v1:addr\uff1a1a2b3c4d") << int(R::BadCharacters);
        QTest::newRow("unicode digits")
            << QStringLiteral("pdb:v1:page:\u0661") << int(R::BadCharacters);
        QTest::newRow("emoji") << QStringLiteral("pdb:v1:addr:\U0001F600") << int(R::BadCharacters);
        QTest::newRow("negative page") << QStringLiteral("pdb:v1:page:-1") << int(R::BadPage);
        QTest::newRow("plus page") << QStringLiteral("pdb:v1:page:+1") << int(R::BadPage);
        QTest::newRow("leading zero page") << QStringLiteral("pdb:v1:page:01") << int(R::BadPage);
        QTest::newRow("hex page") << QStringLiteral("pdb:v1:select:0x1") << int(R::BadPage);
        QTest::newRow("page too big") << QStringLiteral("pdb:v1:page:10000") << int(R::BadPage);
        QTest::newRow("page overflow")
            << QStringLiteral("pdb:v1:page:99999999999999999999") << int(R::BadPage);
        QTest::newRow("sql-ish") << QStringLiteral("pdb:v1:addr:';DROP_TABLE--")
                                 << int(R::BadIdentifier);
    }
    void refusesHostileInput()
    {
        QFETCH(QString, input);
        QFETCH(int, refusal);
        const CustomId::Parsed parsed = CustomId::parse(input);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.id.has_value());
        QCOMPARE(CustomId::refusalName(parsed.refusal),
                 CustomId::refusalName(CustomId::Refusal(refusal)));
        QVERIFY(!parsed.message.isEmpty());
        // The explanation goes to logs: it must stay one printable line of bounded size.
        for (QChar c : parsed.message)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() <= 0x7e, qPrintable(parsed.message));
        QVERIFY(parsed.message.size() < 200);
    }

    void explainsRefusal()
    {
        QCOMPARE(CustomId::parse(u"pdb:v1:power:format:x").message,
                 QStringLiteral("unknown power action \"format\""));
        QCOMPARE(CustomId::parse(QString(10240, QLatin1Char('a'))).message,
                 QStringLiteral("custom_id of 10240 characters (limit 100)"));
        QCOMPARE(CustomId::parse(u"pdb:v1:addr:\n").message,
                 QStringLiteral("character U+000a in custom_id \"pdb:v1:addr:\\n\""));
    }

    void identifiers_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("short") << kShort << true;
        QTest::newRow("uuid") << kUuid << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("short upper") << QStringLiteral("ABCDEF01") << false;
        QTest::newRow("uuid upper") << kUuid.toUpper() << false;
        QTest::newRow("uuid 35") << kUuid.left(35) << false;
        QTest::newRow("uuid braces")
            << (QLatin1Char('{') + kUuid.left(34) + QLatin1Char('}')) << false;
        QTest::newRow("all dashes") << QString(36, QLatin1Char('-')) << false;
    }
    void identifiers()
    {
        QFETCH(QString, identifier);
        QFETCH(bool, valid);
        QCOMPARE(CustomId::isValidIdentifier(identifier), valid);
    }

    void logTextIsSafe()
    {
        QCOMPARE(CustomId::forLog(u"a\nb\"c\\"), QStringLiteral("a\\nb\\\"c\\\\"));
        QCOMPARE(CustomId::forLog(u"\u00e9"), QStringLiteral("\\u00e9"));
        QCOMPARE(CustomId::forLog(QString(500, QLatin1Char('x')), 5),
                 QStringLiteral("xxxxx...(500 chars)"));
    }

    void mapsToPowerSignals()
    {
        using A = CustomId::PowerAction;
        QCOMPARE(CustomId::toPowerSignal(A::Start), PowerSignal::Start);
        QCOMPARE(CustomId::toPowerSignal(A::Stop), PowerSignal::Stop);
        QCOMPARE(CustomId::toPowerSignal(A::Restart), PowerSignal::Restart);
    }
};

QTEST_GUILESS_MAIN(TestCustomId)
#include "tst_customid.moc"
