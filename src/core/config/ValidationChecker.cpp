#include "ValidationChecker.h"

#include "ConfigSchema.h"
#include "SafeText.h"

#include <algorithm>

namespace Pterodisbot::Validation {

Checker::Checker(const Config &config, const QList<ConfigProblem> &earlier)
    : m_config(config)
    , m_earlier(earlier)
{}

bool Checker::hasEarlierError(const QString &key) const
{
    return std::any_of(m_earlier.cbegin(), m_earlier.cend(),
                       [&](const ConfigProblem &p) { return p.isError() && p.key == key; });
}

void Checker::value(Severity severity, const QString &key, const QString &message,
                    const QString &hint)
{
    QString text = message;
    const ConfigKey *description = findConfigKey(key);
    if (description && m_config.sourceOf(key) == ValueSource::Environment)
        text += QStringLiteral(" (from %1)").arg(description->environmentName());
    else if (m_config.sourceOf(key) == ValueSource::Keychain)
        text += QStringLiteral(" (from the keychain)");
    problems.append({severity, key, text, hint});
}

void Checker::missing(const QString &key, const QString &what, const QString &hint)
{
    if (hasEarlierError(key))
        return;
    const ConfigKey *description = findConfigKey(key);
    problems.append({Severity::Error, key, QStringLiteral("missing: %1").arg(what),
                     hint + QStringLiteral(" (or set %1)").arg(description->environmentName())});
}

namespace {

bool isQuote(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u'`':
    case u'\u00ab': // « »
    case u'\u00bb':
    case u'\u2018': // ‘ ’ ‚
    case u'\u2019':
    case u'\u201a':
    case u'\u201c': // “ ” „
    case u'\u201d':
    case u'\u201e':
        return true;
    default:
        return false;
    }
}

bool isAsciiLetterOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// One character as a message shows it: invisible ones and spaces other than U+0020 escaped.
QString shownCharacter(QStringView character)
{
    const QChar c = character.front();
    if (c.isSpace() && !isInvisible(c))
        return QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
    return escapeInvisible(character);
}

} // namespace

std::optional<CharacterDefect> quoteDefect(const QString &text, const QString &what)
{
    const bool starts = !text.isEmpty() && isQuote(text.front());
    const bool ends = !text.isEmpty() && isQuote(text.back());
    if (!starts && !ends)
        return std::nullopt;
    return CharacterDefect{
        QStringLiteral("%1 %2 with a quote — remove the quotes")
            .arg(what, starts ? QStringLiteral("starts") : QStringLiteral("ends")),
        QStringLiteral("write %1 without quotes around it (config.ini removes one pair of quotes "
                       "around a whole value, no more)")
            .arg(what)};
}

std::optional<CharacterDefect> characterDefect(const QString &text, const QString &what,
                                               QStringView allowed, const QString &allowedWords,
                                               qsizetype from)
{
    const auto it = std::find_if(text.cbegin() + from, text.cend(), [allowed](QChar c) {
        return !isAsciiLetterOrDigit(c) && !allowed.contains(c);
    });
    if (it == text.cend())
        return std::nullopt;
    const qsizetype index = it - text.cbegin();
    const qsizetype length = it->isHighSurrogate() && index + 1 < text.size() ? 2 : 1;
    const QStringView character = QStringView(text).mid(index, length);
    const QString again = QStringLiteral("copy %1 again, in one piece").arg(what);
    if (*it == u' ')
        return CharacterDefect{QStringLiteral("%1 contains spaces (the first at position %2)")
                                   .arg(what)
                                   .arg(index + 1),
                               again, true};
    if (it->isSpace() || isInvisible(*it))
        return CharacterDefect{QStringLiteral("%1 contains an invisible character (%2) at "
                                              "position %3")
                                   .arg(what, shownCharacter(character))
                                   .arg(index + 1),
                               again, true};
    return CharacterDefect{QStringLiteral("%1 contains the character \"%2\" at position %3")
                               .arg(what, shownCharacter(character))
                               .arg(index + 1),
                           QStringLiteral("copy %1 again: it has only %2").arg(what, allowedWords)};
}

} // namespace Pterodisbot::Validation
