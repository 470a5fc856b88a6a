#pragma once

#include "core/casemodel.h"

#include <QByteArray>

namespace Bridge {

/// HiveSlack's own storage form of a CaseRecord (the journal keeps the last rendered case of
/// each card to describe what changed). Not TheHive's format: see thehive/casejson.h for that.
QByteArray caseToJson(const CaseRecord &c);
CaseRecord caseFromStoredJson(const QByteArray &json);

} // namespace Bridge
