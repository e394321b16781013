#pragma once

#include "Config.h"
#include "ConfigProblem.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace Pterodisbot {

//! A configuration and everything found wrong with it so far.
struct ConfigLoadResult
{
    Config config;
    QList<ConfigProblem> problems;

    //! No errors (warnings allowed).
    bool isValid() const { return !hasErrors(problems); }
};

//! Reads config.ini and the environment (PTERODISBOT_<SECTION>_<KEY>, which wins over the
//! file) into a typed Config, recording where each value came from. It reports what it
//! cannot read (missing explicit file, syntax, unknown keys, values of the wrong type); the
//! meaning of the values is judged by validateConfig().
class ConfigLoader
{
public:
    //! \a environment is the only environment consulted (pass
    //! QProcessEnvironment::systemEnvironment() in the application, a made-up one in tests).
    explicit ConfigLoader(QProcessEnvironment environment = QProcessEnvironment());

    //! Where the configuration is looked for without --config, in order: config.ini in the
    //! working directory, then the per-user file (~/.config/pterodisbot/config.ini on Linux).
    static QStringList defaultPaths();
    //! The first of defaultPaths() that exists, else the per-user one.
    static QString defaultPath();

    //! Loads \a explicitPath, which must exist (the user named it), or defaultPath() when
    //! \a explicitPath is empty, which may be absent if the environment supplies the values.
    ConfigLoadResult load(const QString &explicitPath = QString()) const;

    //! Loads ini \a text as if read from \a filePath (which need not exist); for tests and
    //! the GUI's editor preview.
    ConfigLoadResult loadText(const QString &text, const QString &filePath = QString()) const;

private:
    ConfigLoadResult build(const QString &text, const QString &filePath, bool fileLoaded) const;

    QProcessEnvironment m_environment;
};

//! The closest of \a candidates to \a word when near enough to be a typo, else empty.
QString closestMatch(const QString &word, const QStringList &candidates);

} // namespace Pterodisbot
