#include "EmbedPreview.h"

#include <functional>
#include <utility>

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "discord/Components.h"
#include "discord/DiscordTypes.h"
#include "discord/Message.h"
#include "discord/MessageLimits.h"

namespace Pterodisbot {

namespace {

// Discord's dark theme (the style sheet holds the rest).
constexpr QRgb kEmbedBackground = 0x2b2d31;
constexpr QRgb kDefaultEmbedBar = 0x1e1f22;
constexpr QRgb kBlurple = 0x5865f2;
constexpr int kEmbedMaxWidth = 520;
constexpr int kAvatarSize = 40;
constexpr int kEmbedBarWidth = 4;
constexpr int kCornerRadius = 4;
// Inline fields share a row in halves or thirds: six columns hold both.
constexpr int kFieldColumns = 6;
constexpr int kInlineFieldsPerRow = 3;
constexpr int kEmojiNameMax = 32; // Discord's limit for an emoji's name

QString discordStyleSheet()
{
    return QStringLiteral(R"(
Pterodisbot--EmbedPreview { background-color: #313338; }
QLabel { color: #dbdee1; font-size: 14px; }
QLabel#previewHint { color: #949ba4; font-size: 15px; }
QLabel#botName { color: #f2f3f5; font-size: 16px; font-weight: 600; }
QLabel#appTag { background-color: #5865f2; color: #ffffff; font-size: 10px; font-weight: 700;
                border-radius: 3px; padding: 1px 4px; }
QLabel#messageContent { font-size: 16px; }
QLabel#messageNote { color: #949ba4; font-style: italic; }
QLabel#embedAuthor { color: #f2f3f5; font-weight: 600; }
QLabel#embedTitle { color: #f2f3f5; font-size: 16px; font-weight: 700; }
QLabel#embedTitle[linked="true"] { color: #00a8fc; }
QLabel#embedFieldName { color: #f2f3f5; font-weight: 700; }
QLabel#embedFooter { color: #b5bac1; font-size: 12px; }
QLabel[imagePlaceholder="true"] { background-color: #404249; color: #b5bac1; border-radius: 4px;
                                  padding: 12px; }
QLabel#embedSelect { background-color: #1e1f22; color: #949ba4; border-radius: 4px;
                     padding: 8px 12px; }
QPushButton { color: #ffffff; border: 2px solid transparent; border-radius: 3px;
              padding: 0px 14px; min-height: 28px; font-size: 14px; font-weight: 500; }
QPushButton:focus { border-color: #00a8fc; }
QPushButton[buttonStyle="1"] { background-color: #5865f2; }
QPushButton[buttonStyle="1"]:hover { background-color: #4752c4; }
QPushButton[buttonStyle="1"]:pressed { background-color: #3c45a5; }
QPushButton[buttonStyle="1"]:disabled { background-color: rgba(88, 101, 242, 0.5); }
QPushButton[buttonStyle="2"], QPushButton[buttonStyle="5"] { background-color: #4e5058; }
QPushButton[buttonStyle="2"]:hover, QPushButton[buttonStyle="5"]:hover { background-color: #6d6f78; }
QPushButton[buttonStyle="2"]:pressed, QPushButton[buttonStyle="5"]:pressed { background-color: #80848e; }
QPushButton[buttonStyle="2"]:disabled, QPushButton[buttonStyle="5"]:disabled {
    background-color: rgba(78, 80, 88, 0.5); }
QPushButton[buttonStyle="3"] { background-color: #248046; }
QPushButton[buttonStyle="3"]:hover { background-color: #1a6334; }
QPushButton[buttonStyle="3"]:pressed { background-color: #15562b; }
QPushButton[buttonStyle="3"]:disabled { background-color: rgba(36, 128, 70, 0.5); }
QPushButton[buttonStyle="4"] { background-color: #da373c; }
QPushButton[buttonStyle="4"]:hover { background-color: #a12828; }
QPushButton[buttonStyle="4"]:pressed { background-color: #8f1f1f; }
QPushButton[buttonStyle="4"]:disabled { background-color: rgba(218, 55, 60, 0.5); }
QPushButton:disabled { color: rgba(255, 255, 255, 0.5); }
QScrollArea { border: none; }
QScrollBar:vertical { background: #2b2d31; width: 8px; margin: 0px; border-radius: 4px; }
QScrollBar::handle:vertical { background: #1a1b1e; min-height: 32px; border-radius: 4px; }
QScrollBar:horizontal { background: #2b2d31; height: 8px; margin: 0px; border-radius: 4px; }
QScrollBar::handle:horizontal { background: #1a1b1e; min-width: 32px; border-radius: 4px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
)");
}

// ---- Discord markdown -------------------------------------------------------------------

//! "5 minutes ago", "in 2 hours": Discord's <t:…:R>.
QString relativeTime(const QDateTime &when)
{
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(when);
    const qint64 magnitude = qAbs(seconds);
    QString amount;
    if (magnitude < 60)
        amount = EmbedPreview::tr("%n second(s)", nullptr, int(magnitude));
    else if (magnitude < 3600)
        amount = EmbedPreview::tr("%n minute(s)", nullptr, int(magnitude / 60));
    else if (magnitude < 86400)
        amount = EmbedPreview::tr("%n hour(s)", nullptr, int(magnitude / 3600));
    else if (magnitude < 30 * 86400)
        amount = EmbedPreview::tr("%n day(s)", nullptr, int(magnitude / 86400));
    else if (magnitude < 365 * 86400)
        amount = EmbedPreview::tr("%n month(s)", nullptr, int(magnitude / (30 * 86400)));
    else
        amount = EmbedPreview::tr("%n year(s)", nullptr, int(magnitude / (365 * 86400)));
    return seconds >= 0 ? EmbedPreview::tr("in %1").arg(amount)
                        : EmbedPreview::tr("%1 ago").arg(amount);
}

//! Discord's <t:seconds:style> in the reader's locale and time zone, as Discord shows it.
QString discordTimestamp(qint64 seconds, QChar style)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toLocalTime();
    const QLocale locale;
    switch (style.unicode()) {
    case 't':
        return locale.toString(when.time(), QLocale::ShortFormat);
    case 'T':
        return locale.toString(when.time(), QLocale::LongFormat);
    case 'd':
        return locale.toString(when.date(), QLocale::ShortFormat);
    case 'D':
        return locale.toString(when.date(), QLocale::LongFormat);
    case 'F':
        return locale.toString(when, QLocale::LongFormat);
    case 'R':
        return relativeTime(when);
    default:
        return locale.toString(when, QLocale::ShortFormat);
    }
}

//! Replaces every match of \a pattern in \a html by what \a replace makes of it.
QString replaceEach(const QString &html, const QRegularExpression &pattern,
                    const std::function<QString(const QRegularExpressionMatch &)> &replace)
{
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = pattern.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(html).mid(last, match.capturedStart() - last);
        result += replace(match);
        last = match.capturedEnd();
    }
    result += QStringView(html).mid(last);
    return result;
}

struct InlineRule
{
    QRegularExpression pattern;
    QString replacement;
};

//! Discord's inline markdown, applied to already escaped text: the patterns only look for
//! markdown characters, which escaping leaves alone, and the replacements only add tags.
const QList<InlineRule> &inlineRules()
{
    static const QList<InlineRule> rules{
        // A masked link shows its text in link colour; the address is never shown or opened.
        {QRegularExpression(
             QStringLiteral(R"(\[([^\[\]\n]+)\]\((?:&lt;)?https?://[^\s()]+?(?:&gt;)?\))")),
         QStringLiteral(R"(<span style="color:#00a8fc;">\1</span>)")},
        {QRegularExpression(QStringLiteral(R"((?<![\w/;"])(https?://[^\s<]+))")),
         QStringLiteral(R"(<span style="color:#00a8fc;">\1</span>)")},
        {QRegularExpression(QStringLiteral(R"(\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*)")),
         QStringLiteral("<b><i>\\1</i></b>")},
        {QRegularExpression(QStringLiteral(R"(\*\*(?=\S)(.+?)(?<=\S)\*\*)")),
         QStringLiteral("<b>\\1</b>")},
        {QRegularExpression(QStringLiteral(R"(__(?=\S)(.+?)(?<=\S)__)")),
         QStringLiteral("<u>\\1</u>")},
        {QRegularExpression(QStringLiteral(R"(\*(?=\S)(.+?)(?<=\S)\*)")),
         QStringLiteral("<i>\\1</i>")},
        {QRegularExpression(QStringLiteral(R"((?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w))")),
         QStringLiteral("<i>\\1</i>")},
        {QRegularExpression(QStringLiteral(R"(~~(?=\S)(.+?)(?<=\S)~~)")),
         QStringLiteral("<s>\\1</s>")},
        {QRegularExpression(QStringLiteral(R"(\|\|(.+?)\|\|)")),
         QStringLiteral(R"(<span style="background-color:#1e1f22;">\1</span>)")},
    };
    return rules;
}

//! One line of escaped text with Discord's line-start markdown (heading, quote, bullet).
QString lineToHtml(const QString &line, bool atLineStart)
{
    static const QRegularExpression heading(QStringLiteral(R"(^(#{1,3}) (.+)$)"));
    static const QRegularExpression quote(QStringLiteral(R"(^&gt; ?(.*)$)"));
    static const QRegularExpression bullet(QStringLiteral(R"(^(\s*)[-*] (.+)$)"));
    if (!atLineStart)
        return line;
    if (const QRegularExpressionMatch match = heading.match(line); match.hasMatch()) {
        static constexpr int sizes[] = {24, 20, 16};
        return QStringLiteral(
                   R"(<span style="font-size:%1px; font-weight:700; color:#f2f3f5;">%2</span>)")
            .arg(sizes[match.capturedLength(1) - 1])
            .arg(match.captured(2));
    }
    if (const QRegularExpressionMatch match = quote.match(line); match.hasMatch())
        return QStringLiteral(R"(<span style="color:#4e5058;">&#9614;</span> )") +
               match.captured(1);
    if (const QRegularExpressionMatch match = bullet.match(line); match.hasMatch())
        return match.captured(1) + QStringLiteral("&#8226; ") + match.captured(2);
    return line;
}

// Discord's backslash escapes (what Markdown::literal() writes): a backslash before ASCII
// punctuation shows that character as typed. While the markdown rules run, each escaped
// character is parked in the Private Use Area, where no rule can see it.
constexpr char16_t kParkedBase = 0xE000;

QString parkEscapes(const QString &text)
{
    QString parked;
    parked.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        const bool escapable =
            next.unicode() > 0x20 && next.unicode() < 0x80 && (next.isPunct() || next.isSymbol());
        if (c == QLatin1Char('\\') && escapable) {
            parked.append(QChar(char16_t(kParkedBase + next.unicode())));
            ++i;
        } else {
            parked.append(c);
        }
    }
    return parked;
}

QString unparkEscapes(const QString &html)
{
    QString plain;
    plain.reserve(html.size());
    for (const QChar c : html) {
        if (c.unicode() >= kParkedBase && c.unicode() < kParkedBase + 0x80)
            plain.append(QString(QChar(char16_t(c.unicode() - kParkedBase))).toHtmlEscaped());
        else
            plain.append(c);
    }
    return plain;
}

//! Text outside code spans: escaped first, so nothing in it can become markup but Discord's
//! own markdown; backslash escapes show their character as typed.
QString textToHtml(const QString &rawText, bool atLineStart)
{
    const QString text = parkEscapes(rawText);
    static const QRegularExpression timestamp(
        QStringLiteral(R"(&lt;t:(-?\d{1,13})(?::([tTdDfFR]))?&gt;)"));
    static const QRegularExpression customEmoji(
        QStringLiteral(R"(&lt;a?:(\w{1,32}):\d{1,20}&gt;)"));
    // JavaScript's date range, which is what Discord's client can show.
    constexpr qint64 maxTimestamp = 8'640'000'000'000;

    const QStringList lines = text.toHtmlEscaped().split(QLatin1Char('\n'));
    QStringList converted;
    converted.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        converted.append(lineToHtml(lines.at(i), atLineStart || i > 0));
    QString html = converted.join(QLatin1Char('\n'));

    for (const InlineRule &rule : inlineRules())
        html.replace(rule.pattern, rule.replacement);
    html = replaceEach(html, timestamp, [](const QRegularExpressionMatch &match) {
        const qint64 seconds = match.captured(1).toLongLong();
        if (qAbs(seconds) > maxTimestamp)
            return match.captured(0);
        const QChar style = match.capturedLength(2) ? match.captured(2).at(0) : QLatin1Char('f');
        return QStringLiteral(R"(<span style="background-color:#3f4147;">%1</span>)")
            .arg(discordTimestamp(seconds, style).toHtmlEscaped());
    });
    html = replaceEach(html, customEmoji, [](const QRegularExpressionMatch &match) {
        return QLatin1Char(':') + match.captured(1) + QLatin1Char(':');
    });
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return unparkEscapes(html);
}

QString codeToHtml(QString code, bool block)
{
    if (block) {
        // ```lang\n…``` names a language on its first line; Discord does not show it.
        static const QRegularExpression language(QStringLiteral(R"(^[\w+#.-]*\n)"));
        code.remove(language);
        if (code.endsWith(QLatin1Char('\n')))
            code.chop(1);
    }
    QString html = code.toHtmlEscaped();
    if (block) {
        html.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        return QStringLiteral(R"(<br><code style="background-color:#1e1f22;">%1</code><br>)")
            .arg(html);
    }
    html.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return QStringLiteral(R"(<code style="background-color:#1e1f22;">%1</code>)").arg(html);
}

//! Discord markdown as Qt rich text. Everything that is not markdown is escaped: the text
//! comes from a payload (server names and descriptions are chosen by panel users).
QString markdownToHtml(const QString &text)
{
    QString html;
    qsizetype literalStart = 0;
    qsizetype pos = 0;
    while (true) {
        const qsizetype tick = text.indexOf(QLatin1Char('`'), pos);
        if (tick < 0)
            break;
        qsizetype fence = 1;
        while (fence < 3 && tick + fence < text.size() && text.at(tick + fence) == QLatin1Char('`'))
            ++fence;
        const QString delimiter(fence, QLatin1Char('`'));
        const qsizetype close = text.indexOf(delimiter, tick + fence);
        if (close < 0 || close == tick + fence) {
            // Unclosed or empty: Discord shows the backticks as they are.
            pos = tick + fence;
            continue;
        }
        html += textToHtml(text.mid(literalStart, tick - literalStart), literalStart == 0);
        html += codeToHtml(text.mid(tick + fence, close - tick - fence), fence == 3);
        pos = literalStart = close + fence;
    }
    html += textToHtml(text.mid(literalStart), literalStart == 0);
    return html;
}

// ---- Payload reading --------------------------------------------------------------------

//! A string member of \a object, empty unless it is a string, cut to Discord's \a limit: what
//! is longer Discord refuses, and a hostile body must not cost thousands of lines of layout.
QString stringOf(const QJsonObject &object, const QString &key, int limit)
{
    return MessageLimits::truncated(object.value(key).toString(), limit);
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    return when;
}

QColor embedColour(const QJsonValue &value)
{
    if (!value.isDouble())
        return QColor(kDefaultEmbedBar);
    const double colour = value.toDouble();
    if (colour < 0 || colour > double(MessageLimits::ColorMax) || colour != qint64(colour))
        return QColor(kDefaultEmbedBar);
    return QColor(QRgb(qint64(colour)));
}

// ---- Widgets ----------------------------------------------------------------------------

//! \a text with an invisible break opportunity (U+200B) inside every run of more than
//! kLongRun visible characters. Discord breaks words that do not fit (CSS break-word); a
//! QLabel only breaks at spaces, so one long name would stretch the card past the window.
//! In \a markup tags are skipped and an entity counts as one character.
QString breakLongRuns(const QString &text, bool markup)
{
    constexpr int kLongRun = 40;
    QString result;
    result.reserve(text.size());
    int run = 0;
    bool inTag = false;
    bool inEntity = false;
    for (const QChar ch : text) {
        if (markup && inTag) {
            inTag = ch != QLatin1Char('>');
        } else if (markup && ch == QLatin1Char('<')) {
            inTag = true;
        } else if (markup && inEntity) {
            inEntity = ch != QLatin1Char(';');
        } else if (ch.isSpace()) {
            run = 0;
        } else if (!ch.isLowSurrogate()) {
            if (run == kLongRun) {
                result += markup ? QStringLiteral("&#8203;") : QString(QChar(0x200B));
                run = 0;
            }
            ++run;
            inEntity = markup && ch == QLatin1Char('&');
        }
        result += ch;
    }
    return result;
}

QLabel *makeLabel(const QString &objectName, const QString &content, Qt::TextFormat format,
                  QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    // Never AutoText: a payload string that looks like HTML must stay text.
    label->setTextFormat(format);
    label->setText(breakLongRuns(content, format == Qt::RichText));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

QLabel *markdownLabel(const QString &objectName, const QString &markdown, QWidget *parent)
{
    return makeLabel(objectName, markdownToHtml(markdown), Qt::RichText, parent);
}

//! The bot's round avatar; Discord would show the application's icon, which we do not fetch.
class AvatarPlaceholder final : public QWidget
{
public:
    explicit AvatarPlaceholder(QWidget *parent)
        : QWidget(parent)
    {
        setFixedSize(kAvatarSize, kAvatarSize);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(kBlurple));
        painter.drawEllipse(rect());
        QFont font = this->font();
        font.setPixelSize(kAvatarSize / 2);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(rect(), Qt::AlignCenter, QStringLiteral("P"));
    }
};

//! The embed's card: dark rounded background with the colour bar on its left edge.
class EmbedCard final : public QWidget
{
public:
    EmbedCard(const QColor &bar, QWidget *parent)
        : QWidget(parent)
        , m_bar(bar)
    {
        setObjectName(QStringLiteral("embedCard"));
        setMaximumWidth(kEmbedMaxWidth);
        // As wide as Discord's embeds whatever the content, so that the card keeps its size
        // while the server's state (and with it the fields) changes.
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(rect()), kCornerRadius, kCornerRadius);
        painter.fillPath(shape, QColor(kEmbedBackground));
        painter.setClipPath(shape);
        painter.fillRect(QRect(0, 0, kEmbedBarWidth, height()), m_bar);
    }

private:
    QColor m_bar;
};

//! The embed's image, as wide as the card allows (never wider than itself), keeping its
//! aspect; the pixmap is rendered for the screen's pixel ratio so it stays sharp on high DPI.
class ScaledImage final : public QLabel
{
public:
    ScaledImage(const QPixmap &source, QWidget *parent)
        : QLabel(parent)
        , m_source(source)
    {
        setObjectName(QStringLiteral("embedImage"));
        setAlignment(Qt::AlignLeft | Qt::AlignTop);
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
        rescale(qMin(m_source.width(), kEmbedMaxWidth));
    }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override
    {
        return qRound(double(shownWidth(width)) * m_source.height() / m_source.width());
    }
    QSize sizeHint() const override
    {
        return QSize(m_source.width(), heightForWidth(m_source.width()));
    }
    // Small, so the card (and the window) can get narrower than the picture.
    QSize minimumSizeHint() const override
    {
        const int width = qMin(m_source.width(), 64);
        return QSize(width, heightForWidth(width));
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        rescale(width());
    }

private:
    int shownWidth(int available) const { return qBound(1, available, m_source.width()); }

    void rescale(int available)
    {
        const int width = shownWidth(available);
        const QSize logical(width, heightForWidth(width));
        if (logical == m_shownSize)
            return;
        m_shownSize = logical;
        const qreal ratio = devicePixelRatioF();
        const QSize device = (QSizeF(logical) * ratio).toSize().expandedTo(QSize(1, 1));
        QPixmap rounded(device);
        rounded.fill(Qt::transparent);
        {
            QPainter painter(&rounded);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
            QPainterPath shape;
            shape.addRoundedRect(QRectF(QPointF(0, 0), QSizeF(device)), kCornerRadius * ratio,
                                 kCornerRadius * ratio);
            painter.setClipPath(shape);
            painter.drawPixmap(
                QRect(QPoint(0, 0), device),
                m_source.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        }
        rounded.setDevicePixelRatio(ratio);
        setPixmap(rounded);
    }

    QPixmap m_source;
    QSize m_shownSize;
};

QWidget *imageWidget(const QJsonObject &embed, const QByteArray &imagePng, bool *pngUsed,
                     QWidget *parent)
{
    const QString url =
        embed.value(QStringLiteral("image")).toObject().value(QStringLiteral("url")).toString();
    if (url.isEmpty())
        return nullptr;
    if (url.startsWith(QStringLiteral("attachment://")) && !*pngUsed && !imagePng.isEmpty()) {
        QPixmap pixmap;
        if (pixmap.loadFromData(imagePng, "PNG") && !pixmap.isNull()) {
            *pngUsed = true;
            return new ScaledImage(pixmap, parent);
        }
    }
    auto *placeholder = makeLabel(QStringLiteral("embedImage"),
                                  EmbedPreview::tr("The image is not available in the preview"),
                                  Qt::PlainText, parent);
    placeholder->setProperty("imagePlaceholder", true);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setMinimumHeight(120);
    return placeholder;
}

QWidget *fieldWidget(const QString &name, const QString &value, QWidget *parent)
{
    auto *field = new QWidget(parent);
    field->setObjectName(QStringLiteral("embedField"));
    auto *layout = new QVBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(markdownLabel(QStringLiteral("embedFieldName"), name, field));
    layout->addWidget(markdownLabel(QStringLiteral("embedFieldValue"), value, field));
    return field;
}

//! Discord's field grid: consecutive inline fields share a row (up to three), any other
//! field has a row of its own.
QGridLayout *fieldGrid(const QJsonArray &fields, QWidget *parent)
{
    QList<QList<QWidget *>> rows;
    QList<QWidget *> inlineRow;
    int shown = 0;
    for (const QJsonValue &value : fields) {
        if (shown == MessageLimits::EmbedFields)
            break;
        const QJsonObject field = value.toObject();
        // Discord refuses a field without string name and value: show only what it would.
        if (!field.value(QStringLiteral("name")).isString() ||
            !field.value(QStringLiteral("value")).isString())
            continue;
        ++shown;
        QWidget *widget = fieldWidget(
            stringOf(field, QStringLiteral("name"), MessageLimits::EmbedFieldName),
            stringOf(field, QStringLiteral("value"), MessageLimits::EmbedFieldValue), parent);
        if (field.value(QStringLiteral("inline")).toBool()) {
            inlineRow.append(widget);
            if (inlineRow.size() == kInlineFieldsPerRow)
                rows.append(std::exchange(inlineRow, {}));
        } else {
            if (!inlineRow.isEmpty())
                rows.append(std::exchange(inlineRow, {}));
            rows.append({widget});
        }
    }
    if (!inlineRow.isEmpty())
        rows.append(inlineRow);
    if (rows.isEmpty())
        return nullptr;

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(8);
    for (int column = 0; column < kFieldColumns; ++column)
        grid->setColumnStretch(column, 1);
    for (int row = 0; row < rows.size(); ++row) {
        const int span = kFieldColumns / int(rows.at(row).size());
        for (int i = 0; i < rows.at(row).size(); ++i)
            grid->addWidget(rows.at(row).at(i), row, i * span, 1, span, Qt::AlignTop);
    }
    return grid;
}

//! One embed card, or nullptr when the embed has nothing Discord would show.
QWidget *embedWidget(const QJsonObject &embed, const QByteArray &imagePng, bool *pngUsed,
                     QWidget *parent)
{
    const QString author = stringOf(embed.value(QStringLiteral("author")).toObject(),
                                    QStringLiteral("name"), MessageLimits::EmbedAuthor);
    const QString title = stringOf(embed, QStringLiteral("title"), MessageLimits::EmbedTitle);
    const QString description =
        stringOf(embed, QStringLiteral("description"), MessageLimits::EmbedDescription);
    const QString footer = stringOf(embed.value(QStringLiteral("footer")).toObject(),
                                    QStringLiteral("text"), MessageLimits::EmbedFooter);
    const QDateTime timestamp = parseTimestamp(embed.value(QStringLiteral("timestamp")));

    auto *card = new EmbedCard(embedColour(embed.value(QStringLiteral("color"))), parent);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(kEmbedBarWidth + 12, 10, 16, 14);
    layout->setSpacing(6);
    bool empty = true;

    if (!author.isEmpty()) {
        layout->addWidget(makeLabel(QStringLiteral("embedAuthor"), author, Qt::PlainText, card));
        empty = false;
    }
    if (!title.isEmpty()) {
        QLabel *label = markdownLabel(QStringLiteral("embedTitle"), title, card);
        label->setProperty("linked", !embed.value(QStringLiteral("url")).toString().isEmpty());
        layout->addWidget(label);
        empty = false;
    }
    if (!description.isEmpty()) {
        layout->addWidget(markdownLabel(QStringLiteral("embedDescription"), description, card));
        empty = false;
    }
    if (QGridLayout *grid = fieldGrid(embed.value(QStringLiteral("fields")).toArray(), card)) {
        layout->addSpacing(2);
        layout->addLayout(grid);
        empty = false;
    }
    if (QWidget *image = imageWidget(embed, imagePng, pngUsed, card)) {
        layout->addSpacing(6);
        layout->addWidget(image);
        empty = false;
    }
    if (!footer.isEmpty() || timestamp.isValid()) {
        QStringList parts;
        if (!footer.isEmpty())
            parts.append(footer);
        if (timestamp.isValid())
            parts.append(QLocale().toString(timestamp.toLocalTime(), QLocale::ShortFormat));
        layout->addSpacing(2);
        layout->addWidget(makeLabel(QStringLiteral("embedFooter"),
                                    parts.join(QStringLiteral(" \u2022 ")), Qt::PlainText, card));
        empty = false;
    }
    if (empty) {
        delete card;
        return nullptr;
    }
    return card;
}

//! A select menu drawn as Discord draws it closed; the preview cannot open it.
QWidget *selectWidget(const QJsonObject &select, QWidget *parent)
{
    QString placeholder = MessageLimits::truncated(
        select.value(QStringLiteral("placeholder")).toString(), MessageLimits::SelectPlaceholder);
    if (placeholder.isEmpty())
        placeholder = EmbedPreview::tr("Make a selection");
    QLabel *label = makeLabel(QStringLiteral("embedSelect"),
                              placeholder + QStringLiteral("  \u25BE"), Qt::PlainText, parent);
    label->setWordWrap(false);
    label->setMinimumWidth(200);
    label->setMaximumWidth(400);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    label->setEnabled(!select.value(QStringLiteral("disabled")).toBool());
    return label;
}

} // namespace

EmbedPreview::EmbedPreview(QWidget *parent)
    : QWidget(parent)
{
    // Children are transparent: the message background is painted once, here.
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(discordStyleSheet());

    m_pages = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_hint = new QLabel(m_pages);
    m_hint->setObjectName(QStringLiteral("previewHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setMargin(24);
    m_pages->addWidget(m_hint);

    m_scroll = new QScrollArea(m_pages);
    m_scroll->setObjectName(QStringLiteral("previewScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->viewport()->setAutoFillBackground(false);
    // The content widget stays while messages are swapped in it, so a refreshed embed keeps
    // the reader's scroll position.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("previewContent"));
    m_contentLayout = new QVBoxLayout(content);
    m_contentLayout->setContentsMargins(0, 0, 0, 0);
    m_contentLayout->addStretch(1);
    m_scroll->setWidget(content);
    content->setAutoFillBackground(false); // setWidget() turned it on
    m_pages->addWidget(m_scroll);

    showHint(tr("No message to preview"));
}

EmbedPreview::~EmbedPreview() = default;

void EmbedPreview::setPayload(const QJsonObject &payload, const QByteArray &imagePng)
{
    QWidget *old = m_message;
    m_buttons.clear();
    m_message = buildMessage(payload, imagePng);
    m_contentLayout->insertWidget(0, m_message);
    // Shown now, not by the layout's queued show: in between, the content would have no
    // height and the scroll position would be lost.
    m_message->show();
    if (old) {
        // Later, not now: the payload may be set from a slot of one of the old buttons.
        old->hide();
        old->deleteLater();
    }
    updateButtonHints();
    m_pages->setCurrentWidget(m_scroll);
}

void EmbedPreview::showHint(const QString &hint)
{
    if (m_message) {
        m_message->hide();
        m_message->deleteLater();
        m_message = nullptr;
    }
    m_buttons.clear();
    m_hint->setText(hint);
    m_pages->setCurrentWidget(m_hint);
}

void EmbedPreview::setButtonsInteractive(bool interactive)
{
    if (m_interactive == interactive)
        return;
    m_interactive = interactive;
    updateButtonHints();
}

bool EmbedPreview::buttonsInteractive() const
{
    return m_interactive;
}

QWidget *EmbedPreview::buildMessage(const QJsonObject &payload, const QByteArray &imagePng)
{
    auto *message = new QWidget;
    message->setObjectName(QStringLiteral("previewMessage"));
    auto *row = new QHBoxLayout(message);
    row->setContentsMargins(16, 16, 16, 16);
    row->setSpacing(16);
    row->addWidget(new AvatarPlaceholder(message), 0, Qt::AlignTop);

    auto *body = new QVBoxLayout;
    body->setSpacing(4);
    row->addLayout(body, 1);

    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    for (QLabel *label :
         {makeLabel(QStringLiteral("botName"), tr("Pterodisbot"), Qt::PlainText, message),
          makeLabel(QStringLiteral("appTag"), tr("APP"), Qt::PlainText, message)}) {
        label->setWordWrap(false);
        label->setTextInteractionFlags(Qt::NoTextInteraction);
        label->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        header->addWidget(label, 0, Qt::AlignVCenter);
    }
    header->addStretch(1);
    body->addLayout(header);
    body->addSpacing(2);

    const QString content =
        stringOf(payload, QStringLiteral("content"), MessageLimits::ContentLength);
    if (!content.isEmpty())
        body->addWidget(markdownLabel(QStringLiteral("messageContent"), content, message));

    const bool suppressed =
        payload.value(QStringLiteral("flags")).toInt() & Message::SuppressEmbeds;
    int embeds = 0;
    if (!suppressed) {
        bool pngUsed = false;
        for (const QJsonValue &value : payload.value(QStringLiteral("embeds")).toArray()) {
            if (embeds == MessageLimits::EmbedsPerMessage)
                break;
            QWidget *card = embedWidget(value.toObject(), imagePng, &pngUsed, message);
            if (!card)
                continue;
            // In a row of its own the card stops at its maximum width and still gets the height
            // for the width it has.
            auto *cardRow = new QHBoxLayout;
            cardRow->addWidget(card, 1);
            cardRow->addStretch(0);
            body->addLayout(cardRow);
            ++embeds;
        }
    }
    if (embeds == 0) {
        body->addWidget(makeLabel(QStringLiteral("messageNote"),
                                  suppressed ? tr("The embeds of this message are hidden")
                                             : tr("This message has no embed"),
                                  Qt::PlainText, message));
    }
    addComponents(body, payload.value(QStringLiteral("components")).toArray());
    return message;
}

void EmbedPreview::addComponents(QVBoxLayout *layout, const QJsonArray &rows)
{
    QWidget *parent = layout->parentWidget();
    int shownRows = 0;
    for (const QJsonValue &rowValue : rows) {
        if (shownRows == MessageLimits::ActionRows)
            break;
        const QJsonObject row = rowValue.toObject();
        if (row.value(QStringLiteral("type")).toInt() != int(ComponentType::ActionRow))
            continue;
        auto *line = new QHBoxLayout;
        line->setSpacing(8);
        int shown = 0;
        for (const QJsonValue &componentValue : row.value(QStringLiteral("components")).toArray()) {
            if (shown == MessageLimits::ButtonsPerRow)
                break;
            const QJsonObject component = componentValue.toObject();
            const int type = component.value(QStringLiteral("type")).toInt();
            if (type == int(ComponentType::Button)) {
                if (QPushButton *button = makeButton(component, parent)) {
                    line->addWidget(button);
                    ++shown;
                }
            } else if (type == int(ComponentType::StringSelect) ||
                       (type >= int(ComponentType::UserSelect) &&
                        type <= int(ComponentType::ChannelSelect))) {
                // A select fills its row alone.
                line->addWidget(selectWidget(component, parent));
                shown = MessageLimits::ButtonsPerRow;
            }
        }
        if (shown == 0) {
            delete line;
            continue;
        }
        line->addStretch(1);
        if (shownRows == 0)
            layout->addSpacing(4);
        layout->addLayout(line);
        ++shownRows;
    }
}

QPushButton *EmbedPreview::makeButton(const QJsonObject &json, QWidget *parent)
{
    const QString label = MessageLimits::truncated(json.value(QStringLiteral("label")).toString(),
                                                   MessageLimits::ButtonLabel);
    const QJsonObject emoji = json.value(QStringLiteral("emoji")).toObject();
    QString emojiText =
        MessageLimits::truncated(emoji.value(QStringLiteral("name")).toString(), kEmojiNameMax);
    // A custom emoji is an image we do not fetch: Discord's :name: form says which.
    if (!emojiText.isEmpty() && !emoji.value(QStringLiteral("id")).toString().isEmpty())
        emojiText = QLatin1Char(':') + emojiText + QLatin1Char(':');
    if (label.isEmpty() && emojiText.isEmpty())
        return nullptr;

    int style = json.value(QStringLiteral("style")).toInt();
    if (style < int(ButtonStyle::Primary) || style > int(ButtonStyle::Link))
        style = int(ButtonStyle::Secondary);
    QString caption = emojiText;
    if (!label.isEmpty())
        caption += (caption.isEmpty() ? QString() : QStringLiteral(" ")) + label;
    if (style == int(ButtonStyle::Link))
        caption += QStringLiteral(" \u2197");
    // '&' would turn the next letter into a shortcut.
    caption.replace(QLatin1Char('&'), QStringLiteral("&&"));

    auto *button = new QPushButton(caption, parent);
    button->setObjectName(QStringLiteral("embedButton"));
    button->setProperty("buttonStyle", style);
    button->setProperty("customId", style == int(ButtonStyle::Link)
                                        ? QString()
                                        : json.value(QStringLiteral("custom_id")).toString());
    button->setEnabled(!json.value(QStringLiteral("disabled")).toBool());
    button->setFocusPolicy(Qt::StrongFocus);
    button->setAutoDefault(false);
    button->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(button, &QPushButton::clicked, this, [this, button] { onButtonClicked(button); });
    m_buttons.append(button);
    return button;
}

void EmbedPreview::onButtonClicked(QPushButton *button)
{
    if (!m_interactive || !button->isEnabled())
        return;
    const QString customId = button->property("customId").toString();
    if (!customId.isEmpty())
        emit buttonPressed(customId);
}

void EmbedPreview::updateButtonHints()
{
    for (const QPointer<QPushButton> &button : std::as_const(m_buttons)) {
        if (!button)
            continue;
        const bool link = button->property("buttonStyle").toInt() == int(ButtonStyle::Link);
        const bool pressable = m_interactive && !link;
        if (link)
            button->setToolTip(tr("A link button: Discord opens its address"));
        else if (pressable)
            button->setToolTip(tr("Press to send this button to the bot, as a member with the "
                                  "control role"));
        else
            button->setToolTip(tr("Press this button in Discord to use it"));
        button->setCursor(pressable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    }
}

} // namespace Pterodisbot
