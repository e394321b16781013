#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Pterodisbot::Soak {

/*!
 * Every log line of the process (bot and simulators, every category, debug included) passes
 * through install()'s message handler: it is counted, kept in a short ring for the report,
 * and searched for the secrets: each whole, and every 8-character piece of them.
 */
class LogWatch
{
public:
    //! Substrings this long or longer of a secret count as a leak.
    static constexpr int kPieceLength = 8;
    static constexpr int kRingSize = 300;

    LogWatch();
    ~LogWatch();
    LogWatch(const LogWatch &) = delete;
    LogWatch &operator=(const LogWatch &) = delete;

    //! Routes every Qt message here until destruction; debug output of every category on
    //! (Qt's own internals excepted).
    void install();
    //! A secret to look for from now on (whole and in pieces), named for the report.
    void addSecret(const QString &name, const QString &secret);
    //! A secret of which only \a secretPart is secret (a JWT's signature: its header and
    //! claims are public); the whole token is still looked for.
    void addSecretPart(const QString &name, const QString &whole, const QString &secretPart);
    int secretCount() const { return m_secretCount; }
    //! Also writes every line to \a path (for diagnosis; off by default).
    bool setFile(const QString &path);

    qint64 lineCount() const { return m_lines; }
    QMap<QString, qint64> linesByType() const { return m_byType; }
    //! Lines that contained a secret (redacted in the report: which secret, where).
    QStringList leaks() const { return m_leaks; }
    QStringList recentLines() const;
    //! Warnings and criticals, counted by their text's start (for the report).
    QMap<QString, int> warnings() const { return m_warnings; }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text);
    void take(QtMsgType type, const QMessageLogContext &context, const QString &text);
    void check(const QString &line);

    QtMessageHandler m_previous = nullptr;
    QSet<QString> m_wholes; //!< secrets added so far (each is added once)
    //! qHash of every kPieceLength window of every secret -> secret name.
    QHash<size_t, QString> m_pieces;
    int m_secretCount = 0;
    qint64 m_lines = 0;
    QMap<QString, qint64> m_byType;
    QStringList m_leaks;
    QStringList m_ring;
    int m_ringNext = 0;
    QMap<QString, int> m_warnings;
    std::unique_ptr<QFile> m_file;
    QElapsedTimer m_clock; //!< milliseconds since install(), at the start of each line
};

} // namespace Pterodisbot::Soak
