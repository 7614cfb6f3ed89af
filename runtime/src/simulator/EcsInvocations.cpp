// EcsInvocations.cpp - The simulated Cloud Assistant agent: runs a script
// and records the invocation's progress on its timeline.
//
// A RunShellScript command runs for real, with bash, in the instance's
// sandbox (sandbox/ScriptSandbox.h): its exit code and output are its own;
// `sleep` moves world time. Windows scripts (RunBatScript,
// RunPowerShellScript), and shell scripts where bubblewrap is missing, are
// read instead of run: `echo` lines (and Write-Output/Write-Host) make the
// output, `sleep N` (Start-Sleep, timeout /t) makes it take N more
// seconds, and the first `exit N` ends it with exit code N.
//
// One instance of a fleet can be made to fail: give it the tag
// `sim:command-exit-code` with a number N (TagResources, or a world file),
// and every command ends on it with exit code N, an error line as output,
// whatever its script says; the other instances of the same invocation run
// the script as usual.
#include "World.h"
#include "simulator/sandbox/ScriptSandbox.h"

#include <algorithm>
#include <cctype>

namespace oosc::runtime::sim::ecs {

namespace {

struct ScriptRun {
  std::int64_t exitCode = 0;
  std::string output;
  Millis duration = delay::CommandRun;
};

std::string_view trimmed(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos)
    return {};
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

bool isWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

/// What follows the word \p keyword in \p line after its flags ("-Seconds",
/// "/t", "/b"), if the word occurs.
std::optional<std::string_view> argumentAfter(std::string_view line,
                                              std::string_view keyword) {
  for (std::size_t at = 0; at + keyword.size() <= line.size(); ++at) {
    std::size_t end = at + keyword.size();
    if (!equalsIgnoreCase(line.substr(at, keyword.size()), keyword) ||
        (at > 0 && isWordChar(line[at - 1])) ||
        (end < line.size() && isWordChar(line[end])))
      continue;
    std::string_view rest = trimmed(line.substr(end));
    while (!rest.empty() && (rest[0] == '-' || rest[0] == '/') &&
           rest.size() > 1 &&
           std::isalpha(static_cast<unsigned char>(rest[1]))) {
      std::size_t space = rest.find(' ');
      rest = space == std::string_view::npos ? std::string_view()
                                             : trimmed(rest.substr(space));
    }
    return rest;
  }
  return std::nullopt;
}

std::optional<std::int64_t> leadingNumber(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && digits < 6 &&
         std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits == 0)
    return std::nullopt;
  return std::stoll(std::string(text.substr(0, digits)));
}

std::optional<std::string> echoText(std::string_view line) {
  for (std::string_view command : {"echo ", "Write-Output ", "Write-Host "}) {
    if (line.size() < command.size() ||
        !equalsIgnoreCase(line.substr(0, command.size()), command))
      continue;
    std::string_view text = trimmed(line.substr(command.size()));
    if (text.size() >= 2 && (text[0] == '"' || text[0] == '\'') &&
        text.back() == text[0])
      return std::string(text.substr(1, text.size() - 2));
    if (text.find('>') != std::string_view::npos)
      return std::nullopt; // Redirected to a file: no output.
    return std::string(text);
  }
  return std::nullopt;
}

ScriptRun simulateScript(std::string_view content) {
  ScriptRun run;
  std::string firstLine;
  bool echoed = false;
  for (std::size_t start = 0; start <= content.size();) {
    std::size_t newline = content.find('\n', start);
    std::string_view line = trimmed(content.substr(
        start, newline == std::string_view::npos ? std::string_view::npos
                                                 : newline - start));
    start =
        newline == std::string_view::npos ? content.size() + 1 : newline + 1;
    if (line.empty() || line[0] == '#')
      continue;
    if (firstLine.empty())
      firstLine = std::string(line);
    if (std::optional<std::string> text = echoText(line)) {
      run.output += *text + "\n";
      echoed = true;
    }
    for (std::string_view sleeper : {"sleep", "Start-Sleep", "timeout"})
      if (auto argument = argumentAfter(line, sleeper))
        run.duration += 1000 * leadingNumber(*argument).value_or(0);
    if (auto argument = argumentAfter(line, "exit")) {
      run.exitCode = leadingNumber(*argument).value_or(0);
      break; // The script ends at its first exit.
    }
  }
  if (!echoed)
    run.output = "[simulated] ran: " + firstLine + "\n";
  return run;
}

/// Replaces {{name}} and {{ name }} with the command parameters.
std::string substituteParameters(std::string content, const Value &parameters) {
  if (!parameters.isMap())
    return content;
  for (const auto &[name, value] : parameters.getMap())
    for (const std::string &placeholder :
         {"{{" + name + "}}", "{{ " + name + " }}"})
      for (std::size_t at = content.find(placeholder); at != std::string::npos;
           at = content.find(placeholder, at))
        content.replace(at, placeholder.size(), scalarText(value));
  return content;
}

constexpr std::string_view FailingCommandTag = "sim:command-exit-code";

/// The run as \p instance sees it: a failing-command tag overrides the
/// script's exit code.
ScriptRun onInstance(const Value &instance, ScriptRun run) {
  for (const Tag &tag : tagsOf(instance)) {
    if (tag.key != FailingCommandTag || !tag.value)
      continue;
    std::optional<std::int64_t> code = leadingNumber(*tag.value);
    if (!code || *code == 0)
      continue;
    run.exitCode = *code;
    run.output = "[simulated] failed on this instance (tag " +
                 std::string(FailingCommandTag) + "=" + *tag.value + ")\n";
  }
  return run;
}

/// \p content run for real on \p instanceId in the world's sandbox.
ScriptRun ranInSandbox(const ScriptSandbox &sandbox, const std::string &instanceId, const std::string &invokeId,
                       const std::string &content, const InvocationSpec &spec) {
  SandboxRun real = sandbox.runShell(instanceId, invokeId, content, spec.workingDir,
                                     std::chrono::seconds(std::max<std::int64_t>(spec.timeoutSeconds, 1)));
  ScriptRun run;
  run.exitCode = real.exitCode;
  run.output = std::move(real.output);
  run.duration = delay::CommandRun + real.sleptSeconds * 1000;
  if (real.timedOut) {
    // Past the real time limit: it ends as a timeout of the command.
    run.output += "[oosc] the script was stopped at the sandbox's real time limit\n";
    run.duration = std::max<Millis>(run.duration, (spec.timeoutSeconds + 1) * 1000);
  }
  return run;
}

/// One instance's part of an invocation at its end.
Value finishedOnInstance(const Value &instance, const ScriptRun &scriptRun,
                         std::int64_t timeoutSeconds, Millis start,
                         Value base) {
  ScriptRun run = onInstance(instance, scriptRun);
  if (!cloudAssistantOnline(instance)) {
    mergeInto(base,
              Value(Value::Map{{"InstanceInvokeStatus", "Failed"},
                               {"InvocationStatus", "Failed"},
                               {"ErrorCode", "ClientNotRunning"},
                               {"ErrorInfo",
                                "The Cloud Assistant agent is not running "
                                "on the instance."},
                               {"FinishTime", formatTime(start)}}));
    return base;
  }
  if (run.duration > timeoutSeconds * 1000) {
    mergeInto(base,
              Value(Value::Map{
                  {"InstanceInvokeStatus", "Failed"},
                  {"InvocationStatus", "Failed"},
                  {"ErrorCode", "ExecutionTimeout"},
                  {"ErrorInfo", "The command did not finish within " +
                                    std::to_string(timeoutSeconds) + " s."},
                  {"Output", base64Encode(run.output)},
                  {"FinishTime", formatTime(start + timeoutSeconds * 1000)}}));
    return base;
  }
  mergeInto(base,
            Value(Value::Map{
                {"InstanceInvokeStatus", "Finished"},
                {"InvocationStatus", run.exitCode == 0 ? "Success" : "Failed"},
                {"ExitCode", run.exitCode},
                {"ErrorCode", run.exitCode == 0 ? "" : "ExitCodeNonzero"},
                {"Output", base64Encode(run.output)},
                {"Repeats", 1},
                {"FinishTime", formatTime(start + run.duration)}}));
  return base;
}

/// Overall InvokeStatus (legacy) and InvocationStatus of finished parts.
std::pair<std::string, std::string> aggregate(const Value::List &parts) {
  std::size_t finished = 0, succeeded = 0;
  for (const Value &part : parts) {
    finished += textOf(part, "InstanceInvokeStatus") == "Finished";
    succeeded += textOf(part, "InvocationStatus") == "Success";
  }
  std::string invoke = finished == parts.size() ? "Finished"
                       : finished == 0          ? "Failed"
                                                : "PartialFinished";
  std::string invocation = succeeded == parts.size() ? "Success"
                           : succeeded == 0          ? "Failed"
                                                     : "PartialFailed";
  return {invoke, invocation};
}

} // namespace

std::string startInvocation(World &world, const InvocationSpec &spec) {
  std::string invokeId = world.nextId("t");
  Millis now = world.now();
  Millis start = now + delay::InvocationScheduling;
  std::string content =
      spec.enableParameter ? substituteParameters(spec.content, spec.parameters)
                           : spec.content;
  ScriptRun read = simulateScript(content);
  bool shell = spec.commandType == "RunShellScript";
  const ScriptSandbox *sandbox = shell ? world.sandbox() : nullptr;
  std::string whyRead = world.whyNoSandbox();
  if (sandbox && sandbox->unusable()) {
    whyRead = *sandbox->unusable();
    sandbox = nullptr;
  }
  if (shell && !sandbox)
    read.output = "[oosc] read, not run: " + whyRead + "\n" + read.output;
  Millis longest = 0;
  Value::List pending, running, finished;
  for (const std::string &id : spec.instanceIds) {
    Value part(Value::Map{{"InstanceId", id},
                          {"InstanceInvokeStatus", "Running"},
                          {"InvocationStatus", "Pending"},
                          {"Repeats", 0},
                          {"Dropped", 0},
                          {"ErrorCode", ""},
                          {"ErrorInfo", ""},
                          {"Timed", false},
                          {"CreationTime", formatTime(now)},
                          {"StartTime", ""},
                          {"FinishTime", ""}});
    pending.push_back(part);
    part.set("InvocationStatus", "Running");
    part.set("StartTime", formatTime(start));
    running.push_back(part);
    // Callers pass existing instances; a missing one just looks offline.
    const Value *instance = world.find(section::Instances, "InstanceId", id);
    Value gone = object();
    ScriptRun run = sandbox && instance && cloudAssistantOnline(*instance)
                        ? ranInSandbox(*sandbox, id, invokeId, content, spec)
                        : read;
    longest = std::max(longest, run.duration);
    finished.push_back(finishedOnInstance(instance ? *instance : gone, run,
                                          spec.timeoutSeconds, start,
                                          std::move(part)));
  }
  auto [invokeStatus, invocationStatus] = aggregate(finished);
  Millis runFor = std::min(longest, spec.timeoutSeconds * 1000);
  auto parts = [](Value::List items) {
    return Value(Value::Map{{"InvokeInstance", list(std::move(items))}});
  };
  Value invocation(Value::Map{
      {"InvokeId", invokeId},
      {"CommandId", spec.commandId},
      {"CommandName", spec.commandName},
      {"CommandType", spec.commandType},
      {"CommandContent", base64Encode(spec.content)},
      {"CommandDescription", spec.description},
      {"Parameters", spec.parameters.toJson()},
      {"InvokeStatus", "Running"},
      {"InvocationStatus", "Pending"},
      {"Timed", false},
      {"RepeatMode", "Once"},
      {"Frequency", ""},
      {"Timeout", spec.timeoutSeconds},
      {"WorkingDir", spec.workingDir},
      {"Username", spec.username},
      {"CreationTime", formatTime(now)},
      {"InvokeInstances", parts(std::move(pending))},
      {"Simulated", Value(Value::Map{{"RegionId", spec.regionId}})}});
  world.schedule(
      invocation, delay::InvocationScheduling,
      Value(Value::Map{{"InvocationStatus", "Running"},
                       {"InvokeInstances", parts(std::move(running))}}));
  world.schedule(
      invocation, delay::InvocationScheduling + runFor,
      Value(Value::Map{{"InvokeStatus", invokeStatus},
                       {"InvocationStatus", invocationStatus},
                       {"InvokeInstances", parts(std::move(finished))}}));
  world.records(section::Invocations).push_back(std::move(invocation));
  return invokeId;
}

} // namespace oosc::runtime::sim::ecs

namespace oosc::runtime::sim {

namespace {
constexpr std::string_view Base64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size())
      chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size())
      chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out += Base64Alphabet[(chunk >> 18) & 63];
    out += Base64Alphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? Base64Alphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? Base64Alphabet[chunk & 63] : '=';
  }
  return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
  std::string out;
  std::uint32_t bits = 0;
  int bitCount = 0;
  for (char c : text) {
    if (c == '=' || c == '\n' || c == '\r')
      continue;
    std::size_t index = Base64Alphabet.find(c);
    if (index == std::string_view::npos)
      return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(index);
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out += static_cast<char>((bits >> bitCount) & 0xFF);
    }
  }
  return out;
}

} // namespace oosc::runtime::sim
