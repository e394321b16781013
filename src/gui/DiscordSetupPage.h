#pragma once

#include <memory>
#include <optional>

#include <QWizardPage>

#include "setup/SetupModels.h"

namespace Ui {
class DiscordSetupPage;
}

namespace Pterodisbot {

class DiscordProbe;
struct SetupDraft;

//! The assistant's Discord step: the bot token (refused as you type with `--check-config`'s
//! words, then checked with Discord: the bot's name), the invite link with the scopes and
//! permissions the bot needs, the guilds the bot is in (refreshable after inviting it), and
//! the chosen guild's roles. Next is possible with a token Discord accepted, a guild and a
//! control role.
class DiscordSetupPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordSetupPage)

public:
    DiscordSetupPage(SetupDraft *draft, QWidget *parent = nullptr);
    ~DiscordSetupPage() override;

    bool isComplete() const override;
    bool validatePage() override;

    //! Checks the token with Discord, then lists the bot's guilds (the Check button).
    void check();
    //! Lists the bot's guilds again (the Refresh button).
    void refreshGuilds();
    //! The invite link for the checked token (empty before a successful check).
    QUrl inviteUrl() const;
    QString identityText() const;
    QString guildText() const;

signals:
    //! The token check ended (\a ok: Discord accepted it).
    void checked(bool ok);
    //! The guild's roles and channels arrived (or could not be read).
    void guildLoaded(bool ok);

private:
    void onTokenEdited();
    void onGuildChosen();
    void fillGuilds(const QList<GuildInfo> &guilds);

    std::unique_ptr<Ui::DiscordSetupPage> m_ui;
    SetupDraft *m_draft;
    DiscordProbe *m_probe;
    std::optional<BotIdentity> m_identity;
    QString m_verifiedToken;
    //! The token last checked with Discord and what Discord said about it.
    QString m_checkedToken;
    QString m_checkResult;
    QList<GuildInfo> m_guilds;
    bool m_busy = false;
};

} // namespace Pterodisbot
