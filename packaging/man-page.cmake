# cmake -DPROGRAM=... -DGZIP=... -DOUTPUT=.../pterodisbot.1 -P man-page.cmake
# Writes OUTPUT from `PROGRAM --man-page` (the same option table as --help) and OUTPUT.gz for
# installation. Run by the pterodisbot-man-page target in packaging/CMakeLists.txt.
foreach(variable PROGRAM GZIP OUTPUT)
    if(NOT ${variable})
        message(FATAL_ERROR "man-page.cmake needs -D${variable}=...")
    endif()
endforeach()

# The program makes a QApplication before it reads its options; a build host has no display.
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND "${PROGRAM}" --man-page
    OUTPUT_FILE "${OUTPUT}.new" ERROR_VARIABLE errors RESULT_VARIABLE result)
file(SIZE "${OUTPUT}.new" size)
if(NOT result EQUAL 0 OR size EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --man-page failed (${result}): ${errors}")
endif()
file(RENAME "${OUTPUT}.new" "${OUTPUT}")
# -n: no name or time stamp in the header, so the same page gives the same bytes.
execute_process(COMMAND "${GZIP}" -9 -n -c "${OUTPUT}"
    OUTPUT_FILE "${OUTPUT}.gz" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${GZIP} failed (${result}) on ${OUTPUT}")
endif()
