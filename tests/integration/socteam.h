#pragma once

// The set-up shared by the tests of what starts in Slack (/hive, New case, evidence).

#include "bridgeharness.h"
#include "slackpayloads.h"

#include <QStringList>

namespace TestSupport {

/// The routed channel (#soc-cases) and `warRoom` (#soc-war-room, named by no route), both at
/// TLP:AMBER at most; Alice, Bob and Carol in Slack, Alice and Bob (not Carol) in TheHive.
void addSocTeam(BridgeHarness &h, const QString &warRoom);
/// What people were told privately, in order: response_url answers, then ephemerals.
QStringList privateAnswers(const FakeSlack &slack);

} // namespace TestSupport
