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

// An address as a message shows it: a hostile file's 5 MB address is cut.
QString shortened(const QString &text)
{
    constexpr qsizetype longest = 100;
    return text.size() <= longest ? text : text.left(longest) + QStringLiteral("…");
}

// "panel.example.com:8080" and "localhost:8080" parse as scheme "panel.example.com" or
// "localhost" with the path "8080": a host and port written without a scheme. "file:///x" and
// "javascript:alert(1)" name a scheme, a wrong one.
bool lacksScheme(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme.isEmpty() || scheme.contains(QLatin1Char('.')))
        return true;
    if (!url.host().isEmpty() || url.path().startsWith(QLatin1String("//")))
        return false;
    static const QRegularExpression port(QStringLiteral("^\\d{1,5}(?:/.*)?$"));
    return port.match(url.path()).hasMatch();
}

} // namespace

void checkUrl(Checker &checker, const QString &key, bool required, bool pathAllowed)
{
    const QUrl url = findConfigKey(key)->get(checker.config()).toUrl();
    const bool panel = key == QLatin1String("pterodactyl.panel_url");
    const QString example = panel ? QStringLiteral("https://panel.example.com")
                                  : QStringLiteral("https://discord.com/api/v10");
    if (url.isEmpty()) {
        if (required)
            checker.missing(key, QStringLiteral("the panel address"),
                            QStringLiteral("write it like %1").arg(example));
        return;
    }
    // URLs are long, so quoteValue() would shorten them; a secret pasted here is not echoed, nor
    // is the user name and password of an address that carries them.
    const QString plain = url.toString(QUrl::RemoveUserInfo);
    const QString shown = QLatin1Char('"') + shortened(plain) + QLatin1Char('"');
    if (!url.userInfo().isEmpty()) {
        // Shown without them; the placeholder says where they were.
        const bool password = !url.password().isEmpty();
        checker.value(Severity::Error, key,
                      QStringLiteral("%1 is written with a %2 before the host: credentials in an "
                                     "address end up in logs and process listings")
                          .arg(shown, password ? QStringLiteral("user name and password "
                                                                "(user:password@)")
                                               : QStringLiteral("user name (user@)")),
                      panel ? QStringLiteral("remove them and write %1; the bot signs in with the "
                                             "client key (in the keychain or [pterodactyl] "
                                             "client_key), never with a password")
                                  .arg(shortened(baseOf(url)))
                            : QStringLiteral("remove them and write %1; the bot signs in with its "
                                             "token (in the keychain or [discord] token)")
                                  .arg(shortened(plain)));
        return;
    }
    if (looksLikeSecret(plain)) {
        checker.value(Severity::Error, key,
                      QStringLiteral("this looks like a key or token, not an address"),
                      QStringLiteral("write the address, like %1, and move the secret to its own "
                                     "key")
                          .arg(example));
        return;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        if (lacksScheme(url))
            checker.value(Severity::Error, key, QStringLiteral("%1 has no scheme").arg(shown),
                          QStringLiteral("write it with https:// in front: https://%1")
                              .arg(shortened(plain)));
        else
            checker.value(Severity::Error, key,
                          QStringLiteral("%1 uses the scheme %2:; only http and https work")
                              .arg(shown, shortened(scheme)),
                          url.host().isEmpty()
                              ? QStringLiteral("write the address, like %1").arg(example)
                              : QStringLiteral("write https://%1").arg(shortened(url.host())));
        return;
    }
    if (url.host().isEmpty()) {
        checker.value(Severity::Error, key, QStringLiteral("%1 has no host name").arg(shown),
                      QStringLiteral("write it like %1").arg(example));
        return;
    }
    if (!pathAllowed && (!url.path().isEmpty() || url.hasQuery() || url.hasFragment())) {
        const QString path = shortened(url.path());
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
                          .arg(shown, shortened(url.host())),
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
    const QString what = QStringLiteral("the %1 key").arg(slot);
    if (const std::optional<CharacterDefect> quoted = quoteDefect(value, what)) {
        checker.value(Severity::Error, key, quoted->message, quoted->hint);
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
    // The prefix is known, the rest is letters and digits. A space or an invisible character
    // is named before the length: a key with a word added ("ptlc_… old") is also too long, but
    // the space says better what happened.
    const std::optional<CharacterDefect> defect = characterDefect(
        value, what, {}, QStringLiteral("letters and digits after %1").arg(prefix), prefix.size());
    if (defect && (defect->invisible || value.size() == panelKeyLength))
        checker.value(Severity::Error, key, defect->message, defect->hint);
    else if (value.size() != panelKeyLength)
        checker.value(Severity::Error, key,
                      QStringLiteral("the %1 key is %2 characters long; panel keys have %3")
                          .arg(slot)
                          .arg(value.size())
                          .arg(panelKeyLength),
                      QStringLiteral("a key is %1 + 11 + 32 characters (prefix, identifier, "
                                     "secret); copy the whole key again")
                          .arg(prefix));
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
