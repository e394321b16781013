#pragma once

#include <memory>

#include <QString>
#include <QWidget>

namespace Ui {
class LogView;
}

namespace Pterodisbot {

class LogFilterModel;
class LogModel;

//! The admin window's log: a table of a LogModel's lines, narrowed by level and by a search,
//! following the newest line unless the user scrolled up, with copy and clear.
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

private:
    void setUpTable();
    void updateCount();
    void onScrollRangeChanged(int minimum, int maximum);
    void onRowsRemoved(int first, int last);

    std::unique_ptr<Ui::LogView> m_ui;
    LogModel *m_model;
    LogFilterModel *m_filter;
    bool m_followNewest = true;
};

} // namespace Pterodisbot
