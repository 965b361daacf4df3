# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DFOLDER=<dir> -DFORBIDDEN=<regex> -P ForbiddenIncludes.cmake
# Fails when a source file in FOLDER includes a header whose path matches
# FORBIDDEN (a layer that must not reach into core's services or storage).
# It also fails on an empty folder, so a wrong path cannot pass by accident.

file(GLOB sources "${FOLDER}/*.cpp" "${FOLDER}/*.h")
if(NOT sources)
    message(FATAL_ERROR "no sources in ${FOLDER}")
endif()
set(found "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS includes)
        if(line MATCHES "[\"<](${FORBIDDEN})")
            string(APPEND found "\n  ${source}: ${line}")
        endif()
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "forbidden includes:${found}")
endif()
message(STATUS "${FOLDER}: no include matches ${FORBIDDEN}")
