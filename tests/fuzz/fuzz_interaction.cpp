// INTERACTION_CREATE parsing: the whole input is the `d` of the dispatch.

#include "FuzzSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "bot/CustomId.h"
#include "discord/Interaction.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    QString error;
    const std::optional<Interaction> interaction = Interaction::fromJson(document.object(), &error);
    if (!interaction)
        return 0;
    (void)interaction->describe();
    (void)interaction->option(QStringLiteral("server"));
    const CustomId::Parsed parsed = CustomId::parse(interaction->customId);
    (void)CustomId::forLog(interaction->customId);
    for (const QString &value : interaction->values)
        (void)CustomId::parse(value);
    Q_UNUSED(parsed);
    return 0;
}
