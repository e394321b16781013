#pragma once

#include <optional>

#include <QString>
#include <QStringView>

#include "pterodactyl/models.h"

namespace Pterodisbot {

//! The custom_id of one of the bot's message components, as a value.
//!
//! Wire forms (all ASCII, at most 100 characters, fields separated by ':'):
//!   pdb:v1:power:<start|stop|restart>:<identifier>   Start / Stop / Restart button
//!   pdb:v1:addr:<identifier>                         Show Address button
//!   pdb:v1:select:<page>                             server select menu of page <page>
//!   pdb:v1:page:<page>                               Previous / Next button, go to <page>
//! <identifier> is a server's 8-hex-digit short id or its 36-character uuid (lower case);
//! <page> is a decimal number 0..9999 without leading zeros.
//!
//! A custom_id comes back from Discord inside an interaction that anybody can forge, so
//! parse() accepts exactly these forms and nothing else.
class CustomId
{
public:
    enum class Kind { Power, Address, Select, Page };
    //! Power actions a button can carry. Kill is deliberately absent: no button sends it, so
    //! a custom_id asking for it is forged.
    enum class PowerAction { Start, Stop, Restart };

    //! Why a string is not one of our custom_ids.
    enum class Refusal {
        None,
        Empty,           //!< empty input
        TooLong,         //!< more than MaxLength characters
        BadCharacters,   //!< anything outside printable ASCII
        EmptyField,      //!< "pdb::power", trailing ':'
        BadPrefix,       //!< not "pdb"
        BadVersion,      //!< not "v1"
        UnknownKind,     //!< not power/addr/select/page
        UnknownAction,   //!< power action other than start/stop/restart
        WrongFieldCount, //!< fields missing or extra
        BadIdentifier,   //!< not 8 hex digits nor a uuid
        BadPage,         //!< not a number 0..MaxPage
    };

    //! Discord's limit for custom_id.
    static constexpr int MaxLength = 100;
    static constexpr int MaxPage = 9999;

    struct Parsed;

    static CustomId power(PowerAction action, const QString &identifier);
    static CustomId address(const QString &identifier);
    static CustomId select(int page);
    static CustomId page(int page);

    //! Strictly parses \a input; on refusal the result says why (for logs, never for users).
    static Parsed parse(QStringView input);

    //! True for a server's short id (8 lower-case hex digits) or uuid (8-4-4-4-12).
    static bool isValidIdentifier(QStringView identifier);

    //! \a input made safe for a log line: non-printable characters escaped, cut to
    //! \a maxLength characters; a forged custom_id must not be able to forge log lines.
    static QString forLog(QStringView input, int maxLength = 60);

    static QString refusalName(Refusal refusal);
    static QString powerActionName(PowerAction action);
    static PowerSignal toPowerSignal(PowerAction action);

    //! The wire form. Only ids built from valid identifiers and pages round-trip.
    QString encode() const;

    Kind kind() const { return m_kind; }
    //! Power buttons only.
    PowerAction powerAction() const { return m_action; }
    //! Power and Address buttons only.
    QString identifier() const { return m_identifier; }
    //! Select and Page components only.
    int pageNumber() const { return m_page; }

    friend bool operator==(const CustomId &, const CustomId &) = default;

private:
    CustomId() = default;

    Kind m_kind = Kind::Power;
    PowerAction m_action = PowerAction::Start;
    QString m_identifier;
    int m_page = 0;
};

//! Result of CustomId::parse(): a value, or the refusal and a one-line explanation.
struct CustomId::Parsed
{
    std::optional<CustomId> id;
    Refusal refusal = Refusal::None;
    //! e.g. `unknown power action "format"`; already safe for logs.
    QString message;

    bool ok() const { return id.has_value(); }
    explicit operator bool() const { return ok(); }
};

} // namespace Pterodisbot
