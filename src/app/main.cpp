#include "CommandLine.h"
#include "logging.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Pterodisbot;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pterodisbot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PTERODISBOT_VERSION));
    installRedactingMessageHandler();
    const CommandLine command = CommandLine::parse(QCoreApplication::arguments());
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "pterodisbot: %s (see --help)\n", qUtf8Printable(command.error));
        return 2;
    }
    return 0;
}
