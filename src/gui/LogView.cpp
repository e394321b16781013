#include "LogView.h"

#include <algorithm>

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QMessageBox>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QUrl>

#include "LogModel.h"
#include "ui_LogView.h"

namespace Pterodisbot {

//! Applies the level filter and the search: one proxy for both, so a line is tested once.
class LogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumSeverity(int severity)
    {
        if (severity == m_minimumSeverity)
            return;
        m_minimumSeverity = severity;
        invalidateFilter();
    }

    void setSearch(const QString &text)
    {
        if (text == m_search)
            return;
        m_search = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (index.data(LogModel::SeverityRole).toInt() < m_minimumSeverity)
            return false;
        if (m_search.isEmpty())
            return true;
        return index.data(LogModel::MessageRole)
                   .toString()
                   .contains(m_search, Qt::CaseInsensitive) ||
               sourceModel()
                   ->index(sourceRow, LogModel::CategoryColumn, sourceParent)
                   .data()
                   .toString()
                   .contains(m_search, Qt::CaseInsensitive);
    }

private:
    int m_minimumSeverity = 0;
    QString m_search;
};

namespace {

// The lowest LogModel::severity() each LevelFilter entry shows.
int minimumSeverity(int levelFilter)
{
    switch (levelFilter) {
    case LogView::InfoAndAbove:
        return LogModel::severity(QtInfoMsg);
    case LogView::WarningsAndAbove:
        return LogModel::severity(QtWarningMsg);
    case LogView::ErrorsOnly:
        return LogModel::severity(QtCriticalMsg);
    default:
        return LogModel::severity(QtDebugMsg);
    }
}

} // namespace

LogView::LogView(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LogView>())
    , m_model(model)
    , m_filter(new LogFilterModel(this))
{
    m_ui->setupUi(this);
    m_filter->setSourceModel(m_model);
    m_ui->table->setModel(m_filter);
    setUpTable();

    connect(m_ui->levelCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setMinimumSeverity(minimumSeverity(index)); });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_filter, &LogFilterModel::setSearch);
    connect(m_ui->copyAction, &QAction::triggered, this, &LogView::copySelection);
    connect(m_ui->copyAllButton, &QPushButton::clicked, this, &LogView::copyAllShown);
    connect(m_ui->clearButton, &QPushButton::clicked, m_model, &LogModel::clear);
    m_ui->openLogFileButton->setDefaultAction(m_ui->openLogFileAction);
    m_ui->openLogFolderButton->setDefaultAction(m_ui->openLogFolderAction);
    connect(m_ui->openLogFileAction, &QAction::triggered, this,
            [this] { openLogLocation(m_logFilePath); });
    connect(m_ui->openLogFolderAction, &QAction::triggered, this,
            [this] { openLogLocation(QFileInfo(m_logFilePath).absolutePath()); });

    QScrollBar *bar = m_ui->table->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, &LogView::onScrollRangeChanged);
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_followNewest = value >= bar->maximum(); });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsRemoved(first, last); });

    // Both models: lines the filters hide change the total but not the proxy.
    for (const QAbstractItemModel *counted : {static_cast<QAbstractItemModel *>(m_model),
                                              static_cast<QAbstractItemModel *>(m_filter)}) {
        connect(counted, &QAbstractItemModel::rowsInserted, this, &LogView::updateCount);
        connect(counted, &QAbstractItemModel::rowsRemoved, this, &LogView::updateCount);
        connect(counted, &QAbstractItemModel::modelReset, this, &LogView::updateCount);
        connect(counted, &QAbstractItemModel::layoutChanged, this, &LogView::updateCount);
    }
    updateCount();
}

LogView::~LogView() = default;

void LogView::setUpTable()
{
    QTableView *table = m_ui->table;
    // Ctrl+C copies whole lines; QAbstractItemView's own copy would take only the current cell.
    m_ui->copyAction->setShortcut(QKeySequence::Copy);
    m_ui->copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    table->addAction(m_ui->copyAction);
    auto *separator = new QAction(table);
    separator->setSeparator(true);
    table->addAction(separator);
    table->addAction(m_ui->openLogFileAction);
    table->addAction(m_ui->openLogFolderAction);

    // Fixed row heights and column widths: nothing is measured per line, which a view of
    // thousands of rows that grows every second cannot afford.
    const QFontMetrics metrics(table->font());
    QHeaderView *rows = table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(metrics.height() + metrics.height() / 3);
    const int padding = metrics.horizontalAdvance(QStringLiteral("MM"));
    QHeaderView *columns = table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->resizeSection(LogModel::TimeColumn,
                           metrics.horizontalAdvance(QStringLiteral("88:88:88")) + padding);
    int levelWidth = 0;
    for (const QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
        levelWidth = std::max(levelWidth, metrics.horizontalAdvance(LogModel::levelText(type)));
    columns->resizeSection(LogModel::LevelColumn, levelWidth + padding);
    columns->resizeSection(LogModel::CategoryColumn,
                           metrics.horizontalAdvance(QStringLiteral("interactions")) + padding);
}

void LogView::setLevelFilter(int index)
{
    m_ui->levelCombo->setCurrentIndex(std::clamp(index, int(AllLevels), int(ErrorsOnly)));
}

int LogView::levelFilter() const
{
    return m_ui->levelCombo->currentIndex();
}

void LogView::setSearchText(const QString &text)
{
    m_ui->searchEdit->setText(text);
}

int LogView::shownCount() const
{
    return m_filter->rowCount();
}

QString LogView::selectedText() const
{
    QModelIndexList selected = m_ui->table->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(selected.size());
    for (const QModelIndex &index : std::as_const(selected))
        lines.append(m_model->lineText(m_filter->mapToSource(index).row()));
    return lines.join(QLatin1Char('\n'));
}

QString LogView::shownText() const
{
    QStringList lines;
    const int count = m_filter->rowCount();
    lines.reserve(count);
    for (int row = 0; row < count; ++row)
        lines.append(m_model->lineText(m_filter->mapToSource(m_filter->index(row, 0)).row()));
    return lines.join(QLatin1Char('\n'));
}

void LogView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void LogView::copyAllShown()
{
    const QString text = shownText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void LogView::setLogFilePath(const QString &path)
{
    m_logFilePath = path;
    updateLogFileActions();
}

QAction *LogView::openLogFileAction() const
{
    return m_ui->openLogFileAction;
}

QAction *LogView::openLogFolderAction() const
{
    return m_ui->openLogFolderAction;
}

void LogView::showEvent(QShowEvent *event)
{
    // The file may have appeared (or been removed) since the path was set.
    updateLogFileActions();
    QWidget::showEvent(event);
}

void LogView::updateLogFileActions()
{
    const bool exists = !m_logFilePath.isEmpty() && QFileInfo::exists(m_logFilePath);
    m_ui->openLogFileAction->setEnabled(exists);
    m_ui->openLogFolderAction->setEnabled(exists);
}

void LogView::openLogLocation(const QString &path)
{
    updateLogFileActions();
    if (!m_ui->openLogFileAction->isEnabled())
        return;
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return;
    QMessageBox::information(this, tr("Log File"),
                             tr("No application could open it. The log file is:\n%1")
                                 .arg(QDir::toNativeSeparators(m_logFilePath)));
}

void LogView::updateCount()
{
    m_ui->countLabel->setText(
        tr("%1 of %n line(s)", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
}

void LogView::onScrollRangeChanged(int minimum, int maximum)
{
    Q_UNUSED(minimum)
    // New lines grow the range; the value stays put, so a reader who scrolled up keeps reading.
    if (m_followNewest)
        m_ui->table->verticalScrollBar()->setValue(maximum);
}

void LogView::onRowsRemoved(int first, int last)
{
    // The oldest lines leave when the model is full: move with the lines being read, or the
    // text would slide away under the reader (the table scrolls one item per step).
    if (m_followNewest || first != 0)
        return;
    QScrollBar *bar = m_ui->table->verticalScrollBar();
    bar->setValue(std::max(0, bar->value() - (last - first + 1)));
}

} // namespace Pterodisbot

#include "LogView.moc"
