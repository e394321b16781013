#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace PterodisbotSim {

class DiscordState;
struct DiscordHttpReply;

//! Discord's rate limits as the simulator enforces them, on the simulator clock:
//! a global fixed window (50 per second), fixed-window buckets per route hash and major
//! parameter, a forced global 429 for tests, and the edit limit on old messages (30046).
class DiscordRateLimits
{
public:
    explicit DiscordRateLimits(const DiscordState *state);

    //! The outcome of one check; headers go on the answer whether limited or not.
    struct Decision
    {
        bool limited = false;
        qint64 retryAfterMs = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    //! Counts the request against the global limit unless it is limited.
    Decision checkGlobal();
    void forceGlobal(int retryAfterMs) { m_forcedRetryMs = retryAfterMs; }
    //! Every bucket check during the next \a durationMs is limited.
    void forceBuckets(int durationMs);
    //! Counts the request against bucket hash:majorKey unless it is limited.
    Decision checkBucket(const QString &hash, const QString &majorKey, int limit, int windowMs);
    //! Counts an edit of a message older than the configured age in a channel.
    Decision checkOldMessageEdit(const QString &channelId);

    //! The 429 answer for a limited decision.
    static DiscordHttpReply tooManyRequests(const Decision &decision, bool global,
                                            const QByteArray &scope, int code = 0,
                                            const QString &message = {});
    //! An opaque bucket hash of the shape Discord uses (32 hex digits).
    static QString bucketHash(const QString &routeKey);

private:
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
    };
    static QByteArray seconds(qint64 ms);

    const DiscordState *m_state;
    Window m_global;
    qint64 m_globalBlockedUntilMs = -1;
    int m_forcedRetryMs = -1;
    qint64 m_bucketsBlockedUntilMs = -1;
    QHash<QString, Window> m_buckets;
    QHash<QString, QList<qint64>> m_oldEdits;
};

} // namespace PterodisbotSim
