#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

namespace PterodisbotSim {

//! One part of a multipart/form-data body.
struct MultipartPart
{
    QString name;     //!< form field name, e.g. "payload_json" or "files[0]"
    QString filename; //!< empty when the part is not a file
    QByteArray contentType;
    QByteArray data;
};

//! Parses multipart/form-data (RFC 7578) as Discord receives it; QHttpServer 6.4 has no
//! parser. nullopt when the Content-Type has no boundary or the body is malformed.
std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType,
                                                   const QByteArray &body);

} // namespace PterodisbotSim
