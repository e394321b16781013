#include "EmbedPreview.h"
#include "StatusFixtures.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include "bot/CustomId.h"
#include "bot/StatusEmbed.h"
#include "QtChartRenderer.h"

using namespace Pterodisbot;

namespace {

using Action = CustomId::PowerAction;

StatusView statusView(PowerState state)
{
    StatusView view;
    view.server = TestSupport::survivalServer();
    view.sample = TestSupport::survivalSample(state);
    view.updatedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    if (state == PowerState::Running)
        view.chartFileName = StatusEmbed::chartFileName(view.server.identifier);
    return view;
}

//! The body the bot sends for \a view, built by the bot's own code.
QJsonObject statusPayload(const StatusView &view)
{
    Message message = StatusEmbed::message(view);
    // The image is kept only when the message carries its file, as when the bot uploads it.
    if (!view.chartFileName.isEmpty())
        message.files = {MessageFile{view.chartFileName, QByteArrayLiteral("\x89PNG")}};
    return message.toJson();
}

//! The graph the bot attaches, drawn by the bot's renderer.
QByteArray chartPng()
{
    ChartInput input;
    input.title = QStringLiteral("Survival");
    input.cpuLimitPercent = 200;
    input.memoryLimitMiB = 4096;
    const qint64 start = 1'700'000'000'000;
    const double cpu[] = {40, 85, 120, 150, 132, 150};
    const double memory[] = {900, 1010, 1100, 1180, 1210, 1228};
    for (int i = 0; i < 6; ++i) {
        input.cpuPercent.append(QPointF(double(start + i * 10'000), cpu[i]));
        input.memoryMiB.append(QPointF(double(start + i * 10'000), memory[i]));
    }
    QtChartRenderer renderer;
    return renderer.render(ChartRenderer::Kind::Combined, input);
}

QByteArray pngOf(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, QColor(0x5865f2));
    gradient.setColorAt(1, QColor(0x57f287));
    painter.fillRect(image.rect(), gradient);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QJsonObject embedPayload(const QJsonObject &embed)
{
    return QJsonObject{{QStringLiteral("embeds"), QJsonArray{embed}}};
}

QJsonObject buttonJson(int style, const QString &label, const QString &customId,
                       bool disabled = false)
{
    QJsonObject button{{QStringLiteral("type"), 2},
                       {QStringLiteral("style"), style},
                       {QStringLiteral("label"), label},
                       {QStringLiteral("custom_id"), customId}};
    if (disabled)
        button.insert(QStringLiteral("disabled"), true);
    return button;
}

//! What a reader sees of a label, whether its text is plain or rich.
QString shownText(const QLabel *label)
{
    // Long words carry invisible break opportunities (U+200B), as Discord breaks them.
    const QChar breakOpportunity(0x200B);
    if (label->textFormat() == Qt::PlainText)
        return QString(label->text()).remove(breakOpportunity);
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText()
        .replace(QChar::LineSeparator, QLatin1Char('\n'))
        .remove(breakOpportunity);
}

QStringList shownTexts(const QWidget &root, const QString &objectName)
{
    QStringList texts;
    for (const QLabel *label : root.findChildren<QLabel *>(objectName))
        texts.append(shownText(label));
    return texts;
}

QList<QPushButton *> buttons(const QWidget &root)
{
    return root.findChildren<QPushButton *>(QStringLiteral("embedButton"));
}

QPushButton *buttonFor(const QWidget &root, const QString &customId)
{
    for (QPushButton *button : buttons(root)) {
        if (button->property("customId").toString() == customId)
            return button;
    }
    return nullptr;
}

QString powerId(Action action)
{
    return CustomId::power(action, QStringLiteral("1a7ce997")).encode();
}

//! Saves a picture of \a widget to \a path and checks that something was drawn: a blank or
//! single-colour picture means the preview shows nothing. Fails the running test otherwise.
void checkPicture(QWidget &widget, const QString &path)
{
    QVERIFY2(widget.grab().save(path, "PNG"), qPrintable(path));
    const QImage picture(path);
    QVERIFY(!picture.isNull());
    QVERIFY(picture.width() > 100 && picture.height() > 100);
    QSet<QRgb> colours;
    for (int y = 0; y < picture.height(); y += 3) {
        for (int x = 0; x < picture.width(); x += 3)
            colours.insert(picture.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, "the picture is (nearly) one colour");
}

} // namespace

class TestEmbedPreview final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_pictures.isValid()); }

    // The running server's embed as the bot sends it: every text of it is on screen.
    void showsTheBotsStatusEmbed()
    {
        const StatusView view = statusView(PowerState::Running);
        const QJsonObject payload = statusPayload(view);
        const QJsonObject embed =
            payload.value(QStringLiteral("embeds")).toArray().at(0).toObject();
        QVERIFY(embed.contains(QStringLiteral("image")));

        EmbedPreview preview;
        preview.resize(640, 1000);
        preview.setPayload(payload, chartPng());
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));

        QCOMPARE(shownTexts(preview, QStringLiteral("embedTitle")),
                 QStringList{QStringLiteral("Survival")});
        QCOMPARE(shownTexts(preview, QStringLiteral("embedDescription")),
                 QStringList{QStringLiteral("Vanilla survival, whitelist only")});

        const QJsonArray fields = embed.value(QStringLiteral("fields")).toArray();
        QCOMPARE(fields.size(), 7); // State, Node, CPU, Memory, Disk, Network, Uptime
        const auto shownFields = preview.findChildren<QWidget *>(QStringLiteral("embedField"));
        QCOMPARE(shownFields.size(), fields.size());
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QJsonObject field = fields.at(i).toObject();
            const QString name = field.value(QStringLiteral("name")).toString();
            const QString value = field.value(QStringLiteral("value")).toString();
            const QWidget *shown = shownFields.at(i);
            QCOMPARE(shownTexts(*shown, QStringLiteral("embedFieldName")), QStringList{name});
            QCOMPARE(shownTexts(*shown, QStringLiteral("embedFieldValue")), QStringList{value});
            QVERIFY2(shown->isVisible(), qPrintable(name));
        }

        const QStringList footer = shownTexts(preview, QStringLiteral("embedFooter"));
        QCOMPARE(footer.size(), 1);
        QVERIFY(footer.at(0).startsWith(QStringLiteral("Last update · 1a7ce997")));
        QVERIFY2(footer.at(0).endsWith(
                     QLocale().toString(view.updatedAt.toLocalTime(), QLocale::ShortFormat)),
                 qPrintable(footer.at(0)));

        const auto images = preview.findChildren<QLabel *>(QStringLiteral("embedImage"));
        QCOMPARE(images.size(), 1);
        QVERIFY(!images.at(0)->pixmap().isNull());

        // The card's bar has the embed's colour (running: green).
        QWidget *card = preview.findChild<QWidget *>(QStringLiteral("embedCard"));
        QVERIFY(card);
        const QImage cardPicture = card->grab().toImage();
        const qreal ratio = cardPicture.devicePixelRatio();
        QCOMPARE(QColor(cardPicture.pixel(int(2 * ratio), cardPicture.height() / 2)),
                 QColor(QRgb(StatusEmbed::ColourRunning)));
        // Nothing of the message is wider than Discord's embed.
        QVERIFY(card->width() <= 520);

        checkPicture(preview, m_pictures.filePath(QStringLiteral("status.png")));
        const QString screenshot = qEnvironmentVariable("EMBEDPREVIEW_SCREENSHOT");
        if (!screenshot.isEmpty())
            QVERIFY(preview.grab().save(screenshot, "PNG"));
    }

    // Which buttons the bot disables in which state, and that the preview agrees.
    void buttonStates_data()
    {
        QTest::addColumn<int>("power");
        QTest::addColumn<bool>("start");
        QTest::addColumn<bool>("stop");
        QTest::addColumn<bool>("restart");
        QTest::newRow("running") << int(PowerState::Running) << false << true << true;
        QTest::newRow("offline") << int(PowerState::Offline) << true << false << false;
        QTest::newRow("stopping") << int(PowerState::Stopping) << false << false << false;
    }
    void buttonStates()
    {
        QFETCH(int, power);
        QFETCH(bool, start);
        QFETCH(bool, stop);
        QFETCH(bool, restart);

        const QJsonObject payload = statusPayload(statusView(PowerState(power)));
        EmbedPreview preview;
        preview.setPayload(payload);

        QCOMPARE(buttons(preview).size(), 4);
        QPushButton *startButton = buttonFor(preview, powerId(Action::Start));
        QPushButton *stopButton = buttonFor(preview, powerId(Action::Stop));
        QPushButton *restartButton = buttonFor(preview, powerId(Action::Restart));
        QPushButton *addressButton =
            buttonFor(preview, CustomId::address(QStringLiteral("1a7ce997")).encode());
        QVERIFY(startButton && stopButton && restartButton && addressButton);
        QCOMPARE(startButton->isEnabled(), start);
        QCOMPARE(stopButton->isEnabled(), stop);
        QCOMPARE(restartButton->isEnabled(), restart);
        QVERIFY(addressButton->isEnabled());
        QVERIFY(startButton->text().contains(QStringLiteral("Start")));
        QVERIFY(addressButton->text().contains(QStringLiteral("Show Address")));
        // Discord's colours: Start success, Stop danger, Restart primary, Address secondary.
        QCOMPARE(startButton->property("buttonStyle").toInt(), 3);
        QCOMPARE(stopButton->property("buttonStyle").toInt(), 4);
        QCOMPARE(restartButton->property("buttonStyle").toInt(), 1);
        QCOMPARE(addressButton->property("buttonStyle").toInt(), 2);
        for (QPushButton *button : buttons(preview))
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
    }

    void pressing_data()
    {
        QTest::addColumn<bool>("interactive");
        QTest::newRow("interactive") << true;
        QTest::newRow("inert") << false;
    }
    void pressing()
    {
        QFETCH(bool, interactive);

        EmbedPreview preview;
        QVERIFY(!preview.buttonsInteractive());
        preview.setButtonsInteractive(interactive);
        QCOMPARE(preview.buttonsInteractive(), interactive);
        preview.setPayload(statusPayload(statusView(PowerState::Running)));
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QSignalSpy pressed(&preview, &EmbedPreview::buttonPressed);

        QPushButton *stopButton = buttonFor(preview, powerId(Action::Stop));
        QPushButton *startButton = buttonFor(preview, powerId(Action::Start));
        QVERIFY(stopButton && startButton);
        QTest::mouseClick(stopButton, Qt::LeftButton);
        QTest::mouseClick(startButton, Qt::LeftButton); // disabled while running
        if (interactive) {
            QCOMPARE(pressed.size(), 1);
            QCOMPARE(pressed.at(0).at(0).toString(), powerId(Action::Stop));
        } else {
            QCOMPARE(pressed.size(), 0);
            QVERIFY2(stopButton->toolTip().contains(QStringLiteral("Discord")),
                     qPrintable(stopButton->toolTip()));
        }

        // The keyboard presses the same buttons: Tab moves from Stop to Restart, Space presses.
        preview.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&preview));
        stopButton->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), stopButton);
        QTest::keyClick(stopButton, Qt::Key_Tab);
        QPushButton *restartButton = buttonFor(preview, powerId(Action::Restart));
        QTRY_COMPARE(QApplication::focusWidget(), restartButton);
        QTest::keyClick(restartButton, Qt::Key_Space);
        QCOMPARE(pressed.size(), interactive ? 2 : 0);
        if (interactive)
            QCOMPARE(pressed.at(1).at(0).toString(), powerId(Action::Restart));
    }

    // Switching modes applies to the buttons already shown.
    void switchingModes()
    {
        EmbedPreview preview;
        preview.setPayload(statusPayload(statusView(PowerState::Running)));
        QSignalSpy pressed(&preview, &EmbedPreview::buttonPressed);
        QPushButton *stopButton = buttonFor(preview, powerId(Action::Stop));
        QVERIFY(stopButton);
        const QString inertTip = stopButton->toolTip();
        stopButton->click();
        QCOMPARE(pressed.size(), 0);
        preview.setButtonsInteractive(true);
        QVERIFY(stopButton->toolTip() != inertTip);
        stopButton->click();
        QCOMPARE(pressed.size(), 1);
        preview.setButtonsInteractive(false);
        QCOMPARE(stopButton->toolTip(), inertTip);
        stopButton->click();
        QCOMPARE(pressed.size(), 1);
    }

    // A press may lead straight to a new payload (the demo re-renders on the bot's answer):
    // replacing the message from inside the button's own signal must be safe.
    void replacedFromAPress()
    {
        EmbedPreview preview;
        preview.setButtonsInteractive(true);
        preview.setPayload(statusPayload(statusView(PowerState::Running)));
        connect(&preview, &EmbedPreview::buttonPressed, &preview, [&preview] {
            preview.setPayload(statusPayload(statusView(PowerState::Stopping)));
        });
        QPushButton *stopButton = buttonFor(preview, powerId(Action::Stop));
        QVERIFY(stopButton);
        QPointer<QPushButton> old = stopButton;
        stopButton->click();
        QTRY_VERIFY(!old);
        QPushButton *newStop = buttonFor(preview, powerId(Action::Stop));
        QVERIFY(newStop);
        QVERIFY(!newStop->isEnabled());
        QCOMPARE(buttons(preview).size(), 4);
    }

    // A tall embed scrolls, and the bot's next edit of it does not throw the reader back to
    // the top.
    void scrollsAndKeepsPosition()
    {
        const QJsonObject payload = statusPayload(statusView(PowerState::Running));
        const QByteArray png = pngOf(QSize(1200, 800));
        EmbedPreview preview;
        preview.resize(560, 300);
        preview.setPayload(payload, png);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        auto *scroll = preview.findChild<QScrollArea *>();
        QVERIFY(scroll);
        QScrollBar *bar = scroll->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 300);
        bar->setValue(bar->maximum() / 2);
        const int position = bar->value();
        QVERIFY(position > 0);

        QPointer<QWidget> oldTitle = preview.findChild<QLabel *>(QStringLiteral("embedTitle"));
        preview.setPayload(payload, png);
        QTRY_VERIFY(!oldTitle);
        QTRY_VERIFY(bar->maximum() > 300);
        QCOMPARE(bar->value(), position);
    }

    void image_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("png");
        QTest::addColumn<int>("images"); // embedImage widgets
        QTest::addColumn<bool>("pixmap");
        const QString attachment = QStringLiteral("attachment://1a7ce997_status.png");
        QTest::newRow("png") << attachment << pngOf(QSize(300, 200)) << 1 << true;
        QTest::newRow("wide png") << attachment << pngOf(QSize(1500, 500)) << 1 << true;
        QTest::newRow("no bytes") << attachment << QByteArray() << 1 << false;
        QTest::newRow("not a png") << attachment << QByteArray("GIF89a garbage") << 1 << false;
        QTest::newRow("web image")
            << "https://example.com/x.png" << pngOf(QSize(30, 20)) << 1 << false;
        QTest::newRow("no image") << QString() << pngOf(QSize(30, 20)) << 0 << false;
    }
    void image()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, png);
        QFETCH(int, images);
        QFETCH(bool, pixmap);

        QJsonObject embed{{QStringLiteral("title"), QStringLiteral("Graph")}};
        if (!url.isEmpty())
            embed.insert(QStringLiteral("image"), QJsonObject{{QStringLiteral("url"), url}});
        EmbedPreview preview;
        preview.resize(700, 800);
        preview.setPayload(embedPayload(embed), png);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));

        const auto shown = preview.findChildren<QLabel *>(QStringLiteral("embedImage"));
        QCOMPARE(shown.size(), images);
        if (!images)
            return;
        const QLabel *label = shown.at(0);
        QVERIFY(label->isVisible());
        if (!pixmap) {
            QVERIFY(label->pixmap().isNull());
            QVERIFY2(shownText(label).contains(QStringLiteral("not available")),
                     qPrintable(shownText(label)));
            return;
        }
        const QPixmap picture = label->pixmap();
        QVERIFY(!picture.isNull());
        const QImage source = QImage::fromData(png, "PNG");
        const QSizeF logical = picture.deviceIndependentSize();
        // As wide as the card allows, never wider than the image itself, aspect kept.
        QVERIFY(logical.width() <= source.width());
        QVERIFY(logical.width() <= label->width() + 1);
        QVERIFY(logical.width() >= qMin(source.width(), 400));
        QVERIFY(qAbs(logical.width() / logical.height() -
                     double(source.width()) / source.height()) < 0.05);
        QCOMPARE(picture.devicePixelRatio(), label->devicePixelRatioF());
    }

    // Text of a payload is untrusted: only Discord's markdown becomes formatting.
    void markdown_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("tag"); // in the label's rich text; empty: none expected
        QTest::newRow("bold") << "**12 %** of it"
                              << "12 % of it"
                              << "<b>";
        QTest::newRow("italic") << "*soon*"
                                << "soon"
                                << "<i>";
        QTest::newRow("code") << "`mc.example.com`"
                              << "mc.example.com"
                              << "<code";
        QTest::newRow("markdown in code") << "`**x**`"
                                          << "**x**"
                                          << "<code";
        QTest::newRow("html") << "<b>not bold</b>"
                              << "<b>not bold</b>" << QString();
        QTest::newRow("script") << "<script>alert(1)</script>"
                                << "<script>alert(1)</script>" << QString();
        QTest::newRow("image tag") << "<img src=\"file:///etc/passwd\">"
                                   << "<img src=\"file:///etc/passwd\">" << QString();
        QTest::newRow("entity") << "a &amp; b & c"
                                << "a &amp; b & c" << QString();
        QTest::newRow("unclosed") << "**half and `tick"
                                  << "**half and `tick" << QString();
        QTest::newRow("multiplication") << "2 * 3 * 4"
                                        << "2 * 3 * 4" << QString();
        QTest::newRow("snake case") << "my_server_name"
                                    << "my_server_name" << QString();
        QTest::newRow("lines") << "one\ntwo"
                               << "one\ntwo" << QString();
        QTest::newRow("masked link") << "[panel](https://panel.example.com)"
                                     << "panel" << QString();
        const QDateTime epoch = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        QTest::newRow("date") << "<t:0:d>"
                              << QLocale().toString(epoch.toLocalTime().date(),
                                                    QLocale::ShortFormat)
                              << QString();
        const qint64 twoHoursAgo = QDateTime::currentSecsSinceEpoch() - 7200;
        QTest::newRow("relative time")
            << QStringLiteral("Last heard from <t:%1:R>.").arg(twoHoursAgo)
            // The widget's own words, so the row holds whatever the translation says.
            << QStringLiteral("Last heard from %1.")
                   .arg(EmbedPreview::tr("%1 ago").arg(EmbedPreview::tr("%n hour(s)", nullptr, 2)))
            << QString();
        QTest::newRow("not a timestamp") << "<t:soon>"
                                         << "<t:soon>" << QString();
        // What Markdown::literal() writes for hostile server names shows as typed, as in
        // Discord: no backslash, no markup.
        QTest::newRow("escaped bold") << "\\*\\*@everyone\\*\\*"
                                      << "**@everyone**" << QString();
        QTest::newRow("escaped link") << "\\[Click](http\\://evil.example)"
                                      << "[Click](http://evil.example)" << QString();
        QTest::newRow("escaped underscore") << "Rust\\_Monthly"
                                            << "Rust_Monthly" << QString();
        QTest::newRow("escaped tag") << "\\<b>x\\</b>"
                                     << "<b>x</b>" << QString();
        QTest::newRow("backslash before a letter") << "C:\\Games"
                                                   << "C:\\Games" << QString();
    }
    void markdown()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, shown);
        QFETCH(QString, tag);

        EmbedPreview preview;
        preview.setPayload(embedPayload({{QStringLiteral("description"), markdown}}));
        const auto labels = preview.findChildren<QLabel *>(QStringLiteral("embedDescription"));
        QCOMPARE(labels.size(), 1);
        QCOMPARE(shownText(labels.at(0)), shown);
        QVERIFY(labels.at(0)->textFormat() != Qt::AutoText);
        if (!tag.isEmpty())
            QVERIFY2(labels.at(0)->text().contains(tag), qPrintable(labels.at(0)->text()));
        QVERIFY(!labels.at(0)->text().contains(QStringLiteral("<script")));
        QVERIFY(!labels.at(0)->text().contains(QStringLiteral("<img")));
    }

    // Link buttons and selects are shown, but only buttons with a custom_id can be pressed.
    void otherComponents()
    {
        QJsonObject link{{QStringLiteral("type"), 2},
                         {QStringLiteral("style"), 5},
                         {QStringLiteral("label"), QStringLiteral("Panel & docs")},
                         {QStringLiteral("url"), QStringLiteral("https://panel.example.com")}};
        QJsonObject select{{QStringLiteral("type"), 3},
                           {QStringLiteral("custom_id"), QStringLiteral("pdb:v1:select:0")},
                           {QStringLiteral("placeholder"), QStringLiteral("Choose a server")},
                           {QStringLiteral("options"), QJsonArray()}};
        QJsonObject payload = embedPayload({{QStringLiteral("title"), QStringLiteral("Servers")}});
        payload.insert(QStringLiteral("components"),
                       QJsonArray{QJsonObject{{QStringLiteral("type"), 1},
                                              {QStringLiteral("components"), QJsonArray{link}}},
                                  QJsonObject{{QStringLiteral("type"), 1},
                                              {QStringLiteral("components"), QJsonArray{select}}}});
        EmbedPreview preview;
        preview.setButtonsInteractive(true);
        preview.setPayload(payload);
        QSignalSpy pressed(&preview, &EmbedPreview::buttonPressed);

        const auto shown = buttons(preview);
        QCOMPARE(shown.size(), 1);
        QPushButton *linkButton = shown.at(0);
        QVERIFY(linkButton->isEnabled());
        QVERIFY(linkButton->property("customId").toString().isEmpty());
        QCOMPARE(linkButton->property("buttonStyle").toInt(), 5);
        // '&' is shown, not turned into a keyboard shortcut.
        QVERIFY2(linkButton->text().startsWith(QStringLiteral("Panel && docs")),
                 qPrintable(linkButton->text()));
        linkButton->click();
        QCOMPARE(pressed.size(), 0);

        const QStringList selects = shownTexts(preview, QStringLiteral("embedSelect"));
        QCOMPARE(selects.size(), 1);
        QVERIFY(selects.at(0).startsWith(QStringLiteral("Choose a server")));
    }

    // Hostile or broken bodies: never a crash, always what can be shown.
    void malformed_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("title"); // shown title; empty: none
        QTest::addColumn<int>("fields");
        QTest::addColumn<int>("buttons");
        QTest::addColumn<bool>("noEmbedNote");

        const auto parse = [](const char *json) {
            return QJsonDocument::fromJson(QByteArray(json)).object();
        };
        QTest::newRow("empty object") << QJsonObject() << QString() << 0 << 0 << true;
        QTest::newRow("embeds not an array")
            << parse(R"({"embeds": "Survival"})") << QString() << 0 << 0 << true;
        QTest::newRow("embeds not objects")
            << parse(R"({"embeds": [1, "a", null, []]})") << QString() << 0 << 0 << true;
        QTest::newRow("only content")
            << parse(R"({"content": "hello"})") << QString() << 0 << 0 << true;
        QTest::newRow("numbers for strings")
            << parse(R"({"embeds": [{"title": "Survival", "fields": [
                   {"name": 1, "value": 2}, {"name": "ok", "value": 3},
                   {"name": "State", "value": "Running", "inline": "yes"}]}]})")
            << "Survival" << 1 << 0 << false;
        QTest::newRow("wrong types everywhere")
            << parse(R"({"content": 5, "embeds": [{"title": {}, "description": [],
                   "color": "red", "timestamp": 12, "footer": "x", "author": [], "image": "y",
                   "fields": {"name": "a"}}], "components": [{"type": "1"}, 7,
                   {"type": 1, "components": {"type": 2}}], "flags": "lots"})")
            << QString() << 0 << 0 << true;
        QTest::newRow("silly colour and timestamp")
            << parse(R"({"embeds": [{"title": "Survival", "color": 1e300,
                   "timestamp": "yesterday"}]})")
            << "Survival" << 0 << 0 << false;

        QJsonArray manyFields;
        for (int i = 0; i < 30; ++i)
            manyFields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("n%1").arg(i)},
                                          {QStringLiteral("value"), QStringLiteral("v")},
                                          {QStringLiteral("inline"), i % 2 == 0}});
        QTest::newRow("30 fields")
            << embedPayload({{QStringLiteral("title"), QStringLiteral("Survival")},
                             {QStringLiteral("fields"), manyFields}})
            << "Survival" << 25 << 0 << false;

        QJsonArray hundredButtons;
        for (int i = 0; i < 100; ++i)
            hundredButtons.append(
                buttonJson(1 + i % 5, QStringLiteral("B%1").arg(i), QStringLiteral("id%1").arg(i)));
        QJsonObject oneRow = embedPayload({{QStringLiteral("title"), QStringLiteral("Survival")}});
        oneRow.insert(QStringLiteral("components"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), 1},
                                             {QStringLiteral("components"), hundredButtons}}});
        QTest::newRow("100 buttons in a row") << oneRow << "Survival" << 0 << 5 << false;

        QJsonArray hundredRows;
        for (int i = 0; i < 100; ++i)
            hundredRows.append(QJsonObject{
                {QStringLiteral("type"), 1},
                {QStringLiteral("components"),
                 QJsonArray{buttonJson(2, QStringLiteral("B"), QStringLiteral("id%1").arg(i))}}});
        QTest::newRow("100 rows") << QJsonObject{{QStringLiteral("components"), hundredRows}}
                                  << QString() << 0 << 5 << true;

        QTest::newRow("10000-character title")
            << embedPayload({{QStringLiteral("title"), QString(10000, QLatin1Char('x'))}})
            << QString(255, QLatin1Char('x')) + QChar(0x2026) << 0 << 0 << false;
        QTest::newRow("huge description")
            << embedPayload({{QStringLiteral("title"), QStringLiteral("Survival")},
                             {QStringLiteral("description"),
                              QStringLiteral("**a** *b* `c` ").repeated(20000)}})
            << "Survival" << 0 << 0 << false;
    }
    void malformed()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QString, title);
        QFETCH(int, fields);
        QFETCH(int, buttons);
        QFETCH(bool, noEmbedNote);

        EmbedPreview preview;
        preview.resize(600, 700);
        preview.setPayload(payload, QByteArray("\x89PNG broken"));
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));

        QCOMPARE(shownTexts(preview, QStringLiteral("embedTitle")),
                 title.isEmpty() ? QStringList() : QStringList{title});
        QCOMPARE(preview.findChildren<QWidget *>(QStringLiteral("embedField")).size(), fields);
        QCOMPARE(::buttons(preview).size(), buttons);
        const QStringList notes = shownTexts(preview, QStringLiteral("messageNote"));
        QCOMPARE(notes.size(), noEmbedNote ? 1 : 0);
        if (noEmbedNote)
            QCOMPARE(notes.at(0), QStringLiteral("This message has no embed"));
        for (const QString &description : shownTexts(preview, QStringLiteral("embedDescription")))
            QVERIFY(description.size() <= 4096);
        // Even a broken message is drawn as a message (header, note), never as a blank.
        checkPicture(preview, m_pictures.filePath(QString::fromLatin1(QTest::currentDataTag())
                                                      .replace(QLatin1Char(' '), QLatin1Char('_')) +
                                                  QStringLiteral(".png")));
    }

    void hint()
    {
        EmbedPreview preview;
        preview.resize(500, 400);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        auto *hint = preview.findChild<QLabel *>(QStringLiteral("previewHint"));
        QVERIFY(hint);

        preview.setPayload(statusPayload(statusView(PowerState::Running)));
        QVERIFY(!hint->isVisible());
        QCOMPARE(shownTexts(preview, QStringLiteral("embedTitle")),
                 QStringList{QStringLiteral("Survival")});

        preview.showHint(QStringLiteral("Select an embed to preview it"));
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), QStringLiteral("Select an embed to preview it"));
        QTRY_VERIFY(preview.findChildren<QLabel *>(QStringLiteral("embedTitle")).isEmpty());
        QVERIFY(::buttons(preview).isEmpty());
        // A hint is text, even when it looks like markup.
        preview.showHint(QStringLiteral("<b>x</b>"));
        QCOMPARE(hint->textFormat(), Qt::PlainText);

        preview.setPayload(statusPayload(statusView(PowerState::Offline)));
        QVERIFY(!hint->isVisible());
        QCOMPARE(::buttons(preview).size(), 4);
        checkPicture(preview, m_pictures.filePath(QStringLiteral("after-hint.png")));
    }

private:
    QTemporaryDir m_pictures;
};

QTEST_MAIN(TestEmbedPreview)
#include "tst_embedpreview.moc"
