#include "EmbedTableModel.h"

#include <QLocale>

#include "bot/BotCore.h"
#include "StateAppearance.h"

namespace Pterodisbot {

EmbedTableModel::EmbedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

EmbedTableModel::~EmbedTableModel() = default;

void EmbedTableModel::setBot(BotCore *bot)
{
    if (m_bot)
        disconnect(m_bot, nullptr, this, nullptr);
    beginResetModel();
    m_bot = bot;
    m_rows.clear();
    if (bot) {
        const QList<EmbedSnapshot> embeds = bot->embeds();
        for (const EmbedSnapshot &embed : embeds)
            m_rows.append(rowFor(embed));
    }
    endResetModel();
    if (!bot)
        return;
    connect(bot, &BotCore::embedAdded, this, &EmbedTableModel::onAdded);
    connect(bot, &BotCore::embedChanged, this, &EmbedTableModel::onChanged);
    connect(bot, &BotCore::embedRemoved, this, &EmbedTableModel::onRemoved);
    // A new server list may bring the name or the limits of a tracked server.
    connect(bot, &BotCore::serversChanged, this, [this] {
        for (const Row &row : std::as_const(m_rows))
            onChanged(row.embed.serverId);
    });
}

EmbedTableModel::Row EmbedTableModel::rowFor(const EmbedSnapshot &embed) const
{
    Row row{embed};
    if (const auto server = m_bot->serverSnapshot(embed.serverId)) {
        row.cpuLimitPercent = server->server.limits.cpuPercent;
        row.memoryLimitMiB = server->server.limits.memoryMiB;
    }
    for (int column = 0; column < Columns; ++column)
        row.texts[size_t(column)] = text(row, column);
    return row;
}

int EmbedTableModel::rowOf(const QString &serverId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).embed.serverId == serverId)
            return i;
    }
    return -1;
}

void EmbedTableModel::onAdded(const QString &serverId)
{
    const auto embed = m_bot ? m_bot->embed(serverId) : std::nullopt;
    if (!embed)
        return;
    if (rowOf(serverId) >= 0) {
        onChanged(serverId);
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(rowFor(*embed));
    endInsertRows();
}

void EmbedTableModel::onChanged(const QString &serverId)
{
    const int row = rowOf(serverId);
    if (row < 0) {
        onAdded(serverId);
        return;
    }
    const auto embed = m_bot ? m_bot->embed(serverId) : std::nullopt;
    if (!embed) {
        onRemoved(serverId);
        return;
    }
    m_rows[row] = rowFor(*embed);
    emit dataChanged(index(row, 0), index(row, Columns - 1));
}

void EmbedTableModel::onRemoved(const QString &serverId)
{
    const int row = rowOf(serverId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int EmbedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EmbedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant EmbedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const EmbedSnapshot &embed = row.embed;
    switch (role) {
    case Qt::DisplayRole:
        return row.texts[size_t(index.column())];
    case SortRole:
        return sortValue(row, index.column());
    case ServerIdRole:
        return embed.serverId;
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(StateAppearance::icon(embed.state)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == LastError && !embed.lastError.isEmpty())
            return QColor(0xda, 0x37, 0x3c);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Cpu:
            return embed.lastSample
                       ? StatusEmbed::formatCpu(embed.lastSample->cpuAbsolute, row.cpuLimitPercent)
                       : QVariant();
        case Memory:
            return embed.lastSample
                       ? StatusEmbed::formatUsage(embed.lastSample->memoryBytes, row.memoryLimitMiB)
                       : QVariant();
        case Channel:
            return tr("Message %1 in channel %2")
                .arg(embed.location.messageId, embed.location.channelId);
        case LastError:
            return embed.lastError.isEmpty() ? QVariant() : embed.lastError;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == Cpu || index.column() == Memory
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    default:
        return {};
    }
}

QString EmbedTableModel::text(const Row &row, int column) const
{
    const EmbedSnapshot &embed = row.embed;
    const QLocale locale;
    switch (column) {
    case Server:
        return embed.serverName.isEmpty() ? embed.serverId : embed.serverName;
    case Channel:
        return QStringLiteral("#") + embed.location.channelId;
    case State:
        return StateAppearance::text(embed.state);
    case Cpu:
        return embed.lastSample
                   ? tr("%1 %").arg(locale.toString(embed.lastSample->cpuAbsolute, 'f', 1))
                   : QString();
    case Memory:
        return embed.lastSample ? StatusEmbed::formatBytes(embed.lastSample->memoryBytes)
                                : QString();
    case LastEdit:
        if (!embed.lastEditAt.isValid())
            return tr("not yet");
        return tr("%1 (%2)").arg(
            locale.toString(embed.lastEditAt.toLocalTime().time(), QLocale::ShortFormat),
            embed.lastEditReason);
    case NextRefresh:
        return embed.nextForcedRefreshAt.isValid()
                   ? locale.toString(embed.nextForcedRefreshAt.toLocalTime().time(),
                                     QLocale::ShortFormat)
                   : QString();
    case LastError:
        return embed.lastError;
    default:
        return {};
    }
}

QVariant EmbedTableModel::sortValue(const Row &row, int column) const
{
    const EmbedSnapshot &embed = row.embed;
    switch (column) {
    case Cpu:
        return embed.lastSample ? embed.lastSample->cpuAbsolute : -1.0;
    case Memory:
        return embed.lastSample ? embed.lastSample->memoryBytes : qint64(-1);
    case LastEdit:
        return embed.lastEditAt;
    case NextRefresh:
        return embed.nextForcedRefreshAt;
    case State:
        return int(embed.state);
    default:
        return row.texts[size_t(column)].toLower();
    }
}

QVariant EmbedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Server:
        return tr("Server");
    case Channel:
        return tr("Channel");
    case State:
        return tr("State");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case LastEdit:
        return tr("Last edit");
    case NextRefresh:
        return tr("Next refresh");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace Pterodisbot
