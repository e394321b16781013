# Sources of a library are every .cpp/.h below its folder, so adding a file needs no list edit.
function(pterodisbot_library name dir)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/*.cpp" "${dir}/*.h")
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC "${dir}")
endfunction()

# Precompiled Qt headers: the biggest single win on a two-core machine.
function(pterodisbot_pch target)
    target_precompile_headers(${target} PRIVATE
        <QByteArray> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QObject>
        <QPointer> <QString> <QTimer> <QUrl> <memory> <optional> <functional>)
endfunction()
