// The first-run assistant against both simulators: each page refuses bad input with
// --check-config's words and accepts good input after a live check; a swapped panel key is
// detected; finishing stores the secrets through a keychain stand-in and writes a config
// that --check-config accepts (or, with no keychain, a private file). Renders the pages.
#include "BotHarness.h"

#include <QComboBox>
#include <QCoroTask>
#include <QDir>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "config/ConfigCheck.h"
#include "config/ConfigLoader.h"
#include "config/SecretStore.h"
#include "DiscordSetupPage.h"
#include "FakeKeychain.h"
#include "FinishSetupPage.h"
#include "PanelSetupPage.h"
#include "SetupAssistant.h"
#include "SetupWizard.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;
using Pterodisbot::TestSupport::FakeKeychain;
using Pterodisbot::TestSupport::FakeSecretStore;

namespace {

void type(QWidget *page, const char *name, const QString &text)
{
    auto *edit = page->findChild<QLineEdit *>(QLatin1String(name));
    QVERIFY2(edit, name);
    edit->setText(text);
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PTERODISBOT_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name));
}

} // namespace

class TestSetupWizard final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_harness = std::make_unique<BotHarness>();
        QVERIFY(m_harness->startSimulators());
        m_fake = std::make_unique<FakeSecretStore>();
        m_secrets = m_fake->store.get();
        m_keychain = m_fake->keychain;
        QVERIFY(m_dir.isValid());
    }
    void cleanup()
    {
        m_fake.reset();
        m_harness.reset();
    }

    void panelPageChecksWhatIsTyped_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("clientKey");
        QTest::addColumn<QString>("applicationKey");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("says");

        const QString panel = QStringLiteral("@PANEL@");
        QTest::newRow("good") << panel << QStringLiteral("@CLIENT@") << QString() << true
                              << QStringLiteral("server");
        QTest::newRow("good with application key")
            << panel << QStringLiteral("@CLIENT@") << QStringLiteral("@APPLICATION@") << true
            << QStringLiteral("server");
        QTest::newRow("application key as client key")
            << panel << QStringLiteral("@APPLICATION@") << QString() << false
            << QStringLiteral("application key");
        QTest::newRow("key the panel does not know")
            << panel << TestSupport::fakeKey(QStringLiteral("ptlc_")) << QString() << false
            << QStringLiteral("did not accept");
        QTest::newRow("nothing listens")
            << QStringLiteral("http://127.0.0.1:@FREE@") << QStringLiteral("@CLIENT@") << QString()
            << false << QStringLiteral("reach");
    }
    void panelPageChecksWhatIsTyped()
    {
        QFETCH(QString, url);
        QFETCH(QString, clientKey);
        QFETCH(QString, applicationKey);
        QFETCH(bool, ok);
        QFETCH(QString, says);
        auto expand = [this](QString text) {
            BotHarness &h = *m_harness;
            return text.replace(QStringLiteral("@PANEL@"), h.panel->panelUrl().toString())
                .replace(QStringLiteral("@CLIENT@"), h.panel->clientKey())
                .replace(QStringLiteral("@APPLICATION@"), h.panel->applicationKey())
                .replace(QStringLiteral("@FREE@"), QString::number(BotHarness::freePort()));
        };
        SetupWizard wizard(draft());
        PanelSetupPage *page = wizard.panelPage();
        type(page, "panelUrl", expand(url));
        type(page, "clientKey", expand(clientKey));
        type(page, "applicationKey", expand(applicationKey));
        QVERIFY(!page->isComplete());
        QSignalSpy checked(page, &PanelSetupPage::checked);
        page->check(); // a swapped key is refused at once, before anything is sent
        BOT_VERIFY_SOON(checked.size() == 1, 15000);
        QCOMPARE(checked.first().at(0).toBool(), ok);
        QCOMPARE(page->isComplete(), ok);
        const QString said = page->clientResult() + page->applicationResult();
        QVERIFY2(said.contains(says, Qt::CaseInsensitive), qPrintable(said));
        // A check counts for what it checked: an edit takes it back.
        if (ok) {
            type(page, "clientKey", expand(clientKey) + QStringLiteral("x"));
            QVERIFY(!page->isComplete());
        }
    }

    // As you type, before any check: the validator's words for a malformed key.
    void panelPageRefusesAMalformedKeyAsYouType()
    {
        SetupWizard wizard(draft());
        type(wizard.panelPage(), "clientKey", QStringLiteral("hello"));
        QVERIFY(!wizard.panelPage()->clientResult().isEmpty());
        QVERIFY(!wizard.panelPage()->isComplete());
    }

    void discordPageChecksTheToken()
    {
        BotHarness &h = *m_harness;
        SetupWizard wizard(draft());
        DiscordSetupPage *page = wizard.discordPage();
        QSignalSpy checked(page, &DiscordSetupPage::checked);
        QSignalSpy loaded(page, &DiscordSetupPage::guildLoaded);

        type(page, "token", TestSupport::fakeToken()); // well-formed, not the bot's
        page->check();
        QVERIFY(checked.wait(15000));
        QCOMPARE(checked.takeFirst().at(0).toBool(), false);
        QVERIFY2(page->identityText().contains(QStringLiteral("token"), Qt::CaseInsensitive),
                 qPrintable(page->identityText()));
        QVERIFY(!page->isComplete());
        QVERIFY(page->inviteUrl().isEmpty());

        type(page, "token", h.discord->botToken());
        page->check();
        QVERIFY(checked.wait(15000));
        QCOMPARE(checked.takeFirst().at(0).toBool(), true);
        QVERIFY2(page->identityText().contains(QStringLiteral("Pterodisbot")),
                 qPrintable(page->identityText()));
        QVERIFY(loaded.wait(15000));
        auto *guild = page->findChild<QComboBox *>(QStringLiteral("guild"));
        auto *control = page->findChild<QComboBox *>(QStringLiteral("controlRole"));
        QCOMPARE(guild->currentData().toString(), h.discord->guildId());
        QVERIFY(control->findText(QStringLiteral("Server Admin")) >= 0);
        control->setCurrentIndex(control->findText(QStringLiteral("Server Admin")));
        QVERIFY(page->isComplete());
        const QString invite = page->inviteUrl().toString(QUrl::FullyDecoded);
        QVERIFY2(invite.contains(QStringLiteral("scope=bot applications.commands")),
                 qPrintable(invite));
        QVERIFY(invite.contains(QStringLiteral("guild_id=") + h.discord->guildId()));
    }

    void finishingWritesAConfigCheckConfigAccepts_data()
    {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("keychain") << true;
        QTest::newRow("no keychain answers") << false;
    }
    void finishingWritesAConfigCheckConfigAccepts()
    {
        QFETCH(bool, keychain);
        BotHarness &h = *m_harness;
        if (!keychain)
            m_keychain->mode = FakeKeychain::Mode::NoService;
        SetupWizard wizard(draft());
        QSignalSpy written(&wizard, &SetupWizard::configurationWritten);
        wizard.resize(760, 600);
        wizard.show();

        PanelSetupPage *panel = wizard.panelPage();
        type(panel, "panelUrl", h.panel->panelUrl().toString());
        type(panel, "clientKey", h.panel->clientKey());
        QSignalSpy panelChecked(panel, &PanelSetupPage::checked);
        panel->check();
        QVERIFY(panelChecked.wait(15000));
        saveShot(&wizard, QStringLiteral("setup-panel.png"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(SetupWizard::Discord));

        DiscordSetupPage *discord = wizard.discordPage();
        QSignalSpy loaded(discord, &DiscordSetupPage::guildLoaded);
        type(discord, "token", h.discord->botToken());
        discord->check();
        QVERIFY(loaded.wait(15000));
        auto *control = discord->findChild<QComboBox *>(QStringLiteral("controlRole"));
        control->setCurrentIndex(control->findText(QStringLiteral("Server Admin")));
        saveShot(&wizard, QStringLiteral("setup-discord.png"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(SetupWizard::Behaviour));
        saveShot(&wizard, QStringLiteral("setup-behaviour.png"));

        QSignalSpy saved(wizard.finishPage(), &FinishSetupPage::saved);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(SetupWizard::Finish));
        QVERIFY(saved.wait(15000));
        QCOMPARE(saved.first().at(0).toBool(), true);
        QCOMPARE(wizard.finishPage()->secretsInKeychain(), keychain);
        saveShot(&wizard, keychain ? QStringLiteral("setup-finish.png")
                                   : QStringLiteral("setup-finish-nokeychain.png"));
        wizard.accept();
        QCOMPARE(written.size(), 1);

        const QString path = written.first().at(0).toString();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.contains(h.discord->botToken().toUtf8()), !keychain);
        QCOMPARE(isReadableByOthers(path), keychain);
        if (keychain) {
            QCOMPARE(m_keychain->entries.value(QStringLiteral("discord.token")),
                     h.discord->botToken());
            QCOMPARE(m_keychain->entries.value(QStringLiteral("pterodactyl.client_key")),
                     h.panel->clientKey());
        }
        // The start-up path of the bot, with the same keychain: no error.
        const ConfigLoadResult result =
            QCoro::waitFor(loadConfiguration(ConfigLoader(QProcessEnvironment()), path, m_secrets));
        QString problems;
        for (const ConfigProblem &problem : result.problems)
            problems += problem.key + QStringLiteral(": ") + problem.message + QLatin1Char('\n');
        QVERIFY2(result.isValid(), qPrintable(problems));
        QCOMPARE(checkConfigExitCode(result.problems), 0);
        QCOMPARE(result.config.discord.guildId, h.discord->guildId());
        QCOMPARE(result.config.discord.token, h.discord->botToken());
        QCOMPARE(result.config.pterodactyl.panelUrl, h.panel->panelUrl());
    }

    // The window's menu and a first start open one assistant; its write reaches the app.
    void assistantOpensOnceAndForwardsTheWrite()
    {
        SetupAssistant assistant(m_dir.filePath(QStringLiteral("missing/config.ini")));
        QSignalSpy written(&assistant, &SetupAssistant::configurationWritten);
        assistant.openFromFile();
        QPointer<SetupWizard> first = assistant.wizard();
        QVERIFY(first);
        QVERIFY(first->isVisible());
        QCOMPARE(first->configPath(), m_dir.filePath(QStringLiteral("missing/config.ini")));
        assistant.openFromFile();
        QCOMPARE(assistant.wizard(), first.data());
        first->accept();
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().at(0).toString(), first->configPath());
    }

private:
    SetupDraft draft()
    {
        SetupDraft draft;
        draft.nam = &m_harness->nam;
        draft.secrets = m_secrets;
        draft.discordApiUrl = m_harness->discord->restBaseUrl();
        draft.configPath = m_dir.filePath(QStringLiteral("config/config.ini"));
        draft.config.bot.dataDir = m_dir.filePath(QStringLiteral("data"));
        return draft;
    }

    std::unique_ptr<BotHarness> m_harness;
    std::unique_ptr<FakeSecretStore> m_fake;
    SecretStore *m_secrets = nullptr;
    FakeKeychain *m_keychain = nullptr;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
