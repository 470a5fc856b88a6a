#include "socteam.h"

using namespace Qt::StringLiterals;

namespace TestSupport {

void addSocTeam(BridgeHarness &h, const QString &warRoom)
{
    h.config.defaultTlpCeiling = 2;
    h.slack.addChannel(QLatin1String(BridgeHarness::Channel), u"soc-cases"_s);
    h.slack.addChannel(warRoom, u"soc-war-room"_s);
    for (const Person &p : {Alice, Bob, Carol})
        h.slack.addUser(p.slackId, p.name, p.email);
    h.hive.addUser(Alice.email, u"Alice Martin"_s, Alice.email);
    h.hive.addUser(Bob.email, u"Bob Stone"_s, Bob.email);
}

QStringList privateAnswers(const FakeSlack &slack)
{
    QStringList texts;
    for (const QJsonObject &r : slack.responses())
        texts << r.value(u"text"_s).toString();
    for (const QJsonObject &e : slack.ephemerals())
        texts << e.value(u"text"_s).toString();
    return texts;
}

} // namespace TestSupport
