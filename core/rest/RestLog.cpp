#include "RestLog.h"

Q_LOGGING_CATEGORY(lcRest, "signoff.rest", QtInfoMsg)
