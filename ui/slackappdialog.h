#pragma once

#include "slack/appmanifest.h"

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace Console {

class CodeBox;

/// "Create the Slack app": the app manifest to paste at Slack's "From an app manifest". Socket
/// Mode is the default (Slack needs no way in to the bridge); for HTTP the interactivity
/// request URL is built from the public base URL the admin types.
class SlackAppDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @param defaultBase the bridge's listen URL, until the admin types the public one
    /// @param features what the configuration asks of Slack beyond the basics (files:read)
    explicit SlackAppDialog(const QUrl &defaultBase,
                            const Bridge::AppManifest::Features &features = {},
                            QWidget *parent = nullptr);

    /// The manifest as shown; empty in HTTP mode while the base URL is not a valid http(s) URL.
    QString manifestText() const;
    QRadioButton *socketModeChoice() const { return m_socketMode; }
    QRadioButton *httpChoice() const { return m_http; }
    QLineEdit *baseUrlEdit() const { return m_base; }
    CodeBox *manifestBox() const { return m_manifest; }

private:
    void update();

    QRadioButton *m_socketMode = nullptr;
    QRadioButton *m_http = nullptr;
    QLineEdit *m_base = nullptr;
    QLabel *m_hint = nullptr;
    CodeBox *m_manifest = nullptr;
    Bridge::AppManifest::Features m_features;
};

} // namespace Console
