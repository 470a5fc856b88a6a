#pragma once

#include "core/casemodel.h"
#include "delivery/dispatcher.h"
#include "journal/journaltypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Bridge {

class CardPublisher;
class HiveVersionProbe;
class Journal;
class TheHiveClient;
struct HiveResult;

/// Looks back at TheHive for what the webhooks did not bring: TheHive never resends one, so a
/// bridge that was down, or a webhook lost on the way, would leave a case without its card or
/// a card behind its case. At start and then every interval it asks TheHive (query API,
/// listCase, listTask) for the cases created, the cases updated and the tasks created (cards
/// count them) since the newest change it has seen —
/// TheHive's own timestamps, so the two clocks never need to agree — with an overlap for
/// changes committed late. A case the VisibilityPolicy would show that has no card, or whose
/// cards show an older state or another task count, gets a journal event, delivered like a webhook
/// (per-case order, retries, the Activity log): the card is posted or redrawn. Work per pass is
/// bounded (pages of 100, ten per look); a backlog continues in the next pass a second later. Where
/// it has got to is kept in the journal, so a restart continues from there.
class CaseReconciler final : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 100;
    static constexpr int MaxPagesPerPass = 10;
    /// How far before the newest change seen each pass looks again.
    static constexpr qint64 OverlapMs = 60'000;

    CaseReconciler(Journal &journal, TheHiveClient &hive, HiveVersionProbe &versions,
                   CardPublisher &cards, const Clock &clock, int intervalSeconds,
                   QObject *parent = nullptr);
    ~CaseReconciler() override;

    /// First pass now, then one every interval (0: never).
    void start();
    void stop();
    /// Delivers one journaled reconcile event: reads the case and draws its cards.
    void deliver(const JournalEvent &event, Dispatcher::Completion done);

    /// When the last pass ended, and what it found; for /healthz and /metrics.
    struct Status
    {
        qint64 lastPassAtMs = 0;
        QString lastError; ///< empty when the last pass reached TheHive
        quint64 passes = 0;
        quint64 casesJournaled = 0; ///< cases that needed a card or a redraw, since start
    };
    Status status() const { return m_status; }

Q_SIGNALS:
    void eventJournaled(qint64 eventId);
    void passFinished();

private:
    struct Pass;
    struct Page;
    void runPass();
    /// Starts the pass's current look from where the last pass left it.
    void beginLook(std::shared_ptr<Pass> pass);
    void nextPage(std::shared_ptr<Pass> pass);
    void onPage(std::shared_ptr<Pass> pass, const HiveResult &result);
    /// Journals an event when `record` has no card its policy would show, or cards behind it.
    void check(const CaseRecord &record, const QString &updatedBy, qint64 changedAtMs,
               QList<NewEvent> &events);
    /// Asks TheHive how many tasks each case with new tasks has, one case after the other, and
    /// adds an event for each whose cards show another count; then journals the page.
    void checkTaskCounts(std::shared_ptr<Pass> pass, std::shared_ptr<Page> page,
                         QHash<QString, qint64> newestTask);
    /// Journals what the page found and goes on with the next page or look.
    void journalPage(std::shared_ptr<Pass> pass, std::shared_ptr<Page> page);
    /// `number` 0 when not known.
    static NewEvent reconcileEvent(const QString &caseId, qint64 number, const QString &found,
                                   const QString &updatedBy, qint64 changedAtMs);
    void finishPass(std::shared_ptr<Pass> pass, const QString &error);

    Journal &m_journal;
    TheHiveClient &m_hive;
    HiveVersionProbe &m_versions;
    CardPublisher &m_cards;
    const Clock &m_clock;
    int m_intervalSeconds;
    QTimer m_timer;
    bool m_passRunning = false;
    bool m_stopped = true;
    Status m_status;
    /// Case id → creation time of its newest task when its tasks were last counted.
    QHash<QString, qint64> m_tasksCounted;
};

} // namespace Bridge
