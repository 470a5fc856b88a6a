# `cpack -G DEB` in the build directory makes hiveslack_<version>_<arch>.deb: the one hiveslack
# binary (the admin console and the headless bridge; its translations are built in), the
# simulator `hiveslack --demo` runs beside it, the systemd unit, the example configuration, and
# the console's menu entry and icon.
# Dependencies come from dpkg-shlibdeps.
include(GNUInstallDirs)

install(TARGETS hiveslack RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET hiveslack-sim)
    install(TARGETS hiveslack-sim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/resources/systemd/hiveslack.service
        DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/hiveslack.desktop
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/hiveslack.svg
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/hiveslack.example.json
              ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/hiveslack)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hiveslack)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "TheHive cases worked from Slack")
set(CPACK_PACKAGE_CONTACT "HiveSlack maintainers <hiveslack@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The Qt SQL driver is a plugin: no shared-library dependency finds it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "TheHive cases worked from Slack\n Every TheHive case in the right Slack channel as a live card that analysts\n work from Slack; an admin console and a headless bridge for servers\n (systemd unit included).")
include(CPack)
