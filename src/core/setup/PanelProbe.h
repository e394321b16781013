#pragma once

#include <QCoroTask>
#include <QObject>
#include <QString>
#include <QUrl>

#include "net/ApiError.h"

class QNetworkAccessManager;

namespace Pterodisbot {

//! The outcome of checking one panel key against the live panel, in the member's words.
struct PanelCheck
{
    //! The panel answered and accepted the key for what the bot does with it.
    bool ok = false;
    //! "Pterodactyl" or "Pelican", from the key's prefix; empty when the key has none.
    QString flavour;
    //! Servers the key sees: the client key's own, or (application key) all on the panel;
    //! -1 when the panel was not asked or did not answer.
    int serverCount = -1;
    //! What is wrong, one sentence; empty when ok.
    QString problem;
    //! What to do about it; when ok, a remark worth showing (e.g. no servers visible).
    QString hint;
    //! A key of the other kind was typed into this field (client <-> application); nothing
    //! was sent, and the hint says where it belongs.
    bool swapped = false;
    //! When ok: what the key gives, one line ("Pelican panel: 5 servers visible to this key").
    QString summary;
};

//! Live checks of what the member types into the first-run assistant (the wizard and
//! `pterodisbot --setup`): the panel's address and its client and application keys. Each check
//! first asks the configuration validator (FieldChecks), so a malformed address or key gets
//! exactly the words of `--check-config` and nothing is sent; then it lists the servers with
//! PanelClient, the bot's own panel client, with short timeouts and no retries, because a
//! person waits for the answer.
class PanelProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelProbe)

public:
    //! \a nam must outlive the probe. A probe destroyed during a check ends it at once (its
    //! result is then an empty PanelCheck).
    explicit PanelProbe(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~PanelProbe() override;

    //! The panel at \a panelUrl answers, \a clientKey is a client key (ptlc_ / pacc_) it
    //! accepts, and how many servers the key sees (GET /api/client, every page). An
    //! application key is refused before anything is sent (swapped).
    QCoro::Task<PanelCheck> checkClientKey(QUrl panelUrl, QString clientKey);
    //! The same for the optional application key (ptla_ / papp_): all servers of the panel and
    //! its nodes (GET /api/application/servers and /nodes). A client key is refused before
    //! anything is sent (swapped), like `--check-config` does.
    QCoro::Task<PanelCheck> checkApplicationKey(QUrl panelUrl, QString applicationKey);

    //! A failed panel request in the member's words: problem and hint of \a error, for the
    //! client (\a applicationKey false) or the application key. The one place these texts live.
    static PanelCheck describe(const ApiError &error, const QUrl &panelUrl, bool applicationKey);

    //! Per-request timeout of the checks (default 10 s).
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

private:
    QCoro::Task<PanelCheck> check(QUrl panelUrl, QString key, bool applicationKey);

    QNetworkAccessManager *m_nam;
    int m_requestTimeoutMs = 10000;
};

} // namespace Pterodisbot
