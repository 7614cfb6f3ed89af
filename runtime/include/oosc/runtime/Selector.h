// Selector.h - How OOS prepares a selector before jq runs it.
//
// Part of runtime_core: the linter prepares ValueSelector and PropertySelector
// exactly as a runner does before checking them as jq.
#ifndef OOSC_RUNTIME_SELECTOR_H
#define OOSC_RUNTIME_SELECTOR_H

#include <string>
#include <string_view>

namespace oosc::runtime {

/// OOS lets selectors omit jq's leading dot ("Instances.Instance[].InstanceId"
/// means ".Instances.Instance[].InstanceId"); this adds the dot where the
/// selector starts with a bare field name, keeping any leading whitespace.
///
/// A selector is left as it is when it starts with anything but an
/// identifier ('.', "..", '$', '[', '{', '(', '"', '@', '-', a digit, a
/// comment) or with an identifier that jq reads as something other than a
/// field: a call ("map(", "select (", "mod::f"), a keyword that starts an
/// expression (if, try, reduce, foreach, def, label, import, include), a
/// literal (true, false, null), or one of jq's zero-argument builtins
/// ("length", "keys | length", "tostring", "not"). A builtin name followed by
/// a path ("values[0]", "first.Name") is taken as a field, because a builtin
/// is never spelled that way in practice while OOS outputs are often named
/// like that.
std::string normalizeSelector(std::string_view selector);

} // namespace oosc::runtime

#endif // OOSC_RUNTIME_SELECTOR_H
