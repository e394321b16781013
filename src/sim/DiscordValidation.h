#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace PterodisbotSim {

//! Field errors collected while validating a body, rendered as Discord's nested
//! `errors` object: {"embeds":{"0":{"title":{"_errors":[{"code","message"}]}}}}.
class DiscordFormErrors
{
public:
    void add(const QStringList &path, const QString &code, const QString &message);
    bool isEmpty() const { return m_errors.isEmpty(); }
    int count() const { return m_count; }
    QJsonObject toJson() const { return m_errors; }

    // Discord's common field errors.
    void maxLength(const QStringList &path, int max);
    void badLength(const QStringList &path, int min, int max);
    void required(const QStringList &path);

private:
    QJsonObject m_errors;
    int m_count = 0;
};

//! Discord's limits on request bodies, from the wire reference. Lengths count characters
//! (Unicode code points), as Discord does.
namespace DiscordValidation {

int textLength(const QString &text);
//! content, embeds, components, flags and attachments entries of a message body.
void validateMessage(const QJsonObject &payload, DiscordFormErrors &errors,
                     const QStringList &prefix = {});
//! attachment://name references in embeds must name one of filenames.
void validateAttachmentReferences(const QJsonArray &embeds, const QStringList &filenames,
                                  DiscordFormErrors &errors, const QStringList &prefix = {});
//! The body of PUT .../commands (a list) or of POST .../commands (one command).
void validateCommandList(const QJsonValue &body, DiscordFormErrors &errors);
void validateCommand(const QJsonObject &command, DiscordFormErrors &errors,
                     const QStringList &prefix = {});

} // namespace DiscordValidation
} // namespace PterodisbotSim
