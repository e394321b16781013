#include "ConfigLoader.h"

#include "ConfigSchema.h"
#include "FileAccess.h"
#include "IniReader.h"
#include "logging.h"
#include "SafeText.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>
#include <QStringDecoder>

namespace Pterodisbot {
namespace {

struct RawValue
{
    QString text;
    ValueSource source = ValueSource::Default;
    int line = 0;
};

// Optimal string alignment distance: a swap of two neighbours ("bto" for "bot") counts once.
int editDistance(const QString &a, const QString &b)
{
    QList<QList<int>> d(a.size() + 1, QList<int>(b.size() + 1));
    for (qsizetype i = 0; i <= a.size(); ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= b.size(); ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

QString origin(const RawValue &raw, const ConfigKey &key)
{
    if (raw.source == ValueSource::Environment)
        return QStringLiteral(" (set by %1)").arg(key.environmentName());
    return raw.line > 0 ? QStringLiteral(" (line %1)").arg(raw.line) : QString();
}

QString fileLabel(const QString &filePath)
{
    return filePath.isEmpty() ? QStringLiteral("config.ini") : QFileInfo(filePath).fileName();
}

// The problems a file (or the environment) can repeat once per line. Of each kind the first
// few are listed and the rest counted in one line where the listing stops, so that a file of
// 10,000 unknown sections reads as six lines, not 10,000.
class RepeatLimit
{
public:
    enum class Kind {
        UnreadableLine,
        UnknownSection,
        KeyOutsideSection,
        UnknownKey,
        KeySetTwice,
        UnknownVariable
    };

    static constexpr int listed = 5;

    RepeatLimit(QList<ConfigProblem> &problems, QString fileLabel)
        : m_problems(problems)
        , m_fileLabel(std::move(fileLabel))
    {}

    //! Counts one more problem of \a kind; true when it is only counted (the caller skips it),
    //! false when the caller lists it.
    bool skips(Kind kind)
    {
        Count &count = m_counts[int(kind)];
        if (++count.seen <= listed)
            return false;
        if (count.summary < 0) {
            // Its place: right after the listed ones; the words follow in finish().
            count.summary = m_problems.size();
            m_problems.append(ConfigProblem());
        }
        return true;
    }

    //! Writes the summary lines.
    void finish()
    {
        for (int kind = 0; kind < kindCount; ++kind) {
            const Count &count = m_counts[kind];
            if (count.summary >= 0)
                m_problems[count.summary] = summaryOf(Kind(kind), count.seen - listed);
        }
    }

private:
    static constexpr int kindCount = int(Kind::UnknownVariable) + 1;

    struct Count
    {
        qsizetype seen = 0;
        qsizetype summary = -1; //!< the index of the summary line in m_problems
    };

    ConfigProblem summaryOf(Kind kind, qsizetype more) const
    {
        using Severity = ConfigProblem::Severity;
        const QString number = QLocale(QLocale::English).toString(qlonglong(more));
        const auto line = [&](Severity severity, const QString &key, const char *one,
                              const char *many, const QString &hint) {
            return ConfigProblem{severity, key,
                                 QStringLiteral("… and %1 more %2")
                                     .arg(number, QLatin1String(more == 1 ? one : many)),
                                 hint};
        };
        switch (kind) {
        case Kind::UnreadableLine:
            return line(Severity::Error, m_fileLabel, "line that cannot be read",
                        "lines that cannot be read",
                        QStringLiteral("none of them is used; fix the lines above and check again "
                                       "to see the next ones"));
        case Kind::UnknownSection:
            return line(Severity::Warning, m_fileLabel, "unknown section", "unknown sections",
                        QStringLiteral("their keys are ignored as well; the sections are "
                                       "[discord], [pterodactyl] and [bot]"));
        case Kind::KeyOutsideSection:
            return line(Severity::Warning, m_fileLabel, "key outside any section",
                        "keys outside any section",
                        QStringLiteral("they are ignored as well; put each under its section"));
        case Kind::UnknownKey:
            return line(Severity::Warning, m_fileLabel, "unknown key", "unknown keys",
                        QStringLiteral("they are ignored as well; see config.ini.example for the "
                                       "keys of each section"));
        case Kind::KeySetTwice:
            return line(Severity::Warning, m_fileLabel, "line that sets a key again",
                        "lines that set a key again",
                        QStringLiteral("the last value of each key wins; remove the other lines"));
        case Kind::UnknownVariable:
            return line(Severity::Warning, QStringLiteral("environment"),
                        "unknown environment variable", "unknown environment variables",
                        QStringLiteral("they are ignored as well; man pterodisbot lists the "
                                       "variables"));
        }
        return {};
    }

    QList<ConfigProblem> &m_problems;
    QString m_fileLabel;
    Count m_counts[kindCount];
};

std::optional<bool> parseBoolean(const QString &text)
{
    const QString lower = text.toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("yes") ||
        lower == QLatin1String("on") || lower == QLatin1String("1"))
        return true;
    if (lower == QLatin1String("false") || lower == QLatin1String("no") ||
        lower == QLatin1String("off") || lower == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// \a text with whatever stands between "//" and an '@' of the authority replaced by "…", for an
// address QUrl cannot read: "https://user:p w@host" -> "https://…@host".
QString withoutUserInfo(const QString &text)
{
    const qsizetype start = text.indexOf(QLatin1String("//"));
    if (start < 0)
        return text;
    qsizetype end = start + 2;
    while (end < text.size() && text.at(end) != u'/' && text.at(end) != u'?' &&
           text.at(end) != u'#')
        ++end;
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start + 2)
        return text;
    return text.left(start + 2) + QStringLiteral("…") + text.mid(at);
}

QUrl withoutTrailingSlash(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

QString expandPath(const QString &text, const QString &filePath, ValueSource source)
{
    QString path = text;
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    const QDir base = source == ValueSource::File && !filePath.isEmpty()
                          ? QFileInfo(filePath).absoluteDir()
                          : QDir::current();
    return QDir::cleanPath(base.absoluteFilePath(path));
}

// Turns text into the key's type; returns the problem when it cannot.
std::optional<ConfigProblem> convert(const ConfigKey &key, const RawValue &raw, Config &config,
                                     const QString &filePath)
{
    const QString &text = raw.text;
    switch (key.type) {
    case ConfigKey::Type::Text:
    case ConfigKey::Type::Secret:
    case ConfigKey::Type::Snowflake:
        key.set(config, text);
        return std::nullopt;
    case ConfigKey::Type::Path:
        key.set(config, expandPath(text, filePath, raw.source));
        return std::nullopt;
    case ConfigKey::Type::Url: {
        const QUrl url(text, QUrl::StrictMode);
        // A password in the address is a secret like the keys: never in a log line.
        registerSecret(url.password());
        if (!url.isValid())
            return ConfigProblem{ConfigProblem::Severity::Error, key.id(),
                                 QStringLiteral("%1 is not a valid URL%2")
                                     .arg(quoteValue(withoutUserInfo(text)), origin(raw, key)),
                                 QStringLiteral("write it like https://panel.example.com")};
        key.set(config, withoutTrailingSlash(url));
        return std::nullopt;
    }
    case ConfigKey::Type::Integer: {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok)
            return ConfigProblem{
                ConfigProblem::Severity::Error, key.id(),
                QStringLiteral("%1 is not a whole number%2")
                    .arg(quoteValue(text), origin(raw, key)),
                QStringLiteral("write a number from %1 to %2 (default %3); comments need a line "
                               "of their own")
                    .arg(key.minimum)
                    .arg(key.maximum)
                    .arg(key.defaultText)};
        key.set(config, value);
        return std::nullopt;
    }
    case ConfigKey::Type::Boolean: {
        const std::optional<bool> value = parseBoolean(text);
        if (!value)
            return ConfigProblem{
                ConfigProblem::Severity::Error, key.id(),
                QStringLiteral("%1 is not true or false%2").arg(quoteValue(text), origin(raw, key)),
                QStringLiteral("write true or false (default %1)").arg(key.defaultText)};
        key.set(config, *value);
        return std::nullopt;
    }
    case ConfigKey::Type::Choice: {
        const QString lower = text.toLower();
        if (!key.choices.contains(lower))
            return ConfigProblem{ConfigProblem::Severity::Error, key.id(),
                                 QStringLiteral("%1 is not one of %2%3")
                                     .arg(quoteValue(text), key.choices.join(QStringLiteral(", ")),
                                          origin(raw, key)),
                                 QStringLiteral("write one of: %1 (default %2)")
                                     .arg(key.choices.join(QStringLiteral(", ")), key.defaultText)};
        key.set(config, lower);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

QStringList keyNamesOf(const QString &section)
{
    QStringList names;
    for (const ConfigKey &key : configSchema()) {
        if (key.section == section)
            names.append(key.name);
    }
    return names;
}

// Where a key of an unknown name in [section] was probably meant to go.
ConfigProblem unknownKeyProblem(const IniEntry &entry, const QString &filePath)
{
    const QString shownKey = safeExcerpt(entry.key);
    const QString id = entry.section + QLatin1Char('.') + shownKey;
    ConfigProblem problem{
        ConfigProblem::Severity::Warning, id,
        QStringLiteral("unknown key [%1] %2 (line %3)")
            .arg(entry.section, shownKey)
            .arg(entry.line),
        QStringLiteral("it is ignored; see config.ini.example for the keys of [%1]")
            .arg(entry.section)};
    const QString suggestion = closestMatch(entry.key, keyNamesOf(entry.section));
    if (!suggestion.isEmpty()) {
        problem.message += QStringLiteral(" — did you mean %1?").arg(suggestion);
        problem.hint = QStringLiteral("rename it to %1 in %2").arg(suggestion, fileLabel(filePath));
        return problem;
    }
    for (const QString &section : configSections()) {
        if (section != entry.section && keyNamesOf(section).contains(entry.key)) {
            problem.message += QStringLiteral(" — did you mean [%1] %2?").arg(section, entry.key);
            problem.hint = QStringLiteral("move it to the [%1] section").arg(section);
        }
    }
    return problem;
}

} // namespace

QString closestMatch(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    const QString lower = word.toLower();
    const int allowed = lower.size() >= 8 ? 2 : 1;
    for (const QString &candidate : candidates) {
        // The difference in length is a lower bound of the distance: a 5 MB section name is
        // not compared letter by letter with "discord".
        if (qAbs(lower.size() - candidate.size()) > allowed)
            continue;
        const int distance = editDistance(lower, candidate.toLower());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return bestDistance <= allowed && best != word ? best : QString();
}

ConfigLoader::ConfigLoader(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{}

QStringList ConfigLoader::defaultPaths()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return {QDir::current().absoluteFilePath(QStringLiteral("config.ini")),
            QDir(folder).filePath(QStringLiteral("pterodisbot/config.ini"))};
}

QString ConfigLoader::defaultPath()
{
    const QStringList paths = defaultPaths();
    for (const QString &path : paths) {
        if (QFileInfo::exists(path))
            return path;
    }
    return paths.last();
}

ConfigLoadResult ConfigLoader::load(const QString &explicitPath) const
{
    const QString path = explicitPath.isEmpty() ? defaultPath() : explicitPath;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (explicitPath.isEmpty()) {
            qCDebug(lcConfig) << "no config file at" << path << "- using the environment only";
            return build(QString(), path, false);
        }
        ConfigLoadResult result = build(QString(), path, false);
        result.problems.prepend({ConfigProblem::Severity::Error, QStringLiteral("file"),
                                 QStringLiteral("config file %1 does not exist").arg(path),
                                 QStringLiteral("check the path given to --config, or copy "
                                                "config.ini.example there")});
        return result;
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result = build(QString(), path, false);
        const FileAccessProblem problem = describeUnreadableFile(info, file.errorString());
        result.problems.prepend({ConfigProblem::Severity::Error, QStringLiteral("file"),
                                 problem.message, problem.hint});
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.count('\0') * 4 > bytes.size()) {
        ConfigLoadResult result = build(QString(), path, false);
        result.problems.prepend({ConfigProblem::Severity::Error, QStringLiteral("file"),
                                 QStringLiteral("config file %1 looks like UTF-16 (it is full "
                                                "of NUL bytes)")
                                     .arg(path),
                                 QStringLiteral("save it as UTF-8 text")});
        return result;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        ConfigLoadResult result = build(QString(), path, false);
        result.problems.prepend({ConfigProblem::Severity::Error, QStringLiteral("file"),
                                 QStringLiteral("config file %1 is not valid UTF-8").arg(path),
                                 QStringLiteral("save it as UTF-8 text")});
        return result;
    }
    return build(text, path, true);
}

ConfigLoadResult ConfigLoader::loadText(const QString &text, const QString &filePath) const
{
    return build(text, filePath, true);
}

ConfigLoadResult ConfigLoader::build(const QString &text, const QString &filePath,
                                     bool fileLoaded) const
{
    ConfigLoadResult result;
    Config &config = result.config;
    config.filePath = filePath;
    config.fileLoaded = fileLoaded;

    // Every secret this load has seen, from any line however malformed and from the
    // environment, is registered before the first problem is written.
    for (const QStringView line : splitIniLines(text)) {
        for (const QString &secret : secretCandidates(line))
            registerSecret(secret);
    }
    for (const QString &name : m_environment.keys()) {
        if (!name.startsWith(QLatin1String("PTERODISBOT_")))
            continue;
        const QString value = m_environment.value(name).trimmed();
        if (isSecretVariable(name) || looksLikeSecret(value))
            registerSecret(value);
    }

    const IniDocument document = parseIni(text);
    RepeatLimit repeats(result.problems, fileLabel(filePath));
    using Kind = RepeatLimit::Kind;
    for (const IniSyntaxError &error : document.errors) {
        if (repeats.skips(Kind::UnreadableLine))
            continue;
        result.problems.append({ConfigProblem::Severity::Error,
                                QStringLiteral("%1:%2").arg(fileLabel(filePath)).arg(error.line),
                                error.message,
                                QStringLiteral("fix or remove line %1").arg(error.line)});
    }
    const QStringList sections = configSections();
    QSet<QString> reportedSections;
    for (const QString &section : document.sections) {
        if (sections.contains(section) || reportedSections.contains(section))
            continue;
        reportedSections.insert(section);
        if (repeats.skips(Kind::UnknownSection))
            continue;
        const QString suggestion = closestMatch(section, sections);
        const QString shown = safeExcerpt(section);
        result.problems.append(
            {ConfigProblem::Severity::Warning, QStringLiteral("[%1]").arg(shown),
             suggestion.isEmpty() ? QStringLiteral("unknown section [%1]").arg(shown)
                                  : QStringLiteral("unknown section [%1] — did you mean [%2]?")
                                        .arg(shown, suggestion),
             QStringLiteral("its keys are ignored; the sections are [discord], [pterodactyl] and "
                            "[bot]")});
    }

    QHash<QString, RawValue> values;
    for (const IniEntry &entry : document.entries) {
        if (!entry.defect.isEmpty()) {
            if (repeats.skips(Kind::UnreadableLine))
                continue;
            const QString id = entry.section + QLatin1Char('.') + entry.key;
            const bool known = sections.contains(entry.section) && findConfigKey(id);
            result.problems.append(
                {ConfigProblem::Severity::Error,
                 known ? id : QStringLiteral("%1:%2").arg(fileLabel(filePath)).arg(entry.line),
                 QStringLiteral("%2 (line %1)").arg(entry.line).arg(entry.defect),
                 QStringLiteral("fix line %1; until then its value is not used").arg(entry.line)});
            continue;
        }
        if (entry.section.isEmpty()) {
            if (repeats.skips(Kind::KeyOutsideSection))
                continue;
            const QString shownKey = safeExcerpt(entry.key);
            ConfigProblem problem{ConfigProblem::Severity::Warning, shownKey,
                                  QStringLiteral("key %1 on line %2 is outside any section")
                                      .arg(shownKey)
                                      .arg(entry.line),
                                  QStringLiteral("it is ignored; put it under its section")};
            for (const QString &section : sections) {
                if (keyNamesOf(section).contains(entry.key))
                    problem.hint = QStringLiteral("it is ignored; put it under [%1]").arg(section);
            }
            result.problems.append(problem);
            continue;
        }
        if (!sections.contains(entry.section))
            continue;
        const QString id = entry.section + QLatin1Char('.') + entry.key;
        if (!findConfigKey(id)) {
            if (!repeats.skips(Kind::UnknownKey))
                result.problems.append(unknownKeyProblem(entry, filePath));
            continue;
        }
        if (values.contains(id) && !repeats.skips(Kind::KeySetTwice)) {
            result.problems.append({ConfigProblem::Severity::Warning, id,
                                    QStringLiteral("set twice (lines %1 and %2)")
                                        .arg(values.value(id).line)
                                        .arg(entry.line),
                                    QStringLiteral("the last value wins; remove the other line")});
        }
        values.insert(id, {entry.value, ValueSource::File, entry.line});
    }

    QStringList environmentNames;
    for (const ConfigKey &key : configSchema()) {
        environmentNames.append(key.environmentName());
        const QString fromEnvironment = m_environment.value(key.environmentName()).trimmed();
        if (!fromEnvironment.isEmpty())
            values.insert(key.id(), {fromEnvironment, ValueSource::Environment, 0});
    }
    QStringList unknownVariables;
    for (const QString &name : m_environment.keys()) {
        const bool ours = std::any_of(sections.cbegin(), sections.cend(), [&](const QString &s) {
            return name.startsWith(QStringLiteral("PTERODISBOT_") + s.toUpper() + QLatin1Char('_'));
        });
        if (ours && !environmentNames.contains(name))
            unknownVariables.append(name);
    }
    std::sort(unknownVariables.begin(), unknownVariables.end());
    for (const QString &name : std::as_const(unknownVariables)) {
        if (repeats.skips(Kind::UnknownVariable))
            continue;
        const QString suggestion = closestMatch(name, environmentNames);
        result.problems.append(
            {ConfigProblem::Severity::Warning, name,
             suggestion.isEmpty()
                 ? QStringLiteral("unknown environment variable %1").arg(name)
                 : QStringLiteral("unknown environment variable %1 — did you mean %2?")
                       .arg(name, suggestion),
             QStringLiteral("it is ignored; man pterodisbot lists the variables")});
    }

    for (const ConfigKey &key : configSchema()) {
        const RawValue raw = values.value(key.id());
        if (raw.text.isEmpty())
            continue;
        if (key.isSecret())
            registerSecret(raw.text);
        if (const std::optional<ConfigProblem> problem = convert(key, raw, config, filePath)) {
            result.problems.append(*problem);
            continue;
        }
        config.setSource(key.id(), raw.source);
    }
    repeats.finish();
    if (config.bot.dataDir.isEmpty())
        config.bot.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return result;
}

} // namespace Pterodisbot
