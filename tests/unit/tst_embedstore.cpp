#include "bot/EmbedStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include "../support/TestSupport.h"

using namespace Pterodisbot;

namespace {

const QString kShort = QStringLiteral("1a2b3c4d");
const QString kOther = QStringLiteral("deadbeef");
const QString kUuid = QStringLiteral("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
const QString kChannel = QStringLiteral("1187654321098765432");
// ManualClock's default start, 1'700'000'000 s since the epoch, in the file name format.
const QString kStamp = QStringLiteral("20231114T221320Z");

EmbedLocation at(const char *channel, const char *message)
{
    return {QLatin1String(channel), QLatin1String(message)};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

QStringList s_logLines;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_logLines.append(message);
}

} // namespace

class TestEmbedStore final : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheOriginalFormat()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(EmbedStore::fileName()),
                          TestSupport::readData(QStringLiteral("bot/embed_locations_valid.json"))));
        EmbedStore store(dir.path());
        QCOMPARE(store.filePath(), dir.filePath(QStringLiteral("embed_locations.json")));
        QSignalSpy changed(&store, &EmbedStore::changed);

        const EmbedStore::LoadReport report = store.load();
        QCOMPARE(report.status, EmbedStore::LoadStatus::Loaded);
        QCOMPARE(report.loaded, 3);
        QVERIFY(report.skipped.isEmpty());
        QCOMPARE(store.size(), 3);
        QCOMPARE(store.serverIds(), (QStringList{kUuid, kShort, kOther}));
        QCOMPARE(store.lookup(kShort), at("1187654321098765432", "1234567890123456789"));
        QCOMPARE(store.lookup(kUuid), at("998877665544332211", "18446744073709551615"));
        QCOMPARE(store.serverForMessage(QStringLiteral("1234567890123456790")), kOther);
        QCOMPARE(store.serverForMessage(QStringLiteral("1")), std::nullopt);
        QCOMPARE(store.lookup(QStringLiteral("00000000")), std::nullopt);
        QVERIFY(!store.isDirty());
        QCOMPARE(changed.count(), 0);
    }

    void missingFileStartsEmpty()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("not/yet/created"));
        EmbedStore store(dataDir);
        const EmbedStore::LoadReport report = store.load();
        QCOMPARE(report.status, EmbedStore::LoadStatus::Missing);
        QCOMPARE(report.loaded, 0);
        QVERIFY(store.isEmpty());
        // The first save creates the data directory.
        QVERIFY(store.track(kShort, at("1187654321098765432", "1234567890123456789")));
        QString error;
        QVERIFY2(store.save(&error), qPrintable(error));
        QVERIFY(QFile::exists(QDir(dataDir).filePath(EmbedStore::fileName())));
    }

    void skipsBadEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        const QByteArray original =
            TestSupport::readData(QStringLiteral("bot/embed_locations_mixed.json"));
        QVERIFY(writeFile(path, original));
        EmbedStore store(dir.path());
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral(
                "^loaded 2 embed locations from .*embed_locations.json; skipped 9 bad entries, "
                "e.g. \"00000001\": channel_id is a number, not a string \\(digits may have "
                "been lost\\); \"00000002\": no message_id; \"00000003\": not an object and "
                "6 more$")));
        const EmbedStore::LoadReport report = store.load();
        QCOMPARE(report.status, EmbedStore::LoadStatus::Loaded);
        QCOMPARE(report.loaded, 2);
        QCOMPARE(report.skippedCount, 9);
        const QStringList expected{
            QStringLiteral("\"00000001\": channel_id is a number, not a string (digits may have "
                           "been lost)"),
            QStringLiteral("\"00000002\": no message_id"),
            QStringLiteral("\"00000003\": not an object"),
            QStringLiteral("\"00000004\": message_id is not a Discord id"),
            QStringLiteral("\"00000005\": message_id is not a Discord id"),
            QStringLiteral("\"00000006\": channel_id is not a Discord id"),
            QStringLiteral("\"00000007\": channel_id is not a string"),
            QStringLiteral("\"ffffffff\": message_id already used by \"1a2b3c4d\""),
            QStringLiteral("\"not a server\": not a server identifier"),
        };
        QCOMPARE(report.skipped, expected);
        QCOMPARE(store.serverIds(), (QStringList{kShort, kOther}));
        QCOMPARE(store.lookup(kShort), at("1187654321098765432", "1234567890123456789"));
        // Loading alone rewrites nothing.
        QVERIFY(!store.isDirty());
        QVERIFY(store.saveIfDirty());
        QCOMPARE(readFile(path), original);
    }

    // A file of thousands of bad entries once gave a log line of megabytes, and every entry
    // twice: now one line with the count and a few shortened examples.
    void thousandsOfBadEntriesGiveOneShortLine()
    {
        QTemporaryDir dir;
        QJsonObject root;
        root.insert(kShort, QJsonObject{{QStringLiteral("channel_id"), kChannel},
                                        {QStringLiteral("message_id"),
                                         QStringLiteral("1234567890123456789")}});
        const int bad = 5000;
        const QString longValue(2000, QLatin1Char('9'));
        for (int i = 0; i < bad; ++i) {
            if (i % 2 == 0) {
                // Not an identifier, and long: its key must be shortened in the log.
                root.insert(QStringLiteral("%1-").arg(i, 5, 10, QLatin1Char('0')) +
                                QString(500, QLatin1Char('k')),
                            QJsonObject{});
            } else {
                // A good key with a long bad value: the value must not reach the log.
                root.insert(QStringLiteral("%1").arg(i, 8, 16, QLatin1Char('0')),
                            QJsonObject{{QStringLiteral("channel_id"), longValue},
                                        {QStringLiteral("message_id"), longValue}});
            }
        }
        const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Compact);
        QVERIFY(data.size() > 10'000'000);
        QVERIFY(writeFile(dir.filePath(EmbedStore::fileName()), data));
        EmbedStore store(dir.path());

        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*=true"));
        s_logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        const EmbedStore::LoadReport report = store.load();
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QCOMPARE(report.status, EmbedStore::LoadStatus::Loaded);
        QCOMPARE(report.loaded, 1);
        QCOMPARE(report.skippedCount, bad);
        QCOMPARE(report.skipped.size(), EmbedStore::kSkippedKept);
        QCOMPARE(s_logLines.size(), 1);
        const QString line = s_logLines.constFirst();
        QCOMPARE(line, report.summary());
        QVERIFY2(line.size() < 1000, qPrintable(QString::number(line.size())));
        QVERIFY(line.contains(QStringLiteral("skipped 5000 bad entries, e.g. ")));
        QVERIFY(
            line.endsWith(QStringLiteral(" and %1 more").arg(bad - EmbedStore::kSkippedLogged)));
        QVERIFY(!line.contains(longValue.left(100)));
        // The first examples in key order, each once and shortened.
        for (const QString &example : report.skipped.mid(0, EmbedStore::kSkippedLogged)) {
            QVERIFY2(example.size() < 200, qPrintable(example));
            QCOMPARE(line.count(example), 1);
        }
        QVERIFY(!line.contains(report.skipped.at(EmbedStore::kSkippedLogged)));
        for (const QString &kept : std::as_const(report.skipped))
            QVERIFY2(kept.size() < 200, qPrintable(kept));
    }

    void corruptFileIsMovedAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error");
        QTest::newRow("truncated")
            << TestSupport::readData(QStringLiteral("bot/embed_locations_truncated.json"))
            << QStringLiteral("not valid JSON (");
        QTest::newRow("array") << TestSupport::readData(
                                      QStringLiteral("bot/embed_locations_array.json"))
                               << QStringLiteral("not a JSON object of server ids");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("not valid JSON (");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)
                                << QStringLiteral("not valid JSON (");
        QTest::newRow("bare string")
            << QByteArray("\"embed\"") << QStringLiteral("not valid JSON (");
    }
    // \a error is the start of the explanation (Qt words the JSON error itself).
    void corruptFileIsMovedAside()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        QVERIFY(writeFile(path, content));
        ManualClock clock;
        EmbedStore store(dir.path(), &clock);

        const QString movedTo = path + QStringLiteral(".corrupt-") + kStamp;
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(
                QLatin1Char('^') +
                QRegularExpression::escape(path + QStringLiteral(" is corrupt (") + error) +
                QStringLiteral(".*\\); moved it to ") + QRegularExpression::escape(movedTo) +
                QStringLiteral(" and starting with no tracked embeds$")));
        const EmbedStore::LoadReport report = store.load();
        QCOMPARE(report.status, EmbedStore::LoadStatus::Corrupt);
        QVERIFY2(report.error.startsWith(error), qPrintable(report.error));
        QCOMPARE(report.movedTo, movedTo);
        QCOMPARE(readFile(movedTo), content);
        QVERIFY(!QFile::exists(path));
        QVERIFY(store.isEmpty());

        // Saving now writes a fresh file and leaves the moved copy alone.
        QVERIFY(store.track(kShort, at("1187654321098765432", "1234567890123456789")));
        QVERIFY(store.save());
        QCOMPARE(readJson(path).keys(), QStringList{kShort});
        QCOMPARE(readFile(movedTo), content);
    }

    void secondCorruptionInSameSecondGetsItsOwnName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        ManualClock clock;
        EmbedStore store(dir.path(), &clock);
        QVERIFY(writeFile(path, "first"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is corrupt")));
        QCOMPARE(store.load().movedTo, path + QStringLiteral(".corrupt-") + kStamp);
        QVERIFY(writeFile(path, "second"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is corrupt")));
        const QString second = path + QStringLiteral(".corrupt-") + kStamp + QStringLiteral("-2");
        QCOMPARE(store.load().movedTo, second);
        QCOMPARE(readFile(second), QByteArray("second"));
        QCOMPARE(readFile(path + QStringLiteral(".corrupt-") + kStamp), QByteArray("first"));
    }

    // A path that exists but cannot be read (here: a directory, which even root cannot read as
    // a file) must never be replaced.
    void unreadableFileBlocksSaving()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        QVERIFY(QDir().mkpath(path));
        EmbedStore store(dir.path());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^cannot read .*; not overwriting it$")));
        const EmbedStore::LoadReport report = store.load();
        QCOMPARE(report.status, EmbedStore::LoadStatus::Unreadable);
        QVERIFY(report.error.startsWith(QStringLiteral("cannot read ") + path));
        QVERIFY(!store.saveBlockedReason().isEmpty());

        QVERIFY(store.track(kShort, at("1187654321098765432", "1234567890123456789")));
        QString error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^not saving embed locations: cannot read")));
        QVERIFY(!store.save(&error));
        QCOMPARE(error, store.saveBlockedReason());
        QVERIFY(QFileInfo(path).isDir());
    }

    void neverLoadedFileIsNotOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        const QByteArray original =
            TestSupport::readData(QStringLiteral("bot/embed_locations_valid.json"));
        QVERIFY(writeFile(path, original));
        EmbedStore store(dir.path());
        QVERIFY(store.track(kShort, at("1187654321098765432", "1")));
        QString error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was never loaded")));
        QVERIFY(!store.save(&error));
        QCOMPARE(error, path + QStringLiteral(" exists but was never loaded; not overwriting it"));
        QCOMPARE(readFile(path), original);
    }

    void saveFailureIsReported()
    {
        QTemporaryDir dir;
        const QString notADir = dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeFile(notADir, "x"));
        EmbedStore store(notADir);
        QCOMPARE(store.load().status, EmbedStore::LoadStatus::Missing);
        QVERIFY(store.track(kShort, at("1187654321098765432", "1234567890123456789")));
        QString error;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^not saving embed locations: ")));
        QVERIFY(!store.save(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(store.isDirty()); // still owed a save
    }

    void savesInTheOriginalFormatAndRoundTrips()
    {
        QTemporaryDir dir;
        EmbedStore store(dir.path());
        store.load();
        QVERIFY(store.track(kShort, at("1187654321098765432", "1234567890123456789")));
        QVERIFY(store.track(kUuid, at("998877665544332211", "18446744073709551615")));
        QVERIFY(store.save());

        const QString path = dir.filePath(EmbedStore::fileName());
        const QJsonObject expected{
            {kShort,
             QJsonObject{{QStringLiteral("channel_id"), QStringLiteral("1187654321098765432")},
                         {QStringLiteral("message_id"), QStringLiteral("1234567890123456789")}}},
            {kUuid,
             QJsonObject{{QStringLiteral("channel_id"), QStringLiteral("998877665544332211")},
                         {QStringLiteral("message_id"), QStringLiteral("18446744073709551615")}}},
        };
        QCOMPARE(readJson(path), expected);
        // Only the file itself: QSaveFile leaves no temporary behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{EmbedStore::fileName()});

        EmbedStore reloaded(dir.path());
        QCOMPARE(reloaded.load().loaded, 2);
        QCOMPARE(reloaded.lookup(kShort), store.lookup(kShort));
        QCOMPARE(reloaded.lookup(kUuid), store.lookup(kUuid));
        QCOMPARE(reloaded.serverForMessage(QStringLiteral("18446744073709551615")), kUuid);
    }

    void tracksAndSignalsChanges()
    {
        QTemporaryDir dir;
        EmbedStore store(dir.path());
        store.load();
        QSignalSpy changed(&store, &EmbedStore::changed);

        QVERIFY(store.track(kShort, at("1187654321098765432", "1000000000000000001")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(store.isDirty());
        // The same location again is no change.
        QVERIFY(store.track(kShort, at("1187654321098765432", "1000000000000000001")));
        QCOMPARE(changed.count(), 1);

        // Bad values are refused and change nothing.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^refusing to track")));
        QVERIFY(!store.track(QStringLiteral("../etc"), at("1187654321098765432", "2")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^refusing to track")));
        QVERIFY(!store.track(kOther, at("", "2")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^refusing to track")));
        QVERIFY(!store.track(kOther, at("1187654321098765432", "12 34")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.size(), 1);

        // move(): only for tracked servers; the old message no longer maps back.
        QVERIFY(!store.move(kOther, at("1187654321098765432", "1000000000000000002")));
        QVERIFY(store.move(kShort, at("1187654321098765432", "1000000000000000003")));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(store.serverForMessage(QStringLiteral("1000000000000000001")), std::nullopt);
        QCOMPARE(store.serverForMessage(QStringLiteral("1000000000000000003")), kShort);

        // A message shows one server: tracking another server on it drops the first.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("untracking")));
        QVERIFY(store.track(kOther, at("1187654321098765432", "1000000000000000003")));
        QCOMPARE(store.serverIds(), QStringList{kOther});
        QCOMPARE(store.serverForMessage(QStringLiteral("1000000000000000003")), kOther);

        QVERIFY(store.track(kShort, at("1187654321098765432", "1000000000000000004")));
        QVERIFY(store.untrack(kOther));
        QVERIFY(!store.untrack(kOther));
        QCOMPARE(store.serverIds(), QStringList{kShort});
        QCOMPARE(store.serverForMessage(QStringLiteral("1000000000000000003")), std::nullopt);
        const int before = int(changed.count());
        store.clear();
        QCOMPARE(changed.count(), before + 1);
        store.clear(); // already empty: no signal
        QCOMPARE(changed.count(), before + 1);
        QVERIFY(store.isEmpty());
    }

    void savesOnlyWhenDirty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        EmbedStore store(dir.path());
        store.load();
        QVERIFY(store.saveIfDirty());
        QVERIFY(!QFile::exists(path)); // nothing changed, nothing written
        QVERIFY(store.track(kShort, at("1187654321098765432", "1234567890123456789")));
        QVERIFY(store.saveIfDirty());
        QVERIFY(!store.isDirty());
        QVERIFY(QFile::remove(path));
        QVERIFY(store.saveIfDirty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(store.untrack(kShort));
        QVERIFY(store.saveIfDirty());
        QCOMPARE(readJson(path), QJsonObject());
    }

    void importsThePythonBotFile()
    {
        QTemporaryDir dir;
        const QString legacy = dir.filePath(QStringLiteral("embed/embed_locations.json"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("embed"))));
        const QByteArray original =
            TestSupport::readData(QStringLiteral("bot/python_embed_locations.json"));
        QVERIFY(writeFile(legacy, original));
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        EmbedStore store(dataDir);
        QCOMPARE(store.load().status, EmbedStore::LoadStatus::Missing);
        QSignalSpy changed(&store, &EmbedStore::changed);

        const QString message = QStringLiteral("imported 2 embed locations from %1; skipped 1 bad "
                                               "entry: \"bad!\": not a server identifier")
                                    .arg(legacy);
        QTest::ignoreMessage(QtWarningMsg, qPrintable(message));
        const EmbedStore::ImportReport report = store.importLegacy(legacy);
        QVERIFY(report.imported);
        QCOMPARE(report.count, 2);
        QCOMPARE(report.skippedCount, 1);
        QCOMPARE(report.skipped, QStringList{QStringLiteral("\"bad!\": not a server identifier")});
        QCOMPARE(report.message, message);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!store.isDirty()); // saved right away
        QCOMPARE(store.lookup(QStringLiteral("5e6f7a8b")),
                 at("1098765432109876543", "1200000000000000001"));
        QCOMPARE(readJson(store.filePath()).keys(),
                 (QStringList{QStringLiteral("5e6f7a8b"), QStringLiteral("9c0d1e2f")}));
        QCOMPARE(readFile(legacy), original); // the Python bot's file is left as it was

        // Once our file exists the import never runs again.
        const EmbedStore::ImportReport again = store.importLegacy(legacy);
        QVERIFY(!again.imported);
        QCOMPARE(again.count, 0);
        QCOMPARE(
            again.message,
            QStringLiteral("not importing %1: %2 already exists").arg(legacy, store.filePath()));
    }

    void importRefusals()
    {
        QTemporaryDir dir;
        EmbedStore store(dir.path());
        store.load();
        const QString missing = dir.filePath(QStringLiteral("embed/embed_locations.json"));
        QCOMPARE(store.importLegacy(missing).message,
                 QStringLiteral("nothing to import: no %1").arg(missing));

        const QString corrupt = dir.filePath(QStringLiteral("legacy.json"));
        QVERIFY(writeFile(corrupt, "{\"1a2b3c4d\": "));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^cannot import ")));
        const EmbedStore::ImportReport report = store.importLegacy(corrupt);
        QVERIFY(!report.imported);
        QVERIFY(report.message.startsWith(
            QStringLiteral("cannot import %1: not valid JSON").arg(corrupt)));
        QCOMPARE(readFile(corrupt), QByteArray("{\"1a2b3c4d\": ")); // not moved, not changed
        QVERIFY(!QFile::exists(store.filePath()));

        const QString empty = dir.filePath(QStringLiteral("empty.json"));
        QVERIFY(writeFile(empty, "{}"));
        QCOMPARE(store.importLegacy(empty).message,
                 QStringLiteral("nothing to import from %1: no usable entries").arg(empty));
        QVERIFY(!QFile::exists(store.filePath()));
    }

    void snowflakes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("typical") << QStringLiteral("1187654321098765432") << true;
        QTest::newRow("one digit") << QStringLiteral("7") << true;
        QTest::newRow("2^64-1") << QStringLiteral("18446744073709551615") << true;
        QTest::newRow("2^64") << QStringLiteral("18446744073709551616") << false;
        QTest::newRow("21 digits") << QStringLiteral("100000000000000000000") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("zero") << QStringLiteral("0") << false;
        QTest::newRow("leading zero") << QStringLiteral("01") << false;
        QTest::newRow("sign") << QStringLiteral("+1") << false;
        QTest::newRow("space") << QStringLiteral(" 1") << false;
        QTest::newRow("arabic-indic digit") << QStringLiteral("\u0661") << false;
        QTest::newRow("hex") << QStringLiteral("0x1f") << false;
    }
    void snowflakes()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(EmbedStore::isValidSnowflake(text), valid);
    }

    // A kill during save() where QSaveFile cannot use an unnamed file (O_TMPFILE) leaves its
    // named temporary; load() deletes those, with or without a store next to them, and nothing
    // a person may have put there.
    void leftoverTemporariesAreDeletedAtLoad_data()
    {
        QTest::addColumn<bool>("withStore");
        QTest::newRow("next to a store") << true;
        QTest::newRow("killed during the first save") << false;
    }
    void leftoverTemporariesAreDeletedAtLoad()
    {
        QFETCH(bool, withStore);
        QTemporaryDir dir;
        const QString path = dir.filePath(EmbedStore::fileName());
        const QByteArray original =
            TestSupport::readData(QStringLiteral("bot/embed_locations_valid.json"));
        if (withStore)
            QVERIFY(writeFile(path, original));
        const QStringList leftovers{path + QStringLiteral(".AbCdEf"),
                                    path + QStringLiteral(".lYeiVG")};
        for (const QString &leftover : leftovers)
            QVERIFY(writeFile(leftover, "{\n    \"1a2b3c4d\": {"));
        const QStringList kept{path + QStringLiteral(".backup"), path + QStringLiteral(".BACKUP"),
                               path + QStringLiteral(".corrupt-") + kStamp,
                               path + QStringLiteral(".abC1eF"),
                               dir.filePath(QStringLiteral("other.json.AbCdEf"))};
        for (const QString &other : kept)
            QVERIFY(writeFile(other, "mine"));
        const QString directory = path + QStringLiteral(".DiRecT");
        QVERIFY(QDir().mkpath(directory));

        EmbedStore store(dir.path());
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*=true"));
        s_logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        const EmbedStore::LoadReport report = store.load();
        qInstallMessageHandler(previous);

        QCOMPARE(report.removedTemporaries, leftovers);
        QCOMPARE(report.status,
                 withStore ? EmbedStore::LoadStatus::Loaded : EmbedStore::LoadStatus::Missing);
        for (const QString &leftover : leftovers)
            QVERIFY2(!QFile::exists(leftover), qPrintable(leftover));
        for (const QString &other : kept)
            QCOMPARE(readFile(other), QByteArray("mine"));
        QVERIFY(QFileInfo(directory).isDir());
        if (withStore)
            QCOMPARE(readFile(path), original);
        QCOMPARE(s_logLines.filter(QStringLiteral("left by interrupted saves")),
                 QStringList{QStringLiteral("deleted 2 temporary files left by interrupted saves "
                                            "of %1: %2")
                                 .arg(path, leftovers.join(QStringLiteral(", ")))});

        // Nothing left: nothing said.
        s_logLines.clear();
        qInstallMessageHandler(captureLog);
        QVERIFY(store.load().removedTemporaries.isEmpty());
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!s_logLines.isEmpty()); // the load's own line: the capture worked
        QVERIFY(s_logLines.filter(QStringLiteral("interrupted")).isEmpty());
    }

    void saveTemporaryNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("temporary");
        const QString stem = EmbedStore::fileName() + QLatin1Char('.');
        QTest::newRow("mixed case") << stem + QStringLiteral("lYeiVG") << true;
        QTest::newRow("one upper") << stem + QStringLiteral("abcdeF") << true;
        QTest::newRow("a word") << stem + QStringLiteral("backup") << false;
        QTest::newRow("a shouted word") << stem + QStringLiteral("BEFORE") << false;
        QTest::newRow("digit") << stem + QStringLiteral("abC1eF") << false;
        QTest::newRow("five") << stem + QStringLiteral("abCde") << false;
        QTest::newRow("seven") << stem + QStringLiteral("abCdefG") << false;
        QTest::newRow("other file") << QStringLiteral("config.ini.abCdeF") << false;
        QTest::newRow("the store") << EmbedStore::fileName() << false;
        QTest::newRow("corrupt copy") << stem + QStringLiteral("corrupt-20231114T221320Z") << false;
        QTest::newRow("non-ASCII letter") << stem + QStringLiteral("abCde\u00e9") << false;
    }
    void saveTemporaryNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, temporary);
        QCOMPARE(EmbedStore::isSaveTemporary(name), temporary);
    }

    // The names QSaveFile gives its temporaries come from the generator QTemporaryFile uses:
    // six ASCII letters after the name and a dot. Nearly all mix both cases (2 in 64 do not:
    // those are left alone, which loses nothing).
    void qtTemporaryNamesAreRecognised()
    {
        QTemporaryDir dir;
        const QString pattern = dir.filePath(EmbedStore::fileName() + QStringLiteral(".XXXXXX"));
        int recognised = 0;
        constexpr int samples = 200;
        for (int i = 0; i < samples; ++i) {
            QTemporaryFile file(pattern);
            QVERIFY(file.open());
            const QString name = QFileInfo(file.fileName()).fileName();
            static const QRegularExpression shape(
                QRegularExpression::escape(EmbedStore::fileName()) +
                QStringLiteral("\\.[A-Za-z]{6}"));
            QVERIFY2(shape.match(name).hasMatch() &&
                         name.size() == EmbedStore::fileName().size() + 7,
                     qPrintable(name));
            if (EmbedStore::isSaveTemporary(name))
                ++recognised;
        }
        // Expected about 194; below 170 is about impossible unless the generator changed.
        QVERIFY2(recognised >= 170, qPrintable(QString::number(recognised)));
    }
};

QTEST_GUILESS_MAIN(TestEmbedStore)
#include "tst_embedstore.moc"
