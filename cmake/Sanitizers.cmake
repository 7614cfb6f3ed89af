# Sanitized and fuzzing builds, in their own build folders
# (scripts/sanitize.sh, scripts/fuzz.sh; the README's "Fuzzing and sanitizers").
#
# OOSC_SANITIZE: the sanitizers every target is compiled and linked with, as
# -fsanitize= takes them ("address,undefined"); empty for none. Undefined
# behaviour is made fatal (-fno-sanitize-recover=all), so a report cannot
# scroll past in a test that otherwise passes; frame pointers keep the stacks
# of reports whole. Runners that `oosc build` compiles link the sanitized
# runtime, so they are compiled with the same flags (OOSC_RUNNER_FLAGS in
# cli/CMakeLists.txt) by the compiler configured here.
set(OOSC_SANITIZE "" CACHE STRING
    "Sanitizers to build everything with, as -fsanitize= takes them (e.g. address,undefined)")

# OOSC_FUZZ: instruments every target for libFuzzer's coverage
# (-fsanitize=fuzzer-no-link), so the harnesses of tests/fuzz see inside the
# libraries they call. Needs clang, and a sanitizer: its runtime provides the
# coverage callbacks to the executables that are not harnesses (oosc, the
# tests, runners).
option(OOSC_FUZZ "Instrument everything for the libFuzzer harnesses (clang and OOSC_SANITIZE)" OFF)

set(OOSC_SANITIZER_FLAGS "")
if(OOSC_SANITIZE)
  set(OOSC_SANITIZER_FLAGS -fsanitize=${OOSC_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${OOSC_SANITIZER_FLAGS})
  add_link_options(-fsanitize=${OOSC_SANITIZE})
endif()

if(OOSC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "OOSC_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
  endif()
  if(NOT OOSC_SANITIZE)
    message(FATAL_ERROR "OOSC_FUZZ needs OOSC_SANITIZE (for example address,undefined): its runtime "
                        "provides the coverage callbacks to executables that are not harnesses")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
