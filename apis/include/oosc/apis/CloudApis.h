// CloudApis.h - The whole table of Alibaba Cloud's APIs, compiled in.
//
// Linked by the linter and the language server (library oosc_apis_data).
// Runners do not link it: they carry the entries of the APIs their template
// calls (see ApiSubset.h).
#ifndef OOSC_APIS_CLOUDAPIS_H
#define OOSC_APIS_CLOUDAPIS_H

#include "oosc/apis/ApiTable.h"

namespace oosc::apis {

/// Every product of the metadata oosc was generated from. Built on first use
/// (no parsing: it points at the compiled-in text), then immutable.
const ApiTable &cloudApis();

} // namespace oosc::apis

#endif
