#pragma once

#include <QWizard>

#include "SetupDraft.h"

namespace Pterodisbot {

class BehaviourSetupPage;
class DiscordSetupPage;
class FinishSetupPage;
class PanelSetupPage;

//! The first-run assistant: panel, Discord, behaviour, then save and start. Every value is
//! checked where the member types it, with `--check-config`'s words, and live against the
//! panel and Discord; finishing leaves a configuration that `--check-config` accepts.
class SetupWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWizard)

public:
    enum Page { Panel, Discord, Behaviour, Finish };

    //! \a draft: the services to check against, where to write, and the values to start from
    //! (a configuration being repaired, or defaults).
    explicit SetupWizard(SetupDraft draft, QWidget *parent = nullptr);
    ~SetupWizard() override;

    //! The configuration as written (valid once configurationWritten() was emitted).
    const Config &config() const { return m_draft.config; }
    QString configPath() const { return m_draft.configPath; }

    PanelSetupPage *panelPage() const { return m_panel; }
    DiscordSetupPage *discordPage() const { return m_discord; }
    BehaviourSetupPage *behaviourPage() const { return m_behaviour; }
    FinishSetupPage *finishPage() const { return m_finish; }

signals:
    //! Finish was pressed after the configuration was written to \a path.
    void configurationWritten(const QString &path);

public slots:
    void accept() override;

private:
    SetupDraft m_draft;
    PanelSetupPage *m_panel;
    DiscordSetupPage *m_discord;
    BehaviourSetupPage *m_behaviour;
    FinishSetupPage *m_finish;
};

} // namespace Pterodisbot
