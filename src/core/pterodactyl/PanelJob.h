#pragma once

#include <functional>

#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include "net/ApiError.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

class Clock;
class HttpReply;
class PanelClient;

//! Which panel API a job talks to; each has its own key and rate budget.
enum class PanelApi { Client, Application };

//! Base of every panel request (libQuotient-style job): sends through the PanelClient's
//! HttpClient (headers, timeouts, retries, rate limits live there), checks the answer, hands
//! 2xx bodies to the subclass, and ends with one finished() carrying error() (kind None on
//! success). finished() never fires before the event loop runs, so
//!     auto *job = client->resources(id);
//!     co_await qCoro(job, &PanelJob::finished);
//! is safe. A job deletes itself (deleteLater) after finished(); read its results in the slot
//! or right after the co_await. If its PanelClient is destroyed first, the job finishes with
//! a Cancelled error.
class PanelJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelJob)

public:
    ~PanelJob() override;

    const ApiError &error() const { return m_error; }
    bool isFinished() const { return m_finished; }
    PanelApi api() const { return m_api; }
    //! Ends the job now with a Cancelled error.
    void abort();

signals:
    void finished();

protected:
    PanelJob(PanelClient *client, PanelApi api);

    //! Called once by PanelClient after construction (key type already checked).
    virtual void start() = 0;
    //! Called after the last request succeeded; its error becomes the job's.
    virtual ApiError complete() { return {}; }

    //! Parses one 2xx answer; a returned error ends the job.
    using Handler = std::function<ApiError(const HttpReply &reply)>;
    void sendRequest(const QByteArray &method, const QString &path, const QUrlQuery &query,
                     const QByteArray &body, Handler onAnswer);
    void get(const QString &path, const QUrlQuery &query, Handler onAnswer)
    {
        sendRequest(QByteArrayLiteral("GET"), path, query, {}, std::move(onAnswer));
    }
    //! Parses a 2xx body as a JSON object into \a out.
    static ApiError jsonObject(const HttpReply &reply, QJsonObject *out);
    //! UTC time of the injected clock, for sample timestamps.
    QDateTime now() const;
    int perPage() const;

private:
    friend class PanelClient;
    void begin(const ApiError &preflight);
    void onReplyFinished(HttpReply *reply, const Handler &handler);
    void finishJob(const ApiError &error);

    QPointer<PanelClient> m_client;
    Clock *m_clock;
    PanelApi m_api;
    QList<QPointer<HttpReply>> m_replies;
    ApiError m_error;
    bool m_finished = false;
};

//! A list endpoint read in full: page 1 first, then every other page up to `total_pages`
//! (concurrently, within the client's request cap); items are parsed in panel order.
class PagedPanelJob : public PanelJob
{
    Q_OBJECT

public:
    //! Pagination of the first page (total = number of items in all pages).
    const PageInfo &pageInfo() const { return m_page; }
    //! Pages fetched.
    int pagesFetched() const { return int(m_pages.size()); }

protected:
    PagedPanelJob(PanelClient *client, PanelApi api, QString path, QUrlQuery query);
    void start() override;
    ApiError complete() override;
    virtual ApiError parseItem(const QJsonObject &item) = 0;

private:
    void fetchPage(int page);
    ApiError onPage(int page, const HttpReply &reply);

    QString m_path;
    QUrlQuery m_query;
    PageInfo m_page;
    QMap<int, QJsonArray> m_pages;
};

} // namespace Pterodisbot
