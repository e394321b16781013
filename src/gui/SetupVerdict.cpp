#include "SetupVerdict.h"

namespace Pterodisbot::SetupVerdict {

QString html(bool ok, const QString &text, const QString &hint)
{
    if (text.isEmpty())
        return {};
    QString out = ok ? QStringLiteral("<span style=\"color:#248046\">&#10004;</span> ")
                     : QStringLiteral("<span style=\"color:#da373c\">&#10008;</span> ");
    out += text.toHtmlEscaped();
    if (!hint.isEmpty())
        out += QStringLiteral("<br><span style=\"color:#5c5e66\">") + hint.toHtmlEscaped() +
               QStringLiteral("</span>");
    return out;
}

QString warning(const QString &text, const QString &hint)
{
    QString out =
        QStringLiteral("<span style=\"color:#c27c0e\">&#9888;</span> ") + text.toHtmlEscaped();
    if (!hint.isEmpty())
        out += QStringLiteral("<br><span style=\"color:#5c5e66\">") + hint.toHtmlEscaped() +
               QStringLiteral("</span>");
    return out;
}

QString pending(const QString &text)
{
    return QStringLiteral("<span style=\"color:#5865f2\">&#8987;</span> ") + text.toHtmlEscaped();
}

} // namespace Pterodisbot::SetupVerdict
