#include "Config.h"

#include "ConfigProblem.h"
#include "ConfigSchema.h"

namespace Pterodisbot {

QString valueSourceName(ValueSource source)
{
    switch (source) {
    case ValueSource::Default:
        return QStringLiteral("default");
    case ValueSource::File:
        return QStringLiteral("file");
    case ValueSource::Environment:
        return QStringLiteral("environment");
    case ValueSource::Keychain:
        return QStringLiteral("keychain");
    }
    return QStringLiteral("default");
}

bool DiscordConfig::controlRoleIsId() const
{
    if (controlRole.isEmpty())
        return false;
    for (const QChar c : controlRole) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

ValueSource Config::sourceOf(const QString &key) const
{
    return m_sources.value(key, ValueSource::Default);
}

void Config::setSource(const QString &key, ValueSource source)
{
    m_sources.insert(key, source);
}

QString Config::valueText(const QString &key) const
{
    const ConfigKey *description = findConfigKey(key);
    if (!description)
        return {};
    const QVariant value = description->get(*this);
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::QUrl:
        return value.toUrl().toString();
    default:
        return value.toString();
    }
}

QString Config::displayValue(const QString &key) const
{
    const ConfigKey *description = findConfigKey(key);
    const QVariant value = description ? description->get(*this) : QVariant();
    // An address with a user name and password is refused by the validator, and shown without.
    const QString text = value.typeId() == QMetaType::QUrl
                             ? value.toUrl().toString(QUrl::RemoveUserInfo)
                             : valueText(key);
    // A secret pasted into an ordinary key is shortened as well.
    return (description && description->isSecret()) || looksLikeSecret(text) ? maskSecret(text)
                                                                             : text;
}

QString maskSecret(const QString &secret)
{
    if (secret.isEmpty())
        return {};
    // Short values would be mostly revealed by five characters; show nothing of them.
    if (secret.size() <= 10)
        return QStringLiteral("…");
    return secret.left(5) + QStringLiteral("…");
}

} // namespace Pterodisbot
