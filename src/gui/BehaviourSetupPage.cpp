#include "BehaviourSetupPage.h"

#include "config/ConfigSchema.h"
#include "SetupDraft.h"
#include "ui_BehaviourSetupPage.h"

namespace Pterodisbot {

BehaviourSetupPage::BehaviourSetupPage(SetupDraft *draft, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::BehaviourSetupPage>())
    , m_draft(draft)
{
    m_ui->setupUi(this);
    // Limits and defaults from the schema the loader and the validator read.
    const ConfigKey *interval = findConfigKey(QStringLiteral("bot.update_interval"));
    m_ui->interval->setRange(interval->minimum, interval->maximum);
    m_ui->interval->setValue(draft->config.bot.updateInterval);
    m_ui->statsSource->addItem(tr("Polling the panel (default)"), QStringLiteral("poll"));
    m_ui->statsSource->addItem(tr("Wings websocket (live)"), QStringLiteral("websocket"));
    m_ui->statsSource->setCurrentIndex(
        draft->config.pterodactyl.statsSource == StatsSource::WebSocket ? 1 : 0);
    connect(m_ui->interval, &QSpinBox::valueChanged, this, &BehaviourSetupPage::updateHelp);
    connect(m_ui->statsSource, &QComboBox::currentIndexChanged, this,
            &BehaviourSetupPage::updateHelp);
    connect(m_ui->alerts, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->alertChannel->setEnabled(on);
        emit completeChanged();
    });
    connect(m_ui->alertChannel, &QComboBox::currentIndexChanged, this,
            &BehaviourSetupPage::completeChanged);
    updateHelp();
}

BehaviourSetupPage::~BehaviourSetupPage() = default;

void BehaviourSetupPage::initializePage()
{
    // The channels of the guild chosen on the previous page.
    const QString wanted = m_draft->config.discord.alertChannelId;
    m_ui->alertChannel->clear();
    for (const ChannelInfo &channel : std::as_const(m_draft->channels)) {
        const QString name =
            channel.categoryName.isEmpty()
                ? QStringLiteral("#") + channel.name
                : QStringLiteral("#%1 (%2)").arg(channel.name, channel.categoryName);
        m_ui->alertChannel->addItem(name, channel.id);
    }
    const int index = m_ui->alertChannel->findData(wanted);
    if (index >= 0)
        m_ui->alertChannel->setCurrentIndex(index);
    m_ui->alerts->setEnabled(!m_draft->channels.isEmpty());
    m_ui->alerts->setChecked(!m_draft->channels.isEmpty() && (index >= 0 || wanted.isEmpty()));
    m_ui->alertChannel->setEnabled(m_ui->alerts->isChecked());
}

void BehaviourSetupPage::updateHelp()
{
    const int seconds = m_ui->interval->value();
    m_ui->intervalHelp->setText(
        tr("How often the bot reads the panel. 10 s is the default: graphs of the recent samples, "
           "and an embed is edited only when something changed (now: every %n s).",
           nullptr, seconds));
    m_ui->statsHelp->setText(
        m_ui->statsSource->currentData().toString() == QLatin1String("websocket")
            ? tr("Live statistics from each tracked server's Wings websocket: state changes "
                 "show at once; needs the panel's websocket to be reachable from here.")
            : tr("The default: the bot asks the panel every interval; a real panel caches "
                 "answers for 20 s, so a start or stop may show a little late."));
}

bool BehaviourSetupPage::isComplete() const
{
    return !m_ui->alerts->isChecked() || m_ui->alertChannel->currentIndex() >= 0;
}

bool BehaviourSetupPage::validatePage()
{
    m_draft->config.bot.updateInterval = m_ui->interval->value();
    m_draft->config.pterodactyl.statsSource =
        m_ui->statsSource->currentData().toString() == QLatin1String("websocket")
            ? StatsSource::WebSocket
            : StatsSource::Poll;
    m_draft->config.discord.alertChannelId =
        m_ui->alerts->isChecked() ? m_ui->alertChannel->currentData().toString() : QString();
    return true;
}

} // namespace Pterodisbot
