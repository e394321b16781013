#include "setup/PanelProbe.h"

#include <QPointer>
#include <QScopeGuard>

#include "Clock.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/PanelKeys.h"
#include "setup/FieldChecks.h"

namespace Pterodisbot {
namespace {

const QString ClientKeyPlace = QStringLiteral("Account → API Credentials");
const QString ApplicationKeyPlace = QStringLiteral("Admin → Application API");

PanelCheck refusal(const ConfigProblem &problem, const QString &flavour)
{
    PanelCheck check;
    check.flavour = flavour;
    check.problem = problem.message;
    check.hint = problem.hint;
    return check;
}

QString flavourOf(PanelKeyKind kind)
{
    if (kind == PanelKeyKind::Unknown)
        return {};
    return isPelicanKind(kind) ? QStringLiteral("Pelican") : QStringLiteral("Pterodactyl");
}

QString hostOf(const QUrl &url)
{
    return url.port() < 0 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

QString serversText(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 server") : QStringLiteral("%1 servers").arg(count);
}

QString nodesText(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 node") : QStringLiteral("%1 nodes").arg(count);
}

// The panel's own words, when it sent some, after a sentence of ours.
QString withDetail(const QString &sentence, const QString &detail)
{
    return detail.isEmpty() ? sentence : QStringLiteral("%1: %2").arg(sentence, detail);
}

} // namespace

PanelProbe::PanelProbe(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{}

PanelProbe::~PanelProbe() = default;

QCoro::Task<PanelCheck> PanelProbe::checkClientKey(QUrl panelUrl, QString clientKey)
{
    return check(std::move(panelUrl), std::move(clientKey), false);
}

QCoro::Task<PanelCheck> PanelProbe::checkApplicationKey(QUrl panelUrl, QString applicationKey)
{
    return check(std::move(panelUrl), std::move(applicationKey), true);
}

QCoro::Task<PanelCheck> PanelProbe::check(QUrl panelUrl, QString key, bool applicationKey)
{
    registerSecret(key);
    const PanelKeyKind kind = panelKeyKind(key);
    const QString flavour = flavourOf(kind);

    // Everything the validator refuses is refused here too, before anything is sent.
    if (const auto problem = FieldChecks::firstError(FieldChecks::panelUrl(panelUrl)))
        co_return refusal(*problem, flavour);
    if (!applicationKey && isApplicationKind(kind)) {
        PanelCheck swapped;
        swapped.flavour = flavour;
        swapped.swapped = true;
        swapped.problem = QStringLiteral("this is an application key: it belongs in the "
                                         "application key field");
        swapped.hint = QStringLiteral("create a client key under %1; it starts with ptlc_ "
                                      "(Pterodactyl) or pacc_ (Pelican)")
                           .arg(ClientKeyPlace);
        co_return swapped;
    }
    if (applicationKey && isClientKind(kind)) {
        PanelCheck swapped;
        swapped.flavour = flavour;
        swapped.swapped = true;
        swapped.problem =
            QStringLiteral("this is a client key: it belongs in the client key field");
        swapped.hint = QStringLiteral("create an application key under %1 (it starts with ptla_ "
                                      "or papp_), or leave this field empty: the application key "
                                      "is optional")
                           .arg(ApplicationKeyPlace);
        co_return swapped;
    }
    if (applicationKey && key.isEmpty()) {
        PanelCheck none;
        none.problem = QStringLiteral("no application key entered");
        none.hint = QStringLiteral("it is optional: without it the bot shows no node names and "
                                   "no totals over the whole panel");
        co_return none;
    }
    const QList<ConfigProblem> keyProblems =
        applicationKey ? FieldChecks::applicationKey(key) : FieldChecks::clientKey(key);
    if (const auto problem = FieldChecks::firstError(keyProblems))
        co_return refusal(*problem, flavour);

    PanelClientOptions options;
    options.panelUrl = panelUrl;
    (applicationKey ? options.applicationKey : options.clientKey) = key;
    options.requestTimeoutMs = m_requestTimeoutMs;
    // Someone is waiting: one attempt, and a 429 is reported instead of waited out.
    options.retryBackoffsMs = {};
    options.maxRateLimitRetries = 0;
    QPointer<PanelProbe> self(this);
    QPointer<PanelClient> client =
        new PanelClient(m_nam, SystemClock::instance(), std::move(options), this);
    // Deleted later, so that events still queued for its jobs find them; a probe destroyed
    // first takes it along, and its jobs end as cancelled.
    const auto cleanup = qScopeGuard([client] {
        if (client)
            client->deleteLater();
    });

    PanelCheck result;
    result.flavour = flavour;
    if (!applicationKey) {
        const ApiResult<QList<Server>> servers = co_await client->fetchServers();
        if (!self)
            co_return PanelCheck{};
        if (!servers.ok()) {
            PanelCheck failed = describe(servers.error, panelUrl, false);
            failed.flavour = flavour;
            co_return failed;
        }
        result.ok = true;
        result.serverCount = int(servers.value.size());
        result.summary = QStringLiteral("%1 panel: %2 visible to this key")
                             .arg(flavour, serversText(servers.value.size()));
        if (servers.value.isEmpty())
            result.hint = QStringLiteral("the key works but sees no servers: the bot shows the "
                                         "servers of the key's account (its own and those shared "
                                         "with it as a subuser)");
        co_return result;
    }

    const ApiResult<QList<Server>> servers = co_await client->fetchApplicationServers();
    if (!self)
        co_return PanelCheck{};
    ApiError error = servers.error;
    qsizetype nodeCount = 0;
    if (servers.ok()) {
        const ApiResult<QList<Node>> nodes = co_await client->fetchNodes();
        if (!self)
            co_return PanelCheck{};
        error = nodes.error;
        nodeCount = nodes.value.size();
    }
    if (error.isError()) {
        PanelCheck failed = describe(error, panelUrl, true);
        failed.flavour = flavour;
        co_return failed;
    }
    result.ok = true;
    result.serverCount = int(servers.value.size());
    result.summary = QStringLiteral("%1 panel: %2 on %3 in all; this key adds node names for "
                                    "every server and totals over the whole panel")
                         .arg(flavour, serversText(servers.value.size()), nodesText(nodeCount));
    co_return result;
}

PanelCheck PanelProbe::describe(const ApiError &error, const QUrl &panelUrl, bool applicationKey)
{
    const QString host = hostOf(panelUrl);
    const QString slot = applicationKey ? QStringLiteral("application") : QStringLiteral("client");
    const QString place = applicationKey ? ApplicationKeyPlace : ClientKeyPlace;
    const QString addressHint =
        QStringLiteral("write the address you open the panel with in a browser, like "
                       "https://panel.example.com, without /api or another path");
    PanelCheck check;
    const auto say = [&check](const QString &problem, const QString &hint) {
        check.problem = problem;
        check.hint = hint;
    };
    const int status = error.httpStatus;
    switch (error.kind) {
    case ApiError::Kind::None:
        check.ok = true;
        break;
    case ApiError::Kind::Network:
        say(withDetail(QStringLiteral("could not reach the panel at %1").arg(host), error.message),
            QStringLiteral("check the address (spelling and port) and that the panel is running "
                           "and reachable from this computer"));
        break;
    case ApiError::Kind::Timeout:
        say(QStringLiteral("the panel at %1 did not answer in time").arg(host),
            QStringLiteral("check the address and that no firewall drops the connection; a busy "
                           "panel can be slow, so try again"));
        break;
    case ApiError::Kind::Tls:
        // HttpClient's text names the host and the reason ("TLS certificate of ... not
        // accepted: The certificate has expired").
        say(error.message.isEmpty() ? QStringLiteral("the panel's TLS certificate was not accepted")
                                    : error.message,
            QStringLiteral("use the name the certificate was issued for, renew an expired "
                           "certificate, or give the panel one this computer trusts (for "
                           "example from Let's Encrypt)"));
        break;
    case ApiError::Kind::Auth:
        if (status == 403) {
            say(withDetail(QStringLiteral("the panel refused this %1 key").arg(slot),
                           error.message),
                applicationKey
                    ? QStringLiteral("the key's account must be an administrator, and the key "
                                     "needs Read on Servers and Nodes (%1); a key limited to "
                                     "some IP addresses must allow this computer's")
                          .arg(place)
                    : QStringLiteral("a key limited to some IP addresses (Allowed IPs) must "
                                     "allow this computer's; or create a key without that "
                                     "limit under %1")
                          .arg(place));
        } else {
            // 401, or the redirect to the login page a refused key gets without a JSON Accept.
            say(QStringLiteral("the panel did not accept this %1 key").arg(slot),
                QStringLiteral("copy the whole key again, or create a new one under %1 (a "
                               "deleted key stops working)")
                    .arg(place));
        }
        break;
    case ApiError::Kind::NotFound:
        say(QStringLiteral("%1 answered, but has no panel API (HTTP 404): is this the panel's "
                           "address?")
                .arg(host),
            addressHint);
        break;
    case ApiError::Kind::Parse:
        say(withDetail(QStringLiteral("%1 answered, but not like a Pterodactyl or Pelican panel")
                           .arg(host),
                       error.message),
            QStringLiteral("is this the panel's address? %1; a proxy or a login page in front "
                           "of the panel answers like this too")
                .arg(addressHint));
        break;
    case ApiError::Kind::RateLimited:
        say(QStringLiteral("the panel is limiting requests with this key right now"),
            QStringLiteral("wait a minute and check again"));
        break;
    case ApiError::Kind::Cancelled:
        say(QStringLiteral("the check was cancelled"), QString());
        break;
    default:
        if (status >= 300 && status < 400) {
            say(withDetail(QStringLiteral("the panel sends this address elsewhere"), error.message),
                QStringLiteral("write the address it redirects to (often https:// instead of "
                               "http://)"));
        } else if (status >= 500) {
            say(withDetail(QStringLiteral("the panel answered with an error (HTTP %1)").arg(status),
                           error.message),
                QStringLiteral("the panel itself has a problem: try again later, or look at the "
                               "panel's logs"));
        } else {
            say(withDetail(QStringLiteral("the panel answered HTTP %1").arg(status), error.message),
                QStringLiteral("is this the panel's address? %1").arg(addressHint));
        }
        break;
    }
    return check;
}

} // namespace Pterodisbot
