#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QtGlobal>

namespace Pterodisbot {

//! The bytes the redacting handler writes for one message: one line per line of \a text, each
//! a complete record (a trailing newline of \a text adds no empty line).
//!
//! With \a journald (stderr is the systemd journal) a line starts with the level as an
//! sd-daemon(3) priority prefix and has no timestamp, since the journal stamps every line
//! itself: `<4>warning [pterodisbot.gateway] heartbeat missed`. Otherwise it starts with
//! \a timestamp in local ISO 8601 with milliseconds:
//! `2026-12-07 16:45:03.123 warning [pterodisbot.gateway] heartbeat missed`.
//! Every line of a multi-line message repeats the prefix: the journal makes an entry of each
//! line, and a continuation without one would lose its priority (and a file's line its time).
QByteArray formatLogLine(QtMsgType type, QStringView category, QStringView text,
                         const QDateTime &timestamp, bool journald);

//! The syslog priority of \a type as sd-daemon(3) defines the prefixes: debug 7, info 6,
//! warning 4, critical 3, fatal 2.
int syslogPriority(QtMsgType type);

//! The level's name in log lines: debug, info, warning, critical, fatal.
const char *levelName(QtMsgType type);

//! True when \a journalStream (the value of `JOURNAL_STREAM`, "device:inode" in decimal) names
//! the file \a fd is open on. systemd sets the variable when it connects stdout or stderr to
//! the journal; a child whose stderr was redirected elsewhere inherits the variable, so the
//! value alone proves nothing.
bool isJournalStream(int fd, QByteArrayView journalStream);

//! Writes one message to stderr in the redacting handler's format (journald-aware) without
//! going through Qt's message handler: for the logging machinery's own problems, which must
//! not recurse into it. \a text is written as given (not redacted).
void writeStderrLine(QtMsgType type, QStringView category, QStringView text);

} // namespace Pterodisbot
