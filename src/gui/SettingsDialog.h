#pragma once

#include <QCoroTask>
#include <QDialog>
#include <QHash>

#include "config/Config.h"
#include "config/ConfigProblem.h"

class QDialogButtonBox;
class QLabel;
class QNetworkAccessManager;
class QWidget;

namespace Pterodisbot {

class SecretStore;
struct ConfigKey;

//! Every configuration key, grouped like the ini file's sections and built from the schema the
//! loader and the validator read: validated as you type with `--check-config`'s checks and
//! words, each with where its value comes from (default, file, environment, keychain) and a
//! note when the environment overrides what is edited. Secrets are never shown in full; a
//! secret field left untouched keeps the stored secret. "Test panel" and "Test Discord" check
//! the values live. Apply writes the file (secrets to the keychain) and says whether the bot
//! takes the change at once or after a restart.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    struct Services
    {
        QNetworkAccessManager *nam = nullptr;
        SecretStore *secrets = nullptr;
        QString configPath;
    };

    //! \a current: the configuration in effect (with its secrets and their sources).
    SettingsDialog(Config current, Services services, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    //! The configuration as edited now.
    Config edited() const;
    //! The problems of edited(), as `--check-config` reports them.
    QList<ConfigProblem> problems() const { return m_problems; }
    //! The editor of \a keyId ("section.name"), for tests.
    QWidget *editor(const QString &keyId) const { return m_editors.value(keyId); }
    //! What is shown under \a keyId: its problem, or where its value comes from.
    QString noteOf(const QString &keyId) const;
    //! Writes the configuration (the Apply button): changed secrets to the keychain when the
    //! configuration uses it, the rest to the file. applied() or applyFailed() tells the end.
    void apply();

signals:
    //! The configuration file was written; \a needsRestart: a change (the data folder) only a
    //! restart applies.
    void applied(const QString &path, bool needsRestart);
    //! Nothing was written: \a reason says why.
    void applyFailed(const QString &reason);
    //! A live test ended (\a ok), for tests.
    void tested(bool ok);

private:
    QWidget *makeEditor(const ConfigKey &key);
    QString editorText(const ConfigKey &key) const;
    void revalidate();
    void testPanel();
    void testDiscord();
    QCoro::Task<> write(Config config);

    Config m_current;
    Services m_services;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_notes;
    QList<ConfigProblem> m_problems;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Pterodisbot
