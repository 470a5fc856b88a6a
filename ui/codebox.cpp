#include "codebox.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Console {

CodeBox::CodeBox(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Tab leaves the box: it holds nothing to type.
    m_text->setTabChangesFocus(true);
    m_copy->setToolTip(tr("Copy the whole text to the clipboard"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_text->toPlainText());
        m_copy->setText(tr("Copied"));
    });
}

void CodeBox::setText(const QString &text)
{
    if (text == m_text->toPlainText())
        return;
    m_text->setPlainText(text);
    m_copy->setText(tr("&Copy"));
}

QString CodeBox::text() const
{
    return m_text->toPlainText();
}

} // namespace Console
