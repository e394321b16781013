// The real program killed with SIGKILL at random moments while it posts, edits and deletes
// status embeds, against both simulators in this process. After every kill: the embed store is
// valid, it holds every embed Discord still shows (but the one a post in flight had just
// created), it points at nothing Discord never had, and no temporary files pile up. A corrupt
// store at start is kept aside and reported by the running program.
//
// PTERODISBOT_KILL_ROUNDS sets the number of kills (default 10, the CI form; 200 for the long
// form) and PTERODISBOT_KILL_SEED the seed (default: the clock; printed either way, so a
// failure can be replayed). docs/reliability.md, "Crash-safe state", states the invariant.
#include <csignal>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "bot/EmbedStore.h"
#include "BotHarness.h"
#include "DiscordSimulator.h"
#include "PanelSimulator.h"

using namespace Pterodisbot;
using namespace PterodisbotSim;
using Pterodisbot::BotTest::kAdmin;
using Pterodisbot::BotTest::kAdminRole;
using Pterodisbot::BotTest::waitUntil;

namespace {

//! Waits for the program (starting, answering) are this generous: ASan on a loaded 2-core box.
constexpr int kWaitMs = 60000;
//! A kill lands this long (at most) after the bot said it runs; 1 in 5 during its start.
constexpr int kMaxKillDelayMs = 1500;
constexpr int kMaxStartKillDelayMs = 400;

//! One status embed as Discord shows it; the server comes from its buttons' custom_ids.
struct ShownEmbed
{
    QString server;
    QString channel;
    QString message;
};

//! What the store file holds, and what is wrong with it.
struct StoreFile
{
    bool exists = false;
    QStringList problems;
    QHash<QString, EmbedLocation> entries;
};

struct Tally
{
    int kills = 0;
    int startKills = 0;
    int posts = 0; //!< posts the bot acknowledged in its log
    int checkedEmbeds = 0;
    int inFlightPosts = 0; //!< embeds posted but not yet saved at the kill (tolerated)
    int staleEntries = 0;  //!< entries of messages deleted before the kill (tolerated)
    int plantedTemporaries = 0;
    int cleanedTemporaries = 0;
};

QString serverOfComponents(const QJsonArray &components)
{
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        const QString id = component.value(QStringLiteral("custom_id")).toString();
        if (id.startsWith(QLatin1String("pdb:v1:power:")) ||
            id.startsWith(QLatin1String("pdb:v1:address:")))
            return id.section(QLatin1Char(':'), -1);
        const QString inner =
            serverOfComponents(component.value(QStringLiteral("components")).toArray());
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

class TestKillSafety final : public QObject
{
    Q_OBJECT

    std::unique_ptr<PanelSimulator> m_panel;
    std::unique_ptr<DiscordSimulator> m_discord;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_bot;
    QByteArray m_log;                      //!< stderr of the current (or last) bot process
    QDateTime m_botStarted;                //!< when the current process was started
    bool m_killSent = false;               //!< SIGKILL sent to the current process
    qint64 m_activity = 0;                 //!< message events of the simulator so far
    qint64 m_created = 0;                  //!< messages created so far: the order of creation
    QHash<QString, qint64> m_createdOrder; //!< message id -> order of creation
    QSet<QString> m_deleted;               //!< every message deleted, by the bot or behind its back
    QSet<QString> m_judged;                //!< embeds in Discord at an earlier round's check
    QHash<QString, QString> m_aged;        //!< messages aged past the edit limit -> server

    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString storePath() const { return QDir(dataDir()).filePath(EmbedStore::fileName()); }

    QString writeConfig() const
    {
        const QString text =
            QStringLiteral("[discord]\ntoken = %1\napi_url = %2\nguild_id = %3\n"
                           "control_role = Server Admin\n"
                           "[pterodactyl]\npanel_url = %4\nclient_key = %5\n"
                           "[bot]\nupdate_interval = 5\ndata_dir = %6\nlog_level = info\n"
                           "keychain = false\n")
                .arg(m_discord->botToken(), m_discord->restBaseUrl().toString(),
                     m_discord->guildId(), m_panel->panelUrl().toString(), m_panel->clientKey(),
                     dataDir());
        const QString path = m_dir->filePath(QStringLiteral("config.ini"));
        if (!writeFile(path, text.toUtf8()))
            return {};
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    //! Starts `pterodisbot --no-gui`; its stderr collects in m_log.
    bool startBot()
    {
        m_bot = std::make_unique<QProcess>();
        m_log.clear();
        m_killSent = false;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Sanitizer settings reach the child, so an ASan build reports its own findings.
        for (const char *name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"}) {
            if (qEnvironmentVariableIsSet(name))
                environment.insert(QLatin1String(name), qEnvironmentVariable(name));
        }
        m_bot->setProcessEnvironment(environment);
        m_bot->setProcessChannelMode(QProcess::SeparateChannels);
        connect(m_bot.get(), &QProcess::readyReadStandardError, this,
                [this] { m_log += m_bot->readAllStandardError(); });
        const QString config = writeConfig();
        QSignalSpy started(m_bot.get(), &QProcess::started);
        m_botStarted = QDateTime::currentDateTimeUtc();
        m_bot->start(QStringLiteral(PTERODISBOT_BINARY),
                     {QStringLiteral("--no-gui"), QStringLiteral("--config"), config});
        return !config.isEmpty() && (m_bot->state() == QProcess::Running || started.wait(kWaitMs));
    }

    bool botAlive() const { return m_bot && m_bot->state() == QProcess::Running && !m_killSent; }

    bool logSays(const QByteArray &text) const { return m_log.contains(text); }

    //! Waits for \a text in the log while the bot lives (and has not been killed).
    bool waitForLog(const QByteArray &text)
    {
        return waitUntil([&] { return logSays(text) || !botAlive(); }, kWaitMs) && logSays(text);
    }

    void kill()
    {
        if (botAlive()) {
            m_killSent = true;
            ::kill(pid_t(m_bot->processId()), SIGKILL);
        }
    }

    //! Waits for the killed (or stopping) process to end, then for the simulator to read what
    //! the process sent before it died: Discord's state after that is what the store must match.
    bool reap()
    {
        if (m_bot->state() != QProcess::NotRunning) {
            QSignalSpy finished(m_bot.get(), &QProcess::finished);
            if (!finished.wait(kWaitMs))
                return false;
        }
        m_log += m_bot->readAllStandardError();
        // Requests the process had written before it died may still wait in this process's
        // sockets; they are read as soon as the event loop runs. "Quiet" = 300 ms without a
        // message event while the loop spins.
        qint64 seen = -1;
        QElapsedTimer quiet;
        return waitUntil(
            [&] {
                if (m_activity != seen) {
                    seen = m_activity;
                    quiet.start();
                }
                return quiet.elapsed() >= 300;
            },
            kWaitMs);
    }

    //! The bot's status embeds in every channel.
    QList<ShownEmbed> discordEmbeds() const
    {
        QList<ShownEmbed> embeds;
        for (const QString &channel : m_discord->channelIds()) {
            for (const SimMessage &message : m_discord->messages(channel)) {
                if (message.ephemeral || message.isInteractionResponse)
                    continue;
                const QString server = serverOfComponents(message.components);
                if (!server.isEmpty())
                    embeds.append(ShownEmbed{server, channel, message.id});
            }
        }
        return embeds;
    }

    //! Reads the store independently of EmbedStore, then with it (on a copy, since a load may
    //! move a corrupt file): both must find a complete file in the seed's format.
    StoreFile readStore() const
    {
        StoreFile store;
        store.exists = QFileInfo::exists(storePath());
        if (!store.exists)
            return store;
        const QByteArray data = readFile(storePath());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            store.problems << QStringLiteral("not a JSON object (%1): %2")
                                  .arg(error.errorString(), QString::fromUtf8(data.left(200)));
            return store;
        }
        const QStringList servers = m_panel->serverIdentifiers();
        QSet<QString> messages;
        const QJsonObject root = document.object();
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            const QString channel = entry.value(QStringLiteral("channel_id")).toString();
            const QString message = entry.value(QStringLiteral("message_id")).toString();
            if (!servers.contains(it.key()) || entry.size() != 2 ||
                !EmbedStore::isValidSnowflake(channel) || !EmbedStore::isValidSnowflake(message) ||
                messages.contains(message)) {
                store.problems << QStringLiteral("bad entry \"%1\": %2")
                                      .arg(it.key(), QString::fromUtf8(QJsonDocument(entry).toJson(
                                                         QJsonDocument::Compact)));
                continue;
            }
            messages.insert(message);
            store.entries.insert(it.key(), EmbedLocation{channel, message});
        }

        QTemporaryDir copy;
        QFile::copy(storePath(), copy.filePath(EmbedStore::fileName()));
        EmbedStore loader(copy.path());
        const EmbedStore::LoadReport report = loader.load();
        if (report.status != EmbedStore::LoadStatus::Loaded || report.skippedCount != 0 ||
            loader.size() != store.entries.size())
            store.problems << QStringLiteral("EmbedStore::load(): ") + report.summary();
        return store;
    }

    //! Temporary files of a save in the data directory.
    QFileInfoList saveTemporaries() const
    {
        QFileInfoList found;
        const QFileInfoList files = QDir(dataDir()).entryInfoList(QDir::Files | QDir::Hidden);
        for (const QFileInfo &file : files) {
            if (EmbedStore::isSaveTemporary(file.fileName()))
                found.append(file);
        }
        return found;
    }

    //! A temporary file as QSaveFile leaves it when killed mid-save where O_TMPFILE is missing
    //! (an old overlayfs, NFS, no /proc): a torn JSON text, dated an hour back.
    QString plantTemporary(QRandomGenerator &random) const
    {
        QString suffix;
        while (!EmbedStore::isSaveTemporary(QString(EmbedStore::fileName() + u'.' + suffix))) {
            suffix.clear();
            for (int i = 0; i < 6; ++i) {
                const int letter = int(random.bounded(52));
                suffix += QChar(letter < 26 ? u'a' + letter : u'A' + letter - 26);
            }
        }
        const QString path = storePath() + QLatin1Char('.') + suffix;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write("{\n    \"1a7ce997\": {\n  ") <= 0)
            return {};
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                         QFileDevice::FileModificationTime);
        return path;
    }

    //! The invariant after a kill; returns the problems found (none = it holds) and counts in
    //! \a tally. \a inFlight receives the embeds a post in flight had created (to be deleted).
    QStringList checkInvariant(Tally &tally, QList<ShownEmbed> *inFlight)
    {
        QStringList problems;
        const StoreFile store = readStore();
        problems << store.problems;

        // Acknowledged: the bot logs "posted ... as message <id>" only after saving the store.
        QSet<QString> acknowledged;
        static const QRegularExpression posted(
            QStringLiteral("posted the embed of .* in channel (\\d+) as message (\\d+)"));
        for (auto it = posted.globalMatch(QString::fromUtf8(m_log)); it.hasNext();)
            acknowledged.insert(it.next().captured(2));
        tally.posts += int(acknowledged.size());

        const QList<ShownEmbed> embeds = discordEmbeds();
        QHash<QString, QString> newest; // server -> its newest message in Discord
        for (const ShownEmbed &embed : embeds) {
            const QString current = newest.value(embed.server);
            if (current.isEmpty() ||
                m_createdOrder.value(embed.message) > m_createdOrder.value(current))
                newest.insert(embed.server, embed.message);
        }
        QHash<QString, ShownEmbed> shown; // message id -> embed
        for (const ShownEmbed &embed : embeds) {
            shown.insert(embed.message, embed);
            ++tally.checkedEmbeds;
            const EmbedLocation location{embed.channel, embed.message};
            if (store.entries.value(embed.server) == location)
                continue;
            // The one unavoidable gap: Discord created the message, the bot had not saved its
            // id yet. Only an embed the bot never said it posted, and only a new one: the
            // server's newest, or one that appeared since the last kill (two posts of one
            // server under way at once, the earlier created one overtaken before it was saved).
            if (!acknowledged.contains(embed.message) &&
                (newest.value(embed.server) == embed.message ||
                 !m_judged.contains(embed.message))) {
                inFlight->append(embed);
                ++tally.inFlightPosts;
                continue;
            }
            // A repost deletes the old message before posting the new one (EmbedPublisher), so
            // an aged embed left behind is a failure like any other.
            problems << QStringLiteral("embed %1 of %2 in channel %3 is in Discord but not in the "
                                       "store (%4)")
                            .arg(embed.message, embed.server, embed.channel,
                                 acknowledged.contains(embed.message)
                                     ? QStringLiteral("the bot had logged posting it")
                                     : QStringLiteral("a newer embed of the server exists"));
        }
        for (auto it = store.entries.cbegin(); it != store.entries.cend(); ++it) {
            const auto embed = shown.constFind(it->messageId);
            if (embed != shown.cend()) {
                if (embed->server != it.key() || embed->channel != it->channelId)
                    problems << QStringLiteral("store entry %1 points at message %2, which shows "
                                               "%3 in channel %4")
                                    .arg(it.key(), it->messageId, embed->server, embed->channel);
            } else if (m_deleted.contains(it->messageId)) {
                ++tally.staleEntries; // deleted just before the kill: the next cycle drops it
            } else {
                problems << QStringLiteral("store entry %1 points at message %2, which Discord "
                                           "never had")
                                .arg(it.key(), it->messageId);
            }
        }
        for (const ShownEmbed &embed : embeds)
            m_judged.insert(embed.message);
        // A post in flight at the first kill (Discord has it, the store was never written) is
        // tolerated above like any other; any further embed needs a store.
        if (!store.exists && embeds.size() > inFlight->size())
            problems << QStringLiteral("no store, but %1 embeds in Discord (%2 in flight)")
                            .arg(embeds.size())
                            .arg(inFlight->size());
        return problems;
    }

    //! Random posts, edits and deletions until the bot is killed. Only the orders a person can
    //! give one after the other are mixed: two posts of one server at a time, or a post during
    //! a purge, race inside the bot with or without a kill (see docs/reliability.md).
    void drive(QRandomGenerator &random)
    {
        const QStringList servers = m_panel->serverIdentifiers();
        QHash<QString, QString> menus;   // channel -> the /server_status menu message
        QHash<QString, QString> posting; // select interaction -> server
        QString bulk;                    // /refresh_embeds or /purge_embeds in progress
        bool bulkIsPurge = false;
        const auto answered = [this](const QString &interaction) {
            const auto response = m_discord->originalResponse(interaction);
            // Deferred first (empty), then the text; bulk commands say "…" while working.
            return response && !response->content.isEmpty() &&
                   !response->content.endsWith(QStringLiteral("…"));
        };
        while (botAlive()) {
            for (auto it = posting.begin(); it != posting.end();)
                it = answered(it.key()) ? posting.erase(it) : std::next(it);
            if (!bulk.isEmpty() && answered(bulk))
                bulk.clear();
            // An aged embed is reposted by the next edit; it is not posted over meanwhile.
            QHash<QString, QString> aged = m_aged;
            for (auto it = aged.begin(); it != aged.end();)
                it = m_deleted.contains(it.key()) ? aged.erase(it) : std::next(it);
            const QList<ShownEmbed> embeds = discordEmbeds();
            const qint64 before = m_activity;
            const int pick = int(random.bounded(100));
            const QString channel =
                m_discord->channelIds().at(int(random.bounded(m_discord->channelIds().size())));

            if (pick < 55) {
                QStringList free;
                for (const QString &server : servers) {
                    if (!posting.values().contains(server) && !aged.values().contains(server))
                        free << server;
                }
                if (free.isEmpty() || (bulkIsPurge && !bulk.isEmpty())) {
                    waitUntil([&] { return m_activity != before || !botAlive(); }, kWaitMs);
                    continue;
                }
                if (!menus.contains(channel)) {
                    const QString command = m_discord->injectSlashCommand(
                        channel, kAdmin, {kAdminRole}, QStringLiteral("server_status"));
                    if (!waitUntil(
                            [&] {
                                const auto menu = m_discord->originalResponse(command);
                                return (menu && !menu->components.isEmpty()) || !botAlive();
                            },
                            kWaitMs) ||
                        !botAlive())
                        continue;
                    menus.insert(channel, m_discord->originalResponse(command)->id);
                }
                const QString server = free.at(int(random.bounded(free.size())));
                const QString select =
                    m_discord->injectComponent(channel, menus.value(channel), kAdmin, {kAdminRole},
                                               QStringLiteral("pdb:v1:select:0"), 3, {server});
                posting.insert(select, server);
                waitUntil([&] { return m_discord->interactionAcknowledged(select) || !botAlive(); },
                          kWaitMs);
            } else if (pick < 70 && !embeds.isEmpty()) {
                const ShownEmbed embed = embeds.at(int(random.bounded(embeds.size())));
                m_discord->deleteMessage(embed.channel, embed.message); // behind the bot's back
            } else if (pick < 85 && bulk.isEmpty()) {
                bulkIsPurge = pick >= 80 && posting.isEmpty() && aged.isEmpty();
                bulk =
                    m_discord->injectSlashCommand(channel, kAdmin, {kAdminRole},
                                                  bulkIsPurge ? QStringLiteral("purge_embeds")
                                                              : QStringLiteral("refresh_embeds"));
                waitUntil([&] { return m_discord->interactionAcknowledged(bulk) || !botAlive(); },
                          kWaitMs);
            } else if (pick < 95 && !embeds.isEmpty() && bulk.isEmpty()) {
                // Old enough that Discord limits its edits (30046): the bot posts it again.
                const ShownEmbed embed = embeds.at(int(random.bounded(embeds.size())));
                if (!posting.values().contains(embed.server)) {
                    m_discord->ageMessage(embed.channel, embed.message, 2 * 3600 * 1000);
                    m_aged.insert(embed.message, embed.server);
                }
            } else {
                waitUntil([&] { return m_activity != before || !botAlive(); }, kWaitMs);
            }
        }
    }

    static int roundsFromEnvironment()
    {
        bool ok = false;
        const int rounds = qEnvironmentVariableIntValue("PTERODISBOT_KILL_ROUNDS", &ok);
        return ok && rounds > 0 ? rounds : 10;
    }

    static quint32 seedFromEnvironment()
    {
        bool ok = false;
        const quint32 seed = qEnvironmentVariable("PTERODISBOT_KILL_SEED").toUInt(&ok);
        return ok ? seed : quint32(QDateTime::currentMSecsSinceEpoch());
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(dataDir()));
        m_panel = std::make_unique<PanelSimulator>();
        QVERIFY(m_panel->start());
        DiscordSimOptions options;
        // Many writes per second, so a kill finds several in flight; few edits of an old
        // message before Discord refuses them (30046), so reposts happen.
        options.messageBucketLimit = 50;
        options.oldMessageEditLimit = 1;
        m_discord = std::make_unique<DiscordSimulator>();
        QVERIFY(m_discord->start(options));
        m_activity = 0;
        m_created = 0;
        m_createdOrder.clear();
        m_judged.clear();
        m_deleted.clear();
        m_aged.clear();
        connect(m_discord.get(), &DiscordSimulator::messageCreated, this,
                [this](const QString &, const QString &id) {
                    ++m_activity;
                    m_createdOrder.insert(id, ++m_created);
                });
        connect(m_discord.get(), &DiscordSimulator::messageEdited, this, [this] { ++m_activity; });
        connect(m_discord.get(), &DiscordSimulator::messageDeleted, this,
                [this](const QString &, const QString &id) {
                    ++m_activity;
                    m_deleted.insert(id);
                });
    }

    void cleanup()
    {
        if (m_bot && m_bot->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_bot->processId()), SIGKILL);
            QSignalSpy finished(m_bot.get(), &QProcess::finished);
            finished.wait(kWaitMs);
        }
        m_bot.reset();
    }

    void randomKillsKeepTheStoreWhole()
    {
        const int rounds = roundsFromEnvironment();
        const quint32 seed = seedFromEnvironment();
        qInfo("kill rounds: %d, seed: %u (PTERODISBOT_KILL_ROUNDS, PTERODISBOT_KILL_SEED)", rounds,
              seed);
        QRandomGenerator random(seed);
        QElapsedTimer elapsed;
        elapsed.start();
        Tally tally;
        QStringList planted;

        for (int round = 1; round <= rounds; ++round) {
            const QString where = QStringLiteral("round %1, seed %2").arg(round).arg(seed);
            if (round % 3 == 0) {
                const QString temporary = plantTemporary(random);
                QVERIFY(!temporary.isEmpty());
                planted << temporary;
                ++tally.plantedTemporaries;
            }
            QVERIFY2(startBot(), qPrintable(where));
            const bool duringStart = random.bounded(5) == 0;
            if (duringStart) {
                ++tally.startKills;
                QTimer::singleShot(int(random.bounded(kMaxStartKillDelayMs + 1)), this,
                                   [this] { kill(); });
                waitUntil([&] { return !botAlive(); }, kWaitMs);
            } else {
                QVERIFY2(waitForLog("bot running"),
                         qPrintable(where + QLatin1Char('\n') + QString::fromUtf8(m_log)));
                QTimer::singleShot(int(random.bounded(kMaxKillDelayMs + 1)), this,
                                   [this] { kill(); });
                drive(random);
            }
            QVERIFY2(m_killSent, qPrintable(where + QStringLiteral(": the bot ended by itself\n") +
                                            QString::fromUtf8(m_log)));
            QVERIFY2(reap(), qPrintable(where));
            QCOMPARE(m_bot->exitStatus(), QProcess::CrashExit);
            ++tally.kills;

            QList<ShownEmbed> inFlight;
            QStringList problems = checkInvariant(tally, &inFlight);
            // Temporary files: only one can be left by the killed process itself (a save it
            // was in); anything older was deleted at its start, once its store was loaded.
            const bool loaded = logSays("embed locations from") || logSays(" yet; no embeds") ||
                                logSays(" is corrupt (");
            const QFileInfoList temporaries = saveTemporaries();
            for (const QFileInfo &file : temporaries) {
                if (loaded && file.lastModified().toUTC() < m_botStarted.addSecs(-1))
                    problems << QStringLiteral("stale temporary %1 survived a start")
                                    .arg(file.fileName());
            }
            if (temporaries.size() > (loaded ? 1 : 1 + planted.size()))
                problems << QStringLiteral("%1 temporary files").arg(temporaries.size());
            if (loaded) {
                for (const QString &path : std::as_const(planted)) {
                    if (QFileInfo::exists(path))
                        problems << QStringLiteral("planted %1 survived a start").arg(path);
                    else
                        ++tally.cleanedTemporaries;
                }
                if (!planted.isEmpty() && !logSays("left by interrupted saves"))
                    problems << QStringLiteral("the cleaning of temporaries was not logged");
                planted.clear();
            }
            if (!problems.isEmpty()) {
                qWarning("%s", m_log.constData());
                QFAIL(qPrintable(where + QStringLiteral(": ") +
                                 problems.join(QStringLiteral("\n  "))));
            }
            // A person would delete such a duplicate; left, it stays frozen (see the docs).
            for (const ShownEmbed &embed : std::as_const(inFlight))
                m_discord->deleteMessage(embed.channel, embed.message);
            m_discord->clearRequests(); // the long form must not hoard every request
        }

        // One more start, not killed: its first cycle edits every tracked embed and drops
        // those Discord no longer has, so the store equals Discord; SIGTERM keeps it so.
        QVERIFY(startBot());
        QVERIFY2(waitForLog("bot running"), m_log.constData());
        const auto storeMatchesDiscord = [this] {
            QHash<QString, EmbedLocation> shown;
            for (const ShownEmbed &embed : discordEmbeds())
                shown.insert(embed.server, EmbedLocation{embed.channel, embed.message});
            const StoreFile store = readStore();
            return store.problems.isEmpty() && store.entries == shown;
        };
        QVERIFY2(waitUntil(storeMatchesDiscord, kWaitMs), m_log.constData());
        ::kill(pid_t(m_bot->processId()), SIGTERM);
        QVERIFY(reap());
        QCOMPARE(m_bot->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_bot->exitCode(), 0);
        QVERIFY(storeMatchesDiscord());
        QVERIFY(saveTemporaries().isEmpty());

        qInfo("%d kills (%d during start) in %.1f s: %d posts acknowledged, %d embeds checked, "
              "%d posts in flight at a kill, %d stale entries, %d of %d planted "
              "temporaries deleted",
              tally.kills, tally.startKills, elapsed.elapsed() / 1000.0, tally.posts,
              tally.checkedEmbeds, tally.inFlightPosts, tally.staleEntries,
              tally.cleanedTemporaries, tally.plantedTemporaries);
        // The run did what it is for: embeds existed when the kills came.
        QVERIFY2(tally.posts >= rounds / 3, "too few posts between the kills");
        QVERIFY2(tally.checkedEmbeds > 0, "no embed was ever checked");
    }

    void corruptStoreIsKeptAsideAndReported_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("torn") << QByteArray("{\n    \"1a7ce997\": {\n        \"channel_id\": \"13");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
    }
    // The program keeps running without the old embeds and says so; the file is kept aside
    // byte for byte, and what the bot saves later never touches it.
    void corruptStoreIsKeptAsideAndReported()
    {
        QFETCH(QByteArray, content);
        QVERIFY(writeFile(storePath(), content));
        QVERIFY(startBot());
        QVERIFY2(waitForLog("bot running"), m_log.constData());
        const QRegularExpression reported(
            QStringLiteral("warning \\[[^\\]]*\\] %1 is corrupt \\((.*)\\); moved it to "
                           "(%1\\.corrupt-\\d{8}T\\d{6}Z)"
                           " and starting with no tracked embeds")
                .arg(QRegularExpression::escape(storePath())));
        const QRegularExpressionMatch match = reported.match(QString::fromUtf8(m_log));
        QVERIFY2(match.hasMatch(), m_log.constData());
        const QString keptAside = match.captured(2);
        QCOMPARE(readFile(keptAside), content);
        QVERIFY(!QFileInfo::exists(storePath()));

        const QString server = m_panel->serverIdentifiers().constFirst();
        const QString channel = m_discord->channelIds().constFirst();
        const QString command = m_discord->injectSlashCommand(channel, kAdmin, {kAdminRole},
                                                              QStringLiteral("server_status"));
        QVERIFY(waitUntil(
            [&] {
                const auto menu = m_discord->originalResponse(command);
                return menu && !menu->components.isEmpty();
            },
            kWaitMs));
        m_discord->injectComponent(channel, m_discord->originalResponse(command)->id, kAdmin,
                                   {kAdminRole}, QStringLiteral("pdb:v1:select:0"), 3, {server});
        QVERIFY(waitUntil([&] { return readStore().entries.contains(server); }, kWaitMs));
        QVERIFY(readStore().problems.isEmpty());
        QCOMPARE(readFile(keptAside), content);

        ::kill(pid_t(m_bot->processId()), SIGTERM);
        QVERIFY(reap());
        QCOMPARE(m_bot->exitCode(), 0);
        QCOMPARE(readFile(keptAside), content);
        QCOMPARE(
            QDir(dataDir())
                .entryList({EmbedStore::fileName() + QStringLiteral(".corrupt-*")}, QDir::Files)
                .size(),
            1);
    }
};

QTEST_GUILESS_MAIN(TestKillSafety)
#include "tst_killsafety.moc"
