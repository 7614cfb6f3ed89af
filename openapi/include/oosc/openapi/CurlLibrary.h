// CurlLibrary.h - libcurl, opened when first needed rather than linked.
//
// Linked, libcurl and its thirty-odd libraries (TLS, Kerberos, LDAP, ...)
// cost every runner about 5 ms at start, also the runs on the simulated
// cloud that never open a connection. Runners open it for the real cloud's
// OpenAPI calls and for ACS::Notify's webhooks.
#ifndef OOSC_OPENAPI_CURLLIBRARY_H
#define OOSC_OPENAPI_CURLLIBRARY_H

#include "oosc/runtime/Outcome.h"

#include <curl/curl.h>

namespace oosc::openapi {

struct CurlLibrary {
  CURLcode (*globalInit)(long);
  CURL *(*easyInit)();
  CURLcode (*easySetopt)(CURL *, CURLoption, ...);
  CURLcode (*easyPerform)(CURL *);
  CURLcode (*easyGetinfo)(CURL *, CURLINFO, ...);
  void (*easyCleanup)(CURL *);
  void (*easyReset)(CURL *);
  const char *(*easyStrerror)(CURLcode);
  curl_slist *(*slistAppend)(curl_slist *, const char *);
  void (*slistFreeAll)(curl_slist *);

  /// The library, or why it cannot be used (\p purpose names what needs it,
  /// for the message: "webhooks", "calls to the real cloud"); loaded once.
  static runtime::Outcome<const CurlLibrary *> get(const char *purpose);
};

} // namespace oosc::openapi

#endif
