#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

// How untrusted configuration text is shown in problem messages and which parts of it are
// registered as secrets. A malformed line is exactly where a token lands by accident, so no
// message quotes one verbatim; everything that prints config text goes through safeExcerpt()
// or quoteValue() (ConfigProblem.h), which uses the same rules.
namespace Pterodisbot {

//! True for characters that are never printed as they are: control characters (NUL and tab
//! included), format characters such as U+200B and U+FEFF, and the Unicode line and paragraph
//! separators.
bool isInvisible(QChar c);

//! \a text with every invisible character written as an escape: \0, \t, \r, \n, \xNN or
//! \uNNNN.
QString escapeInvisible(QStringView text);

//! \a text rendered for a message: every word that may be a secret replaced by "…" (a panel key
//! keeps its prefix: "ptlc_…"), invisible characters escaped, cut after \a maxLength characters
//! with "…". A word may be a secret when it is a registered secret or a piece of one, contains
//! a panel key prefix or has a Discord token's shape, or is 12 characters or more mixing letters
//! and digits or upper and lower case (unless it is a configuration name).
QString maskedText(QStringView text, qsizetype maxLength = 40);

//! The one way a piece of untrusted configuration text (a malformed line, a section or key
//! name) is quoted in a problem message: like maskedText(), and in addition anything after the
//! first '=' is never shown ("[discord] token = …"), because it is a value and may be a secret.
QString safeExcerpt(QStringView text, qsizetype maxLength = 40);

//! Everything in the config line \a line that may be a secret, for registerSecret() before any
//! problem is produced: the value of a secret key (token, client_key, application_key, also
//! misspelt or written as the environment variable) however the line is malformed (on a header
//! line, in quotes that do not close, with NUL bytes, as the pieces around them and without
//! them), and every word shaped like a panel key or a Discord token.
QStringList secretCandidates(QStringView line);

//! True when the environment variable \a name (PTERODISBOT_...) holds, or was probably meant to
//! hold, one of the three secrets.
bool isSecretVariable(const QString &name);

} // namespace Pterodisbot
