#pragma once

#include "fakethehive.h"

#include <QNetworkAccessManager>
#include <QTimer>

/// Demo traffic for `hiveslack-sim --webhook-url`: every interval a new sample case is created in
/// the fake TheHive and its webhook sent to the bridge; every third tick an earlier case changes
/// "in TheHive", in turn: its severity, its TLP raised one step (GREEN → AMBER → RED), its TLP
/// lowered back to GREEN — so card updates, thread notes and the TLP ceilings (redaction, the
/// move of a TLP:RED case to the restricted channel and back) can all be seen.
class CaseFeeder final : public QObject
{
public:
    CaseFeeder(TestSupport::FakeTheHive &hive, QUrl webhookUrl, QByteArray secret, int intervalMs,
               QObject *parent = nullptr);

private:
    void tick();
    void send(const QJsonObject &webhook, const QString &caseId);

    TestSupport::FakeTheHive &m_hive;
    QUrl m_url;
    QByteArray m_secret;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    int m_ticks = 0;
};
