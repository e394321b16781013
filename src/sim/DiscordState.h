#pragma once

#include <optional>

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "DiscordSimTypes.h"

namespace PterodisbotSim {

//! An interaction the simulator dispatched and what the bot did with it.
struct SimInteraction
{
    QString id;
    QString token;
    int type = 2; //!< 2 application command, 3 message component
    QString channelId;
    QString guildId;
    QString userId;
    QString componentMessageId; //!< the message a component belongs to
    qint64 createdMs = 0;
    qint64 ackMs = -1;
    QJsonObject response;      //!< {type, data} of the callback
    QString originalMessageId; //!< message behind @original, empty before a response
    bool originalDeleted = false;
    QStringList followUpIds;
    QJsonObject payload; //!< INTERACTION_CREATE data as dispatched
};

struct SimChannel
{
    QString id;
    QString name;
    int position = 0;
    int type = 0;     //!< 0 text; see SimChannelSpec for the others
    QString parentId; //!< category; empty = none
    SimChannelAccess access = SimChannelAccess::Full;
};

//! The shared world of the Discord simulator: clock, ids, guild, channels, messages,
//! interactions and commands. Gateway and REST both read and change it; it has no I/O.
class DiscordState
{
public:
    explicit DiscordState(const DiscordSimOptions &options);

    const DiscordSimOptions &options() const { return m_options; }
    QString token() const { return m_options.botToken; }
    QString botUserId() const { return m_options.applicationId; }
    QString discriminator() const { return QStringLiteral("4242"); }

    // Simulator clock: real elapsed time plus whatever tests skipped ahead.
    qint64 nowMs() const { return m_timer.elapsed() + m_offsetMs; }
    void advance(qint64 ms) { m_offsetMs += ms; }
    //! Wall-clock ISO-8601 time of a simulator-clock instant.
    QString isoTime(qint64 elapsedMs) const;
    //! A new snowflake whose timestamp is now (monotonic, unique).
    QString nextSnowflake();
    //! Opaque random token text (interaction tokens, session ids).
    static QString randomToken(int length);
    static QString randomHex(int length);

    // Channels of the configured guild.
    const QList<SimChannel> &channels() const { return m_channels; }
    SimChannel *channel(const QString &id);
    void removeChannel(const QString &id);

    // Messages: every message lives in m_messages; visible ones are also listed per channel.
    SimMessage *message(const QString &id);
    const SimMessage *message(const QString &id) const;
    void addMessage(const SimMessage &message);
    void removeMessage(const QString &id);
    QList<SimMessage> channelMessages(const QString &channelId) const;
    //! An attachment of a stored message (ephemeral ones included), nullptr if none.
    const SimAttachment *attachment(const QString &channelId, const QString &attachmentId) const;

    // Interactions.
    SimInteraction &addInteraction(const SimInteraction &interaction);
    SimInteraction *interaction(const QString &id);
    const SimInteraction *interaction(const QString &id) const;
    SimInteraction *interactionByToken(const QString &token);

    // Languages: the guild's preferred_locale and each user's client language (the `locale` of
    // their interactions; "en-US" unless set).
    QString guildLocale() const { return m_guildLocale; }
    void setGuildLocale(const QString &locale) { m_guildLocale = locale; }
    QString userLocale(const QString &userId) const;
    void setUserLocale(const QString &userId, const QString &locale);

    // Application commands of the configured guild.
    const QJsonArray &commands() const { return m_commands; }
    void setCommands(const QJsonArray &commands) { m_commands = commands; }

    // Rest base for attachment urls, set once the HTTP server listens.
    QString publicBase() const { return m_publicBase; }
    void setPublicBase(const QString &base) { m_publicBase = base; }

private:
    DiscordSimOptions m_options;
    QElapsedTimer m_timer;
    qint64 m_offsetMs = 0;
    QDateTime m_startWall;
    quint64 m_lastSnowflake = 0;
    QList<SimChannel> m_channels;
    QHash<QString, SimMessage> m_messages;
    QHash<QString, QStringList> m_channelMessageIds;
    QHash<QString, SimInteraction> m_interactions;
    QHash<QString, QString> m_interactionIdByToken;
    QJsonArray m_commands;
    QString m_publicBase;
    QString m_guildLocale;
    QHash<QString, QString> m_userLocales;
};

} // namespace PterodisbotSim
