# cmake -DLINKS="<bridge's LINK_LIBRARIES>" -P check_links.cmake
if(LINKS MATCHES "Qt6::(Gui|Widgets)|(^|;)ui(;|$)")
    message(FATAL_ERROR "the bridge library links Gui, Widgets or ui: ${LINKS}")
endif()
message(STATUS "bridge links: ${LINKS}")
