# Fails when anything under bridge/ reaches for Qt Gui, Qt Widgets or the console (ui/):
# the bridge must run on a server with no display libraries.
#   cmake -DBRIDGE_DIR=<path to bridge/> -P check_bridge_headless.cmake
file(GLOB_RECURSE sources "${BRIDGE_DIR}/*.h" "${BRIDGE_DIR}/*.cpp" "${BRIDGE_DIR}/CMakeLists.txt")
set(offenders "")
foreach(file IN LISTS sources)
    file(STRINGS "${file}" lines REGEX "#[ \t]*include[ \t]*[<\"](QtGui|QtWidgets|QWidget|QApplication|QGuiApplication|QMainWindow|QPixmap|QImage|QIcon|ui/)|Qt6?::(Gui|Widgets)")
    if(lines)
        list(APPEND offenders "${file}: ${lines}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " report)
    message(FATAL_ERROR "bridge/ must not use Qt Gui, Qt Widgets or ui/:\n  ${report}")
endif()
list(LENGTH sources count)
message(STATUS "bridge/ is headless: ${count} files checked")
