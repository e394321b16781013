#pragma once

#include <functional>

#include <QLoggingCategory>
#include <QString>
#include <QStringView>

// Every logging category of the project, declared once (defined in logging.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcPanel)
Q_DECLARE_LOGGING_CATEGORY(lcWings)
Q_DECLARE_LOGGING_CATEGORY(lcGateway)
Q_DECLARE_LOGGING_CATEGORY(lcRest)
Q_DECLARE_LOGGING_CATEGORY(lcInteractions)
Q_DECLARE_LOGGING_CATEGORY(lcBot)
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
Q_DECLARE_LOGGING_CATEGORY(lcCharts)
Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace Pterodisbot {

//! Replaces every registered secret in \a text by "[redacted]". Every log line that may
//! carry request data goes through this; secrets are registered by SecretStore and Config.
//! Also hidden: a registered secret broken by white space (a line break), every word of 8
//! characters or more that is a piece of one (a token's first segment, a key cut short), and
//! credentials recognised by their shape or place without registration: JWTs (the Wings
//! websocket token), panel keys, Discord bot tokens, the token in a webhook or interaction
//! path or a JSON "token", credential query parameters (token=, key=, ...) and the user info of
//! a URL.
QString redact(QString text);

//! Registers a secret so that redact() hides it; values shorter than 6 characters are
//! ignored (they would blank out ordinary words).
void registerSecret(const QString &secret);

//! True when \a text contains a registered secret, or is itself a piece (6 characters or
//! more) of one; safeExcerpt() masks such words even when a malformed line split a secret.
bool overlapsSecret(QStringView text);

//! Installs a Qt message handler that redacts every message before it reaches stderr.
void installRedactingMessageHandler();

//! Receives every line the redacting handler writes, already redacted: its level, category
//! and text. Called on the thread that logged, under the handler's lock: an observer must only
//! hand the line over (e.g. a queued call), never log itself.
using LogObserver =
    std::function<void(QtMsgType type, const QString &category, const QString &message)>;
//! Sets the one observer of the redacting handler (the admin window's log); an empty function
//! removes it.
void setLogObserver(LogObserver observer);

} // namespace Pterodisbot
