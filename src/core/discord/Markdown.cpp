#include "discord/Markdown.h"

#include <QList>

namespace Pterodisbot::Markdown {

namespace {

enum class Lines { Join, Keep };
enum class Escape { None, Markdown };

bool isLineBreak(char32_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

// Invisible characters that hide text, make two names look alike or reorder what surrounds
// them. ZWNJ and ZWJ (U+200C, U+200D) stay: emoji sequences and several scripts need them.
bool isHiding(char32_t c)
{
    return c == 0x061C || c == 0x180E || c == 0x200B || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF ||
           (c >= 0xFFF9 && c <= 0xFFFB);
}

// \a text as code points without controls, line breaks as '\n' (Lines::Keep) or ' '.
QList<char32_t> sanitized(QStringView text, Lines lines)
{
    QList<char32_t> result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = QChar::ReplacementCharacter;
        }
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            continue; // CR LF is one break
        if (isLineBreak(c)) {
            result.append(lines == Lines::Keep ? u'\n' : u' ');
            continue;
        }
        if (c == u'\t') {
            result.append(u' ');
            continue;
        }
        if (QChar::category(c) == QChar::Other_Control || isHiding(c))
            continue;
        result.append(c);
    }
    return result;
}

bool escapedAnywhere(char32_t c)
{
    switch (c) {
    case u'\\':
    case u'*':
    case u'_':
    case u'~':
    case u'`':
    case u'|':
    case u'<':
    case u'@':
    case u'[':
        return true;
    default:
        return false;
    }
}

bool escapedAtLineStart(char32_t c)
{
    return c == u'#' || c == u'>' || c == u'-' || c == u'+';
}

// The pieces the text is cut between: one character each, with its escape if it has one.
QStringList pieces(QStringView text, Lines lines, Escape escape)
{
    const QList<char32_t> chars = sanitized(text, lines);
    QStringList result;
    result.reserve(chars.size());
    bool lineStart = true;      // only spaces since the start of the line
    bool leadingDigits = false; // only digits since then: "1." would start a list
    for (qsizetype i = 0; i < chars.size(); ++i) {
        const char32_t c = chars.at(i);
        QString piece = QString::fromUcs4(&c, 1);
        if (escape == Escape::Markdown) {
            const bool urlColon = c == u':' && i + 2 < chars.size() && chars.at(i + 1) == u'/' &&
                                  chars.at(i + 2) == u'/';
            const bool listDot = c == u'.' && leadingDigits;
            if (escapedAnywhere(c) || urlColon || listDot || (lineStart && escapedAtLineStart(c)))
                piece.prepend(u'\\');
        }
        if (c == u'\n') {
            lineStart = true;
            leadingDigits = false;
        } else if (c == u' ') {
            leadingDigits = false;
        } else {
            leadingDigits = (lineStart || leadingDigits) && c >= u'0' && c <= u'9';
            lineStart = false;
        }
        result.append(piece);
    }
    return result;
}

QString joined(const QStringList &parts, int limit)
{
    qsizetype total = 0;
    for (const QString &part : parts)
        total += part.size();
    if (limit < 0 || total <= limit)
        return parts.join(QString());
    if (limit == 0)
        return {};
    QString result;
    result.reserve(limit);
    for (const QString &part : parts) {
        if (result.size() + part.size() > limit - 1)
            break;
        result += part;
    }
    return result + QChar(0x2026);
}

} // namespace

QString literal(QStringView text, int limit)
{
    return joined(pieces(text, Lines::Join, Escape::Markdown), limit);
}

QString literalLines(QStringView text, int limit)
{
    return joined(pieces(text, Lines::Keep, Escape::Markdown), limit);
}

QString plain(QStringView text, int limit)
{
    return joined(pieces(text, Lines::Join, Escape::None), limit);
}

QString code(QStringView text, int limit)
{
    const QString shown = plain(text, limit < 0 ? limit : qMax(0, limit - 2));
    if (shown.isEmpty() || shown.contains(u'`'))
        return literal(text, limit);
    return u'`' + shown + u'`';
}

} // namespace Pterodisbot::Markdown
