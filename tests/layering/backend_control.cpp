// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Backend.h"

#include <QtCore/QThreadPool>

int layeringBackendControl()
{
    return QThreadPool::globalInstance() != nullptr && sizeof(signoff::Call<int>) > 0 ? 1 : 0;
}
