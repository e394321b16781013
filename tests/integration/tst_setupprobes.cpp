// The first-run assistant's live checks (PanelProbe, DiscordProbe) against both simulators on
// 127.0.0.1, plus scripted answers for what the simulators never send (a login page, answers
// of the wrong shape).

#include <memory>
#include <optional>

#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include "BotHarness.h"
#include "config/Config.h"
#include "config/ConfigValidator.h"
#include "DiscordSimulator.h"
#include "logging.h"
#include "PanelSimulator.h"
#include "ScriptedNetwork.h"
#include "SelfSignedCert.h"
#include "setup/DiscordProbe.h"
#include "setup/PanelProbe.h"
#include "TestSupport.h"

using namespace Pterodisbot;
using PterodisbotSim::DiscordSimOptions;
using PterodisbotSim::DiscordSimulator;
using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;
using TestSupport::Answer;
using TestSupport::ScriptedNam;

Q_DECLARE_METATYPE(Pterodisbot::ApiError)

namespace {

// The simulated guild of the Discord tests: roles listed lowest first, a managed role (the
// bot's own), categories, a voice channel and an announcement channel besides text channels.
const QString kGuild = QStringLiteral("1200000000000000001");
const QString kGeneral = QStringLiteral("1300000000000000001");
const QString kServerStatus = QStringLiteral("1300000000000000002");
const QString kGameServers = QStringLiteral("1300000000000000010");
const QString kArchive = QStringLiteral("1300000000000000011");
const QString kNews = QStringLiteral("1300000000000000012");
const QString kOldStatus = QStringLiteral("1300000000000000013");
const QString kLobby = QStringLiteral("1300000000000000014");
const QString kBotRole = QStringLiteral("1400000000000000004");

template<typename T>
T await(QCoro::Task<T> &&task)
{
    return QCoro::waitFor(std::move(task));
}

//! What `--check-config` reports first about \a key of \a config.
std::optional<ConfigProblem> checkConfigError(const Config &config, const QString &key)
{
    for (const ConfigProblem &problem : validateConfig(config)) {
        if (problem.key == key && problem.isError())
            return problem;
    }
    return std::nullopt;
}

quint16 unusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QStringList namesOf(const QList<RoleInfo> &roles)
{
    QStringList names;
    for (const RoleInfo &role : roles)
        names.append(role.name);
    return names;
}

} // namespace

class TestSetupProbes final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PanelSimulator> m_panel;
    std::unique_ptr<DiscordSimulator> m_discord;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    DiscordProbe discordProbe() { return DiscordProbe(m_nam.get(), m_discord->restBaseUrl()); }

private slots:
    void initTestCase();
    void init();

    // --- panel
    void goodClientKey_data();
    void goodClientKey();
    void goodApplicationKey_data();
    void goodApplicationKey();
    void swappedKey_data();
    void swappedKey();
    void refusedLikeCheckConfig_data();
    void refusedLikeCheckConfig();
    void rejectedKey_data();
    void rejectedKey();
    void notThePanel();
    void unreachable_data();
    void unreachable();
    void untrustedCertificate();
    void notAPanelAnswer();
    void panelFailureTexts_data();
    void panelFailureTexts();

    // --- Discord
    void identify();
    void rejectedToken();
    void malformedTokenNotSent_data();
    void malformedTokenNotSent();
    void guilds();
    void rolesWithoutEveryoneAndManaged();
    void textChannelsOnly();
    void notInGuild();
    void strictParsing_data();
    void strictParsing();
    void inviteUrl_data();
    void inviteUrl();
    void missingPermissions_data();
    void missingPermissions();
    void discordFailureTexts_data();
    void discordFailureTexts();

    void probeGoneDuringCheck();
};

void TestSetupProbes::initTestCase()
{
    PanelSimOptions panelOptions;
    panelOptions.seedFile = TestSupport::dataPath(QStringLiteral("sim/servers.json"));
    panelOptions.tickIntervalMs = 0;
    m_panel = std::make_unique<PanelSimulator>();
    QVERIFY2(m_panel->start(panelOptions), qPrintable(m_panel->errorString()));

    DiscordSimOptions discordOptions;
    discordOptions.guildId = kGuild;
    discordOptions.channelIds = {kGeneral, kServerStatus};
    discordOptions.roles = {{QStringLiteral("@everyone"), kGuild},
                            {QStringLiteral("Member"), QStringLiteral("1400000000000000001")},
                            {QStringLiteral("Server Admin"), QStringLiteral("1400000000000000002")},
                            {QStringLiteral("Moderator"), QStringLiteral("1400000000000000003")},
                            {QStringLiteral("Pterodisbot"), kBotRole}};
    discordOptions.managedRoleIds = {kBotRole};
    discordOptions.extraChannels = {{kGameServers, QStringLiteral("Game Servers"), 4, 1, {}},
                                    {kArchive, QStringLiteral("Archive"), 4, 0, {}},
                                    {kNews, QStringLiteral("news"), 5, 0, kGameServers},
                                    {kOldStatus, QStringLiteral("old-status"), 0, 0, kArchive},
                                    {kLobby, QStringLiteral("Lobby"), 2, 2, kGameServers}};
    discordOptions.channelParents = {{kServerStatus, kGameServers}};
    m_discord = std::make_unique<DiscordSimulator>();
    QVERIFY2(m_discord->start(discordOptions), qPrintable(m_discord->errorString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestSetupProbes::init()
{
    m_panel->clearRequests();
    m_discord->clearRequests();
}

// --- panel

void TestSetupProbes::goodClientKey_data()
{
    QTest::addColumn<bool>("pelican");
    QTest::addColumn<QString>("flavour");
    QTest::newRow("Pterodactyl ptlc_") << false << QStringLiteral("Pterodactyl");
    QTest::newRow("Pelican pacc_") << true << QStringLiteral("Pelican");
}

void TestSetupProbes::goodClientKey()
{
    QFETCH(bool, pelican);
    QFETCH(QString, flavour);
    PanelProbe probe(m_nam.get());
    const QString key = pelican ? m_panel->pelicanClientKey() : m_panel->clientKey();
    const PanelCheck check = await(probe.checkClientKey(m_panel->panelUrl(), key));
    QVERIFY2(check.ok, qPrintable(check.problem));
    QCOMPARE(check.flavour, flavour);
    QCOMPARE(check.serverCount, int(m_panel->serverIdentifiers().size()));
    QVERIFY(!check.swapped);
    QVERIFY(check.problem.isEmpty());
    QVERIFY2(check.summary.contains(QStringLiteral("%1 servers").arg(check.serverCount)),
             qPrintable(check.summary));
    QVERIFY(redact(key) != key); // registered as a secret
}

void TestSetupProbes::goodApplicationKey_data()
{
    QTest::addColumn<bool>("pelican");
    QTest::addColumn<QString>("flavour");
    QTest::newRow("Pterodactyl ptla_") << false << QStringLiteral("Pterodactyl");
    QTest::newRow("Pelican papp_") << true << QStringLiteral("Pelican");
}

void TestSetupProbes::goodApplicationKey()
{
    QFETCH(bool, pelican);
    QFETCH(QString, flavour);
    PanelProbe probe(m_nam.get());
    const QString key = pelican ? m_panel->pelicanApplicationKey() : m_panel->applicationKey();
    const PanelCheck check = await(probe.checkApplicationKey(m_panel->panelUrl(), key));
    QVERIFY2(check.ok, qPrintable(check.problem));
    QCOMPARE(check.flavour, flavour);
    QCOMPARE(check.serverCount, int(m_panel->serverIdentifiers().size()));
    QVERIFY2(check.summary.contains(QStringLiteral("on %1 nodes").arg(m_panel->nodeCount())),
             qPrintable(check.summary));
    QVERIFY2(check.summary.contains(QStringLiteral("node names")), qPrintable(check.summary));
    bool askedNodes = false;
    for (const auto &request : m_panel->requests())
        askedNodes |= request.path == QLatin1String("/api/application/nodes");
    QVERIFY(askedNodes);
}

void TestSetupProbes::swappedKey_data()
{
    QTest::addColumn<bool>("applicationSlot");
    QTest::addColumn<QString>("which"); // the simulator's key typed into the slot
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("hintPart");
    const QString clientProblem =
        QStringLiteral("this is an application key: it belongs in the application key field");
    const QString applicationProblem =
        QStringLiteral("this is a client key: it belongs in the client key field");
    QTest::newRow("ptla_ in the client field")
        << false << QStringLiteral("application") << clientProblem
        << QStringLiteral("create a client key under Account → API Credentials");
    QTest::newRow("papp_ in the client field")
        << false << QStringLiteral("pelicanApplication") << clientProblem
        << QStringLiteral("create a client key under Account → API Credentials");
    QTest::newRow("ptlc_ in the application field")
        << true << QStringLiteral("client") << applicationProblem
        << QStringLiteral("leave this field empty");
    QTest::newRow("pacc_ in the application field")
        << true << QStringLiteral("pelicanClient") << applicationProblem
        << QStringLiteral("create an application key under Admin → Application API");
}

void TestSetupProbes::swappedKey()
{
    QFETCH(bool, applicationSlot);
    QFETCH(QString, which);
    QFETCH(QString, problem);
    QFETCH(QString, hintPart);
    const QString key = which == QLatin1String("application") ? m_panel->applicationKey()
                        : which == QLatin1String("pelicanApplication")
                            ? m_panel->pelicanApplicationKey()
                        : which == QLatin1String("client") ? m_panel->clientKey()
                                                           : m_panel->pelicanClientKey();
    PanelProbe probe(m_nam.get());
    const PanelCheck check =
        await(applicationSlot ? probe.checkApplicationKey(m_panel->panelUrl(), key)
                              : probe.checkClientKey(m_panel->panelUrl(), key));
    QVERIFY(!check.ok);
    QVERIFY(check.swapped);
    QCOMPARE(check.problem, problem);
    QVERIFY2(check.hint.contains(hintPart), qPrintable(check.hint));
    QCOMPARE(check.serverCount, -1);
    QVERIFY2(m_panel->requests().isEmpty(), "a swapped key must not reach the panel");
    QVERIFY(redact(key) != key);
}

void TestSetupProbes::refusedLikeCheckConfig_data()
{
    QTest::addColumn<QString>("configKey"); // what --check-config judges
    QTest::addColumn<QString>("url");       // empty: the simulator's
    QTest::addColumn<QString>("clientKey"); // empty: the simulator's
    QTest::newRow("url with /api/client") << QStringLiteral("pterodactyl.panel_url")
                                          << QStringLiteral("@PANEL@/api/client") << QString();
    QTest::newRow("url of one server's page")
        << QStringLiteral("pterodactyl.panel_url") << QStringLiteral("@PANEL@/server/1a7ce997")
        << QString();
    QTest::newRow("url without scheme") << QStringLiteral("pterodactyl.panel_url")
                                        << QStringLiteral("panel.example.com") << QString();
    QTest::newRow("url with ftp://") << QStringLiteral("pterodactyl.panel_url")
                                     << QStringLiteral("ftp://panel.example.com") << QString();
    QTest::newRow("key cut short")
        << QStringLiteral("pterodactyl.client_key") << QString() << QStringLiteral("ptlc_abc123");
    QTest::newRow("key without prefix")
        << QStringLiteral("pterodactyl.client_key") << QString() << QString(48, QLatin1Char('k'));
    QTest::newRow("Discord token as key")
        << QStringLiteral("pterodactyl.client_key") << QString() << TestSupport::fakeToken();
    QTest::newRow("no key") << QStringLiteral("pterodactyl.client_key") << QString()
                            << QStringLiteral("@EMPTY@");
}

void TestSetupProbes::refusedLikeCheckConfig()
{
    QFETCH(QString, configKey);
    QFETCH(QString, url);
    QFETCH(QString, clientKey);
    const QUrl panelUrl =
        url.isEmpty()
            ? m_panel->panelUrl()
            : QUrl(QString(url).replace(QStringLiteral("@PANEL@"), m_panel->panelUrl().toString()));
    const QString key = clientKey.isEmpty()                     ? m_panel->clientKey()
                        : clientKey == QLatin1String("@EMPTY@") ? QString()
                                                                : clientKey;
    Config config;
    config.pterodactyl.panelUrl = panelUrl;
    config.pterodactyl.clientKey = key;
    const std::optional<ConfigProblem> expected = checkConfigError(config, configKey);
    QVERIFY2(expected, "--check-config finds nothing wrong");

    PanelProbe probe(m_nam.get());
    const PanelCheck check = await(probe.checkClientKey(panelUrl, key));
    QVERIFY(!check.ok);
    QVERIFY(!check.swapped);
    QCOMPARE(check.problem, expected->message);
    QCOMPARE(check.hint, expected->hint);
    QVERIFY2(m_panel->requests().isEmpty(), "a refused value must not reach the panel");
}

void TestSetupProbes::rejectedKey_data()
{
    QTest::addColumn<bool>("applicationSlot");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("hintPart");
    QTest::newRow("client key") << false << TestSupport::fakeKey(QStringLiteral("ptlc_"))
                                << QStringLiteral("the panel did not accept this client key")
                                << QStringLiteral("Account → API Credentials");
    QTest::newRow("application key")
        << true << TestSupport::fakeKey(QStringLiteral("ptla_"))
        << QStringLiteral("the panel did not accept this application key")
        << QStringLiteral("Admin → Application API");
}

void TestSetupProbes::rejectedKey()
{
    QFETCH(bool, applicationSlot);
    QFETCH(QString, key);
    QFETCH(QString, problem);
    QFETCH(QString, hintPart);
    PanelProbe probe(m_nam.get());
    const PanelCheck check =
        await(applicationSlot ? probe.checkApplicationKey(m_panel->panelUrl(), key)
                              : probe.checkClientKey(m_panel->panelUrl(), key));
    QVERIFY(!check.ok);
    QCOMPARE(check.problem, problem);
    QVERIFY2(check.hint.contains(hintPart), qPrintable(check.hint));
    QCOMPARE(check.flavour, QStringLiteral("Pterodactyl"));
    QCOMPARE(m_panel->requests().size(), 1);
    QCOMPARE(m_panel->requests().constFirst().status, 401);
}

void TestSetupProbes::notThePanel()
{
    // Another web server (here the Discord simulator) at the typed address: /api/client is 404.
    QUrl other = m_discord->restBaseUrl();
    other.setPath({});
    PanelProbe probe(m_nam.get());
    const PanelCheck check = await(probe.checkClientKey(other, m_panel->clientKey()));
    QVERIFY(!check.ok);
    QVERIFY2(check.problem.endsWith(QStringLiteral("is this the panel's address?")),
             qPrintable(check.problem));
    QVERIFY2(check.problem.contains(QStringLiteral("HTTP 404")), qPrintable(check.problem));
    QVERIFY2(check.hint.contains(QStringLiteral("without /api")), qPrintable(check.hint));
    QVERIFY(m_panel->requests().isEmpty());
}

void TestSetupProbes::unreachable_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("port nothing listens on")
        << QStringLiteral("http://127.0.0.1:%1").arg(unusedPort());
    QTest::newRow("host name that does not resolve")
        << QStringLiteral("https://panel.pterodisbot.invalid");
}

void TestSetupProbes::unreachable()
{
    QFETCH(QString, url);
    PanelProbe probe(m_nam.get());
    const QUrl panelUrl(url);
    const PanelCheck check = await(probe.checkClientKey(panelUrl, m_panel->clientKey()));
    QVERIFY(!check.ok);
    const QString hostPort =
        panelUrl.port() < 0 ? panelUrl.host()
                            : QStringLiteral("%1:%2").arg(panelUrl.host()).arg(panelUrl.port());
    // One message for both: what the member can do is the same.
    QVERIFY2(
        check.problem.startsWith(QStringLiteral("could not reach the panel at %1").arg(hostPort)),
        qPrintable(check.problem));
    QCOMPARE(check.hint, QStringLiteral("check the address (spelling and port) and that the panel "
                                        "is running and reachable from this computer"));
    QCOMPARE(check.serverCount, -1);
}

void TestSetupProbes::untrustedCertificate()
{
    QString why;
    const auto certificate = TestSupport::generateSelfSignedCert(&why);
    if (!certificate)
        QSKIP(qPrintable(why));
    DiscordSimOptions options;
    options.tls = certificate->serverConfiguration();
    DiscordSimulator tlsServer;
    QVERIFY(tlsServer.start(options));
    QUrl https = tlsServer.restBaseUrl();
    QCOMPARE(https.scheme(), QStringLiteral("https"));

    // Neither probe trusts a certificate the system does not.
    DiscordProbe discord(m_nam.get(), https);
    const ApiResult<BotIdentity> identity = await(discord.identify(tlsServer.botToken()));
    QCOMPARE(identity.error.kind, ApiError::Kind::Tls);
    QVERIFY2(DiscordProbe::describe(identity.error).contains(QStringLiteral("TLS")),
             qPrintable(DiscordProbe::describe(identity.error)));

    https.setPath({});
    PanelProbe panel(m_nam.get());
    const PanelCheck check = await(panel.checkClientKey(https, m_panel->clientKey()));
    QVERIFY(!check.ok);
    QVERIFY2(check.problem.contains(QStringLiteral("TLS certificate of 127.0.0.1")),
             qPrintable(check.problem));
    QVERIFY2(check.hint.contains(QStringLiteral("certificate")), qPrintable(check.hint));
    QVERIFY(tlsServer.requests().isEmpty());
}

void TestSetupProbes::notAPanelAnswer()
{
    // A login page in front of the panel answers 200 with HTML.
    ScriptedNam nam;
    nam.fallback = Answer{200,
                          {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html")}},
                          TestSupport::readData(QStringLiteral("setup/panel_login_page.html"))};
    PanelProbe probe(&nam);
    const PanelCheck check =
        await(probe.checkClientKey(QUrl(QStringLiteral("https://panel.example.com")),
                                   TestSupport::fakeKey(QStringLiteral("ptlc_"))));
    QVERIFY(!check.ok);
    QVERIFY2(check.problem.startsWith(QStringLiteral(
                 "panel.example.com answered, but not like a Pterodactyl or Pelican panel")),
             qPrintable(check.problem));
    QVERIFY2(check.hint.startsWith(QStringLiteral("is this the panel's address?")),
             qPrintable(check.hint));
    QCOMPARE(nam.requests.size(), 1);
    QCOMPARE(nam.requests.constFirst().url().path(), QStringLiteral("/api/client"));
}

void TestSetupProbes::panelFailureTexts_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("applicationKey");
    QTest::addColumn<QString>("problemPart");
    QTest::addColumn<QString>("hintPart");
    QTest::newRow("timeout") << ApiError::timeout(QStringLiteral("no answer within 10 s")) << false
                             << QStringLiteral("did not answer in time")
                             << QStringLiteral("firewall");
    QTest::newRow("403 client: allowed IPs")
        << ApiError::of(ApiError::Kind::Auth, QStringLiteral("This action is unauthorized."), 403)
        << false << QStringLiteral("refused this client key: This action is unauthorized.")
        << QStringLiteral("Allowed IPs");
    QTest::newRow("403 application: not an admin")
        << ApiError::of(ApiError::Kind::Auth,
                        QStringLiteral("This account does not have permission to access the "
                                       "API."),
                        403)
        << true << QStringLiteral("refused this application key")
        << QStringLiteral("Read on Servers and Nodes");
    QTest::newRow("redirect to the login page")
        << ApiError::of(ApiError::Kind::Auth, {}, 302) << false
        << QStringLiteral("did not accept this client key") << QStringLiteral("create a new one");
    QTest::newRow("redirect to https")
        << ApiError::of(ApiError::Kind::Http,
                        QStringLiteral("the panel redirected to https://panel.example.com/api/"
                                       "client"),
                        301)
        << false << QStringLiteral("redirected to https://panel.example.com")
        << QStringLiteral("https:// instead of http://");
    QTest::newRow("429") << ApiError::of(ApiError::Kind::RateLimited, {}, 429) << false
                         << QStringLiteral("limiting requests") << QStringLiteral("wait a minute");
    QTest::newRow("500") << ApiError::http(500, QStringLiteral("An unexpected error")) << false
                         << QStringLiteral("HTTP 500") << QStringLiteral("panel's logs");
}

void TestSetupProbes::panelFailureTexts()
{
    QFETCH(ApiError, error);
    QFETCH(bool, applicationKey);
    QFETCH(QString, problemPart);
    QFETCH(QString, hintPart);
    const PanelCheck check = PanelProbe::describe(
        error, QUrl(QStringLiteral("http://panel.example.com")), applicationKey);
    QVERIFY(!check.ok);
    QVERIFY2(check.problem.contains(problemPart), qPrintable(check.problem));
    QVERIFY2(check.hint.contains(hintPart), qPrintable(check.hint));
}

// --- Discord

void TestSetupProbes::identify()
{
    DiscordProbe probe = discordProbe();
    const ApiResult<BotIdentity> identity = await(probe.identify(m_discord->botToken()));
    QVERIFY2(identity.ok(), qPrintable(identity.error.toString()));
    QCOMPARE(identity.value.userId, m_discord->botUserId());
    QCOMPARE(identity.value.username, DiscordSimOptions().botUsername);
    QCOMPARE(identity.value.applicationId, m_discord->applicationId());
    QCOMPARE(identity.value.applicationName, DiscordSimOptions().botUsername);
    // No avatar set: Discord's default one for discriminator 4242 (4242 % 5 = 2).
    QCOMPARE(identity.value.avatarUrl,
             QUrl(QStringLiteral("https://cdn.discordapp.com/embed/avatars/2.png")));
    QStringList paths;
    for (const auto &request : m_discord->requests())
        paths.append(request.method + QLatin1Char(' ') + request.path);
    QCOMPARE(paths, QStringList({QStringLiteral("GET /api/v10/users/@me"),
                                 QStringLiteral("GET /api/v10/oauth2/applications/@me")}));
    QCOMPARE(m_discord->foreignUserAgentCount(), 0);
}

void TestSetupProbes::rejectedToken()
{
    DiscordProbe probe = discordProbe();
    const QString token = TestSupport::fakeToken();
    const ApiResult<BotIdentity> identity = await(probe.identify(token));
    QVERIFY(!identity.ok());
    QCOMPARE(identity.error.kind, ApiError::Kind::Auth);
    QCOMPARE(identity.error.httpStatus, 401);
    const QString text = DiscordProbe::describe(identity.error);
    QVERIFY2(text.startsWith(QStringLiteral("Discord did not accept this token")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Reset Token")), qPrintable(text));
    QCOMPARE(m_discord->requests().size(), 1); // the application is not asked after a 401
    QVERIFY(redact(token) != token);
}

void TestSetupProbes::malformedTokenNotSent_data()
{
    QTest::addColumn<QString>("token");
    const QString real = TestSupport::fakeToken();
    QTest::newRow("with Bot prefix") << QStringLiteral("Bot ") + real;
    QTest::newRow("a panel key") << TestSupport::fakeKey(QStringLiteral("ptlc_"));
    QTest::newRow("with a space") << real.left(30) + QLatin1Char(' ') + real.mid(30);
    QTest::newRow("the OAuth2 client secret") << QString(32, QLatin1Char('s'));
    QTest::newRow("empty") << QString();
}

void TestSetupProbes::malformedTokenNotSent()
{
    QFETCH(QString, token);
    Config config;
    config.discord.token = token;
    const std::optional<ConfigProblem> expected =
        checkConfigError(config, QStringLiteral("discord.token"));
    QVERIFY2(expected, "--check-config finds nothing wrong");

    DiscordProbe probe = discordProbe();
    const ApiResult<BotIdentity> identity = await(probe.identify(token));
    QCOMPARE(identity.error.kind, ApiError::Kind::Validation);
    QCOMPARE(identity.error.httpStatus, 0);
    QCOMPARE(DiscordProbe::describe(identity.error),
             QStringLiteral("%1 — %2").arg(expected->message, expected->hint));
    const ApiResult<QList<GuildInfo>> guilds = await(probe.guilds(token));
    QCOMPARE(guilds.error.kind, ApiError::Kind::Validation);
    QVERIFY2(m_discord->requests().isEmpty(), "a malformed token must not reach Discord");
    if (token.size() >= 6)
        QVERIFY(redact(token) != token);
}

void TestSetupProbes::guilds()
{
    DiscordProbe probe = discordProbe();
    const ApiResult<QList<GuildInfo>> guilds = await(probe.guilds(m_discord->botToken()));
    QVERIFY2(guilds.ok(), qPrintable(guilds.error.toString()));
    QCOMPARE(guilds.value.size(), 1);
    const GuildInfo &guild = guilds.value.constFirst();
    QCOMPARE(guild.id, kGuild);
    QCOMPARE(guild.name, DiscordSimOptions().guildName);
    QVERIFY(!guild.owner);
    QVERIFY(guild.iconUrl.isEmpty());
    QVERIFY(guild.permissions != 0);
    QCOMPARE(guild.missingPermissions, DiscordProbe::missingPermissions(guild.permissions));
    QCOMPARE(m_discord->requests().constFirst().path,
             QStringLiteral("/api/v10/users/@me/guilds?limit=200"));
}

void TestSetupProbes::rolesWithoutEveryoneAndManaged()
{
    DiscordProbe probe = discordProbe();
    const ApiResult<QList<RoleInfo>> roles = await(probe.roles(m_discord->botToken(), kGuild));
    QVERIFY2(roles.ok(), qPrintable(roles.error.toString()));
    // The simulator lists them lowest first; the bot's own (managed) role and @everyone go.
    QCOMPARE(namesOf(roles.value),
             QStringList({QStringLiteral("Moderator"), QStringLiteral("Server Admin"),
                          QStringLiteral("Member")}));
    for (qsizetype i = 1; i < roles.value.size(); ++i)
        QVERIFY(roles.value.at(i - 1).position > roles.value.at(i).position);
    QCOMPARE(roles.value.constFirst().id, QStringLiteral("1400000000000000003"));
    QCOMPARE(roles.value.constFirst().color, 0x3498db);
}

void TestSetupProbes::textChannelsOnly()
{
    DiscordProbe probe = discordProbe();
    const ApiResult<QList<ChannelInfo>> channels =
        await(probe.textChannels(m_discord->botToken(), kGuild));
    QVERIFY2(channels.ok(), qPrintable(channels.error.toString()));
    QStringList seen;
    for (const ChannelInfo &channel : channels.value)
        seen.append(QStringLiteral("%1/%2%3").arg(channel.categoryName, channel.name,
                                                  channel.announcement ? QStringLiteral(" (news)")
                                                                       : QString()));
    // Outside any category first, then Archive (position 0), then Game Servers (1), each by
    // position; no categories, no voice channel.
    QCOMPARE(seen, QStringList({QStringLiteral("/general"), QStringLiteral("Archive/old-status"),
                                QStringLiteral("Game Servers/news (news)"),
                                QStringLiteral("Game Servers/server-status")}));
    QCOMPARE(channels.value.at(3).id, kServerStatus);
    QCOMPARE(channels.value.at(3).categoryId, kGameServers);
    QVERIFY(channels.value.at(0).categoryId.isEmpty());
}

void TestSetupProbes::notInGuild()
{
    DiscordProbe probe = discordProbe();
    const ApiResult<QList<RoleInfo>> roles =
        await(probe.roles(m_discord->botToken(), QStringLiteral("1299999999999999999")));
    QCOMPARE(roles.error.kind, ApiError::Kind::Auth);
    QCOMPARE(roles.error.httpStatus, 403);
    const QString text = DiscordProbe::describe(roles.error);
    QVERIFY2(text.contains(QStringLiteral("not a member")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("invite link")), qPrintable(text));

    // Not an id at all: refused with --check-config's words, nothing sent.
    m_discord->clearRequests();
    const ApiResult<QList<ChannelInfo>> channels = await(probe.textChannels(
        m_discord->botToken(),
        QStringLiteral("https://discord.com/channels/%1/%2").arg(kGuild, kGeneral)));
    QCOMPARE(channels.error.kind, ApiError::Kind::Validation);
    QVERIFY2(DiscordProbe::describe(channels.error).contains(kGuild),
             qPrintable(DiscordProbe::describe(channels.error)));
    QVERIFY(m_discord->requests().isEmpty());
}

void TestSetupProbes::strictParsing_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("why");
    QTest::newRow("user id a number")
        << QStringLiteral("identify") << QStringLiteral("discord_user_numeric_id.json")
        << QStringLiteral("id is not a string");
    QTest::newRow("role permissions a number")
        << QStringLiteral("roles") << QStringLiteral("discord_roles_numeric_permissions.json")
        << QStringLiteral("entry 1: permissions is not a string");
    QTest::newRow("channels not a list")
        << QStringLiteral("channels") << QStringLiteral("discord_channels_object.json")
        << QStringLiteral("not a list");
    QTest::newRow("channel type a string")
        << QStringLiteral("channels") << QStringLiteral("discord_channels_string_type.json")
        << QStringLiteral("entry 0: type is not a whole number");
    QTest::newRow("guild without name")
        << QStringLiteral("guilds") << QStringLiteral("discord_guilds_missing_name.json")
        << QStringLiteral("entry 0: name is missing");
}

void TestSetupProbes::strictParsing()
{
    QFETCH(QString, call);
    QFETCH(QString, fixture);
    QFETCH(QString, why);
    ScriptedNam nam;
    nam.fallback =
        Answer{200,
               {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
               TestSupport::readData(QStringLiteral("setup/") + fixture)};
    DiscordProbe probe(&nam, {});
    const QString token = TestSupport::fakeToken();
    ApiError error;
    if (call == QLatin1String("identify"))
        error = await(probe.identify(token)).error;
    else if (call == QLatin1String("roles"))
        error = await(probe.roles(token, kGuild)).error;
    else if (call == QLatin1String("channels"))
        error = await(probe.textChannels(token, kGuild)).error;
    else
        error = await(probe.guilds(token)).error;
    QCOMPARE(error.kind, ApiError::Kind::Parse);
    QVERIFY2(error.message.endsWith(why), qPrintable(error.message));
    QVERIFY2(DiscordProbe::describe(error).startsWith(
                 QStringLiteral("Discord answered something unexpected")),
             qPrintable(DiscordProbe::describe(error)));
    // An empty base URL means Discord's own.
    QCOMPARE(nam.requests.constFirst().url().host(), QStringLiteral("discord.com"));
    QVERIFY(nam.requests.constFirst().url().path().startsWith(QStringLiteral("/api/v10/")));
}

void TestSetupProbes::inviteUrl_data()
{
    QTest::addColumn<QString>("applicationId");
    QTest::addColumn<QString>("guildId");
    QTest::addColumn<bool>("valid");
    QTest::newRow("any guild") << QStringLiteral("1100000000000000001") << QString() << true;
    QTest::newRow("one guild") << QStringLiteral("1100000000000000001") << kGuild << true;
    QTest::newRow("application id not an id")
        << QStringLiteral("11&permissions=8") << QString() << false;
    QTest::newRow("guild id not an id")
        << QStringLiteral("1100000000000000001") << QStringLiteral("12&permissions=8") << false;
}

void TestSetupProbes::inviteUrl()
{
    QFETCH(QString, applicationId);
    QFETCH(QString, guildId);
    QFETCH(bool, valid);
    const QUrl url = DiscordProbe::inviteUrl(applicationId, guildId);
    if (!valid) {
        QVERIFY(url.isEmpty());
        return;
    }
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    QCOMPARE(url.host(), QStringLiteral("discord.com"));
    QCOMPARE(url.path(), QStringLiteral("/oauth2/authorize"));
    QVERIFY2(url.toString(QUrl::FullyEncoded)
                 .contains(QStringLiteral("scope=bot%20applications.commands")),
             qPrintable(url.toString(QUrl::FullyEncoded)));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), applicationId);
    QCOMPARE(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("bot applications.commands"));
    // Exactly View Channel, Send Messages, Embed Links, Attach Files, Read Message History.
    const quint64 documented =
        (1ULL << 10) | (1ULL << 11) | (1ULL << 14) | (1ULL << 15) | (1ULL << 16);
    QCOMPARE(DiscordProbe::requiredPermissions(), documented);
    QCOMPARE(query.queryItemValue(QStringLiteral("permissions")), QStringLiteral("117760"));
    QCOMPARE(query.queryItemValue(QStringLiteral("guild_id")), guildId);
    QCOMPARE(query.hasQueryItem(QStringLiteral("disable_guild_select")), !guildId.isEmpty());
    if (!guildId.isEmpty())
        QCOMPARE(query.queryItemValue(QStringLiteral("disable_guild_select")),
                 QStringLiteral("true"));
    QCOMPARE(query.queryItems().size(), guildId.isEmpty() ? 3 : 5);
}

void TestSetupProbes::missingPermissions_data()
{
    QTest::addColumn<quint64>("granted");
    QTest::addColumn<quint64>("missing");
    using namespace DiscordPermission;
    const quint64 all = DiscordProbe::requiredPermissions();
    QTest::newRow("nothing") << quint64(0) << all;
    QTest::newRow("all of them") << all << quint64(0);
    QTest::newRow("administrator") << Administrator << quint64(0);
    QTest::newRow("no files") << (all & ~AttachFiles) << AttachFiles;
    QTest::newRow("others only") << ((1ULL << 13) | (1ULL << 28) | ViewChannel)
                                 << (all & ~ViewChannel);
}

void TestSetupProbes::missingPermissions()
{
    QFETCH(quint64, granted);
    QFETCH(quint64, missing);
    QCOMPARE(DiscordProbe::missingPermissions(granted), missing);
}

void TestSetupProbes::discordFailureTexts_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<QString>("part");
    ApiError missingAccess =
        ApiError::of(ApiError::Kind::Auth, QStringLiteral("Missing Access"), 403);
    missingAccess.serviceCode = QStringLiteral("50001");
    QTest::newRow("missing access") << missingAccess << QStringLiteral("invite it");
    QTest::newRow("network") << ApiError::network(QStringLiteral("Host discord.com not found"))
                             << QStringLiteral("could not reach Discord: Host discord.com not "
                                               "found");
    QTest::newRow("timeout") << ApiError::timeout(QStringLiteral("no answer"))
                             << QStringLiteral("did not answer in time");
    ApiError limited = ApiError::of(ApiError::Kind::RateLimited, QStringLiteral("limited"), 429);
    limited.retryAfterMs = 12300;
    QTest::newRow("rate limited") << limited << QStringLiteral("wait 13 s");
    QTest::newRow("server error") << ApiError::http(502, QString())
                                  << QStringLiteral("Discord has a problem right now (HTTP 502)");
    QTest::newRow("cancelled") << ApiError::cancelled(QStringLiteral("x"))
                               << QStringLiteral("cancelled");
}

void TestSetupProbes::discordFailureTexts()
{
    QFETCH(ApiError, error);
    QFETCH(QString, part);
    const QString text = DiscordProbe::describe(error);
    QVERIFY2(text.contains(part), qPrintable(text));
}

void TestSetupProbes::probeGoneDuringCheck()
{
    // The assistant closes while a check waits for an answer that never comes: the checks end
    // (cancelled, nobody reads them) instead of staying suspended.
    ScriptedNam nam;
    nam.fallback.hang = true;
    auto panel = std::make_unique<PanelProbe>(&nam);
    auto discord = std::make_unique<DiscordProbe>(&nam, QUrl());
    QCoro::Task<PanelCheck> panelCheck =
        panel->checkClientKey(QUrl(QStringLiteral("https://panel.example.com")),
                              TestSupport::fakeKey(QStringLiteral("ptlc_")));
    QCoro::Task<ApiResult<BotIdentity>> identity = discord->identify(TestSupport::fakeToken());
    BOT_VERIFY_SOON(nam.requests.size() == 2, 5000);
    panel.reset();
    discord.reset();
    const PanelCheck check = await(std::move(panelCheck));
    QVERIFY(!check.ok);
    QCOMPARE(check.serverCount, -1);
    QCOMPARE(await(std::move(identity)).error.kind, ApiError::Kind::Cancelled);
}

QTEST_GUILESS_MAIN(TestSetupProbes)
#include "tst_setupprobes.moc"
