#include "LogModel.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <QColor>
#include <QLocale>
#include <QMetaObject>
#include <QMutexLocker>

#include "LogFormat.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

const QString categoryPrefix = QStringLiteral("pterodisbot.");
const QString timeFormat = QStringLiteral("HH:mm:ss");

// Readable on a light and on a dark table alike.
const QColor warningColour{0xc2, 0x7c, 0x0e};
const QColor errorColour{0xd8, 0x3c, 0x3e};

QString shortCategory(const QString &category)
{
    return category.startsWith(categoryPrefix) ? category.mid(categoryPrefix.size()) : category;
}

} // namespace

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

LogModel::~LogModel()
{
    // Takes the handler's lock: once it returns no logging thread is inside our observer, and a
    // flush still queued dies with this object.
    detach();
}

void LogModel::attach()
{
    setLogObserver([this](QtMsgType type, const QString &category, const QString &message) {
        // Runs on the logging thread under the handler's lock: only queue the line. One queued
        // flush per batch, so a burst of lines costs one insertion in the view, not one each.
        Line line{QDateTime::currentDateTime(), type, shortCategory(category), message};
        QMutexLocker lock(&m_pendingMutex);
        m_pending.push_back(std::move(line));
        if (m_pending.size() > size_t(m_capacity))
            m_pending.pop_front();
        if (!m_flushPosted) {
            m_flushPosted = true;
            QMetaObject::invokeMethod(this, &LogModel::flushPending, Qt::QueuedConnection);
        }
    });
    m_attached = true;
}

void LogModel::detach()
{
    if (!m_attached)
        return;
    setLogObserver({});
    m_attached = false;
}

void LogModel::append(QtMsgType type, const QString &category, const QString &message,
                      const QDateTime &time)
{
    std::deque<Line> lines;
    lines.push_back({time, type, shortCategory(category), message});
    appendLines(std::move(lines));
}

void LogModel::flushPending()
{
    std::deque<Line> lines;
    {
        QMutexLocker lock(&m_pendingMutex);
        lines.swap(m_pending);
        m_flushPosted = false;
    }
    appendLines(std::move(lines));
}

void LogModel::appendLines(std::deque<Line> lines)
{
    if (lines.empty())
        return;
    if (lines.size() > size_t(m_capacity))
        lines.erase(lines.begin(), lines.end() - m_capacity);
    const int overflow = int(m_lines.size() + lines.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(lines.size()) - 1);
    m_lines.insert(m_lines.end(), std::make_move_iterator(lines.begin()),
                   std::make_move_iterator(lines.end()));
    endInsertRows();
}

void LogModel::clear()
{
    if (m_lines.empty())
        return;
    beginRemoveRows({}, 0, int(m_lines.size()) - 1);
    m_lines.clear();
    endRemoveRows();
}

QString LogModel::lineText(int row) const
{
    const Line &line = m_lines.at(size_t(row));
    return line.time.toString(timeFormat) + QLatin1Char(' ') +
           QString::fromLatin1(levelName(line.type)) + QStringLiteral(" [") + line.category +
           QStringLiteral("] ") + line.message;
}

int LogModel::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        break;
    }
    return 4;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return line.time.toString(timeFormat);
        case LevelColumn:
            return levelText(line.type);
        case CategoryColumn:
            return line.category;
        case MessageColumn:
            // A table row holds one line; the tooltip and a copy keep the breaks.
            return QString(line.message).replace(QLatin1Char('\n'), QLatin1Char(' '));
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(line.time, QLocale::LongFormat);
        if (index.column() == MessageColumn)
            return line.message;
        return {};
    case Qt::ForegroundRole:
        if (severity(line.type) >= severity(QtCriticalMsg))
            return errorColour;
        if (line.type == QtWarningMsg)
            return warningColour;
        return {};
    case LevelRole:
        return int(line.type);
    case SeverityRole:
        return severity(line.type);
    case MessageRole:
        return line.message;
    case LineTextRole:
        return lineText(index.row());
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

QString LogModel::levelText(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return tr("Debug");
    case QtInfoMsg:
        return tr("Info");
    case QtWarningMsg:
        return tr("Warning");
    case QtCriticalMsg:
        return tr("Error");
    case QtFatalMsg:
        break;
    }
    return tr("Fatal");
}

} // namespace Pterodisbot
