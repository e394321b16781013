#include "ConfigProblem.h"

#include "Config.h"
#include "logging.h"
#include "SafeText.h"

#include <algorithm>

#include <QRegularExpression>

namespace Pterodisbot {

bool hasErrors(const QList<ConfigProblem> &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [](const ConfigProblem &problem) { return problem.isError(); });
}

int checkConfigExitCode(const QList<ConfigProblem> &problems)
{
    return hasErrors(problems) ? 1 : 0;
}

bool looksLikeSecret(const QString &text)
{
    // The token part starts only where a run of token characters starts and never gives back
    // what it took: a 5 MB word without a dot costs one pass, not one per starting position.
    static const QRegularExpression secret(
        QStringLiteral("pt(?:lc|la)_|pa(?:cc|pp)_|"
                       "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{20,}+\\.[A-Za-z0-9_-]{6}\\."),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(text).hasMatch();
}

QString quoteValue(const QString &text)
{
    const bool hide = text.size() > 24 || looksLikeSecret(text) || overlapsSecret(text);
    return QLatin1Char('"') + (hide ? escapeInvisible(maskSecret(text)) : maskedText(text)) +
           QLatin1Char('"');
}

QString severityName(ConfigProblem::Severity severity)
{
    return severity == ConfigProblem::Severity::Error ? QStringLiteral("error")
                                                      : QStringLiteral("warning");
}

} // namespace Pterodisbot
