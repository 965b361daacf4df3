#include "ServiceLog.h"

Q_LOGGING_CATEGORY(lcService, "signoff.service", QtInfoMsg)
