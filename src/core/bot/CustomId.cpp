#include "CustomId.h"

#include <algorithm>

#include <QList>

namespace Pterodisbot {

namespace {

constexpr QLatin1StringView kPrefix("pdb");
constexpr QLatin1StringView kVersion("v1");
constexpr QLatin1StringView kPower("power");
constexpr QLatin1StringView kAddress("addr");
constexpr QLatin1StringView kSelect("select");
constexpr QLatin1StringView kPage("page");

bool isLowerHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

std::optional<CustomId::PowerAction> powerActionFromName(QStringView name)
{
    if (name == u"start")
        return CustomId::PowerAction::Start;
    if (name == u"stop")
        return CustomId::PowerAction::Stop;
    if (name == u"restart")
        return CustomId::PowerAction::Restart;
    return std::nullopt;
}

std::optional<int> pageFromText(QStringView text)
{
    // Digits only: QString::toInt would also take "+1", " 1" and "0x1".
    if (text.isEmpty() || text.size() > 4)
        return std::nullopt;
    if (text.size() > 1 && text.front() == u'0')
        return std::nullopt;
    int value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

CustomId::Parsed refuse(CustomId::Refusal refusal, const QString &message)
{
    return CustomId::Parsed{std::nullopt, refusal, message};
}

QString quoted(QStringView text)
{
    return QLatin1Char('"') + CustomId::forLog(text, 40) + QLatin1Char('"');
}

} // namespace

CustomId CustomId::power(PowerAction action, const QString &identifier)
{
    CustomId id;
    id.m_kind = Kind::Power;
    id.m_action = action;
    id.m_identifier = identifier;
    return id;
}

CustomId CustomId::address(const QString &identifier)
{
    CustomId id;
    id.m_kind = Kind::Address;
    id.m_identifier = identifier;
    return id;
}

CustomId CustomId::select(int page)
{
    CustomId id;
    id.m_kind = Kind::Select;
    id.m_page = page;
    return id;
}

CustomId CustomId::page(int page)
{
    CustomId id;
    id.m_kind = Kind::Page;
    id.m_page = page;
    return id;
}

QString CustomId::encode() const
{
    const QString head = kPrefix + QLatin1Char(':') + kVersion + QLatin1Char(':');
    switch (m_kind) {
    case Kind::Power:
        return head + kPower + QLatin1Char(':') + powerActionName(m_action) + QLatin1Char(':') +
               m_identifier;
    case Kind::Address:
        return head + kAddress + QLatin1Char(':') + m_identifier;
    case Kind::Select:
        return head + kSelect + QLatin1Char(':') + QString::number(m_page);
    case Kind::Page:
        return head + kPage + QLatin1Char(':') + QString::number(m_page);
    }
    return {};
}

CustomId::Parsed CustomId::parse(QStringView input)
{
    if (input.isEmpty())
        return refuse(Refusal::Empty, QStringLiteral("empty custom_id"));
    // Checked before anything else so a huge string costs nothing more than its length.
    if (input.size() > MaxLength)
        return refuse(Refusal::TooLong, QStringLiteral("custom_id of %1 characters (limit %2)")
                                            .arg(input.size())
                                            .arg(MaxLength));
    for (QChar c : input) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return refuse(Refusal::BadCharacters, QStringLiteral("character U+%1 in custom_id %2")
                                                      .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                                                      .arg(quoted(input)));
    }

    const QList<QStringView> fields = input.split(u':');
    for (const QStringView field : fields) {
        if (field.isEmpty())
            return refuse(Refusal::EmptyField,
                          QStringLiteral("empty field in %1").arg(quoted(input)));
    }
    if (fields.at(0) != kPrefix)
        return refuse(Refusal::BadPrefix,
                      QStringLiteral("unknown prefix %1").arg(quoted(fields.at(0))));
    if (fields.size() < 2)
        return refuse(Refusal::WrongFieldCount,
                      QStringLiteral("no version in %1").arg(quoted(input)));
    if (fields.at(1) != kVersion)
        return refuse(Refusal::BadVersion,
                      QStringLiteral("unknown version %1").arg(quoted(fields.at(1))));
    if (fields.size() < 3)
        return refuse(Refusal::WrongFieldCount, QStringLiteral("no kind in %1").arg(quoted(input)));

    const QStringView kind = fields.at(2);
    const auto fieldCount = [&](qsizetype expected) -> std::optional<Parsed> {
        if (fields.size() == expected)
            return std::nullopt;
        return refuse(Refusal::WrongFieldCount, QStringLiteral("%1 fields instead of %2 in %3")
                                                    .arg(fields.size())
                                                    .arg(expected)
                                                    .arg(quoted(input)));
    };
    const auto badIdentifier = [](QStringView identifier) {
        return refuse(Refusal::BadIdentifier,
                      QStringLiteral("bad server identifier %1").arg(quoted(identifier)));
    };
    const auto badPage = [](QStringView page) {
        return refuse(Refusal::BadPage, QStringLiteral("bad page %1").arg(quoted(page)));
    };

    if (kind == kPower) {
        if (auto refusal = fieldCount(5))
            return *refusal;
        const auto action = powerActionFromName(fields.at(3));
        if (!action)
            return refuse(Refusal::UnknownAction,
                          QStringLiteral("unknown power action %1").arg(quoted(fields.at(3))));
        if (!isValidIdentifier(fields.at(4)))
            return badIdentifier(fields.at(4));
        return Parsed{power(*action, fields.at(4).toString()), Refusal::None, {}};
    }
    if (kind == kAddress) {
        if (auto refusal = fieldCount(4))
            return *refusal;
        if (!isValidIdentifier(fields.at(3)))
            return badIdentifier(fields.at(3));
        return Parsed{address(fields.at(3).toString()), Refusal::None, {}};
    }
    if (kind == kSelect || kind == kPage) {
        if (auto refusal = fieldCount(4))
            return *refusal;
        const auto number = pageFromText(fields.at(3));
        if (!number)
            return badPage(fields.at(3));
        return Parsed{kind == kSelect ? select(*number) : page(*number), Refusal::None, {}};
    }
    return refuse(Refusal::UnknownKind, QStringLiteral("unknown kind %1").arg(quoted(kind)));
}

bool CustomId::isValidIdentifier(QStringView identifier)
{
    if (identifier.size() == 8)
        return std::all_of(identifier.begin(), identifier.end(), isLowerHex);
    if (identifier.size() != 36)
        return false;
    for (qsizetype i = 0; i < identifier.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? identifier[i] != u'-' : !isLowerHex(identifier[i]))
            return false;
    }
    return true;
}

QString CustomId::forLog(QStringView input, int maxLength)
{
    QString out;
    const QStringView head = input.left(qMax(0, maxLength));
    out.reserve(head.size() + 8);
    for (QChar c : head) {
        const char16_t u = c.unicode();
        if (u == u'\\')
            out += QLatin1String("\\\\");
        else if (u == u'"')
            out += QLatin1String("\\\"");
        else if (u >= 0x20 && u <= 0x7e)
            out += c;
        else if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    if (input.size() > head.size())
        out += QStringLiteral("...(%1 chars)").arg(input.size());
    return out;
}

QString CustomId::refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None:
        return QStringLiteral("none");
    case Refusal::Empty:
        return QStringLiteral("empty");
    case Refusal::TooLong:
        return QStringLiteral("too long");
    case Refusal::BadCharacters:
        return QStringLiteral("bad characters");
    case Refusal::EmptyField:
        return QStringLiteral("empty field");
    case Refusal::BadPrefix:
        return QStringLiteral("bad prefix");
    case Refusal::BadVersion:
        return QStringLiteral("bad version");
    case Refusal::UnknownKind:
        return QStringLiteral("unknown kind");
    case Refusal::UnknownAction:
        return QStringLiteral("unknown action");
    case Refusal::WrongFieldCount:
        return QStringLiteral("wrong field count");
    case Refusal::BadIdentifier:
        return QStringLiteral("bad identifier");
    case Refusal::BadPage:
        return QStringLiteral("bad page");
    }
    return {};
}

QString CustomId::powerActionName(PowerAction action)
{
    switch (action) {
    case PowerAction::Start:
        return QStringLiteral("start");
    case PowerAction::Stop:
        return QStringLiteral("stop");
    case PowerAction::Restart:
        return QStringLiteral("restart");
    }
    return {};
}

PowerSignal CustomId::toPowerSignal(PowerAction action)
{
    switch (action) {
    case PowerAction::Start:
        return PowerSignal::Start;
    case PowerAction::Stop:
        return PowerSignal::Stop;
    case PowerAction::Restart:
        return PowerSignal::Restart;
    }
    return PowerSignal::Start;
}

} // namespace Pterodisbot
