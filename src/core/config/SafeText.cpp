#include "SafeText.h"

#include "ConfigLoader.h"
#include "ConfigProblem.h"
#include "ConfigSchema.h"
#include "logging.h"
#include "pterodactyl/PanelKeys.h"

#include <QSet>

namespace Pterodisbot {
namespace {

const QString ellipsis = QStringLiteral("…");

// Words are what masking judges: runs between spaces, invisible characters and ini punctuation.
bool separatesWords(QChar c)
{
    static const QString punctuation = QStringLiteral("[]\"'=;#,:()<>{}");
    return c.isSpace() || isInvisible(c) || punctuation.contains(c);
}

template<typename Function>
void forEachWord(QStringView text, Function &&function)
{
    qsizetype i = 0;
    while (i < text.size()) {
        if (separatesWords(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && !separatesWords(text.at(end)))
            ++end;
        function(text.mid(i, end - i));
        i = end;
    }
}

// Section, key and environment names in lower case: shown even when long and mixed case.
const QSet<QString> &vocabulary()
{
    static const QSet<QString> names = [] {
        QSet<QString> set;
        for (const QString &section : configSections())
            set.insert(section);
        for (const ConfigKey &key : configSchema()) {
            set.insert(key.name);
            set.insert(key.id());
            set.insert(key.environmentName().toLower());
        }
        return set;
    }();
    return names;
}

// The names a secret key goes by: its name, its id and its environment variable, lower case.
const QStringList &secretNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const ConfigKey &key : configSchema()) {
            if (key.isSecret())
                list << key.name << key.id() << key.environmentName().toLower();
        }
        return list;
    }();
    return names;
}

bool mayBeSecret(QStringView word)
{
    if (word.size() >= 6 && overlapsSecret(word))
        return true;
    const QString text = word.toString();
    if (looksLikeSecret(text))
        return true;
    if (word.size() < 12 || vocabulary().contains(text.toLower()))
        return false;
    bool digit = false;
    bool letter = false;
    bool upper = false;
    bool lower = false;
    for (const QChar c : word) {
        digit = digit || c.isDigit();
        letter = letter || c.isLetter();
        upper = upper || c.isUpper();
        lower = lower || c.isLower();
    }
    return (digit && letter) || (upper && lower);
}

QString maskWord(QStringView word)
{
    const QString text = word.toString();
    if (panelKeyKind(text) != PanelKeyKind::Unknown)
        return text.left(5) + ellipsis;
    return ellipsis;
}

QString withoutInvisible(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        if (!isInvisible(c))
            result.append(c);
    }
    return result;
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\'');
}

QString withoutOuterQuotes(QStringView text)
{
    while (!text.isEmpty() && isQuote(text.front()))
        text = text.mid(1);
    while (!text.isEmpty() && isQuote(text.back()))
        text.chop(1);
    return text.trimmed().toString();
}

void addWordsShapedLikeSecrets(QStringView text, QStringList &found)
{
    forEachWord(text, [&](QStringView word) {
        const QString candidate = word.toString();
        if (looksLikeSecret(candidate))
            found << candidate;
    });
}

// The name a malformed key part was most likely meant to be: its last word, lower case,
// without invisible characters ("[discord] to\0ken" -> "token").
QString intendedKeyName(QStringView keyPart)
{
    const QString visible = withoutInvisible(keyPart).toLower();
    QString last;
    forEachWord(visible, [&](QStringView word) { last = word.toString(); });
    return last;
}

} // namespace

bool isInvisible(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

QString escapeInvisible(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        if (!isInvisible(c)) {
            result.append(c);
            continue;
        }
        switch (c.unicode()) {
        case 0:
            result += QStringLiteral("\\0");
            break;
        case '\t':
            result += QStringLiteral("\\t");
            break;
        case '\n':
            result += QStringLiteral("\\n");
            break;
        case '\r':
            result += QStringLiteral("\\r");
            break;
        default:
            result += c.unicode() < 0x100
                          ? QStringLiteral("\\x%1").arg(uint(c.unicode()), 2, 16, QLatin1Char('0'))
                          : QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        }
    }
    return result;
}

QString maskedText(QStringView text, qsizetype maxLength)
{
    QString result;
    qsizetype i = 0;
    while (i < text.size() && result.size() <= maxLength) {
        if (separatesWords(text.at(i))) {
            result += escapeInvisible(text.mid(i, 1));
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && !separatesWords(text.at(end)))
            ++end;
        const QStringView word = text.mid(i, end - i);
        result += mayBeSecret(word) ? maskWord(word) : word.toString();
        i = end;
    }
    if (result.size() > maxLength) {
        result.truncate(maxLength);
        if (!result.isEmpty() && result.back().isHighSurrogate())
            result.chop(1);
        result += ellipsis;
    } else if (i < text.size()) {
        result += ellipsis;
    }
    return result;
}

QString safeExcerpt(QStringView text, qsizetype maxLength)
{
    text = text.trimmed();
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals < 0)
        return maskedText(text, maxLength);
    const QStringView keyPart = text.left(equals).trimmed();
    const bool hasValue = !text.mid(equals + 1).trimmed().isEmpty();
    const QString shownKey = keyPart.isEmpty() ? QString() : maskedText(keyPart, maxLength) + u' ';
    return shownKey + (hasValue ? QStringLiteral("= …") : QStringLiteral("="));
}

QStringList secretCandidates(QStringView line)
{
    QStringList found;
    addWordsShapedLikeSecrets(line, found);
    const QString visible = withoutInvisible(line);
    if (visible.size() != line.size())
        addWordsShapedLikeSecrets(visible, found);

    const qsizetype equals = line.indexOf(QLatin1Char('='));
    if (equals < 0)
        return found;
    const QString name = intendedKeyName(line.left(equals));
    if (name.isEmpty() ||
        (!secretNames().contains(name) && closestMatch(name, secretNames()).isEmpty()))
        return found;
    const QStringView value = line.mid(equals + 1).trimmed();
    found << value.toString() << withoutOuterQuotes(value);
    const QString visibleValue = withoutInvisible(value);
    found << visibleValue << withoutOuterQuotes(visibleValue);
    // The pieces a NUL or a stray quote cut the value into.
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i < value.size() && !isInvisible(value.at(i)) && !isQuote(value.at(i)))
            continue;
        const QString piece = value.mid(start, i - start).trimmed().toString();
        if (!piece.isEmpty())
            found << piece;
        start = i + 1;
    }
    // And its long words (a token after "Bot " or a stray escape sequence); short ones could be
    // ordinary words that redaction would then blank out everywhere.
    forEachWord(value, [&](QStringView word) {
        if (word.size() >= 16)
            found << word.toString();
    });
    found.removeDuplicates();
    found.removeAll(QString());
    return found;
}

bool isSecretVariable(const QString &name)
{
    const QString lower = name.toLower();
    QStringList variables;
    for (const ConfigKey &key : configSchema()) {
        if (key.isSecret())
            variables << key.environmentName().toLower();
    }
    return variables.contains(lower) || !closestMatch(lower, variables).isEmpty();
}

} // namespace Pterodisbot
