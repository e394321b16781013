// The settings dialog: every key from the schema, validated as you type with --check-config's
// words, where each value comes from (the environment's override said), secrets never shown,
// the live tests against the simulators, and Apply writing a file the bot can reload.
#include "BotHarness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"
#include "config/SecretStore.h"
#include "FakeKeychain.h"
#include "SettingsDialog.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;
using Pterodisbot::TestSupport::FakeKeychain;
using Pterodisbot::TestSupport::FakeSecretStore;

class TestSettingsDialog final : public QObject
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

    void everyKeyHasAnEditorAndItsSource()
    {
        // update_interval comes from the environment: the dialog says it overrides the file.
        const ConfigLoadResult loaded =
            ConfigLoader(TestSupport::fakeEnvironment(
                             {QStringLiteral("PTERODISBOT_BOT_UPDATE_INTERVAL=20")}))
                .loadText(configText());
        SettingsDialog dialog(loaded.config, services());
        for (const ConfigKey &key : configSchema())
            QVERIFY2(dialog.editor(key.id()), qPrintable(key.id()));
        QVERIFY2(dialog.noteOf(QStringLiteral("bot.update_interval"))
                     .contains(QStringLiteral("PTERODISBOT_BOT_UPDATE_INTERVAL")),
                 qPrintable(dialog.noteOf(QStringLiteral("bot.update_interval"))));
        QVERIFY(dialog.noteOf(QStringLiteral("discord.guild_id")).contains(QStringLiteral("file")));
        // The token is not shown, only its first characters in the placeholder.
        auto *token = qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("discord.token")));
        QVERIFY(token->text().isEmpty());
        QVERIFY(!token->placeholderText().contains(m_harness->discord->botToken()));
        QVERIFY(token->placeholderText().contains(m_harness->discord->botToken().left(5)));
        QVERIFY(dialog.problems().isEmpty() || !hasErrors(dialog.problems()));
    }

    void refusesBadValuesAsYouType()
    {
        SettingsDialog dialog(ConfigLoader().loadText(configText()).config, services());
        auto *guild = qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("discord.guild_id")));
        guild->setText(QStringLiteral("my server"));
        QVERIFY(hasErrors(dialog.problems()));
        const QString note = dialog.noteOf(QStringLiteral("discord.guild_id"));
        QVERIFY2(note.contains(QStringLiteral("&#10008;")), qPrintable(note));
        QSignalSpy failed(&dialog, &SettingsDialog::applyFailed);
        dialog.apply();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!QFile::exists(path()));
        guild->setText(m_harness->discord->guildId());
        QVERIFY(!hasErrors(dialog.problems()));
    }

    void applyWritesWhatTheBotReloads()
    {
        SettingsDialog dialog(ConfigLoader().loadText(configText()).config, services());
        qobject_cast<QSpinBox *>(dialog.editor(QStringLiteral("bot.update_interval")))
            ->setValue(30);
        auto *key =
            qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("pterodactyl.client_key")));
        key->setText(m_harness->panel->pelicanClientKey()); // a new secret, to the keychain
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        dialog.apply();
        QVERIFY(applied.wait(5000));
        QCOMPARE(applied.first().at(1).toBool(), false); // nothing needs a restart
        QCOMPARE(m_keychain->entries.value(QStringLiteral("pterodactyl.client_key")),
                 m_harness->panel->pelicanClientKey());
        const ConfigLoadResult written = ConfigLoader().load(path());
        QCOMPARE(written.config.bot.updateInterval, 30);
        QVERIFY(written.config.pterodactyl.clientKey.isEmpty()); // not in the file

        // A new data folder applies only after a restart, and the dialog says so.
        auto *dataDir = qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("bot.data_dir")));
        dataDir->setText(m_dir.filePath(QStringLiteral("elsewhere")));
        dialog.apply(); // no secret changed: written at once
        QVERIFY(applied.size() == 2 || applied.wait(5000));
        QCOMPARE(applied.last().at(1).toBool(), true);
    }

    void liveTestsAskTheServices_data()
    {
        QTest::addColumn<QString>("button");
        QTest::newRow("panel") << QStringLiteral("Test pa&nel");
        QTest::newRow("Discord") << QStringLiteral("Test D&iscord");
    }
    void liveTestsAskTheServices()
    {
        QFETCH(QString, button);
        SettingsDialog dialog(ConfigLoader().loadText(configText()).config, services());
        QPushButton *test = nullptr;
        const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
        for (QPushButton *candidate : buttons) {
            if (candidate->text() == button)
                test = candidate;
        }
        QVERIFY(test);
        QSignalSpy tested(&dialog, &SettingsDialog::tested);
        test->click();
        QVERIFY(tested.size() == 1 || tested.wait(10000));
        QCOMPARE(tested.first().at(0).toBool(), true);
    }

private:
    QString path() const { return m_dir.filePath(QStringLiteral("config.ini")); }
    SettingsDialog::Services services() { return {&m_harness->nam, m_secrets, path()}; }
    QString configText() const
    {
        const BotHarness &h = *m_harness;
        return QStringLiteral("[discord]\ntoken = %1\nguild_id = %2\ncontrol_role = Server Admin\n"
                              "api_url = %3\n[pterodactyl]\npanel_url = %4\nclient_key = %5\n"
                              "[bot]\ndata_dir = %6\n")
            .arg(h.discord->botToken(), h.discord->guildId(), h.discord->restBaseUrl().toString(),
                 h.panel->panelUrl().toString(), h.panel->clientKey(),
                 m_dir.filePath(QStringLiteral("data")));
    }

    std::unique_ptr<BotHarness> m_harness;
    std::unique_ptr<FakeSecretStore> m_fake;
    SecretStore *m_secrets = nullptr;
    FakeKeychain *m_keychain = nullptr;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
