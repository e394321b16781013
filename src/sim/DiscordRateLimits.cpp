#include "DiscordRateLimits.h"

#include <algorithm>
#include <cmath>

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>

#include "DiscordHttpServer.h"
#include "DiscordState.h"

namespace PterodisbotSim {

DiscordRateLimits::DiscordRateLimits(const DiscordState *state)
    : m_state(state)
{}

QByteArray DiscordRateLimits::seconds(qint64 ms)
{
    return QByteArray::number(double(ms) / 1000.0, 'f', 3);
}

QString DiscordRateLimits::bucketHash(const QString &routeKey)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(routeKey.toUtf8(), QCryptographicHash::Md5).toHex());
}

DiscordRateLimits::Decision DiscordRateLimits::checkGlobal()
{
    const qint64 now = m_state->nowMs();
    Decision decision;
    if (m_forcedRetryMs >= 0) {
        m_globalBlockedUntilMs = now + m_forcedRetryMs;
        m_forcedRetryMs = -1;
    }
    if (now < m_globalBlockedUntilMs) {
        decision.limited = true;
        decision.retryAfterMs = m_globalBlockedUntilMs - now;
        return decision;
    }
    if (now >= m_global.startMs + 1000) {
        m_global.startMs = now;
        m_global.count = 0;
    }
    if (m_global.count >= m_state->options().globalLimitPerSecond) {
        decision.limited = true;
        decision.retryAfterMs = m_global.startMs + 1000 - now;
        return decision;
    }
    ++m_global.count;
    return decision;
}

DiscordRateLimits::Decision DiscordRateLimits::checkBucket(const QString &hash,
                                                           const QString &majorKey, int limit,
                                                           int windowMs)
{
    const qint64 now = m_state->nowMs();
    Window &window = m_buckets[hash + QLatin1Char(':') + majorKey];
    if (window.count == 0 || now >= window.startMs + windowMs) {
        window.startMs = now;
        window.count = 0;
    }
    Decision decision;
    qint64 resetAfter = window.startMs + windowMs - now;
    if (now < m_bucketsBlockedUntilMs) {
        // A storm: the bucket looks exhausted until it ends (or until its own window resets,
        // when that is later), so a client honouring the headers meets no 429 afterwards.
        decision.limited = true;
        if (window.count < limit)
            resetAfter = 0;
        resetAfter = std::max(resetAfter, m_bucketsBlockedUntilMs - now);
        decision.retryAfterMs = resetAfter;
    } else if (window.count >= limit) {
        decision.limited = true;
        decision.retryAfterMs = resetAfter;
    } else {
        ++window.count;
    }
    const qint64 resetEpochMs = QDateTime::currentMSecsSinceEpoch() + resetAfter;
    decision.headers = {
        {"X-RateLimit-Limit", QByteArray::number(limit)},
        {"X-RateLimit-Remaining", QByteArray::number(decision.limited ? 0 : limit - window.count)},
        {"X-RateLimit-Reset", seconds(resetEpochMs)},
        {"X-RateLimit-Reset-After", seconds(resetAfter)},
        {"X-RateLimit-Bucket", hash.toLatin1()}};
    return decision;
}

void DiscordRateLimits::forceBuckets(int durationMs)
{
    m_bucketsBlockedUntilMs = m_state->nowMs() + durationMs;
}

DiscordRateLimits::Decision DiscordRateLimits::checkOldMessageEdit(const QString &channelId)
{
    const qint64 now = m_state->nowMs();
    const int windowMs = m_state->options().oldMessageEditWindowMs;
    QList<qint64> &edits = m_oldEdits[channelId];
    edits.removeIf([&](qint64 at) { return at <= now - windowMs; });
    Decision decision;
    if (edits.size() >= m_state->options().oldMessageEditLimit) {
        decision.limited = true;
        decision.retryAfterMs = edits.constFirst() + windowMs - now;
        return decision;
    }
    edits.append(now);
    return decision;
}

DiscordHttpReply DiscordRateLimits::tooManyRequests(const Decision &decision, bool global,
                                                    const QByteArray &scope, int code,
                                                    const QString &message)
{
    QJsonObject body{
        {QStringLiteral("message"),
         message.isEmpty() ? QStringLiteral("You are being rate limited.") : message},
        {QStringLiteral("retry_after"), std::round(double(decision.retryAfterMs)) / 1000.0},
        {QStringLiteral("global"), global}};
    if (code != 0)
        body.insert(QStringLiteral("code"), code);
    DiscordHttpReply reply = DiscordHttpReply::json(429, body);
    reply.headers = decision.headers;
    // Retry-After is whole seconds, rounded up so a client honouring it is never early.
    using Header = QPair<QByteArray, QByteArray>;
    reply.headers.append(Header(
        "Retry-After", QByteArray::number(qMax<qint64>(1, (decision.retryAfterMs + 999) / 1000))));
    if (global)
        reply.headers.append(Header("X-RateLimit-Global", "true"));
    reply.headers.append(Header("X-RateLimit-Scope", scope));
    return reply;
}

} // namespace PterodisbotSim
