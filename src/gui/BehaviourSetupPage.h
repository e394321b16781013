#pragma once

#include <memory>

#include <QWizardPage>

namespace Ui {
class BehaviourSetupPage;
}

namespace Pterodisbot {

struct SetupDraft;

//! The assistant's behaviour step: the update interval, alerts and their channel, and where
//! the statistics come from, each with its default explained in one line.
class BehaviourSetupPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BehaviourSetupPage)

public:
    BehaviourSetupPage(SetupDraft *draft, QWidget *parent = nullptr);
    ~BehaviourSetupPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateHelp();

    std::unique_ptr<Ui::BehaviourSetupPage> m_ui;
    SetupDraft *m_draft;
};

} // namespace Pterodisbot
