// The terminal first-run assistant (`pterodisbot --setup`) against both simulators, fed scripted
// lines: bad answers are refused with the validator's and the probes' words and asked again,
// secrets are asked hidden and never shown, the end of the input aborts without writing, and
// the file it writes passes the bot's start-up path with the keychain stand-in.

#include <functional>
#include <optional>
#include <utility>

#include <QCoroTask>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "BotHarness.h"
#include "config/ConfigCheck.h"
#include "config/ConfigLoader.h"
#include "config/ConfigValidator.h"
#include "config/SecretStore.h"
#include "FakeKeychain.h"
#include "setup/DiscordProbe.h"
#include "setup/FieldChecks.h"
#include "setup/SetupDialogue.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using namespace Pterodisbot::BotTest;
using Pterodisbot::TestSupport::FakeKeychain;

namespace {

//! Answers from a list; the input ends when the list does. Keeps what was asked and said.
class ScriptedConsole final : public SetupConsole
{
public:
    QStringList answers;
    //! Every prompt with whether it was asked hidden.
    QList<std::pair<QString, bool>> prompts;
    //! Everything shown, prompts included, in order.
    QString transcript;
    //! Decides the next answer from what was shown so far, when set; else answers.takeFirst().
    std::function<std::optional<QString>(const QString &prompt)> decide;

    std::optional<QString> ask(const QString &prompt, bool hidden) override
    {
        prompts.append({prompt, hidden});
        transcript += prompt + QLatin1Char('\n');
        if (decide) {
            if (std::optional<QString> answer = decide(prompt))
                return answer;
        }
        if (answers.isEmpty())
            return std::nullopt;
        return answers.takeFirst();
    }
    void say(const QString &text) override { transcript += text + QLatin1Char('\n'); }

    //! How often a prompt starting with \a start was asked.
    int asked(const QString &start) const
    {
        int count = 0;
        for (const auto &prompt : prompts)
            count += prompt.first.startsWith(start) ? 1 : 0;
        return count;
    }
};

QString firstErrorText(const QList<ConfigProblem> &problems)
{
    const auto error = FieldChecks::firstError(problems);
    return error ? error->message : QStringLiteral("<no error>");
}

//! The number shown before \a name in the last list of the transcript ("  3) Server Admin").
QString numberOf(const QString &transcript, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^  (\\d+)\\) ") +
                                      QRegularExpression::escape(name) + QLatin1Char('$'),
                                  QRegularExpression::MultilineOption);
    QString number;
    auto matches = line.globalMatch(transcript);
    while (matches.hasNext())
        number = matches.next().captured(1);
    return number;
}

} // namespace

class TestSetupDialogue final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void refusesBadAnswersAndWritesAWorkingConfig_data();
    void refusesBadAnswersAndWritesAWorkingConfig();
    void endOfInputAbortsWithoutWriting_data();
    void endOfInputAbortsWithoutWriting();

private:
    SetupDialogueOptions options() const;
    QString configPath() const { return m_dir.filePath(QStringLiteral("config/config.ini")); }

    std::unique_ptr<BotHarness> m_harness;
    std::unique_ptr<SecretStore> m_secrets;
    FakeKeychain *m_keychain = nullptr;
    QTemporaryDir m_dir;
};

void TestSetupDialogue::init()
{
    m_harness = std::make_unique<BotHarness>();
    QVERIFY(m_harness->startSimulators());
    auto keychain = std::make_unique<FakeKeychain>();
    m_keychain = keychain.get();
    m_secrets = std::make_unique<SecretStore>(SecretStoreOptions(), std::move(keychain));
    QVERIFY(m_dir.isValid());
    QFile::remove(configPath());
}

void TestSetupDialogue::cleanup()
{
    m_secrets.reset();
    m_harness.reset();
}

SetupDialogueOptions TestSetupDialogue::options() const
{
    SetupDialogueOptions options;
    options.nam = &m_harness->nam;
    options.secrets = m_secrets.get();
    options.configPath = configPath();
    options.discordApiUrl = m_harness->discord->restBaseUrl();
    options.config.bot.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.requestTimeoutMs = 5000;
    return options;
}

void TestSetupDialogue::refusesBadAnswersAndWritesAWorkingConfig_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::newRow("keychain answers") << true;
    QTest::newRow("no keychain answers") << false;
}

void TestSetupDialogue::refusesBadAnswersAndWritesAWorkingConfig()
{
    QFETCH(bool, keychain);
    BotHarness &h = *m_harness;
    if (!keychain)
        m_keychain->mode = FakeKeychain::Mode::NoService;
    const QString url = h.panel->panelUrl().toString();
    const QString clientKey = h.panel->clientKey();
    const QString applicationKey = h.panel->applicationKey();
    const QString token = h.discord->botToken();
    const QString malformedKey = QStringLiteral("ptlc_short");
    const QString wrongToken = TestSupport::fakeToken();
    // What Discord's refusal of the well-formed wrong token reads like, from the probe itself.
    DiscordProbe probe(&h.nam, h.discord->restBaseUrl());
    const ApiResult<BotIdentity> refused = QCoro::waitFor(probe.identify(wrongToken));
    QVERIFY(!refused.ok());
    const ApiResult<BotIdentity> identity = QCoro::waitFor(probe.identify(token));
    QVERIFY(identity.ok());

    ScriptedConsole console;
    console.answers = {QStringLiteral("panel.example.com"), // no scheme
                       url,
                       malformedKey,
                       applicationKey, // an application key where the client key goes
                       clientKey,
                       clientKey, // swapped: the client key as the application key
                       applicationKey,
                       wrongToken,
                       token,
                       QString(),           // invited
                       QStringLiteral("9"), // no such guild
                       QStringLiteral("r"),
                       QStringLiteral("1")};
    // Roles and channels are picked by name from the numbered lists the dialogue shows.
    int listedRoles = 0;
    console.decide = [&](const QString &prompt) -> std::optional<QString> {
        if (prompt.startsWith(QStringLiteral("Control role"))) {
            ++listedRoles;
            return numberOf(console.transcript, QStringLiteral("Server Admin"));
        }
        if (prompt.startsWith(QStringLiteral("Status role")))
            return QString(); // anyone
        if (prompt.startsWith(QStringLiteral("Alert channel")))
            return QStringLiteral("2");
        if (prompt.startsWith(QStringLiteral("Seconds between updates")))
            return console.asked(QStringLiteral("Seconds between updates")) == 1
                       ? QStringLiteral("2") // below the schema's range
                       : QString();          // the default
        if (prompt.startsWith(QStringLiteral("Statistics by")))
            return console.asked(QStringLiteral("Statistics by")) == 1 ? QStringLiteral("push")
                                                                       : QString();
        return std::nullopt;
    };

    SetupDialogue dialogue(&console, options());
    const SetupDialogue::Outcome outcome = QCoro::waitFor(dialogue.run());
    const QString &said = console.transcript;
    QVERIFY2(outcome == SetupDialogue::Outcome::Written, qPrintable(said));
    QVERIFY2(console.answers.isEmpty(), qPrintable(console.answers.join(QLatin1Char(','))));
    QCOMPARE(listedRoles, 1);

    // Each bad answer: the validator's or the probe's words, then the same question again.
    QVERIFY(said.contains(
        firstErrorText(FieldChecks::panelUrl(QUrl(QStringLiteral("panel.example.com"))))));
    QCOMPARE(console.asked(QStringLiteral("Panel address")), 2);
    QVERIFY(said.contains(firstErrorText(FieldChecks::clientKey(malformedKey))));
    QVERIFY(said.contains(firstErrorText(FieldChecks::clientKey(applicationKey))));
    QCOMPARE(console.asked(QStringLiteral("Client key")), 3);
    QVERIFY(said.contains(firstErrorText(FieldChecks::applicationKey(clientKey))));
    QCOMPARE(console.asked(QStringLiteral("Application key")), 2);
    QVERIFY(said.contains(DiscordProbe::describe(refused.error)));
    QCOMPARE(console.asked(QStringLiteral("Bot token")), 2);
    QVERIFY(said.contains(identity.value.username));
    QVERIFY(said.contains(
        DiscordProbe::inviteUrl(identity.value.applicationId).toString(QUrl::FullyEncoded)));
    QVERIFY(said.contains(QStringLiteral("\"9\" is not on the list.")));
    QCOMPARE(console.asked(QStringLiteral("Server number")), 3);
    Config tooShort;
    tooShort.bot.updateInterval = 2;
    QString rangeText;
    for (const ConfigProblem &problem : validateConfig(tooShort)) {
        if (problem.key == QLatin1String("bot.update_interval"))
            rangeText = problem.message;
    }
    QVERIFY(!rangeText.isEmpty());
    QVERIFY2(said.contains(rangeText), qPrintable(rangeText));
    QCOMPARE(console.asked(QStringLiteral("Seconds between updates")), 2);
    QCOMPARE(console.asked(QStringLiteral("Statistics by")), 2);

    // Secrets are asked hidden and never shown back.
    for (const auto &[prompt, hidden] : std::as_const(console.prompts)) {
        const bool secret = prompt.startsWith(QStringLiteral("Client key")) ||
                            prompt.startsWith(QStringLiteral("Application key")) ||
                            prompt.startsWith(QStringLiteral("Bot token"));
        QCOMPARE(hidden, secret);
    }
    for (const QString &secret : {clientKey, applicationKey, token, malformedKey, wrongToken})
        QVERIFY2(!said.contains(secret), "a secret was shown");
    QVERIFY(said.contains(configPath()));
    QVERIFY(said.contains(QStringLiteral("pterodisbot --check-config")));
    QVERIFY(said.contains(QStringLiteral("pterodisbot --no-gui")));

    // The secrets are in the keychain and not in the file, or (no keychain) in a private file.
    QCOMPARE(dialogue.secretsInKeychain(), keychain);
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    for (const QString &secret : {clientKey, applicationKey, token})
        QCOMPARE(text.contains(secret.toUtf8()), !keychain);
    QVERIFY(!isReadableByOthers(configPath()) || keychain);
    if (keychain) {
        QCOMPARE(m_keychain->entries.value(QStringLiteral("discord.token")), token);
        QCOMPARE(m_keychain->entries.value(QStringLiteral("pterodactyl.client_key")), clientKey);
        QCOMPARE(m_keychain->entries.value(QStringLiteral("pterodactyl.application_key")),
                 applicationKey);
    } else {
        QVERIFY(!isReadableByOthers(configPath()));
    }

    // The bot's start-up path with the same keychain: no error, and what was chosen.
    const ConfigLoadResult result = QCoro::waitFor(
        loadConfiguration(ConfigLoader(QProcessEnvironment()), configPath(), m_secrets.get()));
    QString problems;
    for (const ConfigProblem &problem : result.problems)
        problems += problem.key + QStringLiteral(": ") + problem.message + QLatin1Char('\n');
    QVERIFY2(result.isValid(), qPrintable(problems));
    QCOMPARE(checkConfigExitCode(result.problems), 0);
    QCOMPARE(result.config.pterodactyl.panelUrl, h.panel->panelUrl());
    QCOMPARE(result.config.pterodactyl.clientKey, clientKey);
    QCOMPARE(result.config.pterodactyl.applicationKey, applicationKey);
    QCOMPARE(result.config.discord.token, token);
    QCOMPARE(result.config.discord.guildId, h.discord->guildId());
    QCOMPARE(result.config.discord.controlRole, kAdminRole);
    QCOMPARE(result.config.discord.statusRole, QString());
    QCOMPARE(result.config.bot.updateInterval, 10);
    QCOMPARE(result.config.pterodactyl.statsSource, StatsSource::Poll);
    QVERIFY(!result.config.discord.alertChannelId.isEmpty());
    QVERIFY(h.discord->channelIds().contains(result.config.discord.alertChannelId));
}

void TestSetupDialogue::endOfInputAbortsWithoutWriting_data()
{
    QTest::addColumn<int>("answered");
    QTest::newRow("at the address") << 0;
    QTest::newRow("at the client key") << 1;
    QTest::newRow("at the application key") << 2;
    QTest::newRow("at the token") << 3;
    QTest::newRow("at the invitation") << 4;
    QTest::newRow("at the server") << 5;
}

void TestSetupDialogue::endOfInputAbortsWithoutWriting()
{
    QFETCH(int, answered);
    BotHarness &h = *m_harness;
    ScriptedConsole console;
    console.answers = QStringList{h.panel->panelUrl().toString(), h.panel->clientKey(), QString(),
                                  h.discord->botToken(), QString()}
                          .mid(0, answered);
    SetupDialogue dialogue(&console, options());
    QCOMPARE(QCoro::waitFor(dialogue.run()), SetupDialogue::Outcome::Aborted);
    QCOMPARE(console.prompts.size(), answered + 1);
    QVERIFY(!QFile::exists(configPath()));
    QVERIFY(m_keychain->writes.isEmpty());
}

QTEST_MAIN(TestSetupDialogue)
#include "tst_setupdialogue.moc"
