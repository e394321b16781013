#include "SetupWizard.h"

#include <QIcon>

#include "BehaviourSetupPage.h"
#include "DiscordSetupPage.h"
#include "FinishSetupPage.h"
#include "PanelSetupPage.h"

namespace Pterodisbot {

SetupWizard::SetupWizard(SetupDraft draft, QWidget *parent)
    : QWizard(parent)
    , m_draft(std::move(draft))
    , m_panel(new PanelSetupPage(&m_draft, this))
    , m_discord(new DiscordSetupPage(&m_draft, this))
    , m_behaviour(new BehaviourSetupPage(&m_draft, this))
    , m_finish(new FinishSetupPage(&m_draft, this))
{
    setWindowTitle(tr("Set up Pterodisbot"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/pterodisbot.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/pterodisbot.svg")).pixmap(48));
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(Panel, m_panel);
    setPage(Discord, m_discord);
    setPage(Behaviour, m_behaviour);
    setPage(Finish, m_finish);
    setMinimumSize(720, 560);
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::accept()
{
    emit configurationWritten(m_draft.configPath);
    QWizard::accept();
}

} // namespace Pterodisbot
