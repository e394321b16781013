#pragma once

#include <array>

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include "bot/BotStatus.h"

namespace Pterodisbot {

class BotCore;

//! The tracked status embeds, one row each, following BotCore's change signals row by row:
//! embedAdded inserts, embedChanged updates one row, embedRemoved removes it. Never reset per
//! cycle, so a sorted, filtered view keeps its selection while the bot works.
class EmbedTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbedTableModel)

public:
    enum Column { Server, Channel, State, Cpu, Memory, LastEdit, NextRefresh, LastError, Columns };
    enum Role {
        ServerIdRole = Qt::UserRole + 1, //!< the server's identifier
        SortRole,                        //!< a value that sorts as the column means
    };

    explicit EmbedTableModel(QObject *parent = nullptr);
    ~EmbedTableModel() override;

    //! Shows the embeds of \a bot and follows it; null empties the model.
    void setBot(BotCore *bot);

    //! Row of \a serverId, -1 when it is not tracked.
    int rowOf(const QString &serverId) const;
    //! The snapshot behind \a row (valid rows only).
    const EmbedSnapshot &snapshotAt(int row) const { return m_rows.at(row).embed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        EmbedSnapshot embed;
        int cpuLimitPercent = 0;
        qint64 memoryLimitMiB = 0;
        //! The cells' texts, made once per change: a view asks for them on every repaint, and
        //! local times cost a time-zone lookup each.
        std::array<QString, Columns> texts;
    };
    Row rowFor(const EmbedSnapshot &embed) const;
    QString text(const Row &row, int column) const;
    void onAdded(const QString &serverId);
    void onChanged(const QString &serverId);
    void onRemoved(const QString &serverId);
    QVariant sortValue(const Row &row, int column) const;

    QPointer<BotCore> m_bot;
    QList<Row> m_rows;
};

} // namespace Pterodisbot
