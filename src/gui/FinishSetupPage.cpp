#include "FinishSetupPage.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include "config/ConfigWriter.h"
#include "config/SecretStore.h"
#include "SetupDraft.h"
#include "SetupVerdict.h"

namespace Pterodisbot {

FinishSetupPage::FinishSetupPage(SetupDraft *draft, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_summary(new QLabel(this))
    , m_report(new QLabel(this))
    , m_retry(new QPushButton(tr("&Try again"), this))
{
    setTitle(tr("Save and start"));
    setSubTitle(tr("Your secrets go to the system's keychain, the rest to the configuration "
                   "file; then the bot starts."));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_report->setWordWrap(true);
    m_report->setTextFormat(Qt::RichText);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] { save(); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(12);
    layout->addWidget(m_report);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

FinishSetupPage::~FinishSetupPage() = default;

void FinishSetupPage::initializePage()
{
    const Config &config = m_draft->config;
    QString alertChannel = config.discord.alertChannelId;
    for (const ChannelInfo &channel : std::as_const(m_draft->channels)) {
        if (channel.id == alertChannel)
            alertChannel = QStringLiteral("#") + channel.name;
    }
    m_summary->setText(
        tr("<b>Panel:</b> %1<br><b>Discord server:</b> %2, control role %3<br><b>Updates:</b> "
           "every %4 s, statistics by %5, alerts %6<br><b>Configuration file:</b> %7")
            .arg(config.pterodactyl.panelUrl.toString().toHtmlEscaped(),
                 m_draft->guildName.toHtmlEscaped(), m_draft->controlRoleName.toHtmlEscaped())
            .arg(config.bot.updateInterval)
            .arg(config.pterodactyl.statsSource == StatsSource::WebSocket ? tr("websocket")
                                                                          : tr("polling"),
                 config.discord.alertChannelId.isEmpty()
                     ? tr("off")
                     : tr("in %1").arg(alertChannel.toHtmlEscaped()),
                 m_draft->configPath.toHtmlEscaped()));
    save();
}

void FinishSetupPage::cleanupPage()
{
    m_lines.clear();
    m_report->clear();
    m_saved = false;
}

void FinishSetupPage::say(const QString &html)
{
    m_lines << html;
    m_report->setText(m_lines.join(QStringLiteral("<br>")));
}

QCoro::Task<> FinishSetupPage::save()
{
    if (m_saving)
        co_return;
    QPointer<FinishSetupPage> self(this);
    m_saving = true;
    m_saved = false;
    m_retry->hide();
    m_lines.clear();
    emit completeChanged();
    Config config = m_draft->config;

    const std::pair<SecretKind, QString> secrets[] = {
        {SecretKind::DiscordToken, config.discord.token},
        {SecretKind::ClientKey, config.pterodactyl.clientKey},
        {SecretKind::ApplicationKey, config.pterodactyl.applicationKey}};
    m_inKeychain = m_draft->secrets != nullptr;
    QString keychainProblem;
    say(SetupVerdict::pending(tr("Storing the secrets in the keychain…")));
    for (const auto &[kind, value] : secrets) {
        if (!m_inKeychain)
            break;
        const KeychainResult stored = value.isEmpty()
                                          ? co_await m_draft->secrets->removeFromKeychain(kind)
                                          : co_await m_draft->secrets->storeInKeychain(kind, value);
        if (!self)
            co_return;
        if (!stored.ok) {
            m_inKeychain = false;
            keychainProblem = stored.errorString;
        }
    }
    m_lines.clear();
    if (m_inKeychain) {
        say(SetupVerdict::html(true, tr("The token and the panel keys are in the keychain.")));
    } else {
        say(SetupVerdict::warning(
            tr("No keychain answered%1: the secrets go into the configuration file instead, "
               "readable only by you (mode 0600).")
                .arg(keychainProblem.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(keychainProblem)),
            tr("Anyone who can log in as you can read them there; a keychain (GNOME Keyring, "
               "KWallet) keeps them safer.")));
    }
    config.bot.useKeychain = m_inKeychain;
    const ConfigWriteResult written = writeConfigFile(m_draft->configPath, config, !m_inKeychain);
    m_saving = false;
    if (!written.ok) {
        say(SetupVerdict::html(false, written.error,
                               tr("Make the folder writable for your user (or free space on "
                                  "its disk), then try again; or start pterodisbot with --config "
                                  "and a file in a folder you can write.")));
        m_retry->show();
        emit saved(false);
        emit completeChanged();
        co_return;
    }
    m_draft->config = config;
    m_saved = true;
    say(SetupVerdict::html(true, tr("Configuration written to %1.").arg(m_draft->configPath)));
    say(tr("Press <b>Finish</b> to start the bot; the window shows it connecting."));
    emit saved(true);
    emit completeChanged();
}

QString FinishSetupPage::report() const
{
    return m_report->text();
}

bool FinishSetupPage::isComplete() const
{
    return m_saved && !m_saving;
}

} // namespace Pterodisbot
