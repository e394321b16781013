#include "LatencyChild.h"

#include <cstdio>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "Monotonic.h"
#include "SimProcess.h"
#include "StdinCommands.h"

namespace PterodisbotBench {
namespace {

//! The server of a status embed, from its buttons' custom ids ("pdb:v1:power:start:<id>").
QString serverOfComponents(const QJsonArray &components)
{
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        const QString id = component.value(QStringLiteral("custom_id")).toString();
        if (id.startsWith(QLatin1String("pdb:v1:power:")) ||
            id.startsWith(QLatin1String("pdb:v1:address:")))
            return id.section(QLatin1Char(':'), -1);
        const QString inner =
            serverOfComponents(component.value(QStringLiteral("components")).toArray());
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

//! The state a status embed shows, in the panel's words: its State field is "🟢 Running".
QString stateShown(const QJsonArray &embeds)
{
    const QJsonArray fields = embeds.at(0).toObject().value(QStringLiteral("fields")).toArray();
    for (const QJsonValue &value : fields) {
        const QJsonObject field = value.toObject();
        if (field.value(QStringLiteral("name")).toString() == QLatin1String("State"))
            return field.value(QStringLiteral("value"))
                .toString()
                .section(QLatin1Char(' '), 1)
                .toLower();
    }
    return {};
}

} // namespace

LatencyChild::LatencyChild(const LatencyArgs &args)
    : m_args(args)
{}

bool LatencyChild::start()
{
    PterodisbotSim::PanelSimOptions panel;
    panel.serverCount = m_args.servers;
    // Real time, in small steps so that automatic transitions (starting -> running after 3 s,
    // stopping -> offline after 2 s) fall anywhere, not on whole seconds; Wings' stats every
    // second as Wings sends them.
    panel.tickIntervalMs = 100;
    panel.statsIntervalMs = 1000;
    panel.resourcesCacheMs = m_args.panelCacheS * 1000;
    PterodisbotSim::DiscordSimOptions discord;
    discord.channelIds.clear();
    for (int i = 1; i <= 10; ++i)
        discord.channelIds << QStringLiteral("13000000000000000%1").arg(i, 2, 10, QLatin1Char('0'));
    // The per-route buckets are raised: this measures how fast the bot follows a change, not
    // how often a channel may be edited (an isolated edit never waits for its bucket on
    // Discord either); back-to-back starts would otherwise meet the 10/s bucket of the start-up
    // requests. Discord's global 50 requests/s stays.
    discord.messageBucketLimit = 100'000;
    discord.otherBucketLimit = 100'000;
    if (!m_panel.start(panel) || !m_discord.start(discord)) {
        std::fprintf(stderr, "child: simulators failed: %s %s\n", qPrintable(m_panel.errorString()),
                     qPrintable(m_discord.errorString()));
        return false;
    }
    m_ids = m_panel.serverIdentifiers();
    for (const QString &id : std::as_const(m_ids))
        m_states.insert(id, m_panel.serverState(id));
    connect(&m_panel, &PterodisbotSim::PanelSimulator::serverStateChanged, this,
            [this](const QString &server, const QString &state) { onStateChanged(server, state); });
    connect(&m_discord, &PterodisbotSim::DiscordSimulator::messageEdited, this,
            [this](const QString &channelId, const QString &messageId) {
                onMessageEdited(channelId, messageId);
            });
    connect(&m_discord, &PterodisbotSim::DiscordSimulator::requestHandled, this, [this] {
        if (m_firstRequestUs < 0)
            m_firstRequestUs = monotonicUs();
    });
    connect(&m_discord, &PterodisbotSim::DiscordSimulator::gatewayConnected, this, [this] {
        if (m_connectedUs < 0)
            m_connectedUs = monotonicUs();
    });
    connect(&m_discord, &PterodisbotSim::DiscordSimulator::clientIdentified, this, [this] {
        if (m_readyUs < 0)
            m_readyUs = monotonicUs();
    });

    StdinCommands::reply(SimProcess::setupLine(m_panel, m_discord, m_ids));
    new StdinCommands([this](const QStringList &words) { handle(words); }, this);
    return true;
}

void LatencyChild::onStateChanged(const QString &server, const QString &state)
{
    // Taken when the panel's world changes state: Wings pushes the status in the same turn of
    // the event loop (WingsServer::onStateChanged).
    const qint64 now = monotonicUs();
    Transition transition;
    transition.server = server;
    transition.from = m_states.value(server);
    transition.to = state;
    transition.atUs = now;
    m_states.insert(server, state);
    m_pending[server].append(int(m_transitions.size()));
    m_transitions.append(transition);
}

void LatencyChild::onMessageEdited(const QString &channelId, const QString &messageId)
{
    const qint64 now = monotonicUs();
    const auto message = m_discord.message(channelId, messageId);
    if (!message)
        return;
    const QString server = serverOfComponents(message->components);
    const QString shown = stateShown(message->embeds);
    ++m_embedEdits;
    QList<int> &pending = m_pending[server];
    for (int k = int(pending.size()) - 1; k >= 0; --k) {
        Transition &transition = m_transitions[pending.at(k)];
        if (transition.to != shown)
            continue;
        transition.shownUs = now;
        transition.graph = !message->embeds.at(0)
                                .toObject()
                                .value(QStringLiteral("image"))
                                .toObject()
                                .value(QStringLiteral("url"))
                                .toString()
                                .isEmpty();
        for (int older = 0; older < k; ++older)
            m_transitions[pending.at(older)].superseded = true;
        pending.remove(0, k + 1);
        return;
    }
}

QString LatencyChild::eligible(int count) const
{
    // Servers at rest (offline or running) whose last change was shown or given up on.
    QStringList out;
    for (int i = 0; i < count && i < m_ids.size(); ++i) {
        const QString &id = m_ids.at(i);
        const QString state = m_states.value(id);
        if ((state == QLatin1String("offline") || state == QLatin1String("running")) &&
            m_pending.value(id).isEmpty())
            out << id + QLatin1Char(':') + state;
    }
    return out.join(QLatin1Char(' '));
}

int LatencyChild::pendingWithin(qint64 timeoutUs) const
{
    const qint64 now = monotonicUs();
    int count = 0;
    for (const QString &state : m_states) // a transition still to come
        count += state == QLatin1String("starting") || state == QLatin1String("stopping");
    for (const QList<int> &pending : m_pending) {
        for (int index : pending)
            count += now - m_transitions.at(index).atUs < timeoutUs;
    }
    return count;
}

QString LatencyChild::transitionsJson() const
{
    QJsonArray list;
    for (const Transition &transition : m_transitions) {
        list.append(QJsonObject{{QStringLiteral("server"), transition.server},
                                {QStringLiteral("from"), transition.from},
                                {QStringLiteral("to"), transition.to},
                                {QStringLiteral("at"), double(transition.atUs)},
                                {QStringLiteral("shown"), double(transition.shownUs)},
                                {QStringLiteral("superseded"), transition.superseded},
                                {QStringLiteral("graph"), transition.graph}});
    }
    const QJsonObject result{{QStringLiteral("transitions"), list},
                             {QStringLiteral("edits"), m_embedEdits},
                             {QStringLiteral("rateLimited"), m_discord.rateLimitedCount()}};
    return QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact));
}

void LatencyChild::handle(const QStringList &words)
{
    const QString command = words.value(0);
    if (command == QLatin1String("eligible")) {
        StdinCommands::reply(eligible(words.value(1).toInt()));
    } else if (command == QLatin1String("power")) {
        // The state a power signal puts the server in at once; the panel's state machine
        // moves starting and stopping on by itself.
        const QString action = words.value(2);
        const QString state = action == QLatin1String("start")  ? QStringLiteral("starting")
                              : action == QLatin1String("stop") ? QStringLiteral("stopping")
                                                                : QStringLiteral("offline");
        m_panel.setServerState(words.value(1), state);
        StdinCommands::reply(QStringLiteral("ok"));
    } else if (command == QLatin1String("pending")) {
        StdinCommands::reply(QString::number(pendingWithin(words.value(1).toLongLong() * 1000)));
    } else if (command == QLatin1String("transitions")) {
        StdinCommands::reply(transitionsJson());
    } else if (command == QLatin1String("sessions")) {
        StdinCommands::reply(QString::number(m_panel.wingsSessionCount()));
    } else if (command == QLatin1String("startup-reset")) {
        m_firstRequestUs = m_connectedUs = m_readyUs = -1;
        StdinCommands::reply(QStringLiteral("ok"));
    } else if (command == QLatin1String("startup")) {
        StdinCommands::reply(
            QStringLiteral("%1 %2 %3").arg(m_firstRequestUs).arg(m_connectedUs).arg(m_readyUs));
    } else if (command == QLatin1String("quit")) {
        StdinCommands::reply(QStringLiteral("bye"));
        QCoreApplication::quit();
    } else {
        StdinCommands::reply(QStringLiteral("?"));
    }
}

} // namespace PterodisbotBench
