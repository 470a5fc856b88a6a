#include "checkrow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Console {

void showResultText(QLabel *label, bool ok, const QString &text)
{
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(ok ? QString() : QStringLiteral("color: #b3261e;"));
    label->setText(text);
}

CheckRow::CheckRow(const QString &label, const QString &name, const QString &resultName,
                   QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(label, this))
    , m_busy(new QProgressBar(this))
    , m_result(new QLabel(this))
{
    m_button->setObjectName(name + QStringLiteral("Button"));
    m_result->setObjectName(resultName);
    m_busy->setRange(0, 0); // no known end: a busy indicator
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(80);
    m_busy->hide();
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setFocusProxy(m_button);

    auto *top = new QHBoxLayout;
    top->addWidget(m_button);
    top->addWidget(m_busy);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_result);
}

bool CheckRow::isBusy() const
{
    return m_busy->isVisibleTo(this);
}

void CheckRow::start(const QString &progress)
{
    m_button->setEnabled(false);
    m_busy->show();
    showResultText(m_result, true, progress);
}

void CheckRow::finish(bool ok, const QString &text)
{
    m_button->setEnabled(true);
    m_busy->hide();
    showResultText(m_result, ok, text);
}

} // namespace Console
