#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

#include "discord/Message.h"
#include "i18n/Wording.h"
#include "net/ApiError.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

//! What a status embed (and a select option) says about a server at a glance: the power state,
//! unless the server cannot be used at all or we could not ask about it.
enum class DisplayState {
    Running,
    Starting,
    Stopping,
    Offline,
    Suspended,
    Installing,  //!< installing, install failed, restoring a backup, transferring, maintenance
    Unreachable, //!< the panel or the server's node did not answer
    Unknown,     //!< no sample yet
};

QString displayStateName(DisplayState state);

//! Everything one status embed is built from; plain data so the embed is a pure function of it.
struct StatusView
{
    Server server;
    std::optional<ResourceSample> sample;
    //! The panel (or the server's node) did not answer this cycle.
    bool unreachable = false;
    //! Why, for the embed (unreachableText()); shown only when unreachable.
    ApiError unreachableError;
    //! When the panel was last heard from about this server; shown while unreachable.
    QDateTime lastSeen;
    //! The embed's "last update" timestamp.
    QDateTime updatedAt;
    //! The chart's file name when the message carries one (new upload or kept attachment);
    //! empty: no image.
    QString chartFileName;
    //! The language of the embed: the guild's (BotContext::publicWording()); English by default.
    Wording wording;
};

//! Builds the public status embed of one server and the buttons under it.
//!
//! The server's name, description and node are the panel owner's text: they are shown literally
//! (Markdown::literal()), never as formatting, links or mentions.
//!
//! The embed never contains the server's address (allocations): the message is public, the
//! address is revealed only ephemerally by Show Address to the control role. Colours: running
//! green, starting/stopping amber, offline red, everything else grey.
namespace StatusEmbed {

inline constexpr qint64 ColourRunning = 0x57F287;
inline constexpr qint64 ColourTransition = 0xFEE75C;
inline constexpr qint64 ColourOffline = 0xED4245;
inline constexpr qint64 ColourGrey = 0x95A5A6;
//! How much of a server's name a sentence (a reply, an alert) quotes, escapes included: the
//! panel allows 191 characters; more comes from a hostile panel and would crowd the message.
inline constexpr int NameInTextLength = 200;

//! Which buttons make sense in a state; the others are shown disabled.
struct ButtonStates
{
    bool start = false;
    bool stop = false;
    bool restart = false;
    bool address = false;

    bool operator==(const ButtonStates &other) const = default;
};

DisplayState displayState(const StatusView &view);
//! The same decision from parts (select options use it without a full view).
DisplayState displayState(const Server &server, const ResourceSample *sample, bool unreachable);
qint64 colour(DisplayState state);
//! "🟢" etc.; select options and the state line use it.
QString emoji(DisplayState state);
//! "Running", "Unavailable (restoring backup)", "Unreachable", ...
QString stateLabel(DisplayState state, const Server &server, const Wording &wording = {});
//! \a hasAddress: the server has a default allocation to reveal.
ButtonStates buttonStates(DisplayState state, bool hasAddress);

//! The embed alone.
Embed embed(const StatusView &view);
//! Start / Stop / Restart / Show Address in one row, custom_ids from bot/CustomId.
QList<ActionRow> components(const StatusView &view);
//! Embed and components in a message; files and kept attachments are the caller's.
Message message(const StatusView &view);

//! "<identifier>_status.png": the name the chart is uploaded under (characters other than
//! ASCII letters, digits, '-' and '_' become '_').
QString chartFileName(const QString &identifier);

//! Why the panel did not answer, for the public embed and the admin window: no URLs, no keys,
//! nothing from the panel's answer body. "The panel is not answering." when nothing better is
//! known.
QString unreachableText(const ApiError &error, const Wording &wording = {});

// Formatting shared with the server list and the admin window (which use English).
//! "512 MiB", "1.5 GiB"; "0 B" for nothing.
QString formatBytes(qint64 bytes, const Wording &wording = {});
//! "75.0 % of its 200 % limit · 1.50 cores", or "150.0 % · 1.50 cores (no limit)".
QString formatCpu(double cpuAbsolute, int cpuLimitPercent, const Wording &wording = {});
//! "1.2 GiB / 4 GiB (30 %)", "1.2 GiB (no limit)".
QString formatUsage(qint64 usedBytes, qint64 limitMiB, const Wording &wording = {});

} // namespace StatusEmbed
} // namespace Pterodisbot
