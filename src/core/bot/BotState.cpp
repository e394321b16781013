#include "bot/BotState.h"

namespace Pterodisbot {

void BotState::setServers(QList<Server> servers, qint64 atMs)
{
    m_servers = std::move(servers);
    m_index.clear();
    m_index.reserve(m_servers.size() * 2);
    for (int i = 0; i < m_servers.size(); ++i) {
        const Server &server = m_servers.at(i);
        m_index.insert(server.identifier, i);
        if (!server.uuid.isEmpty())
            m_index.insert(server.uuid, i);
    }
    m_listFetchedAtMs = atMs;
}

const Server *BotState::server(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_servers.at(*it);
}

QString BotState::identifierOf(const QString &id) const
{
    const Server *known = server(id);
    return known ? known->identifier : id;
}

QString BotState::nameOf(const QString &id) const
{
    const Server *known = server(id);
    return known && !known->name.isEmpty() ? known->name : id;
}

void BotState::setSample(const QString &identifier, const ResourceSample &sample, qint64 atMs)
{
    Known &known = m_known[identifier];
    known.sample = sample;
    known.atMs = atMs;
    known.hasSample = true;
    known.lastSeen = sample.timestamp;
    known.unreachable = false;
    known.error = {};
}

std::optional<ResourceSample> BotState::sample(const QString &identifier) const
{
    const auto it = m_known.constFind(identifier);
    if (it == m_known.cend() || !it->hasSample)
        return std::nullopt;
    return it->sample;
}

qint64 BotState::sampleAtMs(const QString &identifier) const
{
    const auto it = m_known.constFind(identifier);
    return it == m_known.cend() || !it->hasSample ? -1 : it->atMs;
}

QDateTime BotState::lastSeen(const QString &identifier) const
{
    return m_known.value(identifier).lastSeen;
}

void BotState::setUnreachable(const QString &identifier, const ApiError &error)
{
    Known &known = m_known[identifier];
    known.unreachable = true;
    known.error = error;
}

void BotState::renameEmbed(const QString &from, const QString &to)
{
    if (const auto it = m_embeds.constFind(from); it != m_embeds.cend()) {
        m_embeds.insert(to, *it);
        m_embeds.remove(from);
    }
}

bool BotState::isUnreachable(const QString &identifier) const
{
    return m_known.value(identifier).unreachable;
}

QString BotState::unreachableReason(const QString &identifier) const
{
    const auto it = m_known.constFind(identifier);
    return it != m_known.cend() && it->unreachable ? StatusEmbed::unreachableText(it->error)
                                                   : QString();
}

const EmbedRuntime *BotState::embedIfKnown(const QString &identifier) const
{
    const auto it = m_embeds.constFind(identifier);
    return it == m_embeds.cend() ? nullptr : &*it;
}

StatusView BotState::view(const QString &identifier, const QDateTime &updatedAt) const
{
    StatusView view;
    if (const Server *known = server(identifier)) {
        view.server = *known;
    } else {
        view.server.identifier = identifier;
        view.server.name = identifier;
    }
    const auto it = m_known.constFind(identifier);
    if (it != m_known.cend()) {
        if (it->hasSample)
            view.sample = it->sample;
        view.unreachable = it->unreachable;
        view.unreachableError = it->error;
        view.lastSeen = it->lastSeen;
    }
    view.updatedAt = updatedAt;
    return view;
}

} // namespace Pterodisbot
