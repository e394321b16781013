#pragma once

#include <deque>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

namespace Pterodisbot {

//! The newest log lines of the process, one row each, for the admin window's log.
//!
//! Bounded: at capacity the oldest rows are removed (beginRemoveRows, never a reset), so a view
//! keeps its selection and scroll position while the bot keeps logging. attach() makes it the
//! redacting message handler's observer (logging.h): lines arrive already redacted, from any
//! thread, and are handed over to this object's thread in batches.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    enum Role {
        LevelRole = Qt::UserRole + 1, //!< the line's QtMsgType, as int
        SeverityRole,                 //!< severity() of the line: debug 0 … fatal 4
        MessageRole,                  //!< the message as logged (line breaks kept)
        LineTextRole,                 //!< lineText() of the row
    };

    static constexpr int defaultCapacity = 5000;

    explicit LogModel(int capacity = defaultCapacity, QObject *parent = nullptr);
    //! Detaches from the message handler when attached.
    ~LogModel() override;

    //! Installs this model as the log observer (installRedactingMessageHandler() must be in
    //! place for lines to arrive); replaces any other observer.
    void attach();
    //! Removes this model as the log observer, if it is the one attached.
    void detach();
    bool isAttached() const { return m_attached; }

    //! Appends one line; \a category as logged ("pterodisbot.bot"). Drops the oldest rows first
    //! when the model is full.
    void append(QtMsgType type, const QString &category, const QString &message,
                const QDateTime &time);
    //! Removes every row.
    void clear();

    int capacity() const { return m_capacity; }
    //! "HH:mm:ss level [category] message" of \a row (valid rows only), for copying.
    QString lineText(int row) const;

    //! Debug 0, info 1, warning 2, critical 3, fatal 4: QtMsgType's values are not in order.
    static int severity(QtMsgType type);
    //! The level as the Level column names it ("Warning"), translated.
    static QString levelText(QtMsgType type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Line
    {
        QDateTime time;
        QtMsgType type = QtInfoMsg;
        QString category; // without the "pterodisbot." prefix
        QString message;
    };

    void appendLines(std::deque<Line> lines);
    void flushPending();

    int m_capacity;
    std::deque<Line> m_lines;
    bool m_attached = false;

    // Lines handed over by the observer on the logging threads, waiting for this thread.
    QMutex m_pendingMutex;
    std::deque<Line> m_pending;
    bool m_flushPosted = false;
};

} // namespace Pterodisbot
