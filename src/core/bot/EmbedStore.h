#pragma once

#include <optional>

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include "Clock.h"

namespace Pterodisbot {

//! Where a server's status embed lives. Discord snowflakes kept as text: they do not fit a
//! double, and the Python bot's file stores them as strings.
struct EmbedLocation
{
    QString channelId;
    QString messageId;

    friend bool operator==(const EmbedLocation &, const EmbedLocation &) = default;
};

//! The tracked status embeds, persisted in `embed_locations.json` of the data directory in the
//! Python bot's format: `{"<server id>": {"channel_id": "...", "message_id": "..."}}`.
//!
//! Writes are atomic (QSaveFile): a kill leaves the old file or the new one, never a torn one.
//! Where the file system has no unnamed temporary files (O_TMPFILE), a kill during a save
//! leaves QSaveFile's `embed_locations.json.XXXXXX` behind; load() deletes such leftovers. A
//! file that cannot be parsed is moved aside to
//! `embed_locations.json.corrupt-<UTC timestamp>` before anything else is written, and a file
//! that could not be read (or was never loaded) is never overwritten. Entries with bad values
//! are skipped and counted in the report, which names a few of them; the good ones are kept.
//!
//! Mutations emit changed() and set the dirty flag, so the bot saves once per cycle with
//! saveIfDirty() instead of once per change.
class EmbedStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbedStore)

public:
    enum class LoadStatus {
        Loaded,     //!< file read (some entries may have been skipped)
        Missing,    //!< no file yet: start empty
        Corrupt,    //!< not JSON or not an object: moved aside, start empty
        Unreadable, //!< exists but cannot be read (permissions, I/O); saving is blocked
    };

    //! How many skipped entries a report keeps, and how many its log line names.
    static constexpr int kSkippedKept = 50;
    static constexpr int kSkippedLogged = 3;

    struct LoadReport
    {
        LoadStatus status = LoadStatus::Missing;
        //! The store file this report is about.
        QString file;
        int loaded = 0;
        //! How many entries were skipped; skipped holds only the first kSkippedKept.
        int skippedCount = 0;
        //! One line per skipped entry: `"<key>": <why>`, the key shortened for logs.
        QStringList skipped;
        //! Where a corrupt file went; empty when it stayed or could not be moved.
        QString movedTo;
        //! Human explanation for Corrupt / Unreadable.
        QString error;
        //! Temporary files of interrupted saves that load() deleted (full paths).
        QStringList removedTemporaries;

        //! The outcome in one line, as load() logs it: a count and at most kSkippedLogged
        //! examples of skipped entries, however many the file had.
        QString summary() const;
        //! Entries were skipped, or the file is corrupt or unreadable.
        bool isWarning() const;
    };

    struct ImportReport
    {
        bool imported = false;
        int count = 0;
        //! As in LoadReport: the count of all, the first kSkippedKept kept.
        int skippedCount = 0;
        QStringList skipped;
        //! What happened, one line for logs and the admin window (a few skipped examples).
        QString message;
    };

    //! The store file is `<dataDir>/embed_locations.json`. \a clock (for the timestamp of a
    //! moved-aside file) must outlive the store; null means SystemClock::instance().
    explicit EmbedStore(const QString &dataDir, Clock *clock = nullptr, QObject *parent = nullptr);

    static QString fileName() { return QStringLiteral("embed_locations.json"); }
    QString filePath() const { return m_filePath; }

    //! Replaces the in-memory entries with the file's. Not dirty afterwards. Logs the report's
    //! summary() once, so callers need not log it again. First deletes the temporary files
    //! that interrupted saves left (see isSaveTemporary()) and logs them in one line.
    LoadReport load();

    //! Imports the Python bot's `embed/embed_locations.json` at \a legacyFile, only when our
    //! own file does not exist yet; saves right away so it happens once. Logs the report's
    //! message once.
    ImportReport importLegacy(const QString &legacyFile);

    //! Writes every entry atomically. Refused while blocked (see saveBlockedReason()) and
    //! when a file exists that was never loaded. On failure \a error (if given) says why.
    bool save(QString *error = nullptr);
    //! save() when something changed since the last load or save; true when nothing to do.
    bool saveIfDirty(QString *error = nullptr);
    bool isDirty() const { return m_dirty; }
    //! Non-empty when saving would destroy a file we could not read or move aside.
    QString saveBlockedReason() const { return m_blockedReason; }

    //! Tracks (or re-tracks) \a serverId at \a location. Refuses ids that are not a server
    //! identifier / snowflakes. A message shows one embed, so another server tracked on the
    //! same message is dropped.
    bool track(const QString &serverId, const EmbedLocation &location);
    //! Moves an already tracked server to a new message (embed reposted); false if untracked.
    bool move(const QString &serverId, const EmbedLocation &location);
    //! Stops tracking; false when it was not tracked.
    bool untrack(const QString &serverId);
    //! The entry of \a from (a server's uuid) is now keyed by \a to (its identifier); false
    //! when \a from is not tracked or \a to is tracked already (then \a from is dropped).
    bool rekey(const QString &from, const QString &to);
    //! Untracks everything (purge).
    void clear();

    std::optional<EmbedLocation> lookup(const QString &serverId) const;
    //! The server whose embed is \a messageId, if any.
    std::optional<QString> serverForMessage(const QString &messageId) const;
    bool contains(const QString &serverId) const { return m_entries.contains(serverId); }
    //! Sorted, so callers iterate in a stable order.
    QStringList serverIds() const;
    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }

    //! A Discord snowflake: 1..20 decimal digits fitting in 64 bits, not 0.
    static bool isValidSnowflake(QStringView text);
    //! \a name is the form of QSaveFile's temporary of the store: fileName(), a dot and six
    //! random letters. Six letters of one case are not taken for one: they may be a person's
    //! `embed_locations.json.backup`, and QSaveFile's mix both cases 62 times out of 64.
    static bool isSaveTemporary(QStringView name);

signals:
    //! Emitted after every mutation (not after load()).
    void changed();

private:
    struct Parsed;
    static Parsed parse(const QByteArray &data);
    void setEntries(QHash<QString, EmbedLocation> entries);
    void markChanged();
    QString moveAside(QString *error);
    QStringList removeSaveTemporaries() const;

    QString m_filePath;
    Clock *m_clock;
    QHash<QString, EmbedLocation> m_entries;
    QHash<QString, QString> m_byMessage; //!< message id -> server id
    bool m_dirty = false;
    bool m_loaded = false;
    QString m_blockedReason;
};

} // namespace Pterodisbot
