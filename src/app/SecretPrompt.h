#pragma once

#include <QString>

namespace Pterodisbot {

//! A secret read from stdin, or why none could be read.
struct SecretInput
{
    QString value;
    QString error; //!< empty when the value was read (the value itself may still be empty)
};

//! Reads one secret from stdin for `--store-secret`. On a terminal: asks on stderr ("Paste
//! \a title and press Enter (input is hidden):") and reads one line with echo off; the terminal
//! is restored on every path, also when SIGINT, SIGTERM, SIGHUP or SIGQUIT ends the program
//! while it waits. Otherwise (a pipe or a file): reads all of stdin without one trailing
//! newline ("\n" or "\r\n"). The value is never echoed.
SecretInput readSecret(const QString &title);

//! One line typed on the terminal, or why none was.
struct TerminalLine
{
    QString value;      //!< without its line ending
    bool ended = false; //!< the input ended (Ctrl+D) before a line was typed
    QString error;      //!< empty when a line was read or the input ended
};

//! Reads one line from stdin, which is a terminal, after writing \a prompt to stdout (for
//! `--setup`). With \a hidden the echo is off while it waits, restored as readSecret() does; the
//! value is never echoed.
TerminalLine readTerminalLine(const QString &prompt, bool hidden);

} // namespace Pterodisbot
