#pragma once

#include <QString>
#include <QStringView>

namespace Pterodisbot {

//! The one way text from outside (a server's name, description and node, the panel's and
//! Discord's own messages) is put into what the bot sends, so that Discord shows it literally:
//! never as formatting, a link, a mention, an emoji or a heading, and without controls that
//! break lines or turn the text around.
//!
//! Every function removes C0/C1 control characters and the invisible format characters that
//! hide or reorder text (bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width space,
//! word joiner, BOM), keeps the zero-width joiners that emoji and scripts need, turns line
//! breaks into spaces (literalLines() keeps them as "\n") and replaces an unpaired surrogate by
//! U+FFFD. A \a limit (UTF-16 units, which is never fewer than Discord's code points) cuts the
//! result with "…" between two characters: never inside a surrogate pair or an escape.
namespace Markdown {

//! \a limit of "no limit".
inline constexpr int NoLimit = -1;

//! \a text for a place where Discord renders Markdown (message content, embed title,
//! description and field values). Backslash-escaped: \ * _ ~ ` | < @ [ everywhere, the ':' of
//! "://" (no autolink), and at a line's start (after spaces) # > - + and the '.' of "1." (no
//! heading, quote, list or subtext). "[Click](http://evil.example)" becomes
//! "\[Click](http\://evil.example)", which Discord shows as typed.
QString literal(QStringView text, int limit = NoLimit);

//! Like literal(), keeping line breaks (as "\n"): for an embed description.
QString literalLines(QStringView text, int limit = NoLimit);

//! \a text for a place that shows plain text (select option labels and descriptions, button
//! labels, embed footer and author): only the control characters are handled, nothing is
//! escaped (a backslash would show).
QString plain(QStringView text, int limit = NoLimit);

//! \a text as inline code (`text`, easy to copy) when it has no backtick, literal() otherwise:
//! inside a code span a backslash does not escape, so a backtick would end it early.
QString code(QStringView text, int limit = NoLimit);

} // namespace Markdown
} // namespace Pterodisbot
