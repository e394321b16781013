#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include "bot/BotStatus.h"

namespace Pterodisbot {

class BotCore;

//! Every server of the panel's last list, with state, usage and whether its embed is tracked.
//! A new list (BotCore::serversChanged) is merged row by row — servers that left are removed,
//! new ones inserted, the rest updated — and serverChanged updates one row.
class ServerTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerTableModel)

public:
    enum Column { Name, Identifier, Node, State, Cpu, Memory, Tracked, Columns };
    enum Role {
        ServerIdRole = Qt::UserRole + 1, //!< the server's identifier
        SortRole,                        //!< a value that sorts as the column means
    };

    explicit ServerTableModel(QObject *parent = nullptr);
    ~ServerTableModel() override;

    //! Shows the servers of \a bot and follows it; null empties the model.
    void setBot(BotCore *bot);

    int rowOf(const QString &serverId) const { return m_rowOf.value(serverId, -1); }
    const ServerSnapshot &snapshotAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void merge();
    void onChanged(const QString &serverId);
    void reindex();
    QVariant display(const ServerSnapshot &server, int column) const;

    QPointer<BotCore> m_bot;
    QList<ServerSnapshot> m_rows;
    QHash<QString, int> m_rowOf;
};

} // namespace Pterodisbot
