//===- PublicContent.cpp - Stand-ins of Alibaba's public commands, parameters ===//
#include "World.h"

namespace oosc::runtime::sim {
namespace {

struct PublicCommand {
  std::string_view name, type;
};

constexpr PublicCommand kPublicCommands[] = {
#define OOSC_PUBLIC_COMMAND(name, type) {name, type},
#include "simulator/PublicContent.def"
};

constexpr std::string_view kPublicParameters[] = {
#define OOSC_PUBLIC_PARAMETER(name) name,
#include "simulator/PublicContent.def"
};

/// A script that says what it stands for and succeeds, in the language of
/// the content it stands for.
std::string standIn(std::string_view what, std::string_view name, bool powerShell) {
  std::string line = "oosc simulator: stand-in for Alibaba's " + std::string(what) + " " + std::string(name) +
                     " (its content is Alibaba's and is not carried by the simulator)";
  return powerShell ? "Write-Output \"" + line + "\"\n" : "#!/bin/bash\necho \"" + line + "\"\n";
}

Value publicCommand(const PublicCommand &command, const std::string &created) {
  bool powerShell = command.type == "RunPowerShellScript";
  // No Simulated.RegionId: a public command is in every region.
  return Value(Value::Map{
      {"CommandId", std::string(command.name)},
      {"Name", std::string(command.name)},
      {"Type", std::string(command.type)},
      {"Provider", "AlibabaCloud"},
      {"CommandContent", base64Encode(standIn("public command", command.name, powerShell))},
      {"WorkingDir", ""},
      {"Timeout", 60},
      {"Description", "Stand-in of an Alibaba Cloud public command"},
      {"EnableParameter", true},
      {"CreationTime", created},
      {"InvokeTimes", 0},
      {"Simulated", Value(Value::Map{})}});
}

Value publicParameter(std::string_view name, size_t index, const std::string &created) {
  bool powerShell = endsWith(name, "_for_windows");
  std::string id = "p-public-" + std::to_string(index + 1);
  Value record(Value::Map{{"Id", id},
                          {"ParameterId", id},
                          {"Name", std::string(name)},
                          {"Type", "String"},
                          {"ShareType", "Public"},
                          {"Value", standIn("public parameter", name, powerShell)},
                          {"Description", "Stand-in of an Alibaba Cloud public parameter"},
                          {"CreatedDate", created},
                          {"ParameterVersion", 1}});
  simulated(record).set("Kind", Value("oos::Parameter"));
  simulated(record).set("Id", Value(id));
  return record;
}

} // namespace

void seedPublicContent(World &world, const std::string &created) {
  for (const PublicCommand &command : kPublicCommands)
    world.records(section::Commands).push_back(publicCommand(command, created));
  for (size_t i = 0; i < std::size(kPublicParameters); ++i)
    world.records(section::Resources).push_back(publicParameter(kPublicParameters[i], i, created));
}

} // namespace oosc::runtime::sim
