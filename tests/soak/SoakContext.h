#pragma once

// What the parts of the fault soak share: the harness, the seeded random source, the soak's
// clock and the record of what was injected when (the invariants judge by it).

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>

#include "BotHarness.h"

namespace Pterodisbot::Soak {

//! A span of soak time in which a fault was in force; endMs -1 = still in force.
struct FaultWindow
{
    qint64 startMs = 0;
    qint64 endMs = -1;

    bool covers(qint64 atMs, qint64 slackMs) const
    {
        return atMs >= startMs && (endMs < 0 || atMs <= endMs + slackMs);
    }
};

struct SoakContext
{
    explicit SoakContext(quint32 seed)
        : random(seed)
    {
        clock.start();
    }

    qint64 nowMs() const { return clock.elapsed(); }
    //! A uniformly chosen integer in [low, high].
    int between(int low, int high) { return low + int(random.bounded(high - low + 1)); }
    bool chance(double probability) { return random.generateDouble() < probability; }
    template<typename T>
    const T &pick(const QList<T> &items)
    {
        return items.at(int(random.bounded(int(items.size()))));
    }

    BotTest::BotHarness harness;
    QRandomGenerator random;
    QElapsedTimer clock;
    //! The bot is being replaced (after an injected fatal close code): nobody may touch it.
    bool restarting = false;

    //! Text channels embeds may go to and that still exist (the alert channel is not one).
    QStringList embedChannels;
    //! The first channel: never deleted, so the harness's channel indexes stay put.
    QString homeChannel;
    //! Faults injected so far, by kind.
    QMap<QString, int> injected;

    // What the invariants need to know about the faults.
    QList<FaultWindow> discordStorms; //!< global and bucket 429s forced by the soak
    QList<FaultWindow> panelStorms;   //!< the panel's 429 storm
    //! Gateway faults after which Discord does not replay the events of the old session
    //! (INVALID_SESSION d:false, close codes that end the session, bot restarts).
    QList<qint64> sessionLosses;
    //! Channels that refused the bot at some point (their embeds back off for 10 minutes).
    QSet<QString> refusingChannels;
    //! Discord answers later than the bot's timeout now: a message the bot posts exists in
    //! Discord although the bot saw its request fail.
    bool discordTimingOut = false;
    //! Messages created while discordTimingOut: an orphan among them is not the bot's doing.
    QSet<QString> postedWhileTimingOut;

    void count(const QString &kind) { injected[kind] += 1; }
};

} // namespace Pterodisbot::Soak
