#include "overviewpage.h"

#include "journal/journal.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Console {

namespace {

/// A URL the admin copies into TheHive or Slack: selectable, so no retyping.
QLabel *urlLabel(const QString &url, QWidget *parent)
{
    auto *label = new QLabel(url, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

OverviewPage::OverviewPage(const QString &baseUrl, Bridge::Journal &journal, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_pending(new QLabel(this))
    , m_delivered(new QLabel(this))
    , m_failed(new QLabel(this))
    , m_ignored(new QLabel(this))
{
    auto *endpoints = new QGroupBox(tr("Endpoints"), this);
    auto *endpointForm = new QFormLayout(endpoints);
    endpointForm->addRow(tr("TheHive webhook:"),
                         urlLabel(baseUrl + QStringLiteral("/thehive/webhook"), endpoints));
    endpointForm->addRow(tr("Slack interactivity request URL:"),
                         urlLabel(baseUrl + QStringLiteral("/slack/interactions"), endpoints));

    auto *events = new QGroupBox(tr("Journal"), this);
    auto *eventForm = new QFormLayout(events);
    eventForm->addRow(tr("Pending:"), m_pending);
    eventForm->addRow(tr("Delivered:"), m_delivered);
    eventForm->addRow(tr("Failed:"), m_failed);
    eventForm->addRow(tr("Ignored:"), m_ignored);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(endpoints);
    layout->addWidget(events);
    layout->addStretch(1);

    connect(&m_journal, &Bridge::Journal::eventChanged, this, &OverviewPage::refreshCounts);
    refreshCounts();
}

void OverviewPage::refreshCounts()
{
    const Bridge::Counts counts = m_journal.counts();
    m_pending->setText(QString::number(counts.pending));
    m_delivered->setText(QString::number(counts.delivered));
    m_failed->setText(QString::number(counts.failed));
    m_ignored->setText(QString::number(counts.ignored));
}

} // namespace Console
