#include "ConfigReport.h"

#include "ConfigSchema.h"
#include "logging.h"

#include <algorithm>

namespace Pterodisbot {
namespace {

QString scrub(QString text, const Config &config)
{
    for (const ConfigKey &key : configSchema()) {
        if (!key.isSecret())
            continue;
        const QString secret = config.valueText(key.id());
        if (secret.size() >= 6)
            text.replace(secret, maskSecret(secret));
    }
    return redact(text);
}

QString plural(qsizetype count, const char *word)
{
    return QStringLiteral("%1 %2%3")
        .arg(count)
        .arg(QLatin1String(word))
        .arg(count == 1 ? QString() : QStringLiteral("s"));
}

} // namespace

QString formatProblems(const QList<ConfigProblem> &problems, const Config &config)
{
    QString text;
    if (config.fileLoaded)
        text += QStringLiteral("Configuration: %1\n").arg(config.filePath);
    else
        text += QStringLiteral("Configuration: environment only (no file read at %1)\n")
                    .arg(config.filePath.isEmpty() ? QStringLiteral("-") : config.filePath);
    QList<ConfigProblem> sorted = problems;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const ConfigProblem &a, const ConfigProblem &b) { return a.isError() && !b.isError(); });
    for (const ConfigProblem &problem : std::as_const(sorted)) {
        text += QStringLiteral("%1 %2: %3\n")
                    .arg(severityName(problem.severity), -7)
                    .arg(problem.key, problem.message);
        if (!problem.hint.isEmpty())
            text += QStringLiteral("        fix: %1\n").arg(problem.hint);
    }
    const qsizetype errors = std::count_if(sorted.cbegin(), sorted.cend(),
                                           [](const ConfigProblem &p) { return p.isError(); });
    const qsizetype warnings = sorted.size() - errors;
    if (sorted.isEmpty())
        text += QStringLiteral("OK: no problems found.\n");
    else if (errors == 0)
        text += QStringLiteral("OK with %1.\n").arg(plural(warnings, "warning"));
    else
        text += QStringLiteral("%1, %2: the bot cannot start until the errors are fixed.\n")
                    .arg(plural(errors, "error"), plural(warnings, "warning"));
    return scrub(text, config);
}

QString describeSource(const Config &config, const QString &key)
{
    const ValueSource source = config.sourceOf(key);
    const ConfigKey *description = findConfigKey(key);
    if (source == ValueSource::Environment && description)
        return QStringLiteral("environment (%1)").arg(description->environmentName());
    return valueSourceName(source);
}

QString formatConfigSummary(const Config &config)
{
    QString text;
    for (const ConfigKey &key : configSchema()) {
        const QString value = config.displayValue(key.id());
        text += QStringLiteral("%1 = %2  [%3]\n")
                    .arg(key.id(), -35)
                    .arg(value.isEmpty() ? QStringLiteral("(empty)") : value,
                         describeSource(config, key.id()));
    }
    return scrub(text, config);
}

} // namespace Pterodisbot
