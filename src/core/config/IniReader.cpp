#include "IniReader.h"

#include "SafeText.h"

namespace Pterodisbot {
namespace {

QString unquote(const QString &value)
{
    if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) &&
        value.endsWith(QLatin1Char('\'')))
        return value.mid(1, value.size() - 2);
    if (value.size() < 2 || !value.startsWith(QLatin1Char('"')) ||
        !value.endsWith(QLatin1Char('"')))
        return value;
    const QStringView inner = QStringView(value).mid(1, value.size() - 2);
    QString result;
    result.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner.at(i);
        if (c == QLatin1Char('\\') && i + 1 < inner.size() &&
            (inner.at(i + 1) == QLatin1Char('"') || inner.at(i + 1) == QLatin1Char('\\'))) {
            result.append(inner.at(++i));
            continue;
        }
        result.append(c);
    }
    return result;
}

bool isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('-') &&
            c != QLatin1Char('.'))
            return false;
    }
    return true;
}

QString defectOf(QStringView value)
{
    for (const QChar c : value) {
        if (isInvisible(c) && c != QLatin1Char('\t'))
            return QStringLiteral("the value contains a control character (%1)")
                .arg(escapeInvisible(QStringView(&c, 1)));
    }
    const QChar first = value.isEmpty() ? QChar() : value.front();
    if ((first == QLatin1Char('"') || first == QLatin1Char('\'')) &&
        (value.size() < 2 || value.back() != first))
        return QStringLiteral("the value opens a %1 quote that is not closed").arg(first);
    return {};
}

} // namespace

QList<QStringView> splitIniLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            continue;
        lines.append(text.mid(start, i - start));
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    lines.append(text.mid(start));
    return lines;
}

IniDocument parseIni(QStringView text)
{
    IniDocument document;
    if (text.startsWith(QChar(0xfeff)))
        text = text.mid(1);
    QString section;
    int lineNumber = 0;
    for (const QStringView rawLine : splitIniLines(text)) {
        ++lineNumber;
        QStringView line = rawLine.trimmed();
        QString sameLineDefect;
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')) ||
            line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const qsizetype close = line.indexOf(QLatin1Char(']'));
            const QStringView name = close > 0 ? line.mid(1, close - 1).trimmed() : QStringView();
            const QStringView rest = close > 0 ? line.mid(close + 1).trimmed() : QStringView();
            if (!isValidName(name) || (!rest.isEmpty() && !rest.contains(QLatin1Char('=')))) {
                document.errors.append({lineNumber, QStringLiteral("malformed section header "
                                                                   "\"%1\"; write it as [name]")
                                                        .arg(safeExcerpt(line))});
                // Keys below a broken header must not land in the previous section.
                section = QStringLiteral("?");
                continue;
            }
            section = name.toString().toLower();
            document.sections.append(section);
            if (rest.isEmpty())
                continue;
            // "[discord] token = ..." on one line: the header counts, the key is reported.
            sameLineDefect = QStringLiteral("the key is on the same line as the [%1] header; "
                                            "start a new line after ]")
                                 .arg(section);
            line = rest;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0) {
            // Only a masked excerpt: the line may well be a pasted secret.
            document.errors.append(
                {lineNumber, QStringLiteral("expected key = value, but the line has no '=': \"%1\"")
                                 .arg(safeExcerpt(line))});
            continue;
        }
        const QStringView key = line.left(equals).trimmed();
        if (!isValidName(key)) {
            document.errors.append(
                {lineNumber, QStringLiteral("missing or malformed key name before '=': \"%1\"")
                                 .arg(safeExcerpt(rawLine))});
            continue;
        }
        if (section == QLatin1String("?"))
            continue;
        const QStringView value = line.mid(equals + 1).trimmed();
        const QString defect = sameLineDefect.isEmpty() ? defectOf(value) : sameLineDefect;
        document.entries.append(
            {section, key.toString().toLower(), unquote(value.toString()), lineNumber, defect});
    }
    return document;
}

} // namespace Pterodisbot
