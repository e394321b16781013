# The translations_complete test (cmake -P): every shipped catalog translates every string of the
# code. lupdate merges the code's strings into a copy of each .ts, exactly as update_translations
# would, so a string added to the code and never merged fails here as well as one left unfinished
# by its translator. The shipped files are only read.
#
# -DLUPDATE=<lupdate> -DSOURCES_LIST=<file, one source a line> -DINCLUDE_DIRS=<a|b>
# -DTS_FILES=<a.ts|b.ts> -DWORK_DIR=<scratch directory> [-DPLURAL_FORMS_TS=<en.ts>, checked for
# its %n messages only]

foreach(variable LUPDATE SOURCES_LIST TS_FILES WORK_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "CheckComplete.cmake needs -D${variable}=...")
    endif()
endforeach()
string(REPLACE "|" ";" ts_files "${TS_FILES}")
if(DEFINED PLURAL_FORMS_TS)
    list(APPEND ts_files "${PLURAL_FORMS_TS}")
endif()
string(REPLACE "|" ";" include_dirs "${INCLUDE_DIRS}")
set(include_flags)
foreach(dir IN LISTS include_dirs)
    list(APPEND include_flags "-I${dir}")
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(total 0)
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    if(NOT EXISTS "${ts}")
        message(SEND_ERROR "${name}: missing (build the update_translations target to create it)")
        math(EXPR total "${total} + 1")
        continue()
    endif()
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${ts}" "${copy}")
    set(mode_flags)
    if(ts STREQUAL PLURAL_FORMS_TS)
        set(mode_flags -pluralonly)
    endif()
    execute_process(
        COMMAND "${LUPDATE}" -silent -no-obsolete -locations none ${mode_flags} ${include_flags}
                "@${SOURCES_LIST}" -ts "${copy}"
        RESULT_VARIABLE status
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name} (${status}):\n${output}")
    endif()

    # One list element per message. Semicolons and brackets would split or glue elements, so
    # they are masked first; sources are XML text and never contain '<'.
    file(READ "${copy}" content)
    string(REPLACE ";" "@SEMICOLON@" content "${content}")
    string(REPLACE "[" "@LBRACKET@" content "${content}")
    string(REPLACE "]" "@RBRACKET@" content "${content}")
    string(REPLACE "</message>" ";" messages "${content}")

    set(context "")
    set(missing 0)
    set(listed "")
    foreach(message IN LISTS messages)
        if(message MATCHES "<name>([^<]*)</name>")
            set(context "${CMAKE_MATCH_1}")
        endif()
        if(NOT message MATCHES "<message")
            continue()
        endif()
        string(REGEX REPLACE "^.*<message" "<message" message "${message}")
        # Unfinished, or finished yet empty (a hand edit): either way the member reads English.
        if(message MATCHES "type=\"unfinished\""
           OR message MATCHES "<translation></translation>"
           OR message MATCHES "<translation/>"
           OR message MATCHES "<numerusform></numerusform>")
            math(EXPR missing "${missing} + 1")
            if(missing LESS_EQUAL 60 AND message MATCHES "<source>([^<]*)</source>")
                set(source "${CMAKE_MATCH_1}")
                string(REPLACE "@SEMICOLON@" ";" source "${source}")
                string(REPLACE "@LBRACKET@" "[" source "${source}")
                string(REPLACE "@RBRACKET@" "]" source "${source}")
                string(APPEND listed "  ${context}: ${source}\n")
            endif()
        endif()
    endforeach()
    if(missing GREATER 0)
        if(missing GREATER 60)
            string(APPEND listed "  ... and more\n")
        endif()
        message(SEND_ERROR "${name}: ${missing} string(s) untranslated or unfinished:\n${listed}")
        math(EXPR total "${total} + ${missing}")
    else()
        message(STATUS "${name}: complete")
    endif()
endforeach()

if(total GREATER 0)
    message(FATAL_ERROR "${total} translation(s) missing; translate them in Qt Linguist after "
                        "building the update_translations target")
endif()
