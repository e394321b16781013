#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaObject>
#include <QObject>
#include <QTimer>

#include "SoakContext.h"

namespace PterodisbotSim {
struct DiscordRequestRecord;
struct PanelRequestRecord;
} // namespace PterodisbotSim

namespace Pterodisbot::Soak {

//! Who caused an interaction, as far as the bot's access rules go.
enum class Origin { Admin, NoRole, OtherGuild, Forged };
QString originName(Origin origin);

/*!
 * The guild's members: slash commands, embeds posted through /server_status, and button
 * presses by the admin (with the control role), by a member without it, by the admin from
 * another guild, and with forged custom_ids. Remembers every interaction for the 3 s check and
 * attributes every power request the panel sees to an admin press.
 *
 * Attribution: an admin press explains one power request of its server within kPowerWindowMs.
 * No press of another origin targets a server within kPowerWindowMs of an admin press there
 * (and the other way round), so a power request caused by anyone else stays unexplained.
 */
class MemberTraffic final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberTraffic)

public:
    static constexpr qint64 kPowerWindowMs = 10000;
    //! Discord's deadline for the first answer to an interaction.
    static constexpr qint64 kAnswerDeadlineMs = 3000;

    explicit MemberTraffic(SoakContext *context, QObject *parent = nullptr);
    ~MemberTraffic() override;

    void start();
    void stop();
    //! Follows the bot's interactionReceived (again after every restart).
    void attachBot();

    void onDiscordRequest(const PterodisbotSim::DiscordRequestRecord &record);
    void onPanelRequest(const PterodisbotSim::PanelRequestRecord &record);

    //! Every interaction against the 3 s window (Discord's clock: injection to callback).
    struct WindowTally
    {
        int inTime = 0;
        int exempt = 0;
        QStringList missed; //!< one line per interaction that missed its window
        qint64 worstLatencyMs = -1;
    };
    WindowTally judgeWindows() const;

    //! Presses by origin ("button presses" table).
    QMap<QString, int> pressesByOrigin() const { return m_pressesByOrigin; }
    //! Power requests by origin they were attributed to (Admin, or "unexplained").
    QMap<QString, int> powerByOrigin() const { return m_powerByOrigin; }
    QStringList unexplainedPower() const { return m_unexplained; }
    int interactionCount() const { return int(m_sent.size()); }
    QMap<QString, int> interactionsByKind() const { return m_byKind; }

private:
    struct Sent
    {
        QString kind;
        qint64 atMs = 0;
        bool received = false;
        bool callbackFailed = false;
    };
    struct Press
    {
        QString server;
        qint64 atMs = 0;
        bool consumed = false;
    };
    struct PendingPost
    {
        QString command;
        QString server;
        qint64 atMs = 0;
    };

    //! A tracked embed chosen at random: its server and where it is.
    struct Picked
    {
        QString server;
        EmbedLocation location;
    };
    std::optional<Picked> pickTrackedEmbed();

    void act();
    void advancePosts();
    void postEmbed(const QString &server, const QString &channel);
    void pressPower(Origin origin);
    void pressForged();
    void pressAddress();
    void slashCommand();
    QString remember(const QString &id, const QString &kind);
    //! A press on \a server by \a origin keeps the attribution unambiguous.
    bool mayPress(const QString &server, Origin origin) const;
    void notePress(const QString &server, Origin origin, const QString &kind);

    SoakContext *m_context;
    QTimer m_timer;
    bool m_running = false;
    QMetaObject::Connection m_received;
    QHash<QString, Sent> m_sent; //!< by interaction id
    QList<PendingPost> m_pendingPosts;
    QList<Press> m_adminPresses;
    QHash<QString, qint64> m_lastAdminPressMs;
    QHash<QString, qint64> m_lastOtherPressMs;
    QHash<QString, QString> m_lastOtherPress; //!< for the report
    QMap<QString, int> m_pressesByOrigin;
    QMap<QString, int> m_powerByOrigin;
    QMap<QString, int> m_byKind;
    QStringList m_unexplained;
};

} // namespace Pterodisbot::Soak
