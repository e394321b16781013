#include "SetupAssistant.h"

#include <QProcessEnvironment>

#include "config/ConfigLoader.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"

namespace Pterodisbot {

SetupAssistant::SetupAssistant(QString configPath, QObject *parent)
    : QObject(parent)
    , m_configPath(configPath.isEmpty() ? ConfigLoader::defaultPath() : std::move(configPath))
{}

SetupAssistant::~SetupAssistant()
{
    delete m_wizard;
    delete m_settings;
}

SetupWizard *SetupAssistant::wizard() const
{
    return m_wizard;
}

void SetupAssistant::openSettings(const Config &current, QWidget *parent)
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(current, {&m_nam, &m_secrets, m_configPath}, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &SetupAssistant::configurationWritten);
    m_settings = dialog;
    dialog->show();
}

void SetupAssistant::openFromFile(QWidget *parent)
{
    // A broken file still gives what it can; the assistant checks every value again.
    open(ConfigLoader(QProcessEnvironment::systemEnvironment()).load(m_configPath).config, parent);
}

void SetupAssistant::open(const Config &start, QWidget *parent)
{
    if (m_wizard) {
        m_wizard->show();
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    SetupDraft draft;
    draft.nam = &m_nam;
    draft.secrets = &m_secrets;
    draft.configPath = m_configPath;
    draft.config = start;
    // The assistant talks to the Discord the configuration names (a simulator in the demo).
    draft.discordApiUrl = start.discord.apiUrl;
    m_wizard = new SetupWizard(std::move(draft), parent);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &SetupWizard::configurationWritten, this,
            &SetupAssistant::configurationWritten);
    m_wizard->show();
}

} // namespace Pterodisbot
