#include "IniReader.h"

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

} // namespace

IniDocument parseIni(QStringView text)
{
    IniDocument document;
    if (text.startsWith(QChar(0xfeff)))
        text = text.mid(1);
    QString section;
    int lineNumber = 0;
    for (QStringView rawLine : text.split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QStringView line = rawLine.trimmed(); // also drops the \r of CRLF files
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')) ||
            line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const QStringView name = line.endsWith(QLatin1Char(']'))
                                         ? line.mid(1, line.size() - 2).trimmed()
                                         : QStringView();
            if (!isValidName(name)) {
                document.errors.append(
                    {lineNumber, QStringLiteral("malformed section header \"%1\"; "
                                                "write it as [name]")
                                     .arg(line.toString())});
                // Keys below a broken header must not land in the previous section.
                section = QStringLiteral("?");
                continue;
            }
            section = name.toString().toLower();
            document.sections.append(section);
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0) {
            // The line is not quoted back: it may well be a pasted secret.
            document.errors.append(
                {lineNumber, QStringLiteral("expected key = value, but the line has no '='")});
            continue;
        }
        const QStringView key = line.left(equals).trimmed();
        if (!isValidName(key)) {
            document.errors.append(
                {lineNumber, QStringLiteral("missing or malformed key name before '='")});
            continue;
        }
        if (section == QLatin1String("?"))
            continue;
        document.entries.append({section, key.toString().toLower(),
                                 unquote(line.mid(equals + 1).trimmed().toString()), lineNumber});
    }
    return document;
}

} // namespace Pterodisbot
