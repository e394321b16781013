#pragma once

#include <optional>

#include <QHash>
#include <QObject>
#include <QStringList>

#include "pterodactyl/models.h"

namespace Pterodisbot {

struct BotContext;
class StatsStream;

//! The Wings side of stats_source = websocket: one StatsStream per tracked server, the last
//! sample each pushed, and a state change turned into a whole sample for the embed to follow.
//! The update cycle asks it for fresh samples instead of polling the panel.
class LiveStreams final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveStreams)

public:
    explicit LiveStreams(BotContext *context, QObject *parent = nullptr);
    ~LiveStreams() override;

    //! Streams exactly the \a tracked servers while \a wanted, none otherwise. \a restart:
    //! every stream is closed first (the panel client changed).
    void sync(bool wanted, const QStringList &tracked, bool restart);
    void stopAll();
    int count() const { return int(m_streams.size()); }
    //! The sample \a serverId's stream pushed within \a staleMs while streaming; nullopt when
    //! the server has to be polled.
    std::optional<ResourceSample> freshSample(const QString &serverId, qint64 staleMs) const;

signals:
    //! Wings pushed a new power state: \a sample is the last known one with that state (and
    //! zeros when offline), stamped now.
    void stateChanged(const QString &serverId, const Pterodisbot::ResourceSample &sample);

private:
    struct Pushed
    {
        ResourceSample sample;
        qint64 atMs = -1;
    };
    void onState(const QString &serverId, PowerState state);

    BotContext *m_context;
    QHash<QString, StatsStream *> m_streams;
    QHash<QString, Pushed> m_pushed;
};

} // namespace Pterodisbot
