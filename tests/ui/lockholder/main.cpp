// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// signoff_test_lock_holder FILE SECONDS
//
// Another process that holds an SQLite database's write lock: opens FILE,
// runs BEGIN IMMEDIATE, prints "locked" on standard output, and keeps the
// lock until SECONDS have passed or its standard input closes (the test says
// it has seen enough), then rolls back. What a slow backup or a stuck
// sqlite3 shell does to a desktop.

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <poll.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: signoff_test_lock_holder FILE SECONDS\n");
        return 2;
    }
    sqlite3 *database = nullptr;
    if (sqlite3_open_v2(argv[1], &database, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "cannot open %s: %s\n", argv[1], sqlite3_errmsg(database));
        return 1;
    }
    sqlite3_busy_timeout(database, 10000);
    if (sqlite3_exec(database, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "cannot lock %s: %s\n", argv[1], sqlite3_errmsg(database));
        return 1;
    }
    std::printf("locked\n");
    std::fflush(stdout);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[2]));
    pollfd input{STDIN_FILENO, POLLIN, 0};
    char buffer[64];
    while (std::chrono::steady_clock::now() < until) {
        // Input closed (or anything arrives): done.
        if (poll(&input, 1, 100) > 0 && read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            break;
    }
    sqlite3_exec(database, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(database);
    return 0;
}
