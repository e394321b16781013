#pragma once

#include <memory>

#include <QString>
#include <QWidget>

class QAction;

namespace Ui {
class LogView;
}

namespace Pterodisbot {

class LogFilterModel;
class LogModel;

//! The admin window's log: a table of a LogModel's lines, narrowed by level and by a search,
//! following the newest line unless the user scrolled up, with copy and clear, and the log
//! file (the lines of earlier runs too) a click away.
class LogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    //! The level filter's entries, in the combo's order.
    enum LevelFilter { AllLevels, InfoAndAbove, WarningsAndAbove, ErrorsOnly };

    //! Shows \a model, which must outlive the view; the view never owns it.
    explicit LogView(LogModel *model, QWidget *parent = nullptr);
    ~LogView() override;

    //! Selects a LevelFilter (the combo follows). Debug lines are shown only with AllLevels.
    void setLevelFilter(int index);
    int levelFilter() const;
    //! Shows only lines whose message or category contains \a text, ignoring case; empty shows
    //! every line (the search field follows).
    void setSearchText(const QString &text);
    //! Lines the filters let through.
    int shownCount() const;
    //! The selected lines as LogModel::lineText(), oldest first, joined by newlines.
    QString selectedText() const;
    //! Every line shown, in the same form.
    QString shownText() const;
    //! Whether the list follows the newest line (false while the user has scrolled up).
    bool isFollowingNewest() const { return m_followNewest; }

    //! Puts selectedText() on the clipboard (the Copy action, Ctrl+C).
    void copySelection();
    //! Puts shownText() on the clipboard (the Copy All Shown button).
    void copyAllShown();

    //! The log file the Open Log File action opens, and whose folder Open Log Folder opens;
    //! empty: none. Both actions are disabled while the file does not exist.
    void setLogFilePath(const QString &path);
    QString logFilePath() const { return m_logFilePath; }
    //! Opens the log file (or its folder) with the desktop's application for it.
    QAction *openLogFileAction() const;
    QAction *openLogFolderAction() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setUpTable();
    void updateCount();
    void onScrollRangeChanged(int minimum, int maximum);
    void onRowsRemoved(int first, int last);
    void updateLogFileActions();
    void openLogLocation(const QString &path);

    std::unique_ptr<Ui::LogView> m_ui;
    LogModel *m_model;
    LogFilterModel *m_filter;
    bool m_followNewest = true;
    QString m_logFilePath;
};

} // namespace Pterodisbot
