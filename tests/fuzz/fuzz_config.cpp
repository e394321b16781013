// The ini reader and the configuration loader: the input is config.ini. Everything the
// loader reads is then judged by the validator, as --check-config does.

#include "FuzzSupport.h"

#include "config/ConfigLoader.h"
#include "config/ConfigReport.h"
#include "config/ConfigValidator.h"
#include "config/IniReader.h"

using namespace Pterodisbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    (void)parseIni(text);
    const ConfigLoader loader{QProcessEnvironment()};
    ConfigLoadResult result = loader.loadText(text, QStringLiteral("/nonexistent/config.ini"));
    result.problems += validateConfig(result.config, result.problems);
    (void)formatProblems(result.problems, result.config);
    (void)formatConfigSummary(result.config);
    return 0;
}
