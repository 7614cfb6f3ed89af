//===- ChildExecutions.h - ACS::Template and cloud-product actions --------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

/// ACS::Template: TemplateName names a template compiled into this runner.
Outcome<Value> runNestedTemplate(ActionCall &call);
/// ACS::<Product>::<Name>: a product action, which is a template taking the
/// task's Properties as its parameters.
Outcome<Value> runProductAction(ActionCall &call, const TemplateDef &action);

} // namespace oosc::runtime
