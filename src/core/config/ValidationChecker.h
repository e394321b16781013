#pragma once

#include "Config.h"
#include "ConfigProblem.h"
#include "ConfigValidator.h"

#include <optional>

#include <QList>
#include <QString>
#include <QStringView>

// Internal to the validator: the problem collector shared by the check files.
namespace Pterodisbot::Validation {

using Severity = ConfigProblem::Severity;

class Checker
{
public:
    Checker(const Config &config, const QList<ConfigProblem> &earlier);

    QList<ConfigProblem> problems;

    bool hasEarlierError(const QString &key) const;
    //! A problem with the value of \a key; says where the value came from unless the file.
    void value(Severity severity, const QString &key, const QString &message, const QString &hint);
    //! A required value that is not set (skipped when \a key already has an error).
    void missing(const QString &key, const QString &what, const QString &hint);

    const Config &config() const { return m_config; }

private:
    const Config &m_config;
    const QList<ConfigProblem> &m_earlier;
};

void checkToken(Checker &checker);
void checkSnowflake(Checker &checker, const QString &key, const QString &what, bool required,
                    const QString &howToFind);
// discord.control_role (required) and discord.status_role (optional).
void checkRoles(Checker &checker);
void checkUrl(Checker &checker, const QString &key, bool required, bool pathAllowed);
void checkPanelKey(Checker &checker, const QString &key, bool clientSlot);
void checkKeyFlavours(Checker &checker);

//! Shaped like a Discord bot token: three non-empty dot-separated parts, long enough.
bool looksLikeDiscordToken(const QString &text);

//! What is wrong with the characters of a pasted secret, told the same way for the token and
//! the panel keys. \a what names it in the message ("the token", "the client key").
struct CharacterDefect
{
    QString message;
    QString hint;
    bool invisible = false; //!< a space or an invisible character rather than a wrong visible one
};

//! A quote (straight or typographic) at either end of \a text: "… starts with a quote — remove
//! the quotes". Inner quotes are left to characterDefect().
std::optional<CharacterDefect> quoteDefect(const QString &text, const QString &what);
//! The first character of \a text from index \a from on that is neither an ASCII letter, a digit
//! nor one of \a allowed, with its position in \a text (from 1): spaces, other whitespace and
//! anything else are told apart. \a allowedWords says what the secret is made of, for the hint.
std::optional<CharacterDefect> characterDefect(const QString &text, const QString &what,
                                               QStringView allowed, const QString &allowedWords,
                                               qsizetype from = 0);

} // namespace Pterodisbot::Validation
