//===- generic/GenericEngine.h - Any API of any product, from the tables ---===//
//
// The APIs the simulator has no hand-written model for are answered by one
// engine driven by the API table (apis/ApiTable.h): the API's name says what
// it does to which resource (ApiVerbs.def), its parameters land in the
// resource's fields of the same name, and its answer takes the shape the
// table gives it (ShapeFill.h).
//   CreateX / AllocateX / RunX   make an X with a new id, the request's fields
//                                and the status a new X has (Lifecycles.def)
//   DescribeXs / ListXs / GetXs  find them, filtered by the parameters that
//                                name their fields (XIds, Status, ...) or that
//                                Filters.def maps to one, paged
//   DescribeXAttribute / GetX    one X by its id; without one, the account's
//                                one X (a password policy) as last set
//   ModifyX... / UpdateX...      change one X's fields
//   DeleteX / ReleaseX / RemoveX remove one X
//   AttachX / StopX / SetX ...   act on an X that exists (the Act rows): every
//                                resource named must exist; the X keeps the
//                                request's values and takes the verb's status
// Unknown ids give `Invalid<XId>.NotFound`. What the engine cannot model, a
// verb whose effect it does not know or a filter it does not apply, is
// answered with a NotImplemented error naming the API and the part, never
// with a silent success. Resources live in the world's Resources section,
// each with its kind (`RDS::DBInstance`) under Simulated.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "simulator/World.h"

#include "oosc/apis/ApiTable.h"

namespace oosc::runtime::sim::generic {

/// Whether the engine models \p api of \p product; if not, \p why says what
/// it lacks (the verb's meaning, or the answer's shape for a read).
bool models(const apis::ApiTable &table, const apis::ProductRecord &product, std::string_view api,
            std::string &why);

/// Whether the API changes the world (its verb creates, updates or deletes).
bool mutates(std::string_view api);

/// Adds the resources the built-in world starts with (Resources.def).
void seedResources(World &world);

/// Records a task of \p kind (`CS::Task`) already done, of the cluster
/// \p clusterId when not empty, as ACK's changes run: DescribeTaskInfo
/// (`/tasks/{task_id}`) finds it. Its id.
std::string addDoneTask(World &world, const std::string &kind, const std::string &region, const std::string &clusterId);
/// Serves \p api of \p product on \p world.
Result serve(World &world, const apis::ApiTable &table, const apis::ProductRecord &product,
             std::string_view api, const Request &request, const Value &parameters);

} // namespace oosc::runtime::sim::generic
