#include "ConfigSchema.h"
#include "ValidationChecker.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

// The [pterodactyl] checks: panel URL (also used for the Discord API URL) and the API keys.
namespace Pterodisbot::Validation {
namespace {

constexpr int panelKeyLength = 48; // prefix (5) + identifier (11) + secret (32)

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString baseOf(const QUrl &url)
{
    QUrl base;
    base.setScheme(url.scheme());
    base.setHost(url.host());
    base.setPort(url.port());
    return base.toString();
}

} // namespace

void checkUrl(Checker &checker, const QString &key, bool required, bool pathAllowed)
{
    const QUrl url = findConfigKey(key)->get(checker.config()).toUrl();
    if (url.isEmpty()) {
        if (required)
            checker.missing(key, QStringLiteral("the panel address"),
                            QStringLiteral("write it like https://panel.example.com"));
        return;
    }
    // URLs are long, so quoteValue() would shorten them; a secret pasted here is not echoed.
    const QString plain = url.toString(QUrl::RemoveUserInfo);
    if (looksLikeSecret(plain)) {
        checker.value(Severity::Error, key,
                      QStringLiteral("this looks like a key or token, not an address"),
                      QStringLiteral("write the address, like https://panel.example.com, and "
                                     "move the secret to its own key"));
        return;
    }
    const QString shown = QLatin1Char('"') + plain + QLatin1Char('"');
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        if (scheme.isEmpty() || url.host().isEmpty())
            checker.value(Severity::Error, key, QStringLiteral("%1 has no scheme").arg(shown),
                          QStringLiteral("write it with https:// in front: https://%1").arg(plain));
        else
            checker.value(
                Severity::Error, key,
                QStringLiteral("%1 uses %2://; only http and https work").arg(shown, scheme),
                QStringLiteral("write https://%1").arg(url.host()));
        return;
    }
    if (url.host().isEmpty()) {
        checker.value(Severity::Error, key, QStringLiteral("%1 has no host name").arg(shown),
                      QStringLiteral("write it like https://panel.example.com"));
        return;
    }
    if (!pathAllowed && (!url.path().isEmpty() || url.hasQuery() || url.hasFragment())) {
        const QString path = url.path();
        QString hint = QStringLiteral("use only the panel's address: %1").arg(baseOf(url));
        if (path.startsWith(QLatin1String("/api")))
            hint = QStringLiteral("remove %1: the bot adds /api/client itself; write %2")
                       .arg(path, baseOf(url));
        else if (path.startsWith(QLatin1String("/server/")))
            hint = QStringLiteral("that is the page of one server; write the panel's address %1")
                       .arg(baseOf(url));
        checker.value(
            Severity::Error, key,
            QStringLiteral("%1 has a path; only scheme, host and port belong here").arg(shown),
            hint);
        return;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        checker.value(Severity::Warning, key,
                      QStringLiteral("%1 uses plain http to %2: keys and tokens would cross the "
                                     "network unencrypted")
                          .arg(shown, url.host()),
                      QStringLiteral("use https:// (http is fine only for localhost)"));
}

void checkPanelKey(Checker &checker, const QString &key, bool clientSlot)
{
    const ConfigKey *description = findConfigKey(key);
    const QString value = description->get(checker.config()).toString();
    const QString slot = clientSlot ? QStringLiteral("client") : QStringLiteral("application");
    const QString prefixes = clientSlot ? QStringLiteral("ptlc_ (Pterodactyl) or pacc_ (Pelican)")
                                        : QStringLiteral("ptla_ (Pterodactyl) or papp_ (Pelican)");
    const QString where = clientSlot ? QStringLiteral("the panel's Account page, API Credentials")
                                     : QStringLiteral("the panel's Admin area, Application API");
    if (value.isEmpty()) {
        if (clientSlot)
            checker.missing(
                key, QStringLiteral("the panel client API key"),
                QStringLiteral("create one in %1; it starts with %2").arg(where, prefixes));
        return;
    }
    const PanelKeyKind kind = panelKeyKind(value);
    if (kind == PanelKeyKind::Unknown) {
        if (looksLikeDiscordToken(value))
            checker.value(
                Severity::Error, key,
                QStringLiteral("this looks like a Discord bot token, not a panel %1 key").arg(slot),
                QStringLiteral("move it to discord.token and create a panel key in %1").arg(where));
        else
            checker.value(Severity::Error, key,
                          QStringLiteral("a panel %1 key starts with %2").arg(slot, prefixes),
                          QStringLiteral("create a %1 key in %2 (keys without a prefix come from "
                                         "panels older than Pterodactyl 1.x) and paste it whole")
                              .arg(slot, where));
        return;
    }
    const QString prefix = value.left(5);
    if (clientSlot && isApplicationKind(kind)) {
        checker.value(Severity::Error, key,
                      QStringLiteral("this is an application key (%1…) in the client key slot — "
                                     "swap them")
                          .arg(prefix),
                      QStringLiteral("move it to application_key (%1) and put a client key (%2) "
                                     "here")
                          .arg(configEnvironmentName(QStringLiteral("pterodactyl"),
                                                     QStringLiteral("application_key")),
                               prefixes));
        return;
    }
    if (!clientSlot && isClientKind(kind)) {
        checker.value(Severity::Error, key,
                      QStringLiteral("this is a client key (%1…) in the application key slot — "
                                     "swap them")
                          .arg(prefix),
                      QStringLiteral("move it to client_key (%1) and put an application key (%2) "
                                     "here, or leave application_key empty")
                          .arg(configEnvironmentName(QStringLiteral("pterodactyl"),
                                                     QStringLiteral("client_key")),
                               prefixes));
        return;
    }
    static const QRegularExpression body(QStringLiteral("^[A-Za-z0-9]+$"));
    if (value.size() != panelKeyLength) {
        checker.value(Severity::Error, key,
                      QStringLiteral("the %1 key is %2 characters long; panel keys have %3")
                          .arg(slot)
                          .arg(value.size())
                          .arg(panelKeyLength),
                      QStringLiteral("a key is %1 + 11 + 32 characters (prefix, identifier, "
                                     "secret); copy the whole key again")
                          .arg(prefix));
    } else if (!body.match(QStringView(value).mid(5)).hasMatch()) {
        checker.value(
            Severity::Error, key,
            QStringLiteral("the %1 key contains characters panel keys never have").arg(slot),
            QStringLiteral("copy the key again; it is letters and digits after %1").arg(prefix));
    }
}

void checkKeyFlavours(Checker &checker)
{
    const PanelKeyKind client = panelKeyKind(checker.config().pterodactyl.clientKey);
    const PanelKeyKind application = panelKeyKind(checker.config().pterodactyl.applicationKey);
    if (!isClientKind(client) || !isApplicationKind(application) ||
        isPelicanKind(client) == isPelicanKind(application))
        return;
    checker.value(
        Severity::Warning, QStringLiteral("pterodactyl.application_key"),
        QStringLiteral("the client key is a %1 key but the application key a %2 key")
            .arg(isPelicanKind(client) ? QStringLiteral("Pelican") : QStringLiteral("Pterodactyl"),
                 isPelicanKind(application) ? QStringLiteral("Pelican")
                                            : QStringLiteral("Pterodactyl")),
        QStringLiteral("both keys must come from the same panel"));
}

} // namespace Pterodisbot::Validation
