#include "DiscordState.h"

#include <QRandomGenerator>

namespace PterodisbotSim {

namespace {
// Discord's epoch, the first millisecond of 2015 (UTC).
constexpr qint64 discordEpochMs = 1420070400000;

QString generateBotToken(const QString &userId)
{
    // Discord's shape: base64(user id) . base64(timestamp) . HMAC-like tail.
    const QByteArray head =
        userId.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(head) + QLatin1Char('.') + DiscordState::randomToken(6) +
           QLatin1Char('.') + DiscordState::randomToken(38);
}
} // namespace

DiscordState::DiscordState(const DiscordSimOptions &options)
    : m_options(options)
    , m_startWall(QDateTime::currentDateTimeUtc())
    , m_guildLocale(options.guildLocale)
{
    m_timer.start();
    if (m_options.botToken.isEmpty())
        m_options.botToken = generateBotToken(m_options.applicationId);
    static const QStringList names = {QStringLiteral("general"), QStringLiteral("server-status"),
                                      QStringLiteral("bot-commands"), QStringLiteral("logs")};
    int position = 0;
    for (const QString &id : std::as_const(m_options.channelIds)) {
        SimChannel channel;
        channel.id = id;
        channel.name = position < names.size() ? names.at(position)
                                               : QStringLiteral("channel-%1").arg(position);
        channel.position = position++;
        for (const auto &[child, parent] : std::as_const(m_options.channelParents)) {
            if (child == id)
                channel.parentId = parent;
        }
        m_channels.append(channel);
    }
    for (const SimChannelSpec &spec : std::as_const(m_options.extraChannels)) {
        SimChannel channel;
        channel.id = spec.id;
        channel.name = spec.name;
        channel.position = spec.position;
        channel.type = spec.type;
        channel.parentId = spec.parentId;
        m_channels.append(channel);
    }
}

QString DiscordState::isoTime(qint64 elapsedMs) const
{
    return m_startWall.addMSecs(elapsedMs).toString(Qt::ISODateWithMs);
}

QString DiscordState::nextSnowflake()
{
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch() + m_offsetMs - discordEpochMs);
    quint64 value = (ms << 22) | (1ULL << 17) | (1ULL << 12);
    if (value <= m_lastSnowflake)
        value = m_lastSnowflake + 1;
    m_lastSnowflake = value;
    return QString::number(value);
}

QString DiscordState::randomToken(int length)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(64)]));
    return text;
}

QString DiscordState::randomHex(int length)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(QLatin1Char("0123456789abcdef"[QRandomGenerator::system()->bounded(16)]));
    return text;
}

SimChannel *DiscordState::channel(const QString &id)
{
    for (SimChannel &channel : m_channels) {
        if (channel.id == id)
            return &channel;
    }
    return nullptr;
}

void DiscordState::removeChannel(const QString &id)
{
    m_channels.removeIf([&](const SimChannel &channel) { return channel.id == id; });
    const QStringList ids = m_channelMessageIds.take(id);
    for (const QString &messageId : ids)
        m_messages.remove(messageId);
}

SimMessage *DiscordState::message(const QString &id)
{
    auto it = m_messages.find(id);
    return it == m_messages.end() ? nullptr : &it.value();
}

const SimMessage *DiscordState::message(const QString &id) const
{
    auto it = m_messages.constFind(id);
    return it == m_messages.constEnd() ? nullptr : &it.value();
}

void DiscordState::addMessage(const SimMessage &message)
{
    m_messages.insert(message.id, message);
    if (!message.ephemeral)
        m_channelMessageIds[message.channelId].append(message.id);
}

void DiscordState::removeMessage(const QString &id)
{
    const auto it = m_messages.constFind(id);
    if (it == m_messages.constEnd())
        return;
    m_channelMessageIds[it->channelId].removeAll(id);
    m_messages.erase(it);
}

QList<SimMessage> DiscordState::channelMessages(const QString &channelId) const
{
    QList<SimMessage> result;
    for (const QString &id : m_channelMessageIds.value(channelId))
        result.append(m_messages.value(id));
    return result;
}

const SimAttachment *DiscordState::attachment(const QString &channelId,
                                              const QString &attachmentId) const
{
    for (const SimMessage &message : m_messages) {
        if (message.channelId != channelId)
            continue;
        for (const SimAttachment &attachment : message.attachments) {
            if (attachment.id == attachmentId)
                return &attachment;
        }
    }
    return nullptr;
}

SimInteraction &DiscordState::addInteraction(const SimInteraction &interaction)
{
    m_interactionIdByToken.insert(interaction.token, interaction.id);
    return m_interactions.insert(interaction.id, interaction).value();
}

SimInteraction *DiscordState::interaction(const QString &id)
{
    auto it = m_interactions.find(id);
    return it == m_interactions.end() ? nullptr : &it.value();
}

const SimInteraction *DiscordState::interaction(const QString &id) const
{
    auto it = m_interactions.constFind(id);
    return it == m_interactions.constEnd() ? nullptr : &it.value();
}

SimInteraction *DiscordState::interactionByToken(const QString &token)
{
    return interaction(m_interactionIdByToken.value(token));
}

QString DiscordState::userLocale(const QString &userId) const
{
    return m_userLocales.value(userId, QStringLiteral("en-US"));
}

void DiscordState::setUserLocale(const QString &userId, const QString &locale)
{
    m_userLocales.insert(userId, locale);
}

} // namespace PterodisbotSim
