//===- LintPipeline.h - oosc lint on one text, as the harnesses drive it ----===//
#pragma once

#include <string_view>

namespace oosc::fuzz {

/// Lints \p text as the file \p path with the default configuration (no
/// .oosc.yaml is looked for), prints the report in every output format,
/// applies its fixes and diffs the result, and checks what must hold for
/// any input: every range (diagnostic, note, fix) lies inside the text,
/// every diagnostic has a message.
void lintEverything(std::string_view path, std::string_view text);

} // namespace oosc::fuzz
