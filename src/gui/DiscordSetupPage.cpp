#include "DiscordSetupPage.h"

#include <QClipboard>
#include <QCoroTask>
#include <QDesktopServices>
#include <QGuiApplication>

#include "logging.h"
#include "setup/DiscordProbe.h"
#include "setup/FieldChecks.h"
#include "SetupDraft.h"
#include "SetupVerdict.h"
#include "ui_DiscordSetupPage.h"

namespace Pterodisbot {

namespace {

//! Discord's names for the permission bits the bot needs, for "the bot lacks ...".
QStringList permissionNames(quint64 bits)
{
    QStringList names;
    const std::pair<quint64, const char *> known[] = {
        {DiscordPermission::ViewChannel, QT_TRANSLATE_NOOP("DiscordSetupPage", "View Channel")},
        {DiscordPermission::SendMessages, QT_TRANSLATE_NOOP("DiscordSetupPage", "Send Messages")},
        {DiscordPermission::EmbedLinks, QT_TRANSLATE_NOOP("DiscordSetupPage", "Embed Links")},
        {DiscordPermission::AttachFiles, QT_TRANSLATE_NOOP("DiscordSetupPage", "Attach Files")},
        {DiscordPermission::ReadMessageHistory,
         QT_TRANSLATE_NOOP("DiscordSetupPage", "Read Message History")}};
    for (const auto &[bit, name] : known) {
        if (bits & bit)
            names << QCoreApplication::translate("DiscordSetupPage", name);
    }
    return names;
}

} // namespace

DiscordSetupPage::DiscordSetupPage(SetupDraft *draft, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::DiscordSetupPage>())
    , m_draft(draft)
    , m_probe(new DiscordProbe(draft->nam, draft->discordApiUrl, this))
{
    m_ui->setupUi(this);
    m_ui->token->setText(draft->config.discord.token);
    connect(m_ui->token, &QLineEdit::textChanged, this, &DiscordSetupPage::onTokenEdited);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &DiscordSetupPage::check);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &DiscordSetupPage::refreshGuilds);
    connect(m_ui->portalButton, &QPushButton::clicked, this, [] {
        QDesktopServices::openUrl(
            QUrl(QStringLiteral("https://discord.com/developers/applications")));
    });
    connect(m_ui->inviteButton, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(inviteUrl()); });
    connect(m_ui->copyInviteButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(inviteUrl().toString()); });
    connect(m_ui->guild, &QComboBox::currentIndexChanged, this, &DiscordSetupPage::onGuildChosen);
    connect(m_ui->controlRole, &QComboBox::currentIndexChanged, this,
            &DiscordSetupPage::completeChanged);
    onTokenEdited();
}

DiscordSetupPage::~DiscordSetupPage() = default;

void DiscordSetupPage::onTokenEdited()
{
    const QString token = m_ui->token->text().trimmed();
    registerSecret(token);
    const bool verified = m_identity && token == m_verifiedToken;
    if (token == m_checkedToken) {
        // Discord's verdict on exactly this token stays until it is edited.
        m_ui->identity->setText(m_checkResult);
    } else {
        const auto error = FieldChecks::firstError(FieldChecks::botToken(token));
        m_ui->identity->setText(error && !token.isEmpty()
                                    ? SetupVerdict::html(false, error->message, error->hint)
                                    : QString());
    }
    m_ui->checkButton->setEnabled(!m_busy && !token.isEmpty());
    const QList<QWidget *> needVerifiedToken{m_ui->inviteButton, m_ui->copyInviteButton,
                                             m_ui->guild,        m_ui->refreshButton,
                                             m_ui->controlRole,  m_ui->statusRole};
    for (QWidget *widget : needVerifiedToken)
        widget->setEnabled(verified && !m_busy);
    emit completeChanged();
}

void DiscordSetupPage::check()
{
    if (m_busy)
        return;
    const QString token = m_ui->token->text().trimmed();
    m_busy = true;
    m_identity.reset();
    m_checkedToken = token;
    m_checkResult = SetupVerdict::pending(tr("Asking Discord who this token is…"));
    onTokenEdited();
    QCoro::connect(
        m_probe->identify(token), this, [this, token](const ApiResult<BotIdentity> &result) {
            m_busy = false;
            if (!result.ok()) {
                m_checkResult = SetupVerdict::html(false, DiscordProbe::describe(result.error));
                onTokenEdited();
                emit checked(false);
                return;
            }
            m_identity = result.value;
            m_verifiedToken = token;
            m_checkResult = SetupVerdict::html(
                true, tr("Discord knows this token: the bot %1 (application %2).")
                          .arg(m_identity->username, m_identity->applicationId));
            onTokenEdited();
            emit checked(true);
            refreshGuilds();
        });
}

void DiscordSetupPage::refreshGuilds()
{
    if (!m_identity || m_busy)
        return;
    m_busy = true;
    onTokenEdited();
    m_ui->guildResult->setText(SetupVerdict::pending(tr("Listing the servers the bot is in…")));
    QCoro::connect(m_probe->guilds(m_verifiedToken), this,
                   [this](const ApiResult<QList<GuildInfo>> &result) {
                       m_busy = false;
                       onTokenEdited();
                       if (!result.ok()) {
                           m_ui->guildResult->setText(
                               SetupVerdict::html(false, DiscordProbe::describe(result.error)));
                           return;
                       }
                       fillGuilds(result.value);
                   });
}

void DiscordSetupPage::fillGuilds(const QList<GuildInfo> &guilds)
{
    m_guilds = guilds;
    const QString previous = m_ui->guild->currentData().toString();
    const QSignalBlocker blocker(m_ui->guild);
    m_ui->guild->clear();
    for (const GuildInfo &guild : guilds)
        m_ui->guild->addItem(guild.name, guild.id);
    if (guilds.isEmpty()) {
        m_ui->guildResult->setText(
            SetupVerdict::html(false, tr("The bot is in no server yet."),
                               tr("Invite it with the button above, then press Refresh.")));
        m_ui->controlRole->clear();
        m_ui->statusRole->clear();
        emit completeChanged();
        return;
    }
    const int wanted =
        m_ui->guild->findData(previous.isEmpty() ? m_draft->config.discord.guildId : previous);
    m_ui->guild->setCurrentIndex(wanted >= 0 ? wanted : 0);
    onGuildChosen();
}

void DiscordSetupPage::onGuildChosen()
{
    const QString guildId = m_ui->guild->currentData().toString();
    if (guildId.isEmpty() || !m_identity)
        return;
    m_ui->controlRole->clear();
    m_ui->statusRole->clear();
    m_draft->channels.clear();
    emit completeChanged();
    quint64 missing = 0;
    for (const GuildInfo &guild : std::as_const(m_guilds)) {
        if (guild.id == guildId)
            missing = guild.missingPermissions;
    }
    m_ui->guildResult->setText(SetupVerdict::pending(tr("Reading the server's roles…")));
    const QString token = m_verifiedToken;
    QCoro::connect(
        m_probe->roles(token, guildId), this,
        [this, token, guildId, missing](const ApiResult<QList<RoleInfo>> &roles) {
            if (!roles.ok()) {
                m_ui->guildResult->setText(
                    SetupVerdict::html(false, DiscordProbe::describe(roles.error)));
                emit guildLoaded(false);
                return;
            }
            m_ui->statusRole->addItem(tr("Anyone in the server"), QString());
            for (const RoleInfo &role : roles.value) {
                m_ui->controlRole->addItem(role.name, role.id);
                m_ui->statusRole->addItem(role.name, role.id);
            }
            const int control = m_ui->controlRole->findData(m_draft->config.discord.controlRole);
            if (control >= 0)
                m_ui->controlRole->setCurrentIndex(control);
            const QString verdict =
                missing ? SetupVerdict::html(
                              false,
                              tr("The bot lacks these permissions in this server: "
                                 "%1.")
                                  .arg(permissionNames(missing).join(QStringLiteral(", "))),
                              tr("Invite it again with the button above, or give its "
                                 "role these permissions in Server Settings → "
                                 "Roles."))
                : roles.value.isEmpty()
                    ? SetupVerdict::html(false, tr("This server has no role to choose."),
                                         tr("Create a role for the members who may control "
                                            "the game servers (Server Settings → Roles), then "
                                            "press Refresh."))
                    : SetupVerdict::html(true, tr("The bot is in this server with "
                                                  "the permissions it needs."));
            m_ui->guildResult->setText(verdict);
            emit completeChanged();
            QCoro::connect(m_probe->textChannels(token, guildId), this,
                           [this](const ApiResult<QList<ChannelInfo>> &channels) {
                               if (channels.ok())
                                   m_draft->channels = channels.value;
                               emit guildLoaded(channels.ok());
                           });
        });
}

QUrl DiscordSetupPage::inviteUrl() const
{
    return m_identity ? DiscordProbe::inviteUrl(m_identity->applicationId,
                                                m_ui->guild->currentData().toString())
                      : QUrl();
}

QString DiscordSetupPage::identityText() const
{
    return m_ui->identity->text();
}

QString DiscordSetupPage::guildText() const
{
    return m_ui->guildResult->text();
}

bool DiscordSetupPage::isComplete() const
{
    return !m_busy && m_identity && m_ui->token->text().trimmed() == m_verifiedToken &&
           !m_ui->guild->currentData().toString().isEmpty() &&
           !m_ui->controlRole->currentData().toString().isEmpty();
}

bool DiscordSetupPage::validatePage()
{
    if (!isComplete())
        return false;
    DiscordConfig &discord = m_draft->config.discord;
    discord.token = m_verifiedToken;
    discord.applicationId = m_identity->applicationId;
    discord.guildId = m_ui->guild->currentData().toString();
    discord.controlRole = m_ui->controlRole->currentData().toString();
    discord.statusRole = m_ui->statusRole->currentData().toString();
    m_draft->guildName = m_ui->guild->currentText();
    m_draft->controlRoleName = m_ui->controlRole->currentText();
    if (!m_draft->discordApiUrl.isEmpty())
        discord.apiUrl = m_draft->discordApiUrl;
    return true;
}

} // namespace Pterodisbot
