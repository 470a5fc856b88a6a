#include "casefeeder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    const char *title;
    const char *description;
    int severity;
    const char *tag;
};

const Sample Samples[] = {
    {"Phishing wave targeting finance", "Three users reported the same **invoice** lure.", 3,
     "phishing"},
    {"Impossible travel for admin account", "Logins from two continents within 20 minutes.", 4,
     "identity"},
    {"Malware beacon from WS-117", "EDR saw periodic HTTPS to a young domain.", 3, "malware"},
    {"Port scan from guest Wi-Fi", "Sequential SYNs to the server VLAN.", 1, "network"},
    {"Leaked API key on a public repository", "Key for the billing service found in a commit.", 4,
     "leak"},
};

} // namespace

CaseFeeder::CaseFeeder(TestSupport::FakeTheHive &hive, QUrl webhookUrl, QByteArray secret,
                       int intervalMs, QObject *parent)
    : QObject(parent)
    , m_hive(hive)
    , m_url(std::move(webhookUrl))
    , m_secret(std::move(secret))
{
    connect(&m_timer, &QTimer::timeout, this, &CaseFeeder::tick);
    m_timer.start(intervalMs);
}

void CaseFeeder::tick()
{
    ++m_ticks;
    const QStringList ids = m_hive.caseIds();
    if (m_ticks % 3 == 0 && !ids.isEmpty()) {
        const QString id = ids.at(m_ticks % ids.size());
        const QJsonObject c = m_hive.caseJson(id);
        const int red = m_hive.hasAmberStrict() ? 4 : 3;
        QString field = u"severity"_s;
        int value = c.value(u"severity").toInt() % 4 + 1;
        switch ((m_ticks / 3) % 3) {
        case 1: // one step up: GREEN → AMBER → RED
            field = u"tlp"_s;
            value = c.value(u"tlp").toInt() < 2 ? 2 : red;
            break;
        case 2:
            field = u"tlp"_s;
            value = 1;
            break;
        default:
            break;
        }
        m_hive.setCaseField(id, field, value);
        send(m_hive.webhookFor(u"update"_s, id, {{field, value}}), id);
        return;
    }
    const Sample &s = Samples[m_ticks % int(std::size(Samples))];
    const QJsonObject c = m_hive.addCase({{u"title"_s, QString::fromUtf8(s.title)},
                                          {u"description"_s, QString::fromUtf8(s.description)},
                                          {u"severity"_s, s.severity},
                                          {u"tlp"_s, 1},
                                          {u"tags"_s, QJsonArray{QString::fromUtf8(s.tag)}}});
    const QString id = c.value(u"_id").toString();
    send(m_hive.webhookFor(u"create"_s, id), id);
}

void CaseFeeder::send(const QJsonObject &webhook, const QString &caseId)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_secret);
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(webhook).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, caseId] {
        reply->deleteLater();
        const QJsonObject line{
            {u"event"_s, u"webhook"_s},
            {u"case"_s, caseId},
            {u"status"_s, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()}};
        std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).append('\n').constData(),
                   stdout);
        std::fflush(stdout);
    });
}
