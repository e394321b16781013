#include "i18n/InterfaceTranslations.h"

#include <QCoreApplication>
#include <QTest>

#include "i18n/Translations.h"
#include "i18n/Wording.h"

using namespace Pterodisbot;

namespace {

// Qt reads the language from the environment once, when the application starts: this runs
// before main() creates it, as a German desktop session would have it.
const bool kGermanSession = [] {
    qputenv("LANGUAGE", "de");
    qputenv("LC_ALL", "de_DE.UTF-8");
    return true;
}();

} // namespace

//! The window follows the system's language; Discord texts do not.
class TestInterfaceLanguage final : public QObject
{
    Q_OBJECT

private slots:
    void windowSpeaksTheSystemsLanguage()
    {
        QVERIFY(kGermanSession);
        const QStringList installed = installInterfaceTranslations(QCoreApplication::instance());
        QVERIFY2(installed.contains(QStringLiteral("pterodisbot_de")),
                 qPrintable(installed.join(QLatin1Char(' '))));
        const char *source = "How the bot behaves";
        const QString german = QCoreApplication::translate("BehaviourSetupPage", source);
        QVERIFY(german != QLatin1String(source));
        QCOMPARE(german,
                 Translations::shipped().text(QStringLiteral("de"), "BehaviourSetupPage", source));

        // A member whose Discord is English still reads English.
        QCOMPARE(Wording(QStringLiteral("en-US")).translate("StatusEmbed", "State"),
                 QStringLiteral("State"));
    }
};

QTEST_GUILESS_MAIN(TestInterfaceLanguage)
#include "tst_interfacelanguage.moc"
