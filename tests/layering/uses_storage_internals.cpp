// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Must not compile in this layer (see CMakeLists.txt): QtSql's side of a
// connection is for core/storage's own sources.
#include "storage/SqlConnection.h"
