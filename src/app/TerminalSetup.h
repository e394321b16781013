#pragma once

#include <optional>

#include <QCoroTask>
#include <QString>

#include "setup/SetupDialogue.h"

namespace Pterodisbot {

//! The terminal side of `pterodisbot --setup`: SetupDialogue's questions on stdout, the answers
//! from stdin, secrets with the echo off (SecretPrompt).
class TerminalSetup final : public SetupConsole
{
public:
    //! The exit status of `--setup`.
    enum ExitCode { Written = 0, NotWritten = 1, NotATerminal = 2 };

    //! stdin is a terminal: a pipe or a file cannot answer questions that depend on the answers.
    static bool inputIsTerminal();
    //! Why `--setup` refuses to run without a terminal, and what to do instead.
    static QString notATerminalText();

    //! Asks everything and writes \a configPath (empty: ConfigLoader::defaultPath()); the exit
    //! status.
    static QCoro::Task<int> run(QString configPath);

    std::optional<QString> ask(const QString &prompt, bool hidden) override;
    void say(const QString &text) override;
};

} // namespace Pterodisbot
