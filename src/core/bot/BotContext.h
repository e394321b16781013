#pragma once

#include <QList>
#include <QPointer>
#include <QString>

#include "bot/AccessPolicy.h"
#include "bot/BotState.h"
#include "bot/BotTuning.h"
#include "bot/MetricsHistory.h"
#include "bot/OutageAlerts.h"
#include "bot/PowerCooldown.h"
#include "bot/UpdatePolicy.h"
#include "config/Config.h"
#include "discord/Interaction.h"
#include "i18n/Wording.h"

namespace Pterodisbot {

class ChartRenderer;
class Clock;
class EmbedStore;
class InteractionResponder;
class PanelClient;
class RestClient;

//! What the parts of the bot share: configuration, clients, policies and run-time state. Owned
//! by BotCore, which replaces the clients when a reload asks for it; the parts always read the
//! current pointer and never keep their own.
struct BotContext
{
    explicit BotContext(Clock *clock);

    Config config;
    BotTuning tuning;
    Clock *clock;
    ChartRenderer *renderer = nullptr;
    QPointer<RestClient> rest;
    QPointer<PanelClient> panel;
    EmbedStore *store = nullptr;
    //! Answers every interaction in time; handlers show progress through it.
    InteractionResponder *responder = nullptr;
    //! Ours, resolved at start (configuration or GET /users/@me).
    QString applicationId;
    //! The guild's preferred_locale as Discord last said it (GUILD_CREATE, GUILD_UPDATE, an
    //! interaction's guild_locale); empty until then. Change it through setGuildLocale().
    QString guildLocale;
    //! The locale the public messages were last written in (notePublicLocale()).
    QString publicLocaleInUse;

    UpdatePolicy policy;
    MetricsHistory history;
    AccessPolicy access;
    PowerCooldown cooldown;
    OutageAlerts alerts;
    BotState state;

    int cycleIntervalMs() const;
    //! The AccessPolicy's decision on \a interaction used through \a surface.
    AccessPolicy::Decision checkAccess(const Interaction &interaction,
                                       AccessPolicy::Surface surface) const;
    int streamStaleMs() const;
    //! The locale of public messages (status embeds, alerts): [bot] locale when set, else the
    //! guild's; empty: English.
    QString publicLocale() const;
    //! Public messages are worded in publicLocale().
    Wording publicWording() const;
    void setGuildLocale(const QString &locale);
    //! After the configuration or the guild's locale changed: when publicLocale() is not the
    //! language the embeds were written in, every embed is written again at the next cycle.
    void notePublicLocale();
    //! Applies the live parts of config and tuning to the policies.
    void applySettings();
};

} // namespace Pterodisbot
