#include "ValidationChecker.h"

#include "ConfigSchema.h"

#include <algorithm>

namespace Pterodisbot::Validation {

Checker::Checker(const Config &config, const QList<ConfigProblem> &earlier)
    : m_config(config)
    , m_earlier(earlier)
{}

bool Checker::hasEarlierError(const QString &key) const
{
    return std::any_of(m_earlier.cbegin(), m_earlier.cend(),
                       [&](const ConfigProblem &p) { return p.isError() && p.key == key; });
}

void Checker::value(Severity severity, const QString &key, const QString &message,
                    const QString &hint)
{
    QString text = message;
    const ConfigKey *description = findConfigKey(key);
    if (description && m_config.sourceOf(key) == ValueSource::Environment)
        text += QStringLiteral(" (from %1)").arg(description->environmentName());
    else if (m_config.sourceOf(key) == ValueSource::Keychain)
        text += QStringLiteral(" (from the keychain)");
    problems.append({severity, key, text, hint});
}

void Checker::missing(const QString &key, const QString &what, const QString &hint)
{
    if (hasEarlierError(key))
        return;
    const ConfigKey *description = findConfigKey(key);
    problems.append({Severity::Error, key, QStringLiteral("missing: %1").arg(what),
                     hint + QStringLiteral(" (or set %1)").arg(description->environmentName())});
}

} // namespace Pterodisbot::Validation
