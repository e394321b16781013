#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QVBoxLayout;

namespace Pterodisbot {

//! A Discord message as Discord's dark theme draws it, rebuilt from the exact body the bot sent
//! (create or edit message JSON): the bot's header line, the embed cards and the buttons.
//!
//! The payload is treated as untrusted: every text is escaped (only Discord's own markdown
//! becomes formatting), wrong JSON types are skipped, and Discord's size limits cut what
//! Discord would refuse, so a hostile body shows what it can instead of breaking the window.
//! Nothing is fetched: images other than the attachment handed in show a placeholder.
class EmbedPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbedPreview)

public:
    explicit EmbedPreview(QWidget *parent = nullptr);
    ~EmbedPreview() override;

    //! Shows \a payload (a Discord message body) as Discord's dark theme draws it; \a imagePng
    //! is the PNG of the attachment the embed's image refers to (empty: a grey placeholder
    //! saying the image is not available).
    void setPayload(const QJsonObject &payload, const QByteArray &imagePng = {});
    //! Shows no message, only \a hint centred (e.g. "Select an embed to preview it").
    void showHint(const QString &hint);
    //! Interactive: enabled buttons can be pressed and emit buttonPressed() (the demo presses
    //! them as a member with the control role). Otherwise they look like Discord's but
    //! pressing does nothing and their tooltip says to press them in Discord. Default false.
    void setButtonsInteractive(bool interactive);
    bool buttonsInteractive() const;

signals:
    //! An enabled button with a custom_id was pressed while interactive.
    void buttonPressed(const QString &customId);

private:
    QWidget *buildMessage(const QJsonObject &payload, const QByteArray &imagePng);
    void addComponents(QVBoxLayout *layout, const QJsonArray &rows);
    QPushButton *makeButton(const QJsonObject &button, QWidget *parent);
    void onButtonClicked(QPushButton *button);
    void updateButtonHints();

    QStackedWidget *m_pages = nullptr;
    QLabel *m_hint = nullptr;
    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_contentLayout = nullptr;
    QPointer<QWidget> m_message;
    QList<QPointer<QPushButton>> m_buttons;
    bool m_interactive = false;
};

} // namespace Pterodisbot
