#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "config/ConfigSchema.h"
#include "config/ConfigValidator.h"
#include "config/ConfigWriter.h"
#include "config/SecretStore.h"
#include "logging.h"
#include "setup/DiscordProbe.h"
#include "setup/PanelProbe.h"
#include "SetupVerdict.h"

namespace Pterodisbot {

namespace {

QString sectionTitle(const QString &section)
{
    if (section == QLatin1String("discord"))
        return SettingsDialog::tr("&Discord");
    if (section == QLatin1String("pterodactyl"))
        return SettingsDialog::tr("&Panel");
    return SettingsDialog::tr("&Bot");
}

std::optional<SecretKind> secretKindOf(const QString &keyId)
{
    for (const SecretKind kind :
         {SecretKind::DiscordToken, SecretKind::ClientKey, SecretKind::ApplicationKey}) {
        if (secretKey(kind) == keyId)
            return kind;
    }
    return std::nullopt;
}

} // namespace

SettingsDialog::SettingsDialog(Config current, Services services, QWidget *parent)
    : QDialog(parent)
    , m_current(std::move(current))
    , m_services(std::move(services))
{
    setWindowTitle(tr("Pterodisbot settings"));
    auto *tabs = new QTabWidget(this);
    for (const QString &section : configSections()) {
        auto *page = new QWidget(tabs);
        auto *form = new QFormLayout(page);
        for (const ConfigKey &key : configSchema()) {
            if (key.section != section)
                continue;
            QWidget *editor = makeEditor(key);
            editor->setToolTip(key.description);
            auto *note = new QLabel(page);
            note->setWordWrap(true);
            note->setTextFormat(Qt::RichText);
            auto *cell = new QWidget(page);
            auto *cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 4);
            cellLayout->addWidget(editor);
            cellLayout->addWidget(note);
            form->addRow(key.name + QLatin1Char(':'), cell);
            m_editors.insert(key.id(), editor);
            m_notes.insert(key.id(), note);
        }
        tabs->addTab(page, sectionTitle(section));
    }

    m_testResult = new QLabel(this);
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::RichText);
    auto *testPanelButton = new QPushButton(tr("Test pa&nel"), this);
    auto *testDiscordButton = new QPushButton(tr("Test D&iscord"), this);
    connect(testPanelButton, &QPushButton::clicked, this, &SettingsDialog::testPanel);
    connect(testDiscordButton, &QPushButton::clicked, this, &SettingsDialog::testDiscord);
    auto *tests = new QHBoxLayout;
    tests->addWidget(testPanelButton);
    tests->addWidget(testDiscordButton);
    tests->addStretch(1);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        // Closes once the write is done; a failure keeps the dialog open with the reason.
        connect(this, &SettingsDialog::applied, this, &QDialog::accept, Qt::SingleShotConnection);
        apply();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addLayout(tests);
    layout->addWidget(m_testResult);
    layout->addWidget(m_buttons);
    resize(720, 640);
    revalidate();
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::makeEditor(const ConfigKey &key)
{
    const QString text = m_current.valueText(key.id());
    switch (key.type) {
    case ConfigKey::Type::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(key.minimum, key.maximum);
        spin->setValue(text.toInt());
        if (!key.unit.isEmpty())
            spin->setSuffix(QLatin1Char(' ') + key.unit);
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
        return spin;
    }
    case ConfigKey::Type::Boolean: {
        auto *box = new QCheckBox(this);
        box->setChecked(text == QLatin1String("true"));
        connect(box, &QCheckBox::toggled, this, &SettingsDialog::revalidate);
        return box;
    }
    case ConfigKey::Type::Choice: {
        auto *combo = new QComboBox(this);
        combo->addItems(key.choices);
        combo->setCurrentText(text);
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
        return combo;
    }
    case ConfigKey::Type::Secret: {
        // Never shown: empty means "keep the stored one", which the placeholder describes.
        auto *edit = new QLineEdit(this);
        edit->setEchoMode(QLineEdit::Password);
        edit->setPlaceholderText(
            text.isEmpty()
                ? tr("not set")
                : tr("unchanged: %1 (%2)")
                      .arg(maskSecret(text), valueSourceName(m_current.sourceOf(key.id()))));
        connect(edit, &QLineEdit::textChanged, this, [this](const QString &typed) {
            registerSecret(typed);
            revalidate();
        });
        return edit;
    }
    default: {
        auto *edit = new QLineEdit(text, this);
        edit->setPlaceholderText(key.defaultText);
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
        return edit;
    }
    }
}

QString SettingsDialog::editorText(const ConfigKey &key) const
{
    QWidget *editor = m_editors.value(key.id());
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return QString::number(spin->value());
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        if (key.isSecret() && edit->text().isEmpty())
            return m_current.valueText(key.id());
        return edit->text().trimmed();
    }
    return {};
}

Config SettingsDialog::edited() const
{
    Config config = m_current;
    for (const ConfigKey &key : configSchema()) {
        const QString text = editorText(key);
        QVariant value;
        switch (key.type) {
        case ConfigKey::Type::Integer:
            value = text.toInt();
            break;
        case ConfigKey::Type::Boolean:
            value = text == QLatin1String("true");
            break;
        case ConfigKey::Type::Url:
            value = QUrl(text);
            break;
        default:
            value = text;
            break;
        }
        key.set(config, value);
    }
    return config;
}

void SettingsDialog::revalidate()
{
    const Config config = edited();
    m_problems = validateConfig(config);
    for (const ConfigKey &key : configSchema()) {
        QString note;
        for (const ConfigProblem &problem : std::as_const(m_problems)) {
            if (problem.key == key.id()) {
                note = problem.isError() ? SetupVerdict::html(false, problem.message, problem.hint)
                                         : SetupVerdict::warning(problem.message, problem.hint);
                break;
            }
        }
        if (note.isEmpty()) {
            const ValueSource source = m_current.sourceOf(key.id());
            note = source == ValueSource::Environment
                       ? tr("From the environment (%1), which overrides what you edit here.")
                             .arg(key.environmentName())
                       : tr("Now from: %1.").arg(valueSourceName(source));
            note = QStringLiteral("<span style=\"color:#5c5e66\">") + note.toHtmlEscaped() +
                   QStringLiteral("</span>");
        }
        m_notes.value(key.id())->setText(note);
    }
    const bool ok = !hasErrors(m_problems);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(ok);
}

QString SettingsDialog::noteOf(const QString &keyId) const
{
    const QLabel *note = m_notes.value(keyId);
    return note ? note->text() : QString();
}

void SettingsDialog::testPanel()
{
    const Config config = edited();
    auto *probe = new PanelProbe(m_services.nam, this);
    m_testResult->setText(SetupVerdict::pending(tr("Asking the panel…")));
    QCoro::connect(probe->checkClientKey(config.pterodactyl.panelUrl, config.pterodactyl.clientKey),
                   this, [this, probe](const PanelCheck &check) {
                       m_testResult->setText(
                           check.ok ? SetupVerdict::html(true, check.summary, check.hint)
                                    : SetupVerdict::html(false, check.problem, check.hint));
                       probe->deleteLater();
                       emit tested(check.ok);
                   });
}

void SettingsDialog::testDiscord()
{
    const Config config = edited();
    auto *probe = new DiscordProbe(m_services.nam, config.discord.apiUrl, this);
    m_testResult->setText(SetupVerdict::pending(tr("Asking Discord…")));
    QCoro::connect(
        probe->identify(config.discord.token), this,
        [this, probe](const ApiResult<BotIdentity> &result) {
            m_testResult->setText(
                result.ok()
                    ? SetupVerdict::html(
                          true, tr("Discord accepts the token of %1.").arg(result.value.username))
                    : SetupVerdict::html(false, DiscordProbe::describe(result.error)));
            probe->deleteLater();
            emit tested(result.ok());
        });
}

void SettingsDialog::apply()
{
    revalidate();
    if (hasErrors(m_problems)) {
        emit applyFailed(tr("The settings have errors (shown under their fields)."));
        return;
    }
    write(edited());
}

QCoro::Task<> SettingsDialog::write(Config config)
{
    QPointer<SettingsDialog> self(this);
    m_buttons->setEnabled(false);
    bool inKeychain = config.bot.useKeychain && m_services.secrets;
    for (const ConfigKey &key : configSchema()) {
        const auto kind = secretKindOf(key.id());
        const QString value = config.valueText(key.id());
        if (!kind || !inKeychain || value == m_current.valueText(key.id()))
            continue; // unchanged secrets stay where they are
        const KeychainResult stored = co_await m_services.secrets->storeInKeychain(*kind, value);
        if (!self)
            co_return;
        if (!stored.ok)
            inKeychain = false;
    }
    if (!inKeychain)
        config.bot.useKeychain = false;
    const ConfigWriteResult written = writeConfigFile(m_services.configPath, config, !inKeychain);
    m_buttons->setEnabled(true);
    if (!written.ok) {
        m_testResult->setText(SetupVerdict::html(false, written.error));
        emit applyFailed(written.error);
        co_return;
    }
    const bool needsRestart = config.bot.dataDir != m_current.bot.dataDir;
    m_testResult->setText(SetupVerdict::html(
        true, needsRestart ? tr("Saved. The new data folder takes effect after a restart; the rest "
                                "applies now.")
                           : tr("Saved and applied.")));
    m_current = config;
    emit applied(m_services.configPath, needsRestart);
}

} // namespace Pterodisbot
