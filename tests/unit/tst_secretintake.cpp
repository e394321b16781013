// `--store-secret` without the terminal: a good value lands in the keychain under its key, a bad
// one is refused with the validator's words and never quoted, an unknown name lists the real
// ones, and a keychain that refuses or never answers says what to do instead.
#include "config/Keychain.h"
#include "config/SecretIntake.h"
#include "config/SecretStore.h"
#include "FakeKeychain.h"
#include "TestSupport.h"

#include <memory>

#include <QTest>

#include <QCoroTask>

using namespace Pterodisbot;
using namespace std::chrono_literals;
using Pterodisbot::TestSupport::fakeKey;
using Pterodisbot::TestSupport::FakeKeychain;
using Pterodisbot::TestSupport::fakeToken;

class TestSecretIntake final : public QObject
{
    Q_OBJECT

    // The store owns the backend; the test keeps a pointer to look inside.
    struct Fixture
    {
        FakeKeychain *keychain = nullptr;
        std::unique_ptr<SecretStore> store;
    };

    static Fixture makeStore(FakeKeychain::Mode mode = FakeKeychain::Mode::Answer)
    {
        auto backend = std::make_unique<FakeKeychain>();
        backend->mode = mode;
        Fixture fixture;
        fixture.keychain = backend.get();
        SecretStoreOptions options;
        options.keychainTimeout = 200ms;
        options.keychainWriteTimeout = 200ms;
        fixture.store = std::make_unique<SecretStore>(options, std::move(backend));
        return fixture;
    }

    static SecretIntakeResult run(SecretStore *store, const QString &name, const QString &value)
    {
        return QCoro::waitFor(storeSecret(store, name, value));
    }

    // No piece of 6 characters or more of \a value (blank pieces aside: those are layout).
    static bool quotesPieceOf(const QString &message, const QString &value)
    {
        for (qsizetype i = 0; i + 6 <= value.size(); ++i) {
            const QString piece = value.mid(i, 6);
            if (!piece.trimmed().isEmpty() && message.contains(piece))
                return true;
        }
        return false;
    }

private slots:
    void goodValueIsStoredUnderItsKey_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("token") << QStringLiteral("discord.token") << fakeToken();
        QTest::newRow("client key")
            << QStringLiteral("pterodactyl.client_key") << fakeKey(QStringLiteral("ptlc_"));
        QTest::newRow("pelican client key")
            << QStringLiteral("pterodactyl.client_key") << fakeKey(QStringLiteral("pacc_"));
        QTest::newRow("application key")
            << QStringLiteral("pterodactyl.application_key") << fakeKey(QStringLiteral("ptla_"));
        QTest::newRow("pelican application key")
            << QStringLiteral("pterodactyl.application_key") << fakeKey(QStringLiteral("papp_"));
    }

    void goodValueIsStoredUnderItsKey()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        Fixture fixture = makeStore();
        const SecretIntakeResult result = run(fixture.store.get(), name, value);
        QCOMPARE(result.exitCode, int(SecretIntakeResult::Stored));
        QCOMPARE(fixture.keychain->writes, QStringList{name});
        QCOMPARE(fixture.keychain->entries.value(name), value);
        QCOMPARE(fixture.keychain->entries.size(), 1);
        QVERIFY2(result.message.contains(QStringLiteral("stored %1 in the OS keychain (service "
                                                        "pterodisbot)")
                                             .arg(name)),
                 qPrintable(result.message));
        QVERIFY(result.message.contains(QStringLiteral("--check-config")));
        QVERIFY2(!quotesPieceOf(result.message, value), qPrintable(result.message));
    }

    void malformedValueIsRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // the validator's (or the intake's) words

        const QString token = QStringLiteral("discord.token");
        const QString client = QStringLiteral("pterodactyl.client_key");
        const QString application = QStringLiteral("pterodactyl.application_key");
        const QString clientKey = fakeKey(QStringLiteral("ptlc_"));
        const QString applicationKey = fakeKey(QStringLiteral("ptla_"));
        QString withNul = fakeToken();
        withNul.insert(40, QChar(0));
        QString keyWithNul = clientKey;
        keyWithNul[20] = QChar(0);

        QTest::newRow("token with Bot prefix") << token << QStringLiteral("Bot ") + fakeToken()
                                               << QStringLiteral("the token starts with \"Bot \"");
        QTest::newRow("panel key as token")
            << token << clientKey << QStringLiteral("this is a panel key (ptlc_…)");
        QTest::newRow("empty token") << token << QString() << QStringLiteral("the value is empty");
        QTest::newRow("blank token")
            << token << QStringLiteral("    ") << QStringLiteral("the token contains spaces");
        QTest::newRow("token with NUL")
            << token << withNul << QStringLiteral("invisible or control character (\\0)");

        QTest::newRow("application key as client key")
            << client << applicationKey
            << QStringLiteral("this is an application key (ptla_…) in the client key slot");
        QTest::newRow("token as client key")
            << client << fakeToken()
            << QStringLiteral("this looks like a Discord bot token, not a panel client key");
        QTest::newRow("client key with a wrong prefix")
            << client << QStringLiteral("ptl_") + clientKey.mid(4) + QLatin1Char('x')
            << QStringLiteral("a panel client key starts with ptlc_");
        QTest::newRow("empty client key")
            << client << QString() << QStringLiteral("the value is empty");
        QTest::newRow("blank client key")
            << client << QStringLiteral("    ") << QStringLiteral("a panel client key starts with");
        QTest::newRow("client key with NUL")
            << client << keyWithNul << QStringLiteral("invisible or control character (\\0)");

        QTest::newRow("client key as application key")
            << application << clientKey
            << QStringLiteral("this is a client key (ptlc_…) in the application key slot");
        QTest::newRow("short application key")
            << application << applicationKey.left(40)
            << QStringLiteral("the application key is 40 characters long");
        QTest::newRow("empty application key")
            << application << QString() << QStringLiteral("the value is empty");
        QTest::newRow("blank application key")
            << application << QStringLiteral("    ")
            << QStringLiteral("a panel application key starts with");
        QTest::newRow("application key with NUL")
            << application << QStringLiteral("ptla_") + QChar(0) + applicationKey.mid(6)
            << QStringLiteral("invisible or control character (\\0)");
    }

    void malformedValueIsRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Fixture fixture = makeStore();
        const SecretIntakeResult result = run(fixture.store.get(), name, value);
        QCOMPARE(result.exitCode, int(SecretIntakeResult::Refused));
        QVERIFY(fixture.keychain->writes.isEmpty());
        QVERIFY(fixture.keychain->entries.isEmpty());
        QVERIFY2(result.message.contains(QStringLiteral("error   %1: ").arg(name)),
                 qPrintable(result.message));
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("fix: ")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("%1 was not stored").arg(name)),
                 qPrintable(result.message));
        QVERIFY2(value.trimmed().isEmpty() || !result.message.contains(value),
                 qPrintable(result.message));
        QVERIFY2(!quotesPieceOf(result.message, value), qPrintable(result.message));
        QVERIFY(!result.message.contains(QChar(0)));
    }

    // The same judgement as --check-config: only problems of the key, in the validator's words.
    void problemsAreOnlyThoseOfTheKey()
    {
        const QList<ConfigProblem> problems =
            secretValueProblems(SecretKind::ClientKey, fakeKey(QStringLiteral("ptla_")));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().key, QStringLiteral("pterodactyl.client_key"));
        QVERIFY(problems.first().isError());
        QVERIFY(secretValueProblems(SecretKind::DiscordToken, fakeToken()).isEmpty());
        QVERIFY(secretValueProblems(SecretKind::ApplicationKey, fakeKey(QStringLiteral("papp_")))
                    .isEmpty());
    }

    // Warnings do not stop the storing (as in --check-config); they are shown with the result.
    void warningIsShownAndValueStored()
    {
        Fixture fixture = makeStore();
        const QString odd = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789-extra");
        const SecretIntakeResult result =
            run(fixture.store.get(), QStringLiteral("discord.token"), odd);
        QCOMPARE(result.exitCode, int(SecretIntakeResult::Stored));
        QCOMPARE(fixture.keychain->entries.value(QStringLiteral("discord.token")), odd);
        QVERIFY2(result.message.contains(QStringLiteral("warning discord.token: this does not look "
                                                        "like a Discord bot token")),
                 qPrintable(result.message));
        QVERIFY2(!quotesPieceOf(result.message, odd), qPrintable(result.message));
    }

    void unknownNameListsTheValidOnes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("other key") << QStringLiteral("discord.guild_id");
        QTest::newRow("section only") << QStringLiteral("token");
        QTest::newRow("upper case") << QStringLiteral("DISCORD.TOKEN");
        QTest::newRow("environment name") << QStringLiteral("PTERODISBOT_DISCORD_TOKEN");
        QTest::newRow("empty") << QString();
        QTest::newRow("token in place of the name") << fakeToken();
    }

    void unknownNameListsTheValidOnes()
    {
        QFETCH(QString, name);
        Fixture fixture = makeStore();
        const QString value = fakeToken();
        const SecretIntakeResult result = run(fixture.store.get(), name, value);
        QCOMPARE(result.exitCode, int(SecretIntakeResult::UnknownName));
        QVERIFY(fixture.keychain->writes.isEmpty());
        QVERIFY2(result.message.contains(QStringLiteral(
                     "discord.token, pterodactyl.client_key, pterodactyl.application_key")),
                 qPrintable(result.message));
        QVERIFY2(!quotesPieceOf(result.message, value), qPrintable(result.message));
        QVERIFY(!secretKindOf(name));
    }

    void namesAreTheSecretKeys()
    {
        QCOMPARE(secretKeyNames(), (QStringList{QStringLiteral("discord.token"),
                                                QStringLiteral("pterodactyl.client_key"),
                                                QStringLiteral("pterodactyl.application_key")}));
        for (const SecretKind kind :
             {SecretKind::DiscordToken, SecretKind::ClientKey, SecretKind::ApplicationKey})
            QVERIFY(secretKindOf(secretKey(kind)) == kind);
    }

    void unavailableKeychainSaysWhatToDo_data()
    {
        QTest::addColumn<bool>("silent"); // never answers; else answers "no service"
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("why");
        QTest::newRow("no service, token")
            << false << QStringLiteral("discord.token") << fakeToken()
            << QStringLiteral("PTERODISBOT_DISCORD_TOKEN")
            << QStringLiteral("No keychain service available");
        QTest::newRow("no service, client key")
            << false << QStringLiteral("pterodactyl.client_key") << fakeKey(QStringLiteral("ptlc_"))
            << QStringLiteral("PTERODISBOT_PTERODACTYL_CLIENT_KEY")
            << QStringLiteral("No keychain service available");
        QTest::newRow("no answer, application key")
            << true << QStringLiteral("pterodactyl.application_key")
            << fakeKey(QStringLiteral("ptla_"))
            << QStringLiteral("PTERODISBOT_PTERODACTYL_APPLICATION_KEY")
            << QStringLiteral("no answer within 200 ms");
    }

    void unavailableKeychainSaysWhatToDo()
    {
        QFETCH(bool, silent);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, variable);
        QFETCH(QString, why);
        Fixture fixture =
            makeStore(silent ? FakeKeychain::Mode::Silent : FakeKeychain::Mode::NoService);
        const SecretIntakeResult result = run(fixture.store.get(), name, value);
        QCOMPARE(result.exitCode, int(SecretIntakeResult::KeychainUnavailable));
        QCOMPARE(fixture.keychain->writes, QStringList{name});
        QVERIFY(fixture.keychain->entries.isEmpty());
        QVERIFY2(result.message.contains(why), qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("environment variable %1").arg(variable)),
                 qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("chmod 600")), qPrintable(result.message));
        QVERIFY2(!quotesPieceOf(result.message, value), qPrintable(result.message));
    }
};

QTEST_GUILESS_MAIN(TestSecretIntake)
#include "tst_secretintake.moc"
