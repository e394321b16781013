// What redact() hides: registered secrets whole, broken by white space and in pieces, and
// credentials it recognises without registration (the Wings websocket token, tokens in URLs).
#include "logging.h"

#include <QRandomGenerator>
#include <QTest>

#include "StderrCapture.h"

using namespace Pterodisbot;

namespace {

// Built at run time: nothing secret-looking is committed, and no two runs share a value.
QString randomText(int length)
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    for (int i = 0; i < length; ++i)
        text += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return text;
}

// The shape of a Discord bot token: base64 user id, timestamp, signature.
const QString kTokenHead = QStringLiteral("MTIzNDU2Nzg5MDEyMzQ1Njc4");
const QString kTokenStamp = QStringLiteral("GAbCdE");
const QString kTokenSignature = randomText(38);
const QString kToken = kTokenHead + u'.' + kTokenStamp + u'.' + kTokenSignature;
const QString kClientKey = QStringLiteral("ptlc_") + randomText(43);

} // namespace

class TestRedaction final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        registerSecret(kToken);
        registerSecret(kClientKey);
    }

    void wholeSecrets()
    {
        QCOMPARE(redact(QStringLiteral("Authorization: Bot ") + kToken),
                 QStringLiteral("Authorization: Bot [redacted]"));
        QCOMPARE(redact(QStringLiteral("key ") + kClientKey + QStringLiteral(" refused")),
                 QStringLiteral("key [redacted] refused"));
    }

    // A piece of a secret is hidden on its own: the token's first segment, its signature, a
    // key cut short by whoever printed it.
    void piecesOfSecrets_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("token's first segment")
            << QStringLiteral("user id segment %1 rejected").arg(kTokenHead)
            << QStringLiteral("user id segment [redacted] rejected");
        QTest::newRow("token's signature") << QStringLiteral("signature=%1;").arg(kTokenSignature)
                                           << QStringLiteral("signature=[redacted];");
        QTest::newRow("token cut after 20 characters")
            << QStringLiteral("Bot %1… refused").arg(kToken.left(20))
            << QStringLiteral("Bot [redacted]… refused");
        QTest::newRow("key without its prefix")
            << QStringLiteral("key %1").arg(kClientKey.mid(5)) << QStringLiteral("key [redacted]");
        QTest::newRow("key's last 12 characters")
            << QStringLiteral("(…%1)").arg(kClientKey.right(12)) << QStringLiteral("(…[redacted])");
    }
    void piecesOfSecrets()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        QCOMPARE(redact(line), expected);
    }

    // A secret broken across a line break, or wrapped: hidden whole, even its 3-character end.
    void secretsSplitByWhiteSpace_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("line break")
            << QStringLiteral("key %1\n%2 end").arg(kClientKey.chopped(3), kClientKey.right(3))
            << QStringLiteral("key [redacted] end");
        QTest::newRow("CR LF and indent")
            << QStringLiteral("Bot %1\r\n    %2").arg(kToken.left(30), kToken.mid(30))
            << QStringLiteral("Bot [redacted]");
        QTest::newRow("spaces every 10")
            << QStringLiteral("[%1 %2 %3 %4 %5]")
                   .arg(kClientKey.left(10), kClientKey.mid(10, 10), kClientKey.mid(20, 10),
                        kClientKey.mid(30, 10), kClientKey.mid(40))
            << QStringLiteral("[[redacted]]");
    }
    void secretsSplitByWhiteSpace()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        QCOMPARE(redact(line), expected);
    }

    // Never registered: recognised by shape or place.
    void unregisteredCredentials_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        // The Wings websocket token from /websocket: a JWT, new every few minutes.
        const QString jwt = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ") +
                            randomText(60) + u'.' + randomText(43);
        QTest::newRow("wings token")
            << QStringLiteral("auth %1 sent").arg(jwt) << QStringLiteral("auth [redacted] sent");
        QTest::newRow("wings token cut") << QStringLiteral("{\"args\":[\"%1…").arg(jwt.left(30))
                                         << QStringLiteral("{\"args\":[\"[redacted]…");
        QTest::newRow("wings token in a query")
            << QStringLiteral("GET wss://node.example:8080/api/servers/x/ws?token=%1&v=1").arg(jwt)
            << QStringLiteral("GET wss://node.example:8080/api/servers/x/ws?token=[redacted]&v=1");
        QTest::newRow("other credential parameters")
            << QStringLiteral("https://h/x?access_token=abc123&API_KEY=def&jwt=g.h&sig=i")
            << QStringLiteral("https://h/x?access_token=[redacted]&API_KEY=[redacted]"
                              "&jwt=[redacted]&sig=[redacted]");
        QTest::newRow("user info of a URL")
            << QStringLiteral("panel https://admin:hunter2@panel.example/api")
            << QStringLiteral("panel https://[redacted]@panel.example/api");
        const QString interactionToken = QStringLiteral("aW50ZXJhY3Rpb246") + randomText(80);
        QTest::newRow("interaction token in Qt's error text")
            << QStringLiteral("Error transferring https://discord.com/api/v10/interactions/"
                              "1579600203932110848/%1/callback - server replied: Not Found")
                   .arg(interactionToken)
            << QStringLiteral(
                   "Error transferring https://discord.com/api/v10/interactions/"
                   "1579600203932110848/[redacted]/callback - server replied: Not Found");
        QTest::newRow("webhook token")
            << QStringLiteral("PATCH /webhooks/1100000000000000001/%1/messages/@original")
                   .arg(interactionToken)
            << QStringLiteral("PATCH /webhooks/1100000000000000001/[redacted]/messages/@original");
        QTest::newRow("interaction token in a payload excerpt")
            << QStringLiteral("ignoring INTERACTION_CREATE {\"id\":\"1\",\"token\":\"%1…")
                   .arg(interactionToken.left(40))
            << QStringLiteral("ignoring INTERACTION_CREATE {\"id\":\"1\",\"token\":\"[redacted]");
        const QString otherToken =
            QStringLiteral("OTk5OTk5OTk5OTk5OTk5OTk5.") + randomText(6) + u'.' + randomText(38);
        QTest::newRow("another bot's token")
            << QStringLiteral("token %1").arg(otherToken) << QStringLiteral("token [redacted]");
        const QString otherKey = QStringLiteral("papp_") + randomText(43);
        QTest::newRow("another panel key")
            << QStringLiteral("Bearer %1").arg(otherKey) << QStringLiteral("Bearer [redacted]");
    }
    void unregisteredCredentials()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        QCOMPARE(redact(line), expected);
    }

    // What the bot logs every day stays readable.
    void ordinaryLinesUnchanged_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("panel request") << QStringLiteral(
            "GET http://127.0.0.1:39337/api/client/servers/1a7ce997/resources -> 200");
        QTest::newRow("gateway url") << QStringLiteral(
            "connecting to ws://127.0.0.1:36865/?v=10&encoding=json&compress=zlib-stream");
        QTest::newRow("session") << QStringLiteral(
            "IDENTIFY accepted, session \"b4c551be8637b54f2ee70aa8a746c4ef\"");
        QTest::newRow("custom id")
            << QStringLiteral("refused component pdb:v1:power:start:9f8e7d6c "
                              "(id 1579598362456494080) : missing role");
        QTest::newRow("words") << QStringLiteral("application commands registered: 3 commands; "
                                                 "configuration unchanged, token valid");
        QTest::newRow("message path") << QStringLiteral(
            "PATCH /channels/1300000000000000001/messages/1579598362322276352 -> 200");
    }
    void ordinaryLinesUnchanged()
    {
        QFETCH(QString, line);
        QCOMPARE(redact(line), line);
    }

    // The handler redacts the message before it splits it into lines: a key broken by a line
    // break does not leave its two halves on two log lines.
    void handlerRedactsBeforeSplittingLines()
    {
        const QtMessageHandler previous = qInstallMessageHandler(nullptr);
        QByteArray written;
        {
            TestSupport::StderrCapture capture;
            QVERIFY(capture.isActive());
            installRedactingMessageHandler();
            qCWarning(lcPanel).noquote()
                << "key" << kClientKey.chopped(3) + u'\n' + kClientKey.right(3) << "refused";
            written = capture.finish();
        }
        qInstallMessageHandler(previous);
        QVERIFY2(!written.contains(kClientKey.right(3).toUtf8()), written.constData());
        QVERIFY2(!written.contains(kClientKey.mid(5, 8).toUtf8()), written.constData());
        QVERIFY2(written.endsWith("warning [pterodisbot.panel] key [redacted] refused\n"),
                 written.constData());
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
