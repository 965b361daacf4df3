// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Must not compile in this layer (see CMakeLists.txt).
#include <QSqlDatabase>
