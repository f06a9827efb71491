# sitrep_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>])
# One GoogleTest executable; every TEST in it becomes a CTest test carrying the labels
# (unit by default; golden for tests that read ../shared; slow for long ones).
function(sitrep_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  add_dependencies(${T_NAME} sitrep)  # tests may run the built binary (SITREP_BINARY)
  target_compile_definitions(${T_NAME} PRIVATE
    SITREP_SHARED_DIR="${SITREP_SHARED_DIR}" SITREP_SOURCE_DIR="${SITREP_SOURCE_DIR}"
    SITREP_BINARY="$<TARGET_FILE:sitrep>")
  gtest_discover_tests(${T_NAME} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${T_LABELS}")
endfunction()

# sitrep_add_library(<name> <sources...>): a stage library with the public include dir.
function(sitrep_add_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src)
endfunction()
