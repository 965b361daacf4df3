// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServiceLog.h"

Q_LOGGING_CATEGORY(lcService, "signoff.service", QtInfoMsg)
