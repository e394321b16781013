#include "WingsSession.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

#include "PanelJson.h"
#include "simlogging.h"

namespace PterodisbotSim {

namespace {

const QString kExpiredClaim = QStringLiteral("jwt: exp claim is invalid");
constexpr double kAuthBurst = 2;
constexpr qint64 kAuthRefillMs = 5000;

} // namespace

WingsSession::WingsSession(PanelWorld &world, QWebSocket *socket, int serverIndex,
                           const Options &options, QObject *parent)
    : QObject(parent)
    , m_world(world)
    , m_socket(socket)
    , m_index(serverIndex)
    , m_options(options)
{
    m_socket->setParent(this);
    m_authBudgetAtMs = m_world.nowMs();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WingsSession::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, [this]() { emit closed(this); });
}

WingsSession::~WingsSession() = default;

void WingsSession::abort()
{
    m_socket->abort();
}

bool WingsSession::tokenExpired() const
{
    return !m_token.isEmpty() && m_world.nowMs() >= m_expiresAtMs;
}

void WingsSession::sendRaw(const QString &event, const QStringList &args)
{
    const QJsonObject frame{{QStringLiteral("event"), event},
                            {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void WingsSession::send(const QString &event, const QStringList &args)
{
    if (m_token.isEmpty())
        return; // Wings sends nothing before a successful auth
    if (tokenExpired()) {
        sendRaw(QStringLiteral("jwt error"), {kExpiredClaim});
        return;
    }
    sendRaw(event, args);
}

void WingsSession::pushStats()
{
    send(QStringLiteral("stats"),
         {QString::fromUtf8(PanelJson::wingsStats(m_world.server(m_index)))});
}

void WingsSession::pushStatus()
{
    send(QStringLiteral("status"), {simStateName(m_world.server(m_index).state)});
}

void WingsSession::checkToken()
{
    if (m_token.isEmpty())
        return;
    const qint64 left = m_expiresAtMs - m_world.nowMs();
    if (left <= 0) {
        if (!m_sentExpired) {
            m_sentExpired = true;
            sendRaw(QStringLiteral("token expired"), {});
        }
    } else if (left <= m_options.tokenExpiringWarningMs && !m_warnedExpiring) {
        m_warnedExpiring = true;
        sendRaw(QStringLiteral("token expiring"), {});
    }
}

bool WingsSession::takeAuthAttempt()
{
    if (!m_options.authThrottle)
        return true;
    const qint64 now = m_world.nowMs();
    m_authBudget =
        std::min(kAuthBurst, m_authBudget + double(now - m_authBudgetAtMs) / kAuthRefillMs);
    m_authBudgetAtMs = now;
    if (m_authBudget < 1)
        return false;
    m_authBudget -= 1;
    return true;
}

void WingsSession::onMessage(const QString &message)
{
    const QJsonObject frame = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString event = frame.value(QLatin1String("event")).toString();
    QStringList args;
    for (const auto &arg : frame.value(QLatin1String("args")).toArray())
        args.append(arg.toString());
    if (event.isEmpty())
        return;
    if (event == QLatin1String("auth")) {
        handleAuth(args);
        return;
    }
    if (m_token.isEmpty()) {
        sendRaw(QStringLiteral("jwt error"), {QStringLiteral("jwt: no jwt present")});
        return;
    }
    if (tokenExpired()) {
        sendRaw(QStringLiteral("jwt error"), {kExpiredClaim});
        return;
    }
    const SimServer &server = m_world.server(m_index);
    if (event == QLatin1String("send stats")) {
        pushStats();
    } else if (event == QLatin1String("set state")) {
        if (!m_world.power(m_index, args.value(0)))
            send(QStringLiteral("daemon error"),
                 {QStringLiteral("An unexpected error was encountered while handling this "
                                 "request.")});
    } else if (event == QLatin1String("send logs")) {
        if (server.state != SimPowerState::Offline) {
            send(QStringLiteral("console output"),
                 {QStringLiteral("[Simulator] %1 is %2")
                      .arg(server.name, simStateName(server.state))});
        }
    } else if (event == QLatin1String("send command")) {
        if (server.state == SimPowerState::Running)
            send(QStringLiteral("console output"), {QStringLiteral("> ") + args.value(0)});
    }
}

void WingsSession::handleAuth(const QStringList &args)
{
    if (!takeAuthAttempt()) {
        sendRaw(QStringLiteral("throttled"), {QStringLiteral("auth")});
        return;
    }
    const auto token = m_world.token(args.value(0));
    const SimServer &server = m_world.server(m_index);
    if (!token) {
        sendRaw(QStringLiteral("jwt error"), {QStringLiteral("jwt: HMAC verification failed")});
        return;
    }
    if (token->serverUuid != server.uuid) {
        sendRaw(QStringLiteral("jwt error"), {QStringLiteral("jwt: server uuid mismatch")});
        return;
    }
    if (m_world.nowMs() >= token->expiresAtMs) {
        sendRaw(QStringLiteral("jwt error"), {kExpiredClaim});
        return;
    }
    const bool first = m_token.isEmpty();
    m_token = args.value(0);
    m_expiresAtMs = token->expiresAtMs;
    m_warnedExpiring = false;
    m_sentExpired = false;
    qCDebug(lcSimWings, "session for %s authenticated", qPrintable(server.identifier));
    sendRaw(QStringLiteral("auth success"), {});
    if (first) {
        pushStatus();
        // A running server's stats follow from the regular push; an offline one gets one now.
        if (server.state == SimPowerState::Offline)
            pushStats();
    }
}

} // namespace PterodisbotSim
