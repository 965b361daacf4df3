# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# signoff_add_test(): one Qt Test executable per unit, registered with ctest.
#
#   signoff_add_test(NAME <name>
#                    SOURCES <files...>
#                    [LIBRARIES <targets...>]          default: signoff_core
#                    [BACKENDS sqlite postgresql]      one ctest test per database backend
#                    [ENVIRONMENT <VAR=value...>]      extra environment; overrides the defaults below
#                    [TIMEOUT <seconds>]               default: 300
#                    [LABELS <labels...>])
#
# Builds tst_<name> (linked with Qt6::Test, signoff_test_support and LIBRARIES)
# and registers:
#   * without BACKENDS: the test <name>;
#   * with BACKENDS: <name>_sqlite and/or <name>_postgresql, each with
#     SIGNOFF_TEST_BACKEND set, labelled with the backend; the PostgreSQL ones
#     require the `postgres` fixture (tests/postgres), which starts a server
#     for the run and stops it afterwards, even when tests fail.
#
# Every test runs with the offscreen Qt platform, a C.UTF-8 locale, quiet
# logging (debug and info off: override QT_LOGGING_RULES through ENVIRONMENT
# in a test that checks log output) and XDG folders inside the build tree, so
# QSettings and QStandardPaths never touch the real home folder.
# Test property values may use generator expressions, e.g.
#   ENVIRONMENT "SIGNOFF_BINARY=$<TARGET_FILE:signoff>"

# Under SIGNOFF_SANITIZE, every test and every program it starts stops at the
# first finding of AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer
# with a stack trace; leaks inside the system's libraries are suppressed
# (cmake/lsan-suppressions.txt), Signoff's own are not.
set(SIGNOFF_SANITIZER_ENVIRONMENT "")
if(SIGNOFF_SANITIZE)
    set(SIGNOFF_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:check_initialization_order=1:detect_stack_use_after_return=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/cmake/lsan-suppressions.txt:print_suppressions=0")
endif()

set(SIGNOFF_TEST_POSTGRESQL_FILE "${PROJECT_BINARY_DIR}/tests/postgres/server-url"
    CACHE INTERNAL "Where the postgres fixture writes the URL of its server")

function(signoff_add_test)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;BACKENDS;ENVIRONMENT;LABELS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "signoff_add_test: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_NAME OR NOT arg_SOURCES)
        message(FATAL_ERROR "signoff_add_test: NAME and SOURCES are required")
    endif()
    if(NOT DEFINED arg_LIBRARIES)
        set(arg_LIBRARIES signoff_core)
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()
    foreach(backend IN LISTS arg_BACKENDS)
        if(NOT backend MATCHES "^(sqlite|postgresql)$")
            message(FATAL_ERROR "signoff_add_test(${arg_NAME}): unknown backend '${backend}' (sqlite, postgresql)")
        endif()
    endforeach()

    set(target tst_${arg_NAME})
    add_executable(${target} ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE signoff_test_support ${arg_LIBRARIES} Qt6::Test)
    signoff_compiler_options(${target})

    set(home "${CMAKE_CURRENT_BINARY_DIR}/${target}-home")
    set(environment
        QT_QPA_PLATFORM=offscreen
        "QT_LOGGING_RULES=*.debug=false\;*.info=false\;qt.qpa.*=false"
        LC_ALL=C.UTF-8
        "XDG_CONFIG_HOME=${home}/config"
        "XDG_DATA_HOME=${home}/data"
        "XDG_CACHE_HOME=${home}/cache"
        "SIGNOFF_TEST_POSTGRESQL_FILE=${SIGNOFF_TEST_POSTGRESQL_FILE}"
        ${SIGNOFF_SANITIZER_ENVIRONMENT})
    # A variable given in ENVIRONMENT replaces the default of the same name.
    foreach(assignment IN LISTS arg_ENVIRONMENT)
        string(REGEX REPLACE "=.*" "" variable "${assignment}")
        list(FILTER environment EXCLUDE REGEX "^${variable}=")
    endforeach()
    list(APPEND environment ${arg_ENVIRONMENT})

    if(NOT arg_BACKENDS)
        add_test(NAME ${arg_NAME} COMMAND ${target})
        set_tests_properties(${arg_NAME} PROPERTIES
            ENVIRONMENT "${environment}"
            TIMEOUT ${arg_TIMEOUT})
        if(arg_LABELS)
            set_tests_properties(${arg_NAME} PROPERTIES LABELS "${arg_LABELS}")
        endif()
        return()
    endif()

    set(labels_suffix "")
    if(arg_LABELS)
        set(labels_suffix ";${arg_LABELS}")
    endif()
    foreach(backend IN LISTS arg_BACKENDS)
        set(test ${arg_NAME}_${backend})
        add_test(NAME ${test} COMMAND ${target})
        set_tests_properties(${test} PROPERTIES
            ENVIRONMENT "${environment};SIGNOFF_TEST_BACKEND=${backend}"
            TIMEOUT ${arg_TIMEOUT}
            LABELS "${backend}${labels_suffix}")
        if(backend STREQUAL "postgresql")
            set_tests_properties(${test} PROPERTIES FIXTURES_REQUIRED postgres)
        endif()
    endforeach()
endfunction()
