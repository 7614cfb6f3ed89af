// CurlLibrary.h - libcurl, opened when first needed rather than linked.
//
// Linked, libcurl and its thirty-odd libraries (TLS, Kerberos, LDAP, ...)
// cost every runner about 5 ms at start, also the runs on the simulated
// cloud that never open a connection. Runners open it for ACS::Notify's
// webhooks, and the OpenAPI client (openapi/) for the real cloud's calls.
#ifndef OOSC_RUNTIME_CURLLIBRARY_H
#define OOSC_RUNTIME_CURLLIBRARY_H

#include "oosc/runtime/Outcome.h"

#include <curl/curl.h>

namespace oosc::runtime {

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
  static Outcome<const CurlLibrary *> get(const char *purpose);
};

} // namespace oosc::runtime

#endif
