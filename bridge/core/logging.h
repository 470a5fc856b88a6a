#pragma once

#include <QLoggingCategory>

// One category per subsystem: QT_LOGGING_RULES="hiveslack.http.debug=true" turns one on.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcJournal)
Q_DECLARE_LOGGING_CATEGORY(lcHive)
Q_DECLARE_LOGGING_CATEGORY(lcSlack)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcDelivery)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
