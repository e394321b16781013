#include "pterodactyl/PanelJob.h"

#include <QTimer>

#include "Clock.h"
#include "logging.h"
#include "net/HttpReply.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/PanelParsing.h"

namespace Pterodisbot {
namespace {

// A panel bug (or a hostile answer) must not make us walk millions of pages.
constexpr int MaxPages = 1000;

ApiError cancelled()
{
    return ApiError{ApiError::Kind::Cancelled, 0, {}, QStringLiteral("request cancelled")};
}

} // namespace

PanelJob::PanelJob(PanelClient *client, PanelApi api)
    : m_client(client)
    , m_clock(client->clock())
    , m_api(api)
{}

PanelJob::~PanelJob()
{
    for (const QPointer<HttpReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

void PanelJob::begin(const ApiError &preflight)
{
    if (preflight.isError()) {
        // Never finish from inside the call that created the job: callers connect afterwards.
        QTimer::singleShot(0, this, [this, preflight] { finishJob(preflight); });
        return;
    }
    start();
    if (m_replies.isEmpty() && !m_finished)
        QTimer::singleShot(0, this, [this] { finishJob(complete()); });
}

void PanelJob::abort()
{
    finishJob(cancelled());
}

void PanelJob::sendRequest(const QByteArray &method, const QString &path, const QUrlQuery &query,
                           const QByteArray &body, Handler onAnswer)
{
    if (m_finished)
        return;
    if (!m_client) {
        QTimer::singleShot(0, this, [this] { finishJob(cancelled()); });
        return;
    }
    HttpReply *reply = m_client->send(m_api, method, path, query, body);
    m_replies.append(reply);
    connect(reply, &HttpReply::finished, this,
            [this, reply, handler = std::move(onAnswer)] { onReplyFinished(reply, handler); });
}

void PanelJob::onReplyFinished(HttpReply *reply, const Handler &handler)
{
    m_replies.removeAll(reply);
    if (m_finished)
        return;
    ApiError error = reply->error();
    if (!error.isError())
        error = handler(*reply);
    if (error.isError()) {
        finishJob(error);
        return;
    }
    if (m_replies.isEmpty())
        finishJob(complete());
}

void PanelJob::finishJob(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    const QList<QPointer<HttpReply>> pending = std::exchange(m_replies, {});
    for (const QPointer<HttpReply> &reply : pending) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
    if (error.isError())
        qCDebug(lcPanel).noquote() << metaObject()->className() << "failed:" << error.toString();
    emit finished();
    // Queued behind the coroutine resumptions that finished() posted: a DeferredDelete can be
    // flushed before them (QTest waits do), deleting the job under an awaiting coroutine.
    QMetaObject::invokeMethod(this, &QObject::deleteLater, Qt::QueuedConnection);
}

ApiError PanelJob::jsonObject(const HttpReply &reply, QJsonObject *out)
{
    return PanelParsing::parseDocument(reply.body(), out);
}

QDateTime PanelJob::now() const
{
    return m_clock->utcNow();
}

int PanelJob::perPage() const
{
    return m_client ? m_client->options().perPage : 50;
}

PagedPanelJob::PagedPanelJob(PanelClient *client, PanelApi api, QString path, QUrlQuery query)
    : PanelJob(client, api)
    , m_path(std::move(path))
    , m_query(std::move(query))
{}

void PagedPanelJob::start()
{
    fetchPage(1);
}

void PagedPanelJob::fetchPage(int page)
{
    QUrlQuery query = m_query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    if (perPage() > 0)
        query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage()));
    get(m_path, query, [this, page](const HttpReply &reply) { return onPage(page, reply); });
}

ApiError PagedPanelJob::onPage(int page, const HttpReply &reply)
{
    QJsonObject document;
    if (ApiError error = jsonObject(reply, &document))
        return error;
    QJsonArray items;
    PageInfo info;
    if (ApiError error = PanelParsing::parseList(document, &items, &info))
        return error;
    m_pages.insert(page, items);
    if (page != 1)
        return {};
    m_page = info;
    int lastPage = info.totalPages;
    if (lastPage > MaxPages) {
        qCWarning(lcPanel) << "the panel reports" << lastPage << "pages; reading the first"
                           << MaxPages;
        lastPage = MaxPages;
    }
    for (int next = 2; next <= lastPage; ++next)
        fetchPage(next);
    return {};
}

ApiError PagedPanelJob::complete()
{
    int count = 0;
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (const QJsonValue &item : it.value()) {
            if (ApiError error = parseItem(item.toObject()))
                return error;
            ++count;
        }
    }
    // Servers created or deleted between two page reads shift items across pages: worth a
    // note, not a failure.
    if (count != m_page.total)
        qCInfo(lcPanel) << "list changed while paging:" << count << "items read, panel said"
                        << m_page.total;
    return {};
}

} // namespace Pterodisbot
