#include "TerminalSetup.h"

#include <cstdio>
#include <unistd.h>

#include <QNetworkAccessManager>

#include "config/ConfigLoader.h"
#include "config/SecretStore.h"
#include "SecretPrompt.h"

namespace Pterodisbot {

bool TerminalSetup::inputIsTerminal()
{
    return ::isatty(STDIN_FILENO);
}

QString TerminalSetup::notATerminalText()
{
    return QStringLiteral("--setup asks questions; run it in a terminal, or write config.ini "
                          "yourself and check it with --check-config");
}

QCoro::Task<int> TerminalSetup::run(QString configPath)
{
    QNetworkAccessManager nam;
    SecretStore secrets;
    TerminalSetup console;
    SetupDialogueOptions options;
    options.nam = &nam;
    options.secrets = &secrets;
    options.configPath = configPath.isEmpty() ? ConfigLoader::defaultPath() : configPath;
    SetupDialogue dialogue(&console, options);
    switch (co_await dialogue.run()) {
    case SetupDialogue::Outcome::Written:
        co_return Written;
    case SetupDialogue::Outcome::Aborted:
        std::fputs("Setup aborted; nothing was written.\n", stderr);
        co_return NotWritten;
    case SetupDialogue::Outcome::WriteFailed:
        co_return NotWritten;
    }
    co_return NotWritten;
}

std::optional<QString> TerminalSetup::ask(const QString &prompt, bool hidden)
{
    const TerminalLine line = readTerminalLine(prompt, hidden);
    if (!line.error.isEmpty()) {
        std::fprintf(stderr, "pterodisbot: %s\n", qUtf8Printable(line.error));
        return std::nullopt;
    }
    if (line.ended)
        return std::nullopt;
    return line.value;
}

void TerminalSetup::say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(text));
    std::fflush(stdout);
}

} // namespace Pterodisbot
