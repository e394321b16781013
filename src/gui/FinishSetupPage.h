#pragma once

#include <QCoroTask>
#include <QWizardPage>

class QLabel;
class QPushButton;

namespace Pterodisbot {

struct SetupDraft;

//! The assistant's last step: the secrets go to the OS keychain (or, when none answers, into
//! the config file readable only by the user, after saying so), the config file is written
//! atomically, and Finish starts the bot with it.
class FinishSetupPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinishSetupPage)

public:
    FinishSetupPage(SetupDraft *draft, QWidget *parent = nullptr);
    ~FinishSetupPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    //! What saving did, line by line (tests, screenshots).
    QString report() const;
    //! Whether the secrets went to the keychain (false: into the file).
    bool secretsInKeychain() const { return m_inKeychain; }

signals:
    //! Saving ended; \a ok: the configuration is written.
    void saved(bool ok);

private:
    QCoro::Task<> save();
    void say(const QString &html);

    SetupDraft *m_draft;
    QLabel *m_summary;
    QLabel *m_report;
    QPushButton *m_retry;
    QStringList m_lines;
    bool m_saving = false;
    bool m_saved = false;
    bool m_inKeychain = false;
};

} // namespace Pterodisbot
