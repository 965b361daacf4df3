# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings, sanitizers and precompiled headers, applied per target through
# signoff_compiler_options(). Nothing is set globally so that imported Qt
# targets stay untouched.

option(SIGNOFF_PRECOMPILED_HEADERS "Precompile the Qt headers of each library once (faster builds)" ON)

# Libraries parse the same Qt headers in every source file; precompiled once
# per library they cost once. Only what the library may use goes in (the
# layer guards still catch a forbidden include), and only libraries with
# enough sources get one: for a test of one file it would not pay.
function(signoff_precompiled_headers target)
    if(NOT SIGNOFF_PRECOMPILED_HEADERS)
        return()
    endif()
    get_target_property(sources ${target} SOURCES)
    list(FILTER sources INCLUDE REGEX "\\.cpp$")
    list(LENGTH sources source_count)
    if(source_count LESS 5)
        return()
    endif()
    set(headers
        <QtCore/QObject> <QtCore/QString> <QtCore/QStringList> <QtCore/QList> <QtCore/QHash>
        <QtCore/QMap> <QtCore/QSet> <QtCore/QVariant> <QtCore/QJsonObject> <QtCore/QJsonArray>
        <QtCore/QJsonDocument> <QtCore/QDateTime> <QtCore/QUuid> <QtCore/QLoggingCategory>
        <functional> <memory> <optional> <variant>)
    get_target_property(libraries ${target} LINK_LIBRARIES)
    # Set by signoff_forbid_qt_modules(), which therefore comes first: a
    # precompiled header must not hand a layer what its guards forbid.
    get_target_property(forbidden ${target} SIGNOFF_FORBIDDEN_QT_MODULES)
    if(("Qt6::Sql" IN_LIST libraries OR "signoff_core" IN_LIST libraries) AND NOT "Sql" IN_LIST forbidden)
        list(APPEND headers <QtSql/QSqlDatabase> <QtSql/QSqlQuery> <QtSql/QSqlError>)
    endif()
    if("Qt6::HttpServer" IN_LIST libraries)
        list(APPEND headers <QtNetwork/QTcpSocket> <QtNetwork/QHostAddress> <QtHttpServer/QHttpServerRequest>)
    endif()
    if("Qt6::Widgets" IN_LIST libraries OR "signoff_ui" IN_LIST libraries)
        list(APPEND headers <QtWidgets/QWidget> <QtWidgets/QLabel> <QtWidgets/QLineEdit> <QtWidgets/QPushButton>
                            <QtWidgets/QBoxLayout> <QtWidgets/QTableView> <QtCore/QAbstractItemModel>)
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

function(signoff_compiler_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        SIGNOFF_VERSION="${PROJECT_VERSION}")
    if(SIGNOFF_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    signoff_precompiled_headers(${target})
endfunction()
