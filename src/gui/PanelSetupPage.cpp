#include "PanelSetupPage.h"

#include <QCoroTask>

#include "logging.h"
#include "setup/FieldChecks.h"
#include "setup/PanelProbe.h"
#include "SetupDraft.h"
#include "SetupVerdict.h"
#include "ui_PanelSetupPage.h"

namespace Pterodisbot {

namespace {

QString fieldVerdict(const QList<ConfigProblem> &problems)
{
    const auto error = FieldChecks::firstError(problems);
    return error ? SetupVerdict::html(false, error->message, error->hint) : QString();
}

QString checkVerdict(const PanelCheck &check)
{
    return check.ok ? SetupVerdict::html(true, check.summary, check.hint)
                    : SetupVerdict::html(false, check.problem, check.hint);
}

} // namespace

PanelSetupPage::PanelSetupPage(SetupDraft *draft, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::PanelSetupPage>())
    , m_draft(draft)
    , m_probe(new PanelProbe(draft->nam, this))
{
    m_ui->setupUi(this);
    const PanelConfig &panel = draft->config.pterodactyl;
    if (panel.panelUrl.isValid())
        m_ui->panelUrl->setText(panel.panelUrl.toString());
    m_ui->clientKey->setText(panel.clientKey);
    m_ui->applicationKey->setText(panel.applicationKey);
    for (QLineEdit *edit : {m_ui->panelUrl, m_ui->clientKey, m_ui->applicationKey})
        connect(edit, &QLineEdit::textChanged, this, &PanelSetupPage::onEdited);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &PanelSetupPage::check);
    onEdited();
}

PanelSetupPage::~PanelSetupPage() = default;

QString PanelSetupPage::typed() const
{
    return m_ui->panelUrl->text().trimmed() + QLatin1Char('\n') + m_ui->clientKey->text() +
           QLatin1Char('\n') + m_ui->applicationKey->text();
}

void PanelSetupPage::onEdited()
{
    // As you type: what --check-config would say, without asking the panel.
    const QString url = m_ui->panelUrl->text().trimmed();
    const QString client = m_ui->clientKey->text();
    const QString application = m_ui->applicationKey->text();
    registerSecret(client);
    registerSecret(application);
    QString clientText;
    if (!url.isEmpty())
        clientText = fieldVerdict(FieldChecks::panelUrl(QUrl(url)));
    if (clientText.isEmpty() && !client.isEmpty())
        clientText = fieldVerdict(FieldChecks::clientKey(client));
    m_ui->clientResult->setText(clientText);
    m_ui->applicationResult->setText(
        application.isEmpty() ? QString() : fieldVerdict(FieldChecks::applicationKey(application)));
    m_ui->checkButton->setEnabled(!m_checking && !url.isEmpty() && !client.isEmpty());
    emit completeChanged();
}

void PanelSetupPage::check()
{
    if (m_checking)
        return;
    m_checking = true;
    m_ui->checkButton->setEnabled(false);
    const QString checking = typed();
    const QUrl url(m_ui->panelUrl->text().trimmed());
    const QString client = m_ui->clientKey->text();
    const QString application = m_ui->applicationKey->text();
    m_ui->clientResult->setText(SetupVerdict::pending(tr("Asking the panel…")));
    m_ui->applicationResult->clear();
    QCoro::connect(m_probe->checkClientKey(url, client), this,
                   [this, checking, url, application](const PanelCheck &clientCheck) {
                       m_ui->clientResult->setText(checkVerdict(clientCheck));
                       if (!clientCheck.ok || application.isEmpty()) {
                           m_checking = false;
                           m_verified = clientCheck.ok ? checking : QString();
                           onEdited();
                           m_ui->clientResult->setText(checkVerdict(clientCheck));
                           emit checked(clientCheck.ok);
                           return;
                       }
                       m_ui->applicationResult->setText(
                           SetupVerdict::pending(tr("Checking the application key…")));
                       QCoro::connect(m_probe->checkApplicationKey(url, application), this,
                                      [this, checking, clientCheck](const PanelCheck &check) {
                                          m_checking = false;
                                          m_verified = check.ok ? checking : QString();
                                          onEdited();
                                          m_ui->clientResult->setText(checkVerdict(clientCheck));
                                          m_ui->applicationResult->setText(checkVerdict(check));
                                          emit checked(check.ok);
                                      });
                   });
}

QString PanelSetupPage::clientResult() const
{
    return m_ui->clientResult->text();
}

QString PanelSetupPage::applicationResult() const
{
    return m_ui->applicationResult->text();
}

bool PanelSetupPage::isComplete() const
{
    return !m_checking && !m_verified.isEmpty() && m_verified == typed();
}

bool PanelSetupPage::validatePage()
{
    if (!isComplete())
        return false;
    PanelConfig &panel = m_draft->config.pterodactyl;
    panel.panelUrl = QUrl(m_ui->panelUrl->text().trimmed());
    panel.clientKey = m_ui->clientKey->text();
    panel.applicationKey = m_ui->applicationKey->text();
    return true;
}

} // namespace Pterodisbot
