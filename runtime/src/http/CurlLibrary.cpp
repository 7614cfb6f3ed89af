#include "oosc/runtime/CurlLibrary.h"

#include <dlfcn.h>

#include <string>

namespace oosc::runtime {

namespace {

template <typename Function> bool symbol(void *handle, const char *name, Function &function) {
  function = reinterpret_cast<Function>(dlsym(handle, name));
  return function != nullptr;
}

/// Null with \p why filled when the library or one of its functions is missing.
const CurlLibrary *load(std::string &why) {
  void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    why = std::string("libcurl cannot be opened (Debian package libcurl4): ") + dlerror();
    return nullptr;
  }
  static CurlLibrary library;
  bool found = symbol(handle, "curl_global_init", library.globalInit) &&
               symbol(handle, "curl_easy_init", library.easyInit) &&
               symbol(handle, "curl_easy_setopt", library.easySetopt) &&
               symbol(handle, "curl_easy_perform", library.easyPerform) &&
               symbol(handle, "curl_easy_getinfo", library.easyGetinfo) &&
               symbol(handle, "curl_easy_cleanup", library.easyCleanup) &&
               symbol(handle, "curl_easy_reset", library.easyReset) &&
               symbol(handle, "curl_easy_strerror", library.easyStrerror) &&
               symbol(handle, "curl_slist_append", library.slistAppend) &&
               symbol(handle, "curl_slist_free_all", library.slistFreeAll);
  if (!found) {
    why = "libcurl.so.4 lacks a function oosc needs";
    return nullptr;
  }
  // Not thread-safe, so done here, once, under the static's guard.
  library.globalInit(CURL_GLOBAL_DEFAULT);
  return &library;
}

} // namespace

Outcome<const CurlLibrary *> CurlLibrary::get(const char *purpose) {
  static std::string why;
  static const CurlLibrary *loaded = load(why);
  if (!loaded)
    return fail(std::string(purpose) + " need libcurl: " + why);
  return loaded;
}

} // namespace oosc::runtime
