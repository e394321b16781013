#include "SecretPrompt.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <termios.h>
#include <unistd.h>

#include <QByteArray>

namespace Pterodisbot {
namespace {

// A secret is one short line; more than this is the wrong file piped in.
constexpr qsizetype maxInput = 64 * 1024;

constexpr int endingSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// Shared with the signal handler, so plain data written before the handler can run.
struct termios s_savedTerminal;
volatile sig_atomic_t s_echoOff = 0;

void restoreTerminalAndDie(int signalNumber)
{
    if (s_echoOff)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_savedTerminal);
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, "\n", 1);
    // Blocked while this handler runs: delivered on return, with the default action.
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

// Echo off while it lives, with handlers that turn echo back on when a signal ends the program
// instead (a shell left without echo looks broken).
class HiddenInput
{
    Q_DISABLE_COPY_MOVE(HiddenInput)

public:
    HiddenInput()
    {
        if (::tcgetattr(STDIN_FILENO, &s_savedTerminal) != 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return;
        }
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndDie;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(endingSignals); ++i)
            ::sigaction(endingSignals[i], &action, &m_previous[i]);
        struct termios hidden = s_savedTerminal;
        hidden.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL);
        s_echoOff = 1;
        if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden) != 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return;
        }
        m_hidden = true;
    }

    ~HiddenInput()
    {
        // TCSAFLUSH drops what was typed or pasted after the line, so a second pasted line
        // never reaches the shell as a command.
        if (s_echoOff)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_savedTerminal);
        s_echoOff = 0;
        for (std::size_t i = 0; i < std::size(endingSignals); ++i)
            ::sigaction(endingSignals[i], &m_previous[i], nullptr);
    }

    bool isHidden() const { return m_hidden; }
    QString error() const { return m_error; }

private:
    bool m_hidden = false;
    QString m_error;
    struct sigaction m_previous[std::size(endingSignals)] = {};
};

// Reads until \a stopAtNewline finds '\n' (not kept) or stdin ends (then \a ended is set, when
// given); false on a read error or when there is too much.
bool readInput(QByteArray *bytes, bool stopAtNewline, QString *error, bool *ended = nullptr)
{
    char buffer[4096];
    bool ok = true;
    for (;;) {
        const ssize_t count = ::read(STDIN_FILENO, buffer, stopAtNewline ? 1 : sizeof buffer);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            ok = false;
            break;
        }
        if (count == 0 && ended)
            *ended = true;
        if (count == 0 || (stopAtNewline && buffer[0] == '\n'))
            break;
        if (bytes->size() + count > maxInput) {
            *error = QStringLiteral("the input is larger than %1 KiB; a secret is a single line")
                         .arg(maxInput / 1024);
            ok = false;
            break;
        }
        bytes->append(buffer, count);
    }
    ::explicit_bzero(buffer, sizeof buffer);
    return ok;
}

// One line from the terminal, "\r" dropped; \a ended when stdin ended before any byte.
bool readTerminalInput(QByteArray *bytes, QString *error, bool *ended)
{
    bool endOfInput = false;
    const bool ok = readInput(bytes, true, error, &endOfInput);
    if (bytes->endsWith('\r'))
        bytes->chop(1);
    *ended = ok && endOfInput && bytes->isEmpty();
    return ok;
}

} // namespace

TerminalLine readTerminalLine(const QString &prompt, bool hidden)
{
    TerminalLine line;
    std::fputs(qUtf8Printable(prompt), stdout);
    std::fflush(stdout);
    QByteArray bytes;
    bytes.reserve(maxInput + 1);
    QString error;
    bool ok = true;
    if (hidden) {
        HiddenInput hiddenInput;
        if (!hiddenInput.isHidden()) {
            std::fputs("\n", stdout);
            line.error = QStringLiteral("could not turn off echo on the terminal (%1)")
                             .arg(hiddenInput.error());
            return line;
        }
        ok = readTerminalInput(&bytes, &error, &line.ended);
        std::fputs("\n", stdout); // the Enter was not echoed
    } else {
        ok = readTerminalInput(&bytes, &error, &line.ended);
    }
    if (line.ended && !hidden)
        std::fputs("\n", stdout); // Ctrl+D leaves the cursor after the prompt
    std::fflush(stdout);
    if (!ok)
        line.error = QStringLiteral("could not read from the terminal: %1").arg(error);
    else
        line.value = QString::fromUtf8(bytes);
    ::explicit_bzero(bytes.data(), bytes.size());
    return line;
}

SecretInput readSecret(const QString &title)
{
    SecretInput input;
    QByteArray bytes;
    // Reserved once, so growing never leaves copies of the secret in freed memory.
    bytes.reserve(maxInput + 1);
    QString error;
    if (::isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "Paste %s and press Enter (input is hidden): ", qUtf8Printable(title));
        std::fflush(stderr);
        HiddenInput hidden;
        if (!hidden.isHidden()) {
            std::fprintf(stderr, "\n");
            input.error =
                QStringLiteral("could not turn off echo on the terminal (%1); pipe the secret "
                               "in instead")
                    .arg(hidden.error());
            return input;
        }
        const bool ok = readInput(&bytes, true, &error);
        std::fprintf(stderr, "\n"); // the Enter was not echoed
        if (!ok)
            input.error = QStringLiteral("could not read from the terminal: %1").arg(error);
        else if (bytes.endsWith('\r'))
            bytes.chop(1);
    } else if (!readInput(&bytes, false, &error)) {
        input.error = QStringLiteral("could not read stdin: %1").arg(error);
    } else if (bytes.endsWith("\r\n")) {
        bytes.chop(2);
    } else if (bytes.endsWith('\n')) {
        bytes.chop(1);
    }
    if (input.error.isEmpty())
        input.value = QString::fromUtf8(bytes);
    ::explicit_bzero(bytes.data(), bytes.size());
    return input;
}

} // namespace Pterodisbot
