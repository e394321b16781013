#include "ServerTableModel.h"

#include <QLocale>
#include <QSet>

#include "bot/BotCore.h"
#include "StateAppearance.h"

namespace Pterodisbot {

ServerTableModel::ServerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ServerTableModel::~ServerTableModel() = default;

void ServerTableModel::setBot(BotCore *bot)
{
    if (m_bot)
        disconnect(m_bot, nullptr, this, nullptr);
    beginResetModel();
    m_bot = bot;
    m_rows = bot ? bot->serverSnapshots() : QList<ServerSnapshot>();
    reindex();
    endResetModel();
    if (!bot)
        return;
    connect(bot, &BotCore::serversChanged, this, &ServerTableModel::merge);
    connect(bot, &BotCore::serverChanged, this, &ServerTableModel::onChanged);
    // Tracking shows in a column of its own.
    connect(bot, &BotCore::embedAdded, this, &ServerTableModel::onChanged);
    connect(bot, &BotCore::embedRemoved, this, &ServerTableModel::onChanged);
}

void ServerTableModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).server.identifier, i);
}

void ServerTableModel::merge()
{
    if (!m_bot)
        return;
    const QList<ServerSnapshot> fresh = m_bot->serverSnapshots();
    QSet<QString> freshIds;
    freshIds.reserve(fresh.size());
    for (const ServerSnapshot &server : fresh)
        freshIds.insert(server.server.identifier);

    // Removed servers, from the bottom so that the rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (freshIds.contains(m_rows.at(row).server.identifier))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    reindex();
    for (const ServerSnapshot &server : fresh) {
        const int row = rowOf(server.server.identifier);
        if (row >= 0) {
            m_rows[row] = server;
            emit dataChanged(index(row, 0), index(row, Columns - 1));
            continue;
        }
        const int end = int(m_rows.size());
        beginInsertRows({}, end, end);
        m_rows.append(server);
        m_rowOf.insert(server.server.identifier, end);
        endInsertRows();
    }
}

void ServerTableModel::onChanged(const QString &serverId)
{
    const int row = rowOf(serverId);
    const auto server = m_bot ? m_bot->serverSnapshot(serverId) : std::nullopt;
    if (row < 0 || !server)
        return; // not in the list yet: the next serversChanged brings it
    m_rows[row] = *server;
    emit dataChanged(index(row, 0), index(row, Columns - 1));
}

int ServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant ServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServerSnapshot &server = m_rows.at(index.row());
    const std::optional<ResourceSample> &sample = server.lastSample;
    switch (role) {
    case Qt::DisplayRole:
        return display(server, index.column());
    case ServerIdRole:
        return server.server.identifier;
    case SortRole:
        switch (index.column()) {
        case State:
            return int(server.state);
        case Cpu:
            return sample ? sample->cpuAbsolute : -1.0;
        case Memory:
            return sample ? sample->memoryBytes : qint64(-1);
        case Tracked:
            return server.tracked;
        default:
            return display(server, index.column()).toString().toLower();
        }
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(StateAppearance::icon(server.state)) : QVariant();
    case Qt::CheckStateRole:
        return index.column() == Tracked ? QVariant(server.tracked ? Qt::Checked : Qt::Unchecked)
                                         : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == State && !server.unreachableReason.isEmpty())
            return server.unreachableReason;
        if (index.column() == Cpu && sample)
            return StatusEmbed::formatCpu(sample->cpuAbsolute, server.server.limits.cpuPercent);
        if (index.column() == Memory && sample)
            return StatusEmbed::formatUsage(sample->memoryBytes, server.server.limits.memoryMiB);
        if (index.column() == Name && !server.server.description.isEmpty())
            return server.server.description;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Cpu || index.column() == Memory
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    default:
        return {};
    }
}

QVariant ServerTableModel::display(const ServerSnapshot &server, int column) const
{
    const std::optional<ResourceSample> &sample = server.lastSample;
    switch (column) {
    case Name:
        return server.server.name;
    case Identifier:
        return server.server.identifier;
    case Node:
        return server.server.node;
    case State:
        return StateAppearance::text(server.state);
    case Cpu:
        return sample ? tr("%1 %").arg(QLocale().toString(sample->cpuAbsolute, 'f', 1)) : QString();
    case Memory:
        return sample ? StatusEmbed::formatBytes(sample->memoryBytes) : QString();
    case Tracked:
        return server.tracked ? tr("tracked") : QString();
    default:
        return {};
    }
}

QVariant ServerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Server");
    case Identifier:
        return tr("Id");
    case Node:
        return tr("Node");
    case State:
        return tr("State");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Tracked:
        return tr("Embed");
    default:
        return {};
    }
}

} // namespace Pterodisbot
