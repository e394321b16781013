#pragma once

#include <QObject>
#include <QStringList>

#include "PanelWorld.h"

class QWebSocket;

namespace PterodisbotSim {

//! Wings' view of one console websocket of one server: authentication with the panel's
//! token, token lifetime warnings, stats/status pushes and the inbound events.
class WingsSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WingsSession)

public:
    struct Options
    {
        int tokenExpiringWarningMs = 60000;
        bool authThrottle = false;
    };

    WingsSession(PanelWorld &world, QWebSocket *socket, int serverIndex, const Options &options,
                 QObject *parent = nullptr);
    ~WingsSession() override;

    int serverIndex() const { return m_index; }
    bool isAuthenticated() const { return !m_token.isEmpty(); }
    QWebSocket *socket() const { return m_socket; }

    void pushStats();
    void pushStatus();
    //! Sends "token expiring"/"token expired" when their time has come.
    void checkToken();
    void abort();

signals:
    void closed(PterodisbotSim::WingsSession *session);

private:
    void onMessage(const QString &message);
    void handleAuth(const QStringList &args);
    //! Outbound event; once the token expired every event becomes a "jwt error".
    void send(const QString &event, const QStringList &args = {});
    void sendRaw(const QString &event, const QStringList &args);
    bool tokenExpired() const;
    bool takeAuthAttempt();

    PanelWorld &m_world;
    QWebSocket *m_socket;
    int m_index;
    Options m_options;
    QString m_token;
    qint64 m_expiresAtMs = 0;
    bool m_warnedExpiring = false;
    bool m_sentExpired = false;
    double m_authBudget = 2;
    qint64 m_authBudgetAtMs = 0;
};

} // namespace PterodisbotSim
