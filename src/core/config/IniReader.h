#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Pterodisbot {

//! One `key = value` line of an ini file.
struct IniEntry
{
    QString section; //!< lower case; empty before the first [section]
    QString key;     //!< lower case
    QString value;   //!< outer quotes removed, otherwise verbatim
    int line = 0;    //!< 1-based
    //! Non-empty when the line is malformed in a way that names its key (an unclosed quote, a
    //! control character in the value, the key on its [section] header's line): the loader
    //! reports it as an error of that key and does not use the value.
    QString defect;
};

struct IniSyntaxError
{
    int line = 0;
    QString message;
};

struct IniDocument
{
    QList<IniEntry> entries;
    QList<IniSyntaxError> errors;
    QStringList sections; //!< every [section] header seen, lower case, in order
};

//! A deliberately small, strict ini reader. QSettings would split values at commas and
//! treat ';' as the start of a comment, which mangles role names and secrets; here a value
//! is the rest of the line after the first '=', trimmed. Comments are whole lines starting
//! with ';' or '#'. A value wrapped in double quotes loses them and \" and \\ inside are
//! unescaped; a value in single quotes loses them with no escapes.
//! Line ends may be LF, CRLF or a lone CR (old Mac files); each ends one line.
//! Error messages never quote a value: they show safeExcerpt() of the line.
IniDocument parseIni(QStringView text);

//! \a text cut into lines at LF, CRLF and lone CR.
QList<QStringView> splitIniLines(QStringView text);

} // namespace Pterodisbot
