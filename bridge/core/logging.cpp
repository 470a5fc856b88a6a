#include "core/logging.h"

Q_LOGGING_CATEGORY(lcHttp, "hiveslack.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJournal, "hiveslack.journal", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHive, "hiveslack.thehive", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSlack, "hiveslack.slack", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "hiveslack.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDelivery, "hiveslack.delivery", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "hiveslack.config", QtInfoMsg)
