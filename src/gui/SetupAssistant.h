#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include "config/Config.h"
#include "config/SecretStore.h"

namespace Pterodisbot {

class SetupWizard;

//! Opens the first-run assistant and the settings dialog over the services they check with
//! (their own network access, the OS keychain) and the config file they write: the assistant
//! at the first start when no valid configuration exists, both from the window's menu at any
//! time. One of each at a time.
class SetupAssistant final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupAssistant)

public:
    //! \a configPath: the file the assistant writes (and the bot reads).
    explicit SetupAssistant(QString configPath, QObject *parent = nullptr);
    ~SetupAssistant() override;

    //! Shows the assistant (or raises the open one) starting from \a start: the running bot's
    //! configuration, or what the file has. \a parent: the window it belongs to.
    void open(const Config &start, QWidget *parent = nullptr);
    //! open() from what the config file holds now (without its secrets).
    void openFromFile(QWidget *parent = nullptr);
    SetupWizard *wizard() const;
    //! Shows the settings dialog over \a current (the running bot's configuration).
    void openSettings(const Config &current, QWidget *parent = nullptr);

signals:
    //! The assistant wrote the configuration; the bot should (re)load it.
    void configurationWritten(const QString &path);

private:
    QString m_configPath;
    QNetworkAccessManager m_nam;
    SecretStore m_secrets;
    QPointer<SetupWizard> m_wizard;
    QPointer<QWidget> m_settings;
};

} // namespace Pterodisbot
