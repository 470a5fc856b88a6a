#include "eventscommand.h"

#include "headlessrunner.h"

#include "config/configloader.h"
#include "core/clock.h"
#include "journal/journal.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

/// Who the audit trail names for what the CLI did.
const QString Operator = u"operator (hiveslack events)"_s;

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "hiveslack events: %s\n", qPrintable(message));
    return code;
}

void print(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate) : u"-"_s;
}

QJsonObject summary(const Bridge::JournalEvent &e)
{
    return {{u"id"_s, e.id},
            {u"state"_s, e.state},
            {u"kind"_s, e.kind},
            {u"source"_s, e.source},
            {u"case"_s, e.caseKey},
            {u"attempts"_s, e.attempts},
            {u"createdAt"_s, when(e.createdAt)},
            {u"updatedAt"_s, when(e.updatedAt)},
            {u"lastError"_s, e.lastError},
            {u"note"_s, e.note}};
}

int list(Bridge::Journal &journal, const QString &state, bool json)
{
    static const QStringList states = {
        QString(Bridge::EventState::Pending), QString(Bridge::EventState::Delivered),
        QString(Bridge::EventState::Failed), QString(Bridge::EventState::Ignored),
        QString(Bridge::EventState::Discarded)};
    if (!state.isEmpty() && !states.contains(state))
        return fail(2, u"--state must be one of %1, not \"%2\""_s.arg(states.join(u", "), state));
    Bridge::EventFilter filter;
    if (!state.isEmpty())
        filter.states = {state};
    filter.limit = 1000;
    const QList<Bridge::JournalEvent> events = journal.events(filter);
    if (events.isEmpty() && !journal.lastError().isEmpty())
        return fail(1, journal.lastError());
    if (json) {
        QJsonArray array;
        for (const Bridge::JournalEvent &e : events)
            array.append(summary(e));
        print(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return 0;
    }
    for (const Bridge::JournalEvent &e : events) {
        const QString why = e.lastError.isEmpty() ? e.note : e.lastError;
        print(u"%1  %2  %3  %4  case %5  attempts %6  %7\n"_s.arg(e.id, 6)
                  .arg(e.state, -9)
                  .arg(when(e.updatedAt), e.kind, e.caseKey.isEmpty() ? u"-"_s : e.caseKey)
                  .arg(e.attempts)
                  .arg(why.left(120))
                  .toUtf8());
    }
    return 0;
}

int show(Bridge::Journal &journal, qint64 id)
{
    const std::optional<Bridge::JournalEvent> e = journal.event(id);
    if (!e)
        return fail(1, u"no event %1 in the journal"_s.arg(id));
    QJsonObject json = summary(*e);
    json.insert(u"dedupeKey"_s, e->dedupeKey);
    json.insert(u"payload"_s, QJsonDocument::fromJson(e->payload).object());
    QJsonArray trail;
    for (const Bridge::AuditEntry &a : journal.auditFor(id))
        trail.append(QJsonObject{{u"at"_s, when(a.at)},
                                 {u"actor"_s, a.actor},
                                 {u"action"_s, a.action},
                                 {u"detail"_s, a.detail}});
    json.insert(u"audit"_s, trail);
    print(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return 0;
}

int change(Bridge::Journal &journal, qint64 id, const QString &action)
{
    const bool done = action == u"retry" ? journal.retryNow(id) : journal.discard(id);
    if (!done)
        return fail(1, journal.lastError());
    journal.audit(id, Operator, action, {});
    print(action == u"retry"
              ? u"event %1 is due again; a running bridge delivers it within seconds\n"_s.arg(id)
                    .toUtf8()
              : u"event %1 discarded\n"_s.arg(id).toUtf8());
    return 0;
}

} // namespace

int runEvents(const QStringList &arguments, const QString &state, bool json,
              const QString &configFile)
{
    const QString verb = arguments.value(0);
    static const QStringList verbs = {u"list"_s, u"show"_s, u"retry"_s, u"discard"_s};
    if (!verbs.contains(verb))
        return fail(2, u"say list, show ID, retry ID or discard ID"_s);
    bool idOk = false;
    const qint64 id = arguments.value(1).toLongLong(&idOk);
    if (verb != u"list" && (arguments.size() != 2 || !idOk || id <= 0))
        return fail(2, u"%1 needs one event id (a number, as `events list` shows)"_s.arg(verb));
    if (verb == u"list" && arguments.size() != 1)
        return fail(2, u"list takes no arguments besides --state and --json"_s);

    // Only what the operator asked for on stdout, and one line per problem on stderr: no
    // progress chatter, and the journal's own warnings are what fail() prints.
    QLoggingCategory::setFilterRules(u"hiveslack.*.info=false\nhiveslack.journal.warning=false"_s);
    // The bridge's own settings say where its journal is; an incomplete config (no TheHive
    // URL in this shell) still names the data directory.
    const Bridge::ConfigResult loaded =
        Bridge::loadConfig(configFile, QProcessEnvironment::systemEnvironment(), defaultDataDir());
    const Bridge::BridgeConfig config = loaded.config.value_or(loaded.draft);
    if (config.dataDir.isEmpty())
        return fail(2, loaded.error);
    if (!QFileInfo::exists(config.journalPath()))
        return fail(1, u"no journal at %1 (HIVESLACK_DATA_DIR or the config file's dataDir "
                       "say where the bridge keeps it)"_s.arg(config.journalPath()));
    const Bridge::SystemClock clock;
    QString error;
    const std::unique_ptr<Bridge::Journal> journal =
        Bridge::Journal::open(config.journalPath(), clock, &error);
    if (!journal)
        return fail(1, error);
    if (verb == u"list")
        return list(*journal, state, json);
    if (verb == u"show")
        return show(*journal, id);
    return change(*journal, id, verb);
}
