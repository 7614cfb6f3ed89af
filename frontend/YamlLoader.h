//===- YamlLoader.h - YAML (and any JSON) text to the ir::Node tree -------===//
#pragma once

#include "frontend/LoadCommon.h"

namespace oosc::frontend {

/// Parses the file's text with yaml-cpp into `document`, reporting
/// yaml-syntax problems and duplicate keys. The text must already have
/// passed checkText (TextChecks.h).
LoadResult loadYaml(const SourceFile &file, ir::Document &document, DiagnosticEngine &diagnostics,
                    const LoadLimits &limits = {});

} // namespace oosc::frontend
