#include "SoakMembers.h"

#include "DiscordSimulator.h"
#include "PanelSimulator.h"

namespace Pterodisbot::Soak {

using BotTest::kAdmin;
using BotTest::kAdminRole;
using BotTest::kStranger;

namespace {

const QString kOtherGuild = QStringLiteral("1200000000000000999");

QString powerId(const QString &action, const QString &server)
{
    return QStringLiteral("pdb:v1:power:%1:%2").arg(action, server);
}

} // namespace

QString originName(Origin origin)
{
    switch (origin) {
    case Origin::Admin:
        return QStringLiteral("member with the role");
    case Origin::NoRole:
        return QStringLiteral("member without the role");
    case Origin::OtherGuild:
        return QStringLiteral("member of another guild");
    case Origin::Forged:
        return QStringLiteral("forged custom_id");
    }
    return {};
}

MemberTraffic::MemberTraffic(SoakContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_context->restarting && m_context->harness.bot) {
            advancePosts();
            act();
        }
        if (m_running)
            m_timer.start(m_context->between(150, 450));
    });
}

MemberTraffic::~MemberTraffic() = default;

void MemberTraffic::start()
{
    m_running = true;
    m_timer.start(100);
}

void MemberTraffic::stop()
{
    m_running = false;
    m_timer.stop();
}

void MemberTraffic::attachBot()
{
    disconnect(m_received);
    m_received = connect(m_context->harness.bot.get(), &BotCore::interactionReceived, this,
                         [this](const QString &id) {
                             const auto it = m_sent.find(id);
                             if (it != m_sent.end())
                                 it->received = true;
                         });
}

QString MemberTraffic::remember(const QString &id, const QString &kind)
{
    m_sent.insert(id, Sent{kind, m_context->nowMs()});
    m_byKind[kind] += 1;
    return id;
}

void MemberTraffic::onDiscordRequest(const PterodisbotSim::DiscordRequestRecord &record)
{
    // POST /api/v10/interactions/<id>/<token>/callback answered with an injected 5xx.
    if (record.status < 500 || !record.path.contains(QLatin1String("/interactions/")))
        return;
    const QString id = record.path.section(QLatin1Char('/'), 4, 4);
    const auto it = m_sent.find(id);
    if (it != m_sent.end())
        it->callbackFailed = true;
}

void MemberTraffic::onPanelRequest(const PterodisbotSim::PanelRequestRecord &record)
{
    if (record.method != QLatin1String("POST") || !record.path.endsWith(QLatin1String("/power")))
        return;
    // /api/client/servers/<identifier>/power
    const QString server = record.path.section(QLatin1Char('/'), 4, 4);
    const qint64 now = m_context->nowMs();
    // A request the panel carried out (204) uses up its press; one it refused (429, 5xx, 409)
    // did nothing, and the bot may send it again for the same press.
    const bool done = record.status == 204;
    for (Press &press : m_adminPresses) {
        if ((!done || !press.consumed) && press.server == server &&
            now - press.atMs <= kPowerWindowMs) {
            press.consumed = press.consumed || done;
            m_powerByOrigin[originName(Origin::Admin)] += 1;
            return;
        }
    }
    m_powerByOrigin[QStringLiteral("unexplained")] += 1;
    m_unexplained << QStringLiteral("t=%1 ms %2 (status %3; last other press there: %4)")
                         .arg(now)
                         .arg(record.path)
                         .arg(record.status)
                         .arg(m_lastOtherPress.value(server, QStringLiteral("none")));
}

bool MemberTraffic::mayPress(const QString &server, Origin origin) const
{
    const qint64 now = m_context->nowMs();
    const auto &others = origin == Origin::Admin ? m_lastOtherPressMs : m_lastAdminPressMs;
    return now - others.value(server, -kPowerWindowMs - 1) > kPowerWindowMs;
}

void MemberTraffic::notePress(const QString &server, Origin origin, const QString &kind)
{
    const qint64 now = m_context->nowMs();
    if (origin != Origin::Admin)
        m_lastOtherPress.insert(server, QStringLiteral("%1 at t=%2 ms").arg(kind).arg(now));
    (origin == Origin::Admin ? m_lastAdminPressMs : m_lastOtherPressMs).insert(server, now);
    m_pressesByOrigin[originName(origin)] += 1;
    if (origin == Origin::Admin)
        m_adminPresses.append({server, now});
    // Old presses no longer explain anything.
    m_adminPresses.removeIf(
        [now](const Press &press) { return now - press.atMs > 2 * kPowerWindowMs; });
}

void MemberTraffic::act()
{
    SoakContext &c = *m_context;
    const int tracked = int(c.harness.bot->trackedEmbeds().size());
    const int choice = c.between(0, 99);
    // Keep embeds to press on: post one when some server has none.
    if (tracked < 5 && m_pendingPosts.isEmpty() && (tracked < 2 || choice < 30)) {
        QStringList untracked;
        for (const QString &server : c.harness.panel->serverIdentifiers()) {
            if (!c.harness.bot->embedStore()->contains(server))
                untracked << server;
        }
        if (!untracked.isEmpty() && !c.embedChannels.isEmpty()) {
            postEmbed(c.pick(untracked), c.pick(c.embedChannels));
            return;
        }
    }
    if (choice < 30)
        pressPower(Origin::Admin);
    else if (choice < 42)
        pressPower(Origin::NoRole);
    else if (choice < 50)
        pressPower(Origin::OtherGuild);
    else if (choice < 64)
        pressForged();
    else if (choice < 72)
        pressAddress();
    else if (choice < 80 && m_pendingPosts.isEmpty() && !c.embedChannels.isEmpty())
        // Posting a tracked server again moves its embed (the old one is deleted first).
        postEmbed(c.pick(c.harness.panel->serverIdentifiers()), c.pick(c.embedChannels));
    else
        slashCommand();
}

void MemberTraffic::postEmbed(const QString &server, const QString &channel)
{
    const QString command = m_context->harness.discord->injectSlashCommand(
        channel, kAdmin, {kAdminRole}, QStringLiteral("server_status"));
    remember(command, QStringLiteral("/server_status (to post)"));
    m_pendingPosts.append({command, server, m_context->nowMs()});
}

void MemberTraffic::advancePosts()
{
    SoakContext &c = *m_context;
    for (auto it = m_pendingPosts.begin(); it != m_pendingPosts.end();) {
        const auto menu = c.harness.discord->originalResponse(it->command);
        if (menu && !menu->components.isEmpty()) {
            const QString select = c.harness.discord->injectComponent(
                menu->channelId, menu->id, kAdmin, {kAdminRole}, QStringLiteral("pdb:v1:select:0"),
                3, {it->server});
            remember(select, QStringLiteral("select a server (posts its embed)"));
            it = m_pendingPosts.erase(it);
        } else if (c.nowMs() - it->atMs > 8000) {
            it = m_pendingPosts.erase(it); // the menu never came (faults); give up on it
        } else {
            ++it;
        }
    }
}

std::optional<MemberTraffic::Picked> MemberTraffic::pickTrackedEmbed()
{
    SoakContext &c = *m_context;
    const auto tracked = c.harness.bot->trackedEmbeds();
    if (tracked.isEmpty())
        return std::nullopt;
    const QString server = c.pick(tracked.keys());
    return Picked{server, tracked.value(server)};
}

void MemberTraffic::pressPower(Origin origin)
{
    SoakContext &c = *m_context;
    const std::optional<Picked> picked = pickTrackedEmbed();
    if (!picked)
        return;
    const QString server = picked->server;
    if (!mayPress(server, origin))
        return;
    const EmbedLocation location = picked->location;
    const QString state = c.harness.panel->serverState(server);
    QString action =
        state == QLatin1String("offline") ? QStringLiteral("start") : QStringLiteral("stop");
    if (c.chance(0.25))
        action = QStringLiteral("restart");
    const bool admin = origin == Origin::Admin || origin == Origin::OtherGuild;
    const QString id = c.harness.discord->injectComponent(
        location.channelId, location.messageId, admin ? kAdmin : kStranger,
        admin ? QStringList{kAdminRole} : QStringList{}, powerId(action, server), 2, {},
        origin == Origin::OtherGuild ? kOtherGuild : QString());
    const QString kind = QStringLiteral("%1 by %2").arg(action, originName(origin));
    notePress(server, origin, kind);
    remember(id, kind);
}

void MemberTraffic::pressForged()
{
    SoakContext &c = *m_context;
    const std::optional<Picked> picked = pickTrackedEmbed();
    if (!picked)
        return;
    const QString server = picked->server;
    const EmbedLocation location = picked->location;
    if (!mayPress(server, Origin::Forged))
        return;
    QString custom;
    QString variant;
    const QString messageId = location.messageId;
    switch (c.between(0, 9)) {
    case 0:
        variant = QStringLiteral("kill action");
        custom = powerId(QStringLiteral("kill"), server);
        break;
    case 1:
        variant = QStringLiteral("unknown server");
        custom = powerId(QStringLiteral("start"), QStringLiteral("deadbeef"));
        break;
    case 2:
        variant = QStringLiteral("bad version");
        custom = QStringLiteral("pdb:v2:power:start:") + server;
        break;
    case 3:
        variant = QStringLiteral("extra field");
        custom = powerId(QStringLiteral("stop"), server) + QStringLiteral(":extra");
        break;
    case 4:
        variant = QStringLiteral("too long");
        custom = powerId(QStringLiteral("start"), server) + QString(120, QLatin1Char('a'));
        break;
    case 5:
        variant = QStringLiteral("non-ASCII identifier");
        custom = powerId(QStringLiteral("start"), server.left(7) + QChar(0xe9));
        break;
    case 6:
        variant = QStringLiteral("upper-case uuid");
        custom = powerId(QStringLiteral("restart"), c.harness.panel->serverUuid(server).toUpper());
        break;
    case 7:
        variant = QStringLiteral("page out of range");
        custom = QStringLiteral("pdb:v1:select:99999");
        break;
    case 8: {
        variant = QStringLiteral("another server's button");
        // A real button of this server pressed on another server's embed.
        const QStringList others = c.harness.panel->serverIdentifiers();
        const QString other = c.pick(others);
        if (other == server || !mayPress(other, Origin::Forged))
            return;
        notePress(other, Origin::Forged, variant);
        custom = powerId(QStringLiteral("start"), other);
        break;
    }
    default: {
        variant = QStringLiteral("random junk");
        QByteArray junk(c.between(1, 60), Qt::Uninitialized);
        for (char &byte : junk)
            byte = char(c.between(33, 126));
        custom = QString::fromLatin1(junk);
        break;
    }
    }
    const QString id = c.harness.discord->injectComponent(location.channelId, messageId, kAdmin,
                                                          {kAdminRole}, custom);
    notePress(server, Origin::Forged, variant);
    remember(id, QStringLiteral("forged custom_id: ") + variant);
}

void MemberTraffic::pressAddress()
{
    SoakContext &c = *m_context;
    const std::optional<Picked> picked = pickTrackedEmbed();
    if (!picked)
        return;
    const QString server = picked->server;
    const EmbedLocation location = picked->location;
    const bool admin = c.chance(0.5);
    const QString id = c.harness.discord->injectComponent(
        location.channelId, location.messageId, admin ? kAdmin : kStranger,
        admin ? QStringList{kAdminRole} : QStringList{}, QStringLiteral("pdb:v1:addr:") + server);
    remember(id, admin ? QStringLiteral("Show Address by member with the role")
                       : QStringLiteral("Show Address by member without the role"));
}

void MemberTraffic::slashCommand()
{
    SoakContext &c = *m_context;
    if (c.embedChannels.isEmpty())
        return;
    const QString channel = c.pick(c.embedChannels);
    const int choice = c.between(0, 99);
    QString name = QStringLiteral("server_status");
    bool admin = false;
    if (choice < 30) {
        name = QStringLiteral("server_status");
        admin = c.chance(0.5);
    } else if (choice < 50) {
        name = QStringLiteral("refresh_embeds");
        admin = c.chance(0.5);
    } else if (choice < 90) {
        name = QStringLiteral("purge_embeds"); // refused: no role
    } else {
        name = QStringLiteral("purge_embeds");
        admin = true;
    }
    const QString id = c.harness.discord->injectSlashCommand(
        channel, admin ? kAdmin : kStranger, admin ? QStringList{kAdminRole} : QStringList{}, name);
    remember(
        id,
        QStringLiteral("/%1 by %2").arg(name, originName(admin ? Origin::Admin : Origin::NoRole)));
}

MemberTraffic::WindowTally MemberTraffic::judgeWindows() const
{
    const SoakContext &c = *m_context;
    WindowTally tally;
    for (auto it = m_sent.cbegin(); it != m_sent.cend(); ++it) {
        const qint64 latency = c.harness.discord->interactionAckLatencyMs(it.key());
        if (latency >= 0 && latency <= kAnswerDeadlineMs) {
            ++tally.inTime;
            tally.worstLatencyMs = std::max(tally.worstLatencyMs, latency);
            continue;
        }
        const Sent &sent = it.value();
        if (latency < 0 && sent.kind.endsWith(QLatin1String("too long"))) {
            // Discord never sends a custom_id over 100 characters: the bot's parser drops the
            // interaction as malformed, so there is nothing to answer.
            ++tally.exempt;
            continue;
        }
        if (latency < 0 && sent.callbackFailed) {
            ++tally.exempt; // Discord itself failed the callback (injected 5xx)
            continue;
        }
        // After Discord ends a session the bot must wait 1-5 s before it may IDENTIFY again
        // (op 9); what was dispatched meanwhile is lost or comes late, by protocol.
        bool sessionLost = false;
        for (const qint64 loss : c.sessionLosses)
            sessionLost |= loss >= sent.atMs - 5500 && loss <= sent.atMs + kAnswerDeadlineMs;
        if (sessionLost) {
            ++tally.exempt;
            continue;
        }
        tally.missed << QStringLiteral("%1 at t=%2 ms: %3 (delivered to the bot: %4)")
                            .arg(sent.kind)
                            .arg(sent.atMs)
                            .arg(latency < 0 ? QStringLiteral("never answered")
                                             : QStringLiteral("answered after %1 ms").arg(latency))
                            .arg(sent.received ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    return tally;
}

} // namespace Pterodisbot::Soak
