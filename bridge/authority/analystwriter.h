#pragma once

#include "authority/analystpermissions.h"
#include "authority/caseaction.h"
#include "config/bridgeconfig.h"

#include <QObject>

#include <functional>

namespace Bridge {

/// Whether an analyst may do something, and why not.
struct Verdict
{
    enum class Kind {
        Allowed,
        Refused,     ///< `reason` is for the analyst; nothing was written
        Unavailable, ///< TheHive could not be asked; try again later
    };
    Kind kind = Kind::Unavailable;
    QString reason;
    HiveResult hive; ///< TheHive's answer, when it gave one
    bool allowed() const { return kind == Kind::Allowed; }
};

/// Who may do what in TheHive, decided in one place before any write made for an analyst.
///
/// First the analyst's own TheHive permissions are read (AnalystPermissions) and the action is
/// refused, naming the missing permission, when the profile lacks it. Then the write is made
/// as `thehive.actAs` says:
/// - "service": with the bridge's API key. TheHive's audit names the service account; the
///   analyst is named by attribute() (a case comment on TheHive 5) and by the card's thread.
/// - "header": as the analyst himself, with only `<userHeader>: <login>` (TheHive's header
///   authentication) and never the key, not even after a refusal. TheHive then checks and
///   audits the analyst itself; its refusal (403, or TheHive 4's 404) comes back as Refused.
class AnalystWriter final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Verdict &)>;

    AnalystWriter(const BridgeConfig &config, TheHiveClient &hive, AnalystPermissions &permissions,
                  QObject *parent = nullptr);

    ActAs mode() const { return m_config.theHiveActAs; }
    /// May `login` do `action`? (Before opening a form, and inside write().)
    void check(const QString &login, CaseAction action, const HiveVersion &version, Callback done);
    /// check(), then `request` as the configured identity. Allowed means TheHive took it.
    void write(const QString &login, CaseAction action, const HiveRequest &request,
               const HiveVersion &version, Callback done);
    /// Sends a read for `login` (a query, a case): in header mode as the analyst, so TheHive
    /// shows him what it would show him; with the service key only once the analyst has a
    /// profile in the organisation. Allowed comes with TheHive's answer; `sent` says whether
    /// the request was made (false: the profile check refused or could not be made).
    void readFor(const QString &login, const HiveRequest &request, const HiveVersion &version,
                 std::function<void(const Verdict &, bool sent)> done);
    /// Reads a case (by id or number) for `login`, who must be allowed to see it: in header
    /// mode TheHive reads it as the analyst; with the service key the analyst needs a profile in
    /// the organisation, and a case restricted to named users (TheHive 5.5+) is refused, as the
    /// key cannot tell whether he is one of them. Allowed comes with the case.
    void readCase(const QString &login, const QString &idOrNumber, const HiveVersion &version,
                  std::function<void(const Verdict &, std::optional<CaseRecord>)> done);
    /// Records in TheHive who acted, where the write itself does not: a case comment on
    /// TheHive 5 in service mode; nothing in header mode (TheHive audits the analyst) or on
    /// TheHive 4 (no case comments: the card's thread names the analyst).
    void attribute(const QString &caseId, const QString &text, const HiveVersion &version);

private:
    const BridgeConfig &m_config;
    TheHiveClient &m_hive;
    AnalystPermissions &m_permissions;
};

} // namespace Bridge
