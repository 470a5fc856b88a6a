#include "reconcile/casereconciler.h"

#include "clients/hiveversionprobe.h"
#include "clients/thehiveclient.h"
#include "core/caserecordjson.h"
#include "core/clock.h"
#include "core/logging.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "journal/journal.h"
#include "thehive/casejson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

/// The two looks of a pass: cases never updated have no `_updatedAt`, so new cases are found
/// by `_createdAt` and changed ones by `_updatedAt`.
const QStringList TimeFields{u"_createdAt"_s, u"_updatedAt"_s};

QString bookmarkKey(const QString &timeField)
{
    return u"reconcile."_s + timeField;
}

} // namespace

struct CaseReconciler::Pass
{
    HiveVersion version;
    int field = 0;     ///< index into TimeFields
    qint64 fromMs = 0; ///< this page's lower bound (TheHive time)
    int skip = 0;      ///< cases at exactly fromMs already seen
    int pagesLeft = MaxPagesPerPass;
    qint64 newestMs = 0;  ///< newest change seen in this field so far
    bool backlog = false; ///< a field hit the page limit: continue soon
};

CaseReconciler::CaseReconciler(Journal &journal, TheHiveClient &hive, HiveVersionProbe &versions,
                               CardPublisher &cards, const Clock &clock, int intervalSeconds,
                               QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_hive(hive)
    , m_versions(versions)
    , m_cards(cards)
    , m_clock(clock)
    , m_intervalSeconds(intervalSeconds)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CaseReconciler::runPass);
}

CaseReconciler::~CaseReconciler() = default;

void CaseReconciler::start()
{
    if (m_intervalSeconds <= 0)
        return;
    m_stopped = false;
    // Where the last run got to; a journal from before reconciliation starts from the last
    // webhook it took, a new one from now (nothing was missed yet).
    for (const QString &field : TimeFields) {
        if (m_journal.bookmark(bookmarkKey(field)))
            continue;
        const qint64 since = m_journal.lastEventAt(EventSource::TheHive).value_or(m_clock.nowMs());
        m_journal.setBookmark(bookmarkKey(field), since);
    }
    runPass();
}

void CaseReconciler::stop()
{
    m_stopped = true;
    m_timer.stop();
}

void CaseReconciler::runPass()
{
    if (m_stopped || m_passRunning)
        return;
    m_passRunning = true;
    m_versions.withVersion([this](std::optional<HiveVersion> version, const QString &error) {
        auto pass = std::make_shared<Pass>();
        if (!version)
            return finishPass(pass, error);
        pass->version = *version;
        beginField(pass);
    });
}

void CaseReconciler::beginField(std::shared_ptr<Pass> pass)
{
    const QString field = TimeFields.at(pass->field);
    pass->fromMs = m_journal.bookmark(bookmarkKey(field)).value_or(0) - OverlapMs;
    pass->skip = 0;
    pass->pagesLeft = MaxPagesPerPass;
    pass->newestMs = 0;
    nextPage(pass);
}

void CaseReconciler::nextPage(std::shared_ptr<Pass> pass)
{
    const QString field = TimeFields.at(pass->field);
    m_hive.send(HiveRequests::listCasesSince(field, pass->fromMs, pass->skip, PageSize),
                [this, pass](const HiveResult &r) { onPage(pass, r); });
}

void CaseReconciler::onPage(std::shared_ptr<Pass> pass, const HiveResult &result)
{
    if (m_stopped)
        return finishPass(pass, {});
    if (!result.ok())
        return finishPass(pass, outcomeFor(result, tr("looking for missed changes")).detail);
    const QString field = TimeFields.at(pass->field);
    const QJsonArray cases = result.json.array();
    QList<NewEvent> events;
    int atLast = 0; // cases of this page at its newest time, for the next page's skip
    qint64 lastMs = pass->fromMs;
    for (const QJsonValue &value : cases) {
        const QJsonObject json = value.toObject();
        const qint64 changedAt = json.value(field).toInteger();
        atLast = changedAt == lastMs ? atLast + 1 : 1;
        lastMs = changedAt;
        pass->newestMs = std::max(pass->newestMs, changedAt);
        CaseRecord record = caseFromJson(json, pass->version);
        check(record, json.value(u"_updatedBy").toString(), changedAt, events);
    }
    if (!events.isEmpty()) {
        const QList<AppendResult> appended = m_journal.appendBatch(events);
        for (const AppendResult &a : appended) {
            if (a.outcome == AppendOutcome::Inserted) {
                ++m_status.casesJournaled;
                Q_EMIT eventJournaled(a.id);
            } else if (a.outcome == AppendOutcome::Failed) {
                return finishPass(pass, a.error);
            }
        }
    }
    const bool fullPage = cases.size() == PageSize;
    if (fullPage && --pass->pagesLeft > 0) {
        pass->skip = lastMs == pass->fromMs ? pass->skip + atLast : atLast;
        pass->fromMs = lastMs;
        return nextPage(pass);
    }
    // This field is done (or has a backlog left for the next pass): remember how far it got.
    pass->backlog = pass->backlog || fullPage;
    if (pass->newestMs > 0 && !m_journal.setBookmark(bookmarkKey(field), pass->newestMs))
        return finishPass(pass, m_journal.lastError());
    if (++pass->field < TimeFields.size())
        return beginField(pass);
    finishPass(pass, {});
}

void CaseReconciler::check(const CaseRecord &listed, const QString &updatedBy, qint64 changedAtMs,
                           QList<NewEvent> &events)
{
    // A case with an event still to deliver is read from TheHive and drawn by that event.
    if (listed.id.isEmpty() || m_journal.hasPending(listed.id))
        return;
    const QList<CardRef> cards = m_journal.cards(listed.id);
    QString found;
    if (cards.isEmpty()) {
        const VisibilityPolicy &policy = m_cards.policy();
        const QString home = policy.homeChannel(listed);
        if (home.isEmpty() || policy.decide(listed, home).visibility() == Visibility::Hidden)
            return;
        found = u"no card"_s;
    } else {
        // The list does not count tasks: compare everything else with what the card shows.
        const CaseRecord shown = caseFromStoredJson(cards.constFirst().caseJson);
        CaseRecord now = listed;
        now.taskCount = shown.taskCount;
        if (now == shown)
            return;
        found = u"card behind"_s;
    }
    NewEvent event;
    event.source = EventSource::Reconcile;
    event.kind = u"case.reconcile"_s;
    event.caseKey = listed.id;
    // The same change is looked at again by the next pass's overlap: journaled once.
    event.dedupeKey = u"reconcile:%1:%2"_s.arg(listed.id).arg(changedAtMs);
    // Only what delivery needs: the case itself is read from TheHive then.
    event.payload = QJsonDocument(QJsonObject{{u"caseId"_s, listed.id},
                                              {u"number"_s, listed.number},
                                              {u"found"_s, found},
                                              {u"updatedBy"_s, updatedBy}})
                        .toJson(QJsonDocument::Compact);
    // Derived work: lost in a power cut together with the bookmark after it, so redone.
    event.survivesPowerLoss = false;
    events.append(event);
}

void CaseReconciler::finishPass(std::shared_ptr<Pass> pass, const QString &error)
{
    m_passRunning = false;
    ++m_status.passes;
    m_status.lastPassAtMs = m_clock.nowMs();
    m_status.lastError = error;
    if (!error.isEmpty())
        qCWarning(lcDelivery) << "reconciliation with TheHive failed:" << error;
    if (!m_stopped)
        m_timer.start(pass->backlog ? 1000 : m_intervalSeconds * 1000);
    Q_EMIT passFinished();
}

void CaseReconciler::deliver(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
    const QString caseId = payload.value(u"caseId").toString();
    if (caseId.isEmpty())
        return done(Outcome::failed(tr("reconcile event without a case id")));
    const QString updatedBy = payload.value(u"updatedBy").toString();
    m_versions.withVersion([this, caseId, updatedBy, done](std::optional<HiveVersion> version,
                                                           const QString &error) {
        if (!version)
            return done(Outcome::retry(error));
        m_cards.refreshCard(caseId, *version,
                            updatedBy.isEmpty() ? tr("someone in TheHive") : updatedBy,
                            CardPublisher::Tasks::Recount, CardPublisher::Redraw::IfChanged, done);
    });
}

} // namespace Bridge
