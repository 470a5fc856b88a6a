# Fails when case content could reach Slack around the visibility decision (opsec/): only
# SlackClient names Slack's write methods, and SlackMessage::notice and ::form — the SlackMessages
# not made by a CaseView — are used only where they are known to carry the bridge's own words. A
# new use of either is a reviewed change to the list below, not an accident.
#   cmake -DBRIDGE_DIR=<path to bridge/> -P check_slack_writes.cmake
set(notice_users "alerts/alerttriage.cpp" "commands/commandhandler.cpp" "delivery/actionhandler.cpp"
    "evidence/evidencehandler.cpp" "newcase/newcasehandler.cpp" "opsec/slackmessage.cpp"
    "opsec/slackmessage.h")
# Names Slack's methods only to look up their rate limits; sends nothing.
set(method_namers "clients/slackclient.cpp" "ratelimit/slackratelimits.cpp")
file(GLOB_RECURSE sources RELATIVE "${BRIDGE_DIR}" "${BRIDGE_DIR}/*.h" "${BRIDGE_DIR}/*.cpp")
set(offenders "")
foreach(file IN LISTS sources)
    file(STRINGS "${BRIDGE_DIR}/${file}" writes REGEX "\"(chat|views)\\.[a-zA-Z]+\"")
    list(FIND method_namers "${file}" names_methods)
    if(writes AND names_methods EQUAL -1)
        list(APPEND offenders "${file} calls a Slack write method itself: ${writes}")
    endif()
    file(STRINGS "${BRIDGE_DIR}/${file}" notices REGEX "SlackMessage::(notice|form)|static SlackMessage (notice|form)")
    list(FIND notice_users "${file}" listed)
    if(notices AND listed EQUAL -1)
        list(APPEND offenders "${file} makes a SlackMessage outside a CaseView: ${notices}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " report)
    message(FATAL_ERROR "case content must reach Slack only through opsec/caseview.h:\n  ${report}")
endif()
list(LENGTH sources count)
message(STATUS "Slack writes pass the visibility decision: ${count} files checked")
