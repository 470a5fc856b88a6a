#include "authority/analystwriter.h"

#include "authority/commentmark.h"

#include "core/logging.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

namespace Bridge {

namespace {

QString missingPermission(const HiveProfile &profile, CaseAction action, const HiveVersion &version)
{
    const QStringList needed = permissionsFor(action, version);
    const QString who = profile.profile.isEmpty()
                            ? QObject::tr("your TheHive profile")
                            : QObject::tr("your TheHive profile (%1)").arg(profile.profile);
    return QObject::tr("%1 does not allow you to %2: it needs %3")
        .arg(who, describeAction(action), needed.join(QObject::tr(" or ")));
}

/// The verdict on a profile that is not Known: TheHive could not be asked, or did not say.
Verdict unknownProfile(const HiveProfile &profile)
{
    if (profile.state == HiveProfile::State::Unavailable)
        return {
            Verdict::Kind::Unavailable,
            QObject::tr("TheHive could not be asked for your permissions: %1").arg(profile.error),
            profile.read};
    return {Verdict::Kind::Refused,
            QObject::tr("HiveSlack cannot read your TheHive permissions: %1").arg(profile.error),
            profile.read};
}

} // namespace

AnalystWriter::AnalystWriter(const BridgeConfig &config, TheHiveClient &hive,
                             AnalystPermissions &permissions, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_hive(hive)
    , m_permissions(permissions)
{
}

void AnalystWriter::check(const QString &login, CaseAction action, const HiveVersion &version,
                          Callback done)
{
    m_permissions.profileOf(
        login, version, [this, action, version, done](const HiveProfile &profile) {
            switch (profile.state) {
            case HiveProfile::State::Unavailable:
                return done(unknownProfile(profile));
            case HiveProfile::State::Unreadable:
                // In header mode TheHive checks the analyst itself; with the service key nothing
                // else would, so an unknown profile may not act.
                if (mode() == ActAs::Header)
                    return done({Verdict::Kind::Allowed, {}, profile.read});
                return done(unknownProfile(profile));
            case HiveProfile::State::Known:
                break;
            }
            if (!profile.allows(action, version))
                return done(
                    {Verdict::Kind::Refused, missingPermission(profile, action, version), {}});
            done({Verdict::Kind::Allowed, {}, {}});
        });
}

void AnalystWriter::write(const QString &login, CaseAction action, const HiveRequest &request,
                          const HiveVersion &version, Callback done)
{
    check(login, action, version, [this, login, request, done](const Verdict &verdict) {
        if (!verdict.allowed())
            return done(verdict);
        const auto answered = [done](const HiveResult &r) {
            if (r.ok())
                return done({Verdict::Kind::Allowed, {}, r});
            if (r.kind == HiveResult::Kind::Refused)
                return done({Verdict::Kind::Refused, tr("TheHive refused: %1").arg(r.message), r});
            done({Verdict::Kind::Unavailable, r.message, r});
        };
        if (mode() == ActAs::Header)
            m_hive.sendAs(login, request, answered);
        else
            m_hive.send(request, answered);
    });
}

void AnalystWriter::readFor(const QString &login, const HiveRequest &request,
                            const HiveVersion &version,
                            std::function<void(const Verdict &, bool sent)> done)
{
    const auto answered = [done](const HiveResult &r) {
        if (r.ok())
            return done({Verdict::Kind::Allowed, {}, r}, true);
        done({r.kind == HiveResult::Kind::Retryable ? Verdict::Kind::Unavailable
                                                    : Verdict::Kind::Refused,
              r.message, r},
             true);
    };
    if (mode() == ActAs::Header)
        return m_hive.sendAs(login, request, answered);
    m_permissions.profileOf(login, version, [this, request, answered, done](const HiveProfile &p) {
        if (p.state != HiveProfile::State::Known)
            return done(unknownProfile(p), false);
        m_hive.send(request, answered);
    });
}

void AnalystWriter::readCase(const QString &login, const QString &idOrNumber,
                             const HiveVersion &version,
                             std::function<void(const Verdict &, std::optional<CaseRecord>)> done)
{
    readFor(login, HiveRequests::getCase(idOrNumber, version), version,
            [this, idOrNumber, version, done](const Verdict &verdict, bool sent) {
                if (verdict.kind == Verdict::Kind::Unavailable || !sent)
                    return done(verdict, std::nullopt);
                if (!verdict.allowed() || !verdict.hive.json.isObject())
                    return done({Verdict::Kind::Refused,
                                 tr("TheHive shows you no case %1").arg(idOrNumber), verdict.hive},
                                std::nullopt);
                const CaseRecord c = caseFromJson(verdict.hive.json.object(), version);
                // The key cannot tell whether the analyst is among a restricted case's people.
                if (mode() == ActAs::Service && c.restricted)
                    return done({Verdict::Kind::Refused,
                                 tr("case #%1 is restricted to named users in TheHive, and "
                                    "HiveSlack cannot check that you are one of them")
                                     .arg(c.number),
                                 verdict.hive},
                                std::nullopt);
                done(verdict, c);
            });
}

void AnalystWriter::attribute(const QString &caseId, const QString &text,
                              const HiveVersion &version)
{
    if (mode() == ActAs::Header)
        return;
    if (const auto comment =
            HiveRequests::addCaseComment(caseId, text + u' ' + CommentMark::suffix(), version)) {
        m_hive.send(*comment, [](const HiveResult &r) {
            if (!r.ok())
                qCWarning(lcHive) << "case comment failed:" << r.message;
        });
    }
}

} // namespace Bridge
