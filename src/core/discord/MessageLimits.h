#pragma once

#include <optional>

#include <QString>
#include <QStringList>

namespace Pterodisbot {

struct ActionRow;
struct Button;
struct Embed;
struct Message;
struct StringSelect;

//! The one place that knows Discord's size limits for message bodies, and fixes a body so
//! Discord accepts it: too-long text is truncated with "…", excess fields, options, buttons,
//! rows, embeds and files are dropped with a warning (pterodisbot.rest). Ids are never
//! truncated (see ComponentId): a component or option with an invalid or duplicate id is dropped.
//! Lengths are counted in UTF-16 units, never fewer than Discord's code points, so a cut
//! text is always within the limit; a cut never splits a surrogate pair nor a backslash escape
//! (Markdown::literal()).
namespace MessageLimits {

inline constexpr int ContentLength = 2000;
inline constexpr int EmbedsPerMessage = 10;
inline constexpr int EmbedTitle = 256;
inline constexpr int EmbedDescription = 4096;
inline constexpr int EmbedFields = 25;
inline constexpr int EmbedFieldName = 256;
inline constexpr int EmbedFieldValue = 1024;
inline constexpr int EmbedFooter = 2048;
inline constexpr int EmbedAuthor = 256;
inline constexpr int EmbedTotal = 6000;
inline constexpr qint64 ColorMax = 0xFFFFFF;
inline constexpr int ActionRows = 5;
inline constexpr int ButtonsPerRow = 5;
inline constexpr int CustomIdMax = 100;
inline constexpr int ButtonLabel = 80;
inline constexpr int SelectOptionsMin = 1;
inline constexpr int SelectOptionsMax = 25;
inline constexpr int SelectPlaceholder = 150;
inline constexpr int SelectOptionText = 100; //!< label, value and description
inline constexpr int FilesPerMessage = 10;

//! \a text cut to \a limit UTF-16 units, the last one being "…"; unchanged when it fits.
QString truncated(const QString &text, int limit);

//! \a embed within every per-embed limit. Warnings are logged and appended to \a warnings.
Embed enforce(Embed embed, QStringList *warnings = nullptr);
//! \a button with its label cut to 80; std::nullopt when it cannot be sent at all (an
//! action button without custom_id, a link without URL, neither label nor emoji).
std::optional<Button> enforce(Button button, QStringList *warnings = nullptr);
//! \a select with 1–25 valid, unique options; std::nullopt when no option is left.
std::optional<StringSelect> enforce(StringSelect select, QStringList *warnings = nullptr);
//! \a row with up to 5 valid buttons or one valid select; std::nullopt when empty.
std::optional<ActionRow> enforce(ActionRow row, QStringList *warnings = nullptr);
//! \a message within every limit, the 6000-character total of its embeds included.
Message enforce(Message message, QStringList *warnings = nullptr);

} // namespace MessageLimits
} // namespace Pterodisbot
