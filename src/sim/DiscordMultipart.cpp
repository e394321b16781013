#include "DiscordMultipart.h"

namespace PterodisbotSim {

namespace {
QByteArray boundaryOf(const QByteArray &contentType)
{
    for (QByteArray parameter : contentType.split(';')) {
        parameter = parameter.trimmed();
        if (!parameter.toLower().startsWith("boundary="))
            continue;
        QByteArray value = parameter.mid(int(qstrlen("boundary=")));
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

// The value of name="..." in a Content-Disposition header (quoted, backslash escapes).
QString dispositionParameter(const QByteArray &header, const QByteArray &key)
{
    const QByteArray lower = header.toLower();
    qsizetype at = 0;
    while ((at = lower.indexOf(QByteArray(key + "="), at)) >= 0) {
        // Require a separator before the key, so "filename=" does not match "name=".
        if (at > 0 && lower[at - 1] != ';' && lower[at - 1] != ' ') {
            ++at;
            continue;
        }
        qsizetype pos = at + key.size() + 1;
        QByteArray value;
        if (pos < header.size() && header[pos] == '"') {
            for (++pos; pos < header.size() && header[pos] != '"'; ++pos) {
                if (header[pos] == '\\' && pos + 1 < header.size())
                    ++pos;
                value.append(header[pos]);
            }
        } else {
            while (pos < header.size() && header[pos] != ';')
                value.append(header[pos++]);
            value = value.trimmed();
        }
        return QString::fromUtf8(value);
    }
    return {};
}
} // namespace

std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType,
                                                   const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return std::nullopt;
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        return std::nullopt;
    QList<MultipartPart> parts;
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return parts; // closing delimiter
        if (body.mid(at, 2) != "\r\n")
            return std::nullopt;
        at += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        if (headersEnd < 0)
            return std::nullopt;
        MultipartPart part;
        for (const QByteArray &line : body.mid(at, headersEnd - at).split('\n')) {
            const QByteArray header = line.trimmed();
            const qsizetype colon = header.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = header.left(colon).trimmed().toLower();
            const QByteArray value = header.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = dispositionParameter(value, "name");
                part.filename = dispositionParameter(value, "filename");
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headersEnd + 4;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), dataStart);
        if (next < 0)
            return std::nullopt;
        part.data = body.mid(dataStart, next - dataStart);
        parts.append(part);
        at = next + 2;
    }
}

} // namespace PterodisbotSim
