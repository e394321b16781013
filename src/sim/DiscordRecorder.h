#pragma once

#include <memory>

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "DiscordSimTypes.h"

namespace PterodisbotSim {

//! Keeps every REST request in memory and, when a file is set, appends one JSON line per
//! request and per gateway payload. Tokens never reach the file.
class DiscordRecorder
{
public:
    DiscordRecorder(const QString &botToken, int historyLimit);
    ~DiscordRecorder();
    DiscordRecorder(const DiscordRecorder &) = delete;
    DiscordRecorder &operator=(const DiscordRecorder &) = delete;

    bool setFile(const QString &path);
    //! details: extra fields for the line (request JSON, files, response code, ...).
    void recordRequest(const DiscordRequestRecord &record, const QJsonObject &details);
    void recordGateway(qint64 elapsedMs, const QString &direction, const QJsonObject &payload);
    QList<DiscordRequestRecord> requests() const { return m_requests; }
    void clear() { m_requests.clear(); }

private:
    void writeLine(const QJsonObject &line);

    QString m_token;
    int m_historyLimit;
    QList<DiscordRequestRecord> m_requests;
    std::unique_ptr<QFile> m_file;
};

} // namespace PterodisbotSim
