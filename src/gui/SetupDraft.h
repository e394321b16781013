#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include "config/Config.h"
#include "setup/SetupModels.h"

namespace Pterodisbot {

class SecretStore;

//! What the first-run assistant's pages share: the services they check against and the
//! configuration they fill in, page by page.
struct SetupDraft
{
    QNetworkAccessManager *nam = nullptr;
    SecretStore *secrets = nullptr;
    //! Discord's REST API; empty: Discord's own (tests and the demo point it at a simulator).
    QUrl discordApiUrl;
    //! Where the configuration is written.
    QString configPath;

    Config config;
    //! The chosen guild's text channels (the behaviour page offers them for alerts).
    QList<ChannelInfo> channels;
    //! Names of what the ids in config stand for, for the summary.
    QString guildName;
    QString controlRoleName;
};

} // namespace Pterodisbot
