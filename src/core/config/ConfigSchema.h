#pragma once

#include "Config.h"

#include <functional>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Pterodisbot {

//! The description of one configuration key: the single list that the loader, the
//! validator, the GUI and the documentation test all read.
struct ConfigKey
{
    enum class Type { Text, Secret, Snowflake, Url, Integer, Boolean, Choice, Path };

    QString section; //!< "discord", "pterodactyl" or "bot"
    QString name;    //!< "token", "update_interval", ...
    Type type = Type::Text;
    bool required = false;
    QString defaultText; //!< the default as documented ("" = empty)
    int minimum = 0;     //!< Integer only
    int maximum = 0;     //!< Integer only
    QStringList choices; //!< Choice only
    QString unit;        //!< "s", "points", "samples", "requests" or empty
    QString description;

    std::function<QVariant(const Config &)> get;
    std::function<void(Config &, const QVariant &)> set;

    //! "section.name"
    QString id() const { return section + QLatin1Char('.') + name; }
    //! PTERODISBOT_<SECTION>_<NAME>
    QString environmentName() const;
    bool isSecret() const { return type == Type::Secret; }
};

//! Every key in the order of the documentation.
const QList<ConfigKey> &configSchema();

//! The key with \a id ("section.name"), or nullptr.
const ConfigKey *findConfigKey(const QString &id);

//! The three section names in documentation order.
QStringList configSections();

//! The environment variable name of \a section and \a name.
QString configEnvironmentName(const QString &section, const QString &name);

} // namespace Pterodisbot
