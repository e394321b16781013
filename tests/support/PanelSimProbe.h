#pragma once

// Shared by the tst_panelsim* integration tests: the panel + Wings simulator driven by raw Qt
// clients (never the project's PanelClient), so a bug shared by client and simulator cannot hide.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

#include "PanelSimulator.h"

namespace Pterodisbot::PanelSimTest {

//! One HTTP answer as the tests look at it.
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    bool finished = false;

    //! The first entry of the panel's "errors" array.
    QJsonObject firstError() const;
};

//! Collects the JSON frames of one Wings socket.
class WingsProbe
{
    Q_DISABLE_COPY_MOVE(WingsProbe)

public:
    explicit WingsProbe(const QString &origin);

    //! Sends one {"event", "args"} frame.
    void send(const QString &event, const QStringList &args = {});
    //! The events of every frame received so far.
    QStringList events() const;
    //! The events received since the last call.
    QStringList takeEvents();
    //! The events received since the last takeEvents(), without consuming them.
    QStringList freshEvents() const { return events().mid(m_taken); }
    //! The newest frame of \a event, or an empty object.
    QJsonObject last(const QString &event) const;

    QWebSocket socket;
    QList<QJsonObject> frames;

private:
    int m_taken = 0;
};

//! Base of the tst_panelsim* test classes: HTTP and Wings helpers over one
//! QNetworkAccessManager. It has no slots, so QTest runs only the subclass's tests.
class PanelSimTestCase : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelSimTestCase)

public:
    PanelSimTestCase() = default;

protected:
    //! Sends \a verb to \a url and waits up to \a waitMs; an unfinished request is aborted and
    //! reported with finished == false. Redirects are not followed.
    HttpResult request(const QByteArray &verb, const QUrl &url, const QString &key,
                       const QByteArray &body = {}, bool jsonAccept = true,
                       const QByteArray &contentType = "application/json", int waitMs = 5000);
    //! GET of \a pathAndQuery on the simulator's panel.
    HttpResult get(const PterodisbotSim::PanelSimulator &sim, const QString &pathAndQuery,
                   const QString &key, bool jsonAccept = true);
    //! POST of \a body to the power endpoint of \a server, with the client key by default.
    HttpResult power(const PterodisbotSim::PanelSimulator &sim, const QString &server,
                     const QByteArray &body, const QString &key = {});
    //! \a servers generated servers, no timer: the tests drive time with tick().
    static PterodisbotSim::PanelSimOptions manualOptions(int servers = 4);
    //! The first generated server in \a state.
    static QString serverIn(const PterodisbotSim::PanelSimulator &sim, const QString &state);
    //! Asks the panel for a Wings token, opens \a probe's socket and sends the auth frame.
    bool connectWings(const PterodisbotSim::PanelSimulator &sim, WingsProbe &probe,
                      const QString &id);
    //! Waits until \a event arrives among the events not yet taken.
    static bool waitForEvent(WingsProbe &probe, const QString &event, int timeoutMs = 10000);

private:
    QNetworkAccessManager m_nam;
};

} // namespace Pterodisbot::PanelSimTest
