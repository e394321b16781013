#include "EmbedStore.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include "bot/CustomId.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

const QString kChannelId = QStringLiteral("channel_id");
const QString kMessageId = QStringLiteral("message_id");

QString quotedKey(const QString &key)
{
    return QLatin1Char('"') + CustomId::forLog(key, 40) + QLatin1Char('"');
}

// Why \a value is not a usable snowflake under \a field, or empty when it is.
QString snowflakeProblem(const QJsonObject &entry, const QString &field)
{
    const QJsonValue value = entry.value(field);
    if (value.isUndefined())
        return QStringLiteral("no %1").arg(field);
    if (value.isDouble())
        return QStringLiteral("%1 is a number, not a string (digits may have been lost)")
            .arg(field);
    if (!value.isString())
        return QStringLiteral("%1 is not a string").arg(field);
    if (!EmbedStore::isValidSnowflake(value.toString()))
        return QStringLiteral("%1 is not a Discord id").arg(field);
    return {};
}

QString entries(int count)
{
    return count == 1 ? QStringLiteral("1 bad entry") : QStringLiteral("%1 bad entries").arg(count);
}

// "skipped 9 bad entries, e.g. <a>; <b>; <c> and 6 more": bounded however large the file.
QString skippedText(int count, const QStringList &skipped)
{
    const QStringList examples = skipped.mid(0, EmbedStore::kSkippedLogged);
    QString text = QStringLiteral("skipped ") + entries(count);
    if (examples.isEmpty())
        return text;
    text += (count > examples.size() ? QStringLiteral(", e.g. ") : QStringLiteral(": ")) +
            examples.join(QStringLiteral("; "));
    if (count > examples.size())
        text += QStringLiteral(" and %1 more").arg(count - examples.size());
    return text;
}

} // namespace

QString EmbedStore::LoadReport::summary() const
{
    switch (status) {
    case LoadStatus::Missing:
        return QStringLiteral("no %1 yet; no embeds tracked").arg(file);
    case LoadStatus::Unreadable:
        return error + QStringLiteral("; not overwriting it");
    case LoadStatus::Corrupt:
        if (movedTo.isEmpty()) {
            return QStringLiteral("%1 is corrupt (%2) and could not be moved aside; not "
                                  "overwriting it")
                .arg(file, error);
        }
        return QStringLiteral("%1 is corrupt (%2); moved it to %3 and starting with no tracked "
                              "embeds")
            .arg(file, error, movedTo);
    case LoadStatus::Loaded:
        break;
    }
    QString text = QStringLiteral("loaded %1 embed locations from %2").arg(loaded).arg(file);
    if (skippedCount > 0)
        text += QStringLiteral("; ") + skippedText(skippedCount, skipped);
    return text;
}

bool EmbedStore::LoadReport::isWarning() const
{
    return status == LoadStatus::Corrupt || status == LoadStatus::Unreadable || skippedCount > 0;
}

struct EmbedStore::Parsed
{
    bool ok = false;
    QString error;
    QHash<QString, EmbedLocation> entries;
    //! All skipped entries are counted, only the first kSkippedKept described: a file of a
    //! million bad entries must not cost a million strings.
    int skippedCount = 0;
    QStringList skipped;
};

EmbedStore::EmbedStore(const QString &dataDir, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_filePath(QDir(dataDir).filePath(fileName()))
    , m_clock(clock ? clock : SystemClock::instance())
{}

EmbedStore::Parsed EmbedStore::parse(const QByteArray &data)
{
    Parsed parsed;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        parsed.error = QStringLiteral("not valid JSON (%1 at offset %2)")
                           .arg(error.errorString())
                           .arg(error.offset);
        return parsed;
    }
    if (!document.isObject()) {
        parsed.error = QStringLiteral("not a JSON object of server ids");
        return parsed;
    }
    parsed.ok = true;

    QHash<QString, QString> byMessage;
    const QJsonObject root = document.object();
    // QJsonObject iterates in key order, so which duplicate wins is stable.
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString &serverId = it.key();
        QString problem;
        if (!CustomId::isValidIdentifier(serverId)) {
            problem = QStringLiteral("not a server identifier");
        } else if (!it.value().isObject()) {
            problem = QStringLiteral("not an object");
        } else {
            const QJsonObject entry = it.value().toObject();
            problem = snowflakeProblem(entry, kChannelId);
            if (problem.isEmpty())
                problem = snowflakeProblem(entry, kMessageId);
            if (problem.isEmpty()) {
                const EmbedLocation location{entry.value(kChannelId).toString(),
                                             entry.value(kMessageId).toString()};
                const QString owner = byMessage.value(location.messageId);
                if (!owner.isEmpty()) {
                    problem = QStringLiteral("message_id already used by %1").arg(quotedKey(owner));
                } else {
                    parsed.entries.insert(serverId, location);
                    byMessage.insert(location.messageId, serverId);
                }
            }
        }
        if (!problem.isEmpty()) {
            ++parsed.skippedCount;
            if (parsed.skipped.size() < kSkippedKept)
                parsed.skipped.append(quotedKey(serverId) + QStringLiteral(": ") + problem);
        }
    }
    return parsed;
}

EmbedStore::LoadReport EmbedStore::load()
{
    LoadReport report;
    report.file = m_filePath;
    report.removedTemporaries = removeSaveTemporaries();
    m_loaded = false;
    m_blockedReason.clear();
    m_dirty = false;
    setEntries({});

    // One line per load, whatever happened and however many entries were bad.
    const auto logged = [](const LoadReport &done) {
        if (done.isWarning())
            qCWarning(lcBot).noquote() << done.summary();
        else
            qCInfo(lcBot).noquote() << done.summary();
        return done;
    };

    QFile file(m_filePath);
    if (!file.exists()) {
        m_loaded = true;
        report.status = LoadStatus::Missing;
        return logged(report);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        report.status = LoadStatus::Unreadable;
        report.error = QStringLiteral("cannot read %1: %2").arg(m_filePath, file.errorString());
        m_blockedReason = report.summary();
        return logged(report);
    }
    const QByteArray data = file.readAll();
    file.close();

    Parsed parsed = parse(data);
    if (!parsed.ok) {
        report.status = LoadStatus::Corrupt;
        report.error = parsed.error;
        QString moveError;
        report.movedTo = moveAside(&moveError);
        if (report.movedTo.isEmpty()) {
            report.error += QStringLiteral("; ") + moveError;
            m_blockedReason = report.summary();
        } else {
            m_loaded = true;
        }
        return logged(report);
    }

    report.status = LoadStatus::Loaded;
    report.loaded = int(parsed.entries.size());
    report.skippedCount = parsed.skippedCount;
    report.skipped = parsed.skipped;
    setEntries(std::move(parsed.entries));
    m_loaded = true;
    return logged(report);
}

QString EmbedStore::moveAside(QString *error)
{
    const QString stamp =
        m_clock->utcNow().toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString base = m_filePath + QStringLiteral(".corrupt-") + stamp;
    QString target = base;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = base + QLatin1Char('-') + QString::number(n);
    QFile file(m_filePath);
    if (!file.rename(target)) {
        *error = QStringLiteral("cannot move it to %1: %2").arg(target, file.errorString());
        return {};
    }
    return target;
}

bool EmbedStore::isSaveTemporary(QStringView name)
{
    const QString stem = fileName() + QLatin1Char('.');
    if (name.size() != stem.size() + 6 || !name.startsWith(stem))
        return false;
    bool lower = false;
    bool upper = false;
    for (const QChar c : name.mid(stem.size())) {
        lower = lower || (c >= u'a' && c <= u'z');
        upper = upper || (c >= u'A' && c <= u'Z');
        if (!(c >= u'a' && c <= u'z') && !(c >= u'A' && c <= u'Z'))
            return false;
    }
    return lower && upper;
}

QStringList EmbedStore::removeSaveTemporaries() const
{
    // A temporary is never the committed state: the file next to it is the last complete save
    // (or there was none), so deleting it loses nothing. Only one bot may use a data directory,
    // so none of them belongs to a save in progress.
    const QFileInfo store(m_filePath);
    const QDir dir = store.absoluteDir();
    QStringList removed;
    const QFileInfoList candidates =
        dir.entryInfoList({fileName() + QStringLiteral(".??????")},
                          QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo &candidate : candidates) {
        if (!isSaveTemporary(candidate.fileName()))
            continue;
        QFile file(candidate.absoluteFilePath());
        if (file.remove()) {
            removed.append(candidate.absoluteFilePath());
        } else {
            qCWarning(lcBot).noquote()
                << QStringLiteral("cannot delete %1, left by an interrupted save: %2")
                       .arg(candidate.absoluteFilePath(), file.errorString());
        }
    }
    if (!removed.isEmpty()) {
        const QStringList examples = removed.mid(0, kSkippedLogged);
        QString text =
            QStringLiteral("deleted %1 temporary %2 left by interrupted saves of %3: %4")
                .arg(removed.size())
                .arg(removed.size() == 1 ? QStringLiteral("file") : QStringLiteral("files"),
                     m_filePath, examples.join(QStringLiteral(", ")));
        if (removed.size() > examples.size())
            text += QStringLiteral(" and %1 more").arg(removed.size() - examples.size());
        qCInfo(lcBot).noquote() << text;
    }
    return removed;
}

EmbedStore::ImportReport EmbedStore::importLegacy(const QString &legacyFile)
{
    ImportReport report;
    if (QFileInfo::exists(m_filePath)) {
        report.message =
            QStringLiteral("not importing %1: %2 already exists").arg(legacyFile, m_filePath);
        qCInfo(lcBot).noquote() << report.message;
        return report;
    }
    QFile file(legacyFile);
    if (!file.exists()) {
        report.message = QStringLiteral("nothing to import: no %1").arg(legacyFile);
        qCInfo(lcBot).noquote() << report.message;
        return report;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        report.message = QStringLiteral("cannot read %1: %2").arg(legacyFile, file.errorString());
        qCWarning(lcBot).noquote() << report.message;
        return report;
    }
    // The legacy file is the Python bot's: read it, never move or change it.
    const Parsed parsed = parse(file.readAll());
    if (!parsed.ok) {
        report.message = QStringLiteral("cannot import %1: %2").arg(legacyFile, parsed.error);
        qCWarning(lcBot).noquote() << report.message;
        return report;
    }
    report.skippedCount = parsed.skippedCount;
    report.skipped = parsed.skipped;
    const QString skipped =
        parsed.skippedCount > 0
            ? QStringLiteral("; ") + skippedText(parsed.skippedCount, parsed.skipped)
            : QString();

    QStringList ids = parsed.entries.keys();
    std::sort(ids.begin(), ids.end());
    int added = 0;
    for (const QString &id : std::as_const(ids)) {
        const EmbedLocation &location = parsed.entries[id];
        if (m_entries.contains(id) || m_byMessage.contains(location.messageId))
            continue;
        m_entries.insert(id, location);
        m_byMessage.insert(location.messageId, id);
        ++added;
    }
    if (added == 0) {
        report.message =
            QStringLiteral("nothing to import from %1: no usable entries").arg(legacyFile) +
            skipped;
        qCWarning(lcBot).noquote() << report.message;
        return report;
    }
    // Our file does not exist, so there is nothing a save could destroy.
    m_loaded = true;
    markChanged();
    QString error;
    if (!save(&error)) {
        report.message = QStringLiteral("imported %1 embed locations from %2 but could not save "
                                        "them: %3")
                             .arg(added)
                             .arg(legacyFile, error);
        qCWarning(lcBot).noquote() << report.message;
        return report;
    }
    report.imported = true;
    report.count = added;
    report.message =
        QStringLiteral("imported %1 embed locations from %2").arg(added).arg(legacyFile);
    if (skipped.isEmpty()) {
        qCInfo(lcBot).noquote() << report.message;
    } else {
        report.message += skipped;
        qCWarning(lcBot).noquote() << report.message;
    }
    return report;
}

bool EmbedStore::save(QString *error)
{
    const auto fail = [&](const QString &why) {
        qCWarning(lcBot).noquote() << QStringLiteral("not saving embed locations: %1").arg(why);
        if (error)
            *error = why;
        return false;
    };
    if (!m_blockedReason.isEmpty())
        return fail(m_blockedReason);
    if (!m_loaded && QFileInfo::exists(m_filePath))
        return fail(
            QStringLiteral("%1 exists but was never loaded; not overwriting it").arg(m_filePath));

    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("cannot create %1").arg(info.absolutePath()));

    QJsonObject root;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        root.insert(it.key(),
                    QJsonObject{{kChannelId, it->channelId}, {kMessageId, it->messageId}});

    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString()));
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (file.write(data) != data.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString()));
    m_dirty = false;
    m_loaded = true;
    qCDebug(lcBot) << "saved" << m_entries.size() << "embed locations to" << m_filePath;
    return true;
}

bool EmbedStore::saveIfDirty(QString *error)
{
    return !m_dirty || save(error);
}

bool EmbedStore::track(const QString &serverId, const EmbedLocation &location)
{
    if (!CustomId::isValidIdentifier(serverId) || !isValidSnowflake(location.channelId) ||
        !isValidSnowflake(location.messageId)) {
        qCWarning(lcBot).noquote()
            << QStringLiteral("refusing to track %1 at channel %2 message %3")
                   .arg(quotedKey(serverId), quotedKey(location.channelId),
                        quotedKey(location.messageId));
        return false;
    }
    const auto existing = m_entries.constFind(serverId);
    if (existing != m_entries.cend() && *existing == location)
        return true;

    const QString other = m_byMessage.value(location.messageId);
    if (!other.isEmpty() && other != serverId) {
        qCWarning(lcBot) << "message" << location.messageId << "showed server" << other
                         << "and now shows" << serverId << "; untracking" << other;
        m_entries.remove(other);
    }
    if (existing != m_entries.cend())
        m_byMessage.remove(existing->messageId);
    m_entries.insert(serverId, location);
    m_byMessage.insert(location.messageId, serverId);
    markChanged();
    return true;
}

bool EmbedStore::move(const QString &serverId, const EmbedLocation &location)
{
    if (!m_entries.contains(serverId))
        return false;
    return track(serverId, location);
}

bool EmbedStore::untrack(const QString &serverId)
{
    const auto it = m_entries.constFind(serverId);
    if (it == m_entries.cend())
        return false;
    m_byMessage.remove(it->messageId);
    m_entries.erase(it);
    markChanged();
    return true;
}

bool EmbedStore::rekey(const QString &from, const QString &to)
{
    const auto location = lookup(from);
    if (!location || from == to)
        return false;
    untrack(from);
    if (m_entries.contains(to))
        return false;
    return track(to, *location);
}

void EmbedStore::clear()
{
    if (m_entries.isEmpty())
        return;
    setEntries({});
    markChanged();
}

std::optional<EmbedLocation> EmbedStore::lookup(const QString &serverId) const
{
    const auto it = m_entries.constFind(serverId);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

std::optional<QString> EmbedStore::serverForMessage(const QString &messageId) const
{
    const auto it = m_byMessage.constFind(messageId);
    if (it == m_byMessage.cend())
        return std::nullopt;
    return *it;
}

QStringList EmbedStore::serverIds() const
{
    QStringList ids = m_entries.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool EmbedStore::isValidSnowflake(QStringView text)
{
    if (text.isEmpty() || text.size() > 20 || text.front() == u'0')
        return false;
    if (!std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;
    bool ok = false;
    const quint64 value = text.toULongLong(&ok); // not ok past 2^64 - 1
    return ok && value > 0;
}

void EmbedStore::setEntries(QHash<QString, EmbedLocation> entries)
{
    m_entries = std::move(entries);
    m_byMessage.clear();
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        m_byMessage.insert(it->messageId, it.key());
}

void EmbedStore::markChanged()
{
    m_dirty = true;
    emit changed();
}

} // namespace Pterodisbot
