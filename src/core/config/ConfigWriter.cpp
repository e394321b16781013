#include "ConfigWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

#include "ConfigSchema.h"

namespace Pterodisbot {
namespace {

constexpr int kCommentWidth = 96;

//! \a text as "; " comment lines no wider than kCommentWidth.
QString comment(const QString &text)
{
    QString out;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > kCommentWidth - 2) {
            out += QStringLiteral("; ") + line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        out += QStringLiteral("; ") + line + QLatin1Char('\n');
    return out;
}

//! The loader keeps the rest of the line verbatim; quotes are needed only where spaces at the
//! ends or a leading quote would otherwise be lost or misread.
QString quotedIfNeeded(const QString &value)
{
    const bool needsQuotes =
        !value.isEmpty() &&
        (value.front().isSpace() || value.back().isSpace() || value.startsWith(QLatin1Char('"')));
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString requirement(const ConfigKey &key)
{
    QString text = key.required ? QStringLiteral("Required") : QStringLiteral("Optional");
    if (!key.defaultText.isEmpty())
        text += QStringLiteral(", default ") + key.defaultText +
                (key.unit.isEmpty() ? QString() : QLatin1Char(' ') + key.unit);
    return text + QStringLiteral(". Env: ") + key.environmentName();
}

} // namespace

QString renderConfigIni(const Config &config, bool withSecrets)
{
    QString out = QStringLiteral(
        "; Pterodisbot configuration, written by Pterodisbot. Every key is explained in\n"
        "; config.ini.example and docs/configuration.md; pterodisbot --check-config checks it.\n"
        "; Secrets are looked up in the environment, then the OS keychain, then this file.\n");
    for (const QString &section : configSections()) {
        out += QStringLiteral("\n[") + section + QStringLiteral("]\n");
        for (const ConfigKey &key : configSchema()) {
            if (key.section != section)
                continue;
            out += QLatin1Char('\n') + comment(key.description) + comment(requirement(key));
            QString value = config.valueText(key.id());
            if (key.isSecret() && !withSecrets) {
                out += comment(QStringLiteral("Kept in the OS keychain, not in this file."));
                value.clear();
            }
            const bool atDefault = value.isEmpty() || value == key.defaultText;
            out += (atDefault && !key.required ? QStringLiteral("; ") : QString()) + key.name +
                   QStringLiteral(" = ") + (atDefault ? key.defaultText : quotedIfNeeded(value)) +
                   QLatin1Char('\n');
        }
    }
    return out;
}

ConfigWriteResult writeConfigFile(const QString &path, const Config &config, bool withSecrets)
{
    ConfigWriteResult result;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        result.error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return result;
    }
    bool holdsSecret = false;
    if (withSecrets) {
        for (const ConfigKey &key : configSchema())
            holdsSecret = holdsSecret || (key.isSecret() && !config.valueText(key.id()).isEmpty());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    // Before the first byte: a secret must never sit in a file others may read, even briefly.
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    file.setPermissions(holdsSecret ? ownerOnly : ownerOnly | QFile::ReadGroup | QFile::ReadOther);
    file.write(renderConfigIni(config, withSecrets).toUtf8());
    if (!file.commit()) {
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace Pterodisbot
