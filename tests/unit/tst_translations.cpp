#include "i18n/Translations.h"

#include <QFile>
#include <QTest>

#include "bot/OutageAlerts.h"
#include "bot/StatusEmbed.h"
#include "i18n/Wording.h"
#include "ShippedLanguages.h"

using namespace Pterodisbot;

//! The catalogs compiled into the program, which of them serves a Discord locale, and how a
//! Wording writes text and numbers. Asserts nothing about the translators' words, only that
//! the catalogs are there and are asked: English stays the source text byte for byte.
class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void catalogsAreCompiledIn()
    {
        const QStringList languages = shippedLanguages();
        QVERIFY(languages.contains(QStringLiteral("de")));
        QVERIFY(languages.contains(QStringLiteral("fr")));
        for (const QString &language : languages) {
            const QString path = QStringLiteral(":/i18n/pterodisbot_%1.qm").arg(language);
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
        QCOMPARE(Translations::shipped().languages(), languages);
    }

    // A string the window has had translated for a while: the shipped catalog answers.
    void shippedCatalogAnswers()
    {
        const char *source = "How the bot behaves";
        for (const QString &locale : {QStringLiteral("de"), QStringLiteral("fr")}) {
            const QString text = Translations::shipped().text(locale, "BehaviourSetupPage", source);
            QVERIFY2(!text.isEmpty() && text != QLatin1String(source), qPrintable(locale));
        }
    }

    void catalogForLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language"); // empty: English
        QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("de");
        QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("fr");
        QTest::newRow("a region of a shipped language")
            << QStringLiteral("fr-CA") << QStringLiteral("fr");
        QTest::newRow("American English") << QStringLiteral("en-US") << QString();
        QTest::newRow("British English") << QStringLiteral("en-GB") << QString();
        QTest::newRow("a Discord locale without a catalog") << QStringLiteral("ja") << QString();
        QTest::newRow("Brazilian Portuguese, no catalog") << QStringLiteral("pt-BR") << QString();
        QTest::newRow("not a locale at all") << QStringLiteral("xx") << QString();
        QTest::newRow("none given") << QString() << QString();
    }
    void catalogForLocale()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        const Translations::Catalog *catalog = Translations::shipped().catalogFor(locale);
        QCOMPARE(catalog ? catalog->language : QString(), language);
        QCOMPARE(Wording(locale).language(), language);
    }

    // Catalogs from a folder of one's own: a language without a file is left out, not fatal.
    void missingCatalogIsSkipped()
    {
        const Translations catalogs(QStringLiteral(":/i18n"),
                                    {QStringLiteral("de"), QStringLiteral("zz")});
        QCOMPARE(catalogs.languages(), QStringList{QStringLiteral("de")});
        QVERIFY(catalogs.catalogFor(QStringLiteral("de")));
        QVERIFY(!catalogs.catalogFor(QStringLiteral("zz")));
        QVERIFY(!catalogs.catalogFor(QStringLiteral("fr")));
        QCOMPARE(Wording(QStringLiteral("fr"), &catalogs).translate("StatusEmbed", "State"),
                 QStringLiteral("State"));
    }

    // Without a catalog every text is the source, numbers as they always were.
    void englishIsTheSource_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("default") << QString();
        QTest::newRow("en-US") << QStringLiteral("en-US");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("xx") << QStringLiteral("xx");
    }
    void englishIsTheSource()
    {
        QFETCH(QString, locale);
        const Wording wording(locale);
        QCOMPARE(wording.translate("StatusEmbed", "State"), QStringLiteral("State"));
        QCOMPARE(wording.translate("CommandHandlers", "Deleted %n status embeds.", nullptr, 3),
                 QStringLiteral("Deleted 3 status embeds."));
        // English's own plural forms (pterodisbot_en.ts), for every reader without a catalog.
        QCOMPARE(wording.translate("CommandHandlers", "Deleted %n status embeds.", nullptr, 1),
                 QStringLiteral("Deleted 1 status embed."));
        QCOMPARE(wording.translate("CommandHandlers", "%n were already gone.", nullptr, 1),
                 QStringLiteral("1 was already gone."));
        QCOMPARE(wording.decimal(12.5, 1), QStringLiteral("12.5"));
        QCOMPARE(wording.integer(123456), QStringLiteral("123456"));
        QCOMPARE(wording.percent(12.5, 1), QStringLiteral("12.5 %"));
        QCOMPARE(StatusEmbed::formatUsage(qint64(1.2 * 1024 * 1024 * 1024), 4096, wording),
                 QStringLiteral("1.20 GiB / 4.00 GiB (30 %)"));
        QCOMPARE(OutageAlerts::formatDuration(192'000, wording), QStringLiteral("3 min 12 s"));
    }

    // Numbers follow the language of the text: decimal commas in German and French, whatever
    // the translators made of the units.
    void numbersFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }
    void numbersFollowTheLanguage()
    {
        QFETCH(QString, locale);
        const Wording wording(locale);
        QCOMPARE(wording.decimal(12.5, 1), QStringLiteral("12,5"));
        QCOMPARE(wording.numberLocale().language(), QLocale(locale).language());
        QVERIFY2(wording.percent(12.5, 1).startsWith(QStringLiteral("12,5")),
                 qPrintable(wording.percent(12.5, 1)));
        QCOMPARE(
            wording.percent(12.5, 1),
            Translations::shipped().text(locale, "Wording", "%1 %").arg(QStringLiteral("12,5")));
        const QString usage =
            StatusEmbed::formatUsage(qint64(1.2 * 1024 * 1024 * 1024), 4096, wording);
        QVERIFY2(usage.startsWith(QStringLiteral("1,20")), qPrintable(usage));
        // The plural form's number is written the same way.
        QVERIFY(wording.translate("CommandHandlers", "Deleted %n status embeds.", nullptr, 1234)
                    .contains(wording.integer(1234)));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
