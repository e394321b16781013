#include "ScriptedNetwork.h"

#include <QNetworkReply>
#include <QTimer>

namespace Pterodisbot::TestSupport {
namespace {

class ScriptedReply final : public QNetworkReply
{
public:
    ScriptedReply(const QNetworkRequest &request, QNetworkAccessManager::Operation operation,
                  const Answer &answer, QObject *parent)
        : QNetworkReply(parent)
        , m_answer(answer)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(operation);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!answer.hang)
            QTimer::singleShot(5, this, [this] { complete(); });
    }
    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        emit errorOccurred(OperationCanceledError);
        emit finished();
    }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_offset);
        memcpy(data, m_data.constData() + m_offset, size_t(count));
        m_offset += count;
        return count;
    }

private:
    void complete()
    {
        if (isFinished())
            return;
        if (m_answer.status == 0) {
            setError(ConnectionRefusedError, QStringLiteral("Connection refused"));
            setFinished(true);
            emit errorOccurred(ConnectionRefusedError);
            emit finished();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
        for (const auto &[name, value] : std::as_const(m_answer.headers))
            setRawHeader(name, value);
        m_data = m_answer.body;
        setFinished(true);
        emit finished();
    }

    Answer m_answer;
    QByteArray m_data;
    qint64 m_offset = 0;
};

} // namespace

ScriptedNam::ScriptedNam()
{
    m_timer.start();
}

QNetworkReply *ScriptedNam::createRequest(Operation operation, const QNetworkRequest &request,
                                          QIODevice *outgoingData)
{
    sentAt.append(m_timer.elapsed());
    requests.append(request);
    bodies.append(outgoingData ? outgoingData->readAll() : QByteArray());
    const Answer answer = script.isEmpty() ? fallback : script.takeFirst();
    return new ScriptedReply(request, operation, answer, this);
}

} // namespace Pterodisbot::TestSupport
