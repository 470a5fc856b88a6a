#include "secretfield.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>

namespace Console {

using Status = Bridge::SecretResult::Status;

SecretField::SecretField(const char *key, const QString &name, QWidget *extra, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
    , m_edit(new QLineEdit(this))
    , m_state(new QLabel(this))
{
    m_edit->setObjectName(name);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(tr("type to set or replace"));
    m_state->setObjectName(QStringLiteral("state_") + QLatin1String(key));
    setFocusProxy(m_edit);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    if (extra) {
        extra->setParent(this);
        row->addWidget(extra);
        setTabOrder(m_edit, extra);
    }
    row->addWidget(m_state);
}

void SecretField::refresh(Bridge::SecretStore &store,
                          std::function<void(Status, const QString &)> answered)
{
    m_state->setText(tr("checking…"));
    QPointer<SecretField> self(this);
    const QString backend = store.backendName();
    store.read(key(), [self, backend, answered](const Bridge::SecretResult &r) {
        if (!self)
            return;
        // Only whether it is there: the value is dropped here.
        QLabel *state = self->m_state;
        switch (r.status) {
        case Status::Ok:
            state->setText(tr("stored"));
            state->setToolTip(tr("stored in: %1").arg(backend));
            break;
        case Status::NotFound:
            state->setText(tr("not set"));
            state->setToolTip({});
            break;
        case Status::Unavailable:
            state->setText(tr("keychain not available"));
            state->setToolTip(r.error);
            break;
        case Status::Failed:
            state->setText(tr("cannot read"));
            state->setToolTip(r.error);
            break;
        }
        if (answered)
            answered(r.status, r.error);
    });
}

void SecretField::valueOrStored(Bridge::SecretStore &store, const QString &missing,
                                std::function<void(const QString &, const QString &)> done)
{
    if (!m_edit->text().isEmpty())
        return done(m_edit->text(), {});
    QPointer<SecretField> self(this);
    store.read(key(), [self, missing, done = std::move(done)](const Bridge::SecretResult &r) {
        if (!self)
            return;
        if (r.ok())
            return done(r.value, {});
        done({}, r.status == Status::NotFound
                     ? missing
                     : tr("cannot read the stored secret: %1").arg(r.error));
    });
}

} // namespace Console
