#include "activitypage.h"

#include "activitymodel.h"
#include "bridgehost.h"
#include "cardpreview.h"
#include "journalwatcher.h"

#include "bridgeservice.h"
#include "clients/hiveversionprobe.h"
#include "journal/journal.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Console {

namespace {

/// A long Slack name or action must not squeeze the case and the error out of sight.
constexpr int MaxShortColumnWidth = 280;

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

/// The event as an admin reads it: what came in, what became of it, then the request itself.
QString detailsText(const Bridge::JournalEvent &e, const EventSummary &summary)
{
    QStringList lines;
    lines << ActivityPage::tr("Event %1 · %2 · %3")
                 .arg(QString::number(e.id), directionLabel(summary.direction), e.kind);
    lines << ActivityPage::tr("State: %1 · attempts: %2 · received %3 · last change %4")
                 .arg(stateLabel(e.state), QString::number(e.attempts), timeText(e.createdAt),
                      timeText(e.updatedAt));
    if (e.state == Bridge::EventState::Pending && e.nextAttemptAt > 0)
        lines << ActivityPage::tr("Next attempt: %1").arg(timeText(e.nextAttemptAt));
    if (e.deliveredAt > 0)
        lines << ActivityPage::tr("Delivered: %1").arg(timeText(e.deliveredAt));
    if (!e.lastError.isEmpty())
        lines << ActivityPage::tr("Last error: %1").arg(e.lastError);
    if (!e.note.isEmpty())
        lines << ActivityPage::tr("Answer: %1").arg(e.note);
    const QJsonDocument json = QJsonDocument::fromJson(e.payload);
    lines << QString() << ActivityPage::tr("Request (as received; secrets are never journaled):")
          << (json.isNull() ? QString::fromUtf8(e.payload)
                            : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ActivityPage::ActivityPage(BridgeHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_watcher(new JournalWatcher(host, this))
    , m_model(new ActivityModel(this))
    , m_stateFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_table(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_details(new QPlainTextEdit(m_tabs))
    , m_card(new QPlainTextEdit(m_tabs))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_discard(new QPushButton(tr("&Discard"), this))
    , m_message(new QLabel(this))
{
    m_stateFilter->addItem(tr("All states"), QString());
    m_stateFilter->addItem(tr("Failed"), QString(Bridge::EventState::Failed));
    m_stateFilter->addItem(tr("Pending"), QString(Bridge::EventState::Pending));
    m_stateFilter->addItem(tr("Delivered"), QString(Bridge::EventState::Delivered));
    m_stateFilter->addItem(tr("Ignored"), QString(Bridge::EventState::Ignored));
    m_stateFilter->addItem(tr("Discarded"), QString(Bridge::EventState::Discarded));
    m_textFilter->setPlaceholderText(tr("Case, kind, error, payload text or event id"));
    m_textFilter->setClearButtonEnabled(true);
    auto *stateLabel = new QLabel(tr("&State:"), this);
    stateLabel->setBuddy(m_stateFilter);
    auto *searchLabel = new QLabel(tr("Se&arch:"), this);
    searchLabel->setBuddy(m_textFilter);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Short columns follow their contents (headers included) as rows come and go; the case
    // title and the error share what is left and elide, their full text is in the tooltip.
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(ActivityModel::Case, QHeaderView::Stretch);
    columns->setSectionResizeMode(ActivityModel::Error, QHeaderView::Stretch);
    columns->setMaximumSectionSize(MaxShortColumnWidth);

    for (QPlainTextEdit *pane : {m_details, m_card}) {
        pane->setReadOnly(true);
        pane->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    }
    m_details->setPlaceholderText(tr("Select an event to see its request and outcome."));
    m_card->setPlaceholderText(tr("Select an event about a case to see its Slack card."));
    m_tabs->addTab(m_details, tr("De&tails"));
    m_tabs->addTab(m_card, tr("Slack &card"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filters = new QHBoxLayout;
    filters->addWidget(stateLabel);
    filters->addWidget(m_stateFilter);
    filters->addWidget(searchLabel);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_export);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    setTabOrder(m_stateFilter, m_textFilter);
    setTabOrder(m_textFilter, m_export);
    setTabOrder(m_export, m_table);
    setTabOrder(m_table, m_tabs);
    setTabOrder(m_tabs, m_retry);
    setTabOrder(m_retry, m_discard);

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilter);
    connect(m_textFilter, &QLineEdit::textChanged, this, &ActivityPage::applyFilter);
    // The journal changes under the view while the bridge delivers: keep the selected event.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &ActivityPage::rememberSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPage::restoreSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActivityPage::showSelected);
    connect(m_retry, &QPushButton::clicked, this, &ActivityPage::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &ActivityPage::discardSelected);
    connect(m_export, &QPushButton::clicked, this, &ActivityPage::chooseExportFile);
    connect(m_watcher, &JournalWatcher::journalReplaced, this,
            [this] { m_model->setJournal(m_watcher->journal()); });

    m_model->setJournal(m_watcher->journal());
}

QString ActivityPage::message() const
{
    return m_message->text();
}

void ActivityPage::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    m_message->setText(text);
}

void ActivityPage::showFailed()
{
    m_textFilter->clear();
    m_stateFilter->setCurrentIndex(m_stateFilter->findData(QString(Bridge::EventState::Failed)));
}

void ActivityPage::applyFilter()
{
    const QString state = m_stateFilter->currentData().toString();
    m_model->setFilter(state.isEmpty() ? QStringList() : QStringList{state},
                       m_textFilter->text().trimmed());
}

void ActivityPage::rememberSelection()
{
    m_keptId = selectedId();
}

void ActivityPage::restoreSelection()
{
    const int row = m_keptId > 0 ? m_model->rowOf(m_keptId) : -1;
    if (row >= 0)
        m_table->selectRow(row);
    showSelected();
    followRetried();
}

qint64 ActivityPage::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const Bridge::JournalEvent *event = m_model->eventAt(rows.constFirst().row());
    return event ? event->id : 0;
}

void ActivityPage::showSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.constFirst().row();
    const Bridge::JournalEvent *event = m_model->eventAt(row);
    const bool failed = event && event->state == Bridge::EventState::Failed;
    m_retry->setEnabled(failed);
    m_discard->setEnabled(failed);
    if (!event) {
        m_details->clear();
        m_card->clear();
        return;
    }
    m_details->setPlainText(detailsText(*event, *m_model->summaryAt(row)));
    showCard(*event);
}

void ActivityPage::showCard(const Bridge::JournalEvent &event)
{
    const Bridge::Journal *journal = m_watcher->journal();
    Bridge::BridgeService *bridge = m_host.bridge();
    const std::optional<CardPreview> preview =
        journal ? cardPreviewFor(event, *journal, bridge ? bridge->config() : m_host.config(),
                                 bridge ? bridge->versions().known() : std::nullopt)
                : std::nullopt;
    if (!preview) {
        m_card->setPlainText(tr("This event has no Slack card to show."));
        return;
    }
    m_card->setPlainText(preview->caption + QStringLiteral("\n\n") +
                         cardPreviewText(preview->message));
}

void ActivityPage::retrySelected()
{
    const qint64 id = selectedId();
    Bridge::Journal *journal = m_watcher->journal();
    if (id <= 0 || !journal)
        return;
    Bridge::BridgeService *bridge = m_host.bridge();
    // Without a running bridge the journal still takes the retry; the next start delivers it.
    const bool queued = bridge ? bridge->retryEvent(id) : journal->retryNow(id);
    if (!queued)
        return say(
            tr("Could not retry event %1: %2").arg(QString::number(id), journal->lastError()),
            true);
    m_retriedId = id;
    say(bridge ? tr("Event %1 is being delivered again…").arg(id)
               : tr("Event %1 will be delivered again once the bridge runs.").arg(id));
    followRetried();
}

void ActivityPage::followRetried()
{
    const Bridge::Journal *journal = m_watcher->journal();
    const std::optional<Bridge::JournalEvent> event =
        m_retriedId > 0 && journal ? journal->event(m_retriedId) : std::nullopt;
    if (!event)
        return;
    if (event->state == Bridge::EventState::Delivered) {
        say(tr("Event %1 was delivered.").arg(event->id));
        m_retriedId = 0;
    } else if (event->state == Bridge::EventState::Failed) {
        say(tr("Event %1 failed again: %2").arg(QString::number(event->id), event->lastError),
            true);
        m_retriedId = 0;
    }
}

void ActivityPage::discardSelected()
{
    const qint64 id = selectedId();
    Bridge::Journal *journal = m_watcher->journal();
    if (id <= 0 || !journal)
        return;
    if (journal->discard(id))
        say(tr("Event %1 discarded: it stays in the journal but is never delivered.").arg(id));
    else
        say(tr("Could not discard event %1: %2").arg(QString::number(id), journal->lastError()),
            true);
}

void ActivityPage::chooseExportFile()
{
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        QStringLiteral("/hiveslack-activity-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")) +
        QStringLiteral(".csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export activity"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        say(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
    else
        say(error, true);
}

bool ActivityPage::exportCsv(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->toCsv()) < 0 || !file.commit()) {
        *error =
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace Console
