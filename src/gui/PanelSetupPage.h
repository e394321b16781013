#pragma once

#include <memory>

#include <QWizardPage>

namespace Ui {
class PanelSetupPage;
}

namespace Pterodisbot {

class PanelProbe;
struct SetupDraft;

//! The assistant's first step: the panel's address and its keys, each refused as you type
//! with `--check-config`'s words, then checked live against the panel (PanelProbe). Next is
//! possible once the panel accepted the client key (and the application key, when given) as
//! they stand.
class PanelSetupPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelSetupPage)

public:
    PanelSetupPage(SetupDraft *draft, QWidget *parent = nullptr);
    ~PanelSetupPage() override;

    bool isComplete() const override;
    bool validatePage() override;

    //! Runs the live check of what is typed (the Check button).
    void check();
    //! What the last check or field check says about the client key and the application key
    //! (tests and screenshots).
    QString clientResult() const;
    QString applicationResult() const;

signals:
    //! A live check finished.
    void checked(bool ok);

private:
    void onEdited();
    //! The values as typed, in one string: a check counts only for what it checked.
    QString typed() const;

    std::unique_ptr<Ui::PanelSetupPage> m_ui;
    SetupDraft *m_draft;
    PanelProbe *m_probe;
    QString m_verified; //!< typed() when the last check succeeded
    bool m_checking = false;
};

} // namespace Pterodisbot
