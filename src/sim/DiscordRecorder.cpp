#include "DiscordRecorder.h"

#include <QJsonDocument>

#include "simlogging.h"

namespace PterodisbotSim {

DiscordRecorder::DiscordRecorder(const QString &botToken, int historyLimit)
    : m_token(botToken)
    , m_historyLimit(qMax(1, historyLimit))
{}

DiscordRecorder::~DiscordRecorder() = default;

bool DiscordRecorder::setFile(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        qCWarning(lcSimDiscord) << "cannot open record file" << path << file->errorString();
        return false;
    }
    m_file = std::move(file);
    return true;
}

void DiscordRecorder::recordRequest(const DiscordRequestRecord &record, const QJsonObject &details)
{
    m_requests.append(record);
    // A long demo run must not grow without bound; the file keeps everything.
    if (m_requests.size() > m_historyLimit)
        m_requests.remove(0, m_requests.size() - m_historyLimit);
    if (!m_file)
        return;
    QJsonObject line = details;
    line.insert(QStringLiteral("t"), record.elapsedMs);
    line.insert(QStringLiteral("kind"), QStringLiteral("rest"));
    line.insert(QStringLiteral("method"), record.method);
    line.insert(QStringLiteral("path"), record.path);
    line.insert(QStringLiteral("status"), record.status);
    writeLine(line);
}

void DiscordRecorder::recordGateway(qint64 elapsedMs, const QString &direction,
                                    const QJsonObject &payload)
{
    if (!m_file)
        return;
    QJsonObject redacted = payload;
    QJsonObject data = redacted.value(QStringLiteral("d")).toObject();
    if (data.contains(QStringLiteral("token"))) {
        data.insert(QStringLiteral("token"), QStringLiteral("<redacted>"));
        redacted.insert(QStringLiteral("d"), data);
    }
    writeLine({{QStringLiteral("t"), elapsedMs},
               {QStringLiteral("kind"), QStringLiteral("gateway")},
               {QStringLiteral("direction"), direction},
               {QStringLiteral("payload"), redacted}});
}

void DiscordRecorder::writeLine(const QJsonObject &line)
{
    QByteArray json = QJsonDocument(line).toJson(QJsonDocument::Compact);
    // Belt and braces: whatever path a token took into a line, it does not reach the disk.
    if (!m_token.isEmpty())
        json.replace(m_token.toUtf8(), "<redacted>");
    m_file->write(json + '\n');
    m_file->flush();
}

} // namespace PterodisbotSim
