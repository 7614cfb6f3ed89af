//===- CloudCompletion.h - Completion inside calls of cloud APIs -----------===//
//
// The part of completion that knows the API table: services, a service's
// APIs, an API's parameters and the fields of its answer. Completion.cpp
// decides where the cursor is; this file says what goes there.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lsp/Features.h"

namespace oosc::lsp {

/// The Service and API written in the task around \p offset, read from the
/// raw text (a template being typed rarely parses). Empty when not there.
struct RawCall {
  std::string service;
  std::string api;
};
RawCall rawCallAround(std::string_view text, uint32_t offset);

void addServiceNames(std::vector<CompletionItem> &items, SourceRange replace);
void addApiNames(std::vector<CompletionItem> &items, const RawCall &call, SourceRange replace);
/// The API's parameters not in \p present, required ones first.
void addApiParameters(std::vector<CompletionItem> &items, const RawCall &call,
                      const std::vector<std::string> &present, SourceRange replace);
/// The fields of the answer where \p selector (the text typed so far, up to
/// the cursor at \p cursor) stands; \p selector ends with the partial field.
void addAnswerFields(std::vector<CompletionItem> &items, const RawCall &call, std::string_view selector,
                     uint32_t cursor);

} // namespace oosc::lsp
