#include "activitypage.h"

#include "activitymodel.h"

#include "journal/journal.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Console {

ActivityPage::ActivityPage(Bridge::Journal &journal, RetryFunction retry, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_retryFunction(std::move(retry))
    , m_model(new ActivityModel(journal, this))
    , m_stateFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_discard(new QPushButton(tr("&Discard"), this))
    , m_message(new QLabel(this))
{
    m_stateFilter->addItem(tr("All states"), QString());
    m_stateFilter->addItem(tr("Pending"), QString(Bridge::EventState::Pending));
    m_stateFilter->addItem(tr("Failed"), QString(Bridge::EventState::Failed));
    m_stateFilter->addItem(tr("Delivered"), QString(Bridge::EventState::Delivered));
    m_stateFilter->addItem(tr("Ignored"), QString(Bridge::EventState::Ignored));
    m_textFilter->setPlaceholderText(tr("Filter by kind, case, error, payload or event id"));
    m_textFilter->setClearButtonEnabled(true);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select an event to see its payload."));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_message->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("State:"), this));
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_textFilter, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

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

    m_table->resizeColumnsToContents();
    showSelected();
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
    const Bridge::JournalEvent *event =
        rows.isEmpty() ? nullptr : m_model->eventAt(rows.constFirst().row());
    const bool failed = event && event->state == Bridge::EventState::Failed;
    m_retry->setEnabled(failed);
    m_discard->setEnabled(failed);
    if (!event) {
        m_details->clear();
        return;
    }
    const QJsonDocument json = QJsonDocument::fromJson(event->payload);
    m_details->setPlainText(json.isNull()
                                ? QString::fromUtf8(event->payload)
                                : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
}

void ActivityPage::retrySelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    if (m_retryFunction && m_retryFunction(id))
        m_message->setText(tr("Event %1 queued for delivery again.").arg(id));
    else
        m_message->setText(
            tr("Could not retry event %1: %2").arg(QString::number(id), m_journal.lastError()));
}

void ActivityPage::discardSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    if (m_journal.discard(id))
        m_message->setText(tr("Event %1 discarded.").arg(id));
    else
        m_message->setText(
            tr("Could not discard event %1: %2").arg(QString::number(id), m_journal.lastError()));
}

} // namespace Console
