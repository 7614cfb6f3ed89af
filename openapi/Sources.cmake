# The OpenAPI client's sources, one list for its own library and for the
# runtime archive that bundles them for runners (runtime/CMakeLists.txt).
set(OOSC_OPENAPI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/AliyunCloud.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/AssumeRoleCredentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/CanonicalQuery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/CliConfigCredentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/CredentialChain.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/CredentialsFileCredentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/Credentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/CurlTransport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/Digest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/Endpoints.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/HttpText.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/MetadataCredentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/RequestEncoding.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/RunnerCloud.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/SignatureV1.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/SignatureV3.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/StsCalls.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/TemporaryCredentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/Verification.cpp)
