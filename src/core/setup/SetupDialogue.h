#pragma once

#include <optional>

#include <QCoroTask>
#include <QObject>
#include <QString>
#include <QUrl>

#include "config/Config.h"
#include "setup/SetupModels.h"

class QNetworkAccessManager;

namespace Pterodisbot {

class DiscordProbe;
class PanelProbe;
class SecretStore;

//! Where the terminal assistant asks and tells: the terminal in `pterodisbot --setup`, scripted
//! lines in tests.
class SetupConsole
{
public:
    virtual ~SetupConsole() = default;
    //! The line typed after \a prompt, without its line ending; nullopt when the input ended
    //! (Ctrl+D), which aborts the assistant. With \a hidden the line is a secret: not echoed.
    virtual std::optional<QString> ask(const QString &prompt, bool hidden) = 0;
    //! Shows \a text, one or more lines without the final line ending.
    virtual void say(const QString &text) = 0;
};

struct SetupDialogueOptions
{
    //! Must outlive the dialogue.
    QNetworkAccessManager *nam = nullptr;
    //! Where the secrets go first; nullptr or no answer: into the file, readable by its owner
    //! only.
    SecretStore *secrets = nullptr;
    //! The configuration file to write.
    QString configPath;
    //! Empty: Discord's own API.
    QUrl discordApiUrl;
    //! Starting values of everything the assistant does not ask (the data folder, ...).
    Config config;
    //! Per-request timeout of the live checks.
    int requestTimeoutMs = 10000;
};

//! The first-run assistant as a dialogue of lines (`pterodisbot --setup`): the same steps, live
//! checks (PanelProbe, DiscordProbe) and words (FieldChecks) as the desktop wizard, then the
//! secrets into the keychain and the rest into the configuration file (writeConfigFile). A
//! refused answer is explained and asked again; the end of the input aborts without writing.
class SetupDialogue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupDialogue)

public:
    enum class Outcome {
        Written,    //!< the configuration file was written
        Aborted,    //!< the input ended; nothing was written
        WriteFailed //!< everything was answered, but the file could not be written
    };

    //! \a console must outlive the dialogue.
    SetupDialogue(SetupConsole *console, SetupDialogueOptions options, QObject *parent = nullptr);
    ~SetupDialogue() override;

    //! Asks everything, checks it, and writes the configuration.
    QCoro::Task<Outcome> run();

    //! The configuration as answered so far (with the secrets).
    const Config &config() const { return m_config; }
    //! After run(): the secrets went to the keychain rather than into the file.
    bool secretsInKeychain() const { return m_inKeychain; }

private:
    // Each step returns false when the input ended.
    QCoro::Task<bool> askPanel();
    QCoro::Task<bool> askDiscord();
    QCoro::Task<bool> askGuild();
    bool askBehaviour();
    QCoro::Task<Outcome> save();

    //! The answer, or nullopt when the input ended.
    std::optional<QString> ask(const QString &prompt, bool hidden = false);
    //! A number from 1 to \a count typed after \a prompt; 0 for an empty line when
    //! \a optional, -1 for \a extra (e.g. "r"); nullopt when the input ended.
    std::optional<int> askNumber(const QString &prompt, int count, bool optional,
                                 const QString &extra = {});
    void sayProblem(const QString &problem, const QString &hint = {});

    SetupConsole *m_console;
    SetupDialogueOptions m_options;
    Config m_config;
    PanelProbe *m_panelProbe;
    DiscordProbe *m_discordProbe;
    BotIdentity m_identity;
    QString m_guildName;
    QString m_controlRoleName;
    QList<ChannelInfo> m_channels;
    bool m_inKeychain = false;
};

} // namespace Pterodisbot
