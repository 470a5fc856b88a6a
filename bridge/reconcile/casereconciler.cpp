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

/// What a pass looks at, in order. Cases never updated have no `_updatedAt`, so new cases are
/// found by `_createdAt` and changed ones by `_updatedAt`. Cards count their case's tasks, and
/// adding a task leaves its case's `_updatedAt` alone: new tasks are a look of their own.
struct Look
{
    enum Kind { Cases, Tasks } kind;
    QString field;
    QString bookmarkKey;
};
const QList<Look> Looks{{Look::Cases, u"_createdAt"_s, u"reconcile._createdAt"_s},
                        {Look::Cases, u"_updatedAt"_s, u"reconcile._updatedAt"_s},
                        {Look::Tasks, u"_createdAt"_s, u"reconcile.task._createdAt"_s}};

/// `found` of a reconcile event whose case only has a new task count: drawn without a note, as
/// after a task webhook.
const QString FoundTaskCount = u"task count"_s;

} // namespace

struct CaseReconciler::Pass
{
    HiveVersion version;
    int look = 0;      ///< index into Looks
    qint64 fromMs = 0; ///< this page's lower bound (TheHive time)
    int skip = 0;      ///< cases at exactly fromMs already seen
    int pagesLeft = MaxPagesPerPass;
    qint64 newestMs = 0;  ///< newest change seen in this look so far
    bool backlog = false; ///< a look hit the page limit: continue soon
};

/// One page of a look, read: what it found, and where the next page starts.
struct CaseReconciler::Page
{
    QList<NewEvent> events;
    bool full = false;
    qint64 lastMs = 0; ///< time of its newest entry
    int atLast = 0;    ///< entries at exactly lastMs
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
    for (const Look &look : Looks) {
        if (m_journal.bookmark(look.bookmarkKey))
            continue;
        const qint64 since = m_journal.lastEventAt(EventSource::TheHive).value_or(m_clock.nowMs());
        m_journal.setBookmark(look.bookmarkKey, since);
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
        beginLook(pass);
    });
}

void CaseReconciler::beginLook(std::shared_ptr<Pass> pass)
{
    pass->fromMs = m_journal.bookmark(Looks.at(pass->look).bookmarkKey).value_or(0) - OverlapMs;
    pass->skip = 0;
    pass->pagesLeft = MaxPagesPerPass;
    pass->newestMs = 0;
    nextPage(pass);
}

void CaseReconciler::nextPage(std::shared_ptr<Pass> pass)
{
    const Look &look = Looks.at(pass->look);
    const HiveRequest request =
        look.kind == Look::Cases
            ? HiveRequests::listCasesSince(look.field, pass->fromMs, pass->skip, PageSize)
            : HiveRequests::listTasksSince(look.field, pass->fromMs, pass->skip, PageSize);
    m_hive.send(request, [this, pass](const HiveResult &r) { onPage(pass, r); });
}

void CaseReconciler::onPage(std::shared_ptr<Pass> pass, const HiveResult &result)
{
    if (m_stopped)
        return finishPass(pass, {});
    if (!result.ok())
        return finishPass(pass, outcomeFor(result, tr("looking for missed changes")).detail);
    const Look &look = Looks.at(pass->look);
    const QJsonArray entries = result.json.array();
    auto page = std::make_shared<Page>();
    page->full = entries.size() == PageSize;
    page->lastMs = pass->fromMs;
    QHash<QString, qint64> newestTask; // case → creation time of its newest task here
    for (const QJsonValue &value : entries) {
        const QJsonObject json = value.toObject();
        const qint64 changedAt = json.value(look.field).toInteger();
        page->atLast = changedAt == page->lastMs ? page->atLast + 1 : 1;
        page->lastMs = changedAt;
        pass->newestMs = std::max(pass->newestMs, changedAt);
        if (look.kind == Look::Cases) {
            check(caseFromJson(json, pass->version), json.value(u"_updatedBy").toString(),
                  changedAt, page->events);
            continue;
        }
        const QString caseId = json.value(u"extraData").toObject().value(u"caseId").toString();
        if (caseId.isEmpty()) // TheHive renders null for a task without a case
            continue;
        newestTask[caseId] = changedAt; // oldest first: the last one is the newest
    }
    if (look.kind == Look::Cases)
        return journalPage(pass, page);
    checkTaskCounts(pass, page, newestTask);
}

void CaseReconciler::checkTaskCounts(std::shared_ptr<Pass> pass, std::shared_ptr<Page> page,
                                     QHash<QString, qint64> newestTask)
{
    while (!newestTask.isEmpty()) {
        const auto next = newestTask.constBegin();
        const QString caseId = next.key();
        const qint64 newest = next.value();
        newestTask.erase(next);
        // The overlap lists the newest tasks again each pass: a case counted since its newest
        // task was created is not asked about again. One without a card is the cases' looks'
        // business. A pending event of the case may keep the count (a click other than Add
        // task does): counted anyway, and any redraw queued behind it.
        const QList<CardRef> cards = m_journal.cards(caseId);
        if (cards.isEmpty() || m_tasksCounted.value(caseId, -1) >= newest)
            continue;
        const int shown = caseFromStoredJson(cards.constFirst().caseJson).taskCount;
        m_hive.send(HiveRequests::countTasks(caseId, pass->version), [=,
                                                                      this](const HiveResult &r) {
            if (m_stopped)
                return finishPass(pass, {});
            if (!r.ok())
                return finishPass(pass, outcomeFor(r, tr("counting the tasks of a case")).detail);
            m_tasksCounted.insert(caseId, newest);
            if (r.body.trimmed().toInt() != shown)
                page->events.append(reconcileEvent(caseId, 0, FoundTaskCount, {}, newest));
            checkTaskCounts(pass, page, newestTask);
        });
        return;
    }
    journalPage(pass, page);
}

void CaseReconciler::journalPage(std::shared_ptr<Pass> pass, std::shared_ptr<Page> page)
{
    if (!page->events.isEmpty()) {
        const QList<AppendResult> appended = m_journal.appendBatch(page->events);
        for (const AppendResult &a : appended) {
            if (a.outcome == AppendOutcome::Inserted) {
                ++m_status.casesJournaled;
                Q_EMIT eventJournaled(a.id);
            } else if (a.outcome == AppendOutcome::Failed) {
                return finishPass(pass, a.error);
            }
        }
    }
    if (page->full && --pass->pagesLeft > 0) {
        pass->skip = page->lastMs == pass->fromMs ? pass->skip + page->atLast : page->atLast;
        pass->fromMs = page->lastMs;
        return nextPage(pass);
    }
    // This look is done (or has a backlog left for the next pass): remember how far it got.
    pass->backlog = pass->backlog || page->full;
    if (pass->newestMs > 0 &&
        !m_journal.setBookmark(Looks.at(pass->look).bookmarkKey, pass->newestMs))
        return finishPass(pass, m_journal.lastError());
    if (Looks.at(pass->look).kind == Look::Tasks)
        m_tasksCounted.removeIf(
            [&](const auto &counted) { return counted.value() < pass->newestMs - OverlapMs; });
    if (++pass->look < Looks.size())
        return beginLook(pass);
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
    events.append(reconcileEvent(listed.id, listed.number, found, updatedBy, changedAtMs));
}

NewEvent CaseReconciler::reconcileEvent(const QString &caseId, qint64 number, const QString &found,
                                        const QString &updatedBy, qint64 changedAtMs)
{
    NewEvent event;
    event.source = EventSource::Reconcile;
    event.kind = u"case.reconcile"_s;
    event.caseKey = caseId;
    // The same change is looked at again by the next pass's overlap: journaled once.
    event.dedupeKey = u"reconcile:%1:%2:%3"_s.arg(caseId, found).arg(changedAtMs);
    // Only what delivery needs (and the number, when known, to find it in the Activity log):
    // the case itself is read from TheHive then.
    QJsonObject payload{{u"caseId"_s, caseId}, {u"found"_s, found}, {u"updatedBy"_s, updatedBy}};
    if (number > 0)
        payload.insert(u"number"_s, number);
    event.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    // Derived work: lost in a power cut together with the bookmark after it, so redone.
    event.survivesPowerLoss = false;
    return event;
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
    // Who changed the case is named in its thread; a new task count is drawn without a note.
    const QString updatedBy = payload.value(u"updatedBy").toString();
    const QString actor = payload.value(u"found").toString() == FoundTaskCount ? QString()
                          : updatedBy.isEmpty() ? tr("someone in TheHive")
                                                : updatedBy;
    m_versions.withVersion(
        [this, caseId, actor, done](std::optional<HiveVersion> version, const QString &error) {
            if (!version)
                return done(Outcome::retry(error));
            m_cards.refreshCard(caseId, *version, actor, CardPublisher::Tasks::Recount,
                                CardPublisher::Redraw::IfChanged, done);
        });
}

} // namespace Bridge
