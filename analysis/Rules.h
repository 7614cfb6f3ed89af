//===- Rules.h - The checks, one per file under rules/ ---------------------===//
#pragma once

#include "analysis/AnalysisContext.h"

namespace oosc::analysis {

/// Keys, required keys and shapes (rule `schema`).
void checkSchema(AnalysisContext &context);
/// Missing required keys (rule `schema`); needs the whole document.
void checkRequiredKeys(AnalysisContext &context);
/// Fn:: calls: known names, argument shapes (rule `expression-syntax`).
void checkFunctionCalls(AnalysisContext &context);
/// {{ }} references resolve (rules `undefined-reference`, `reference-case`).
void checkReferences(AnalysisContext &context);
/// OnError, OnSuccess, NextTask, DefaultTask (`undefined-jump-target`).
void checkJumpTargets(AnalysisContext &context);
/// Tasks no path reaches (`unreachable-task`).
void checkReachability(AnalysisContext &context);
/// Defaults and constraints (`parameter-constraint`).
void checkParameterConstraints(AnalysisContext &context);
/// Names that clash, exactly or but for case (`duplicate-name`).
void checkDuplicateNames(AnalysisContext &context);

/// Triggers first and once (`trigger`).
void checkTriggers(AnalysisContext &context);
/// A literal ACS::TimerTrigger schedule reads as the runner reads it (`timer-schedule`).
void checkTimerSchedule(AnalysisContext &context);
/// Tasks that cannot reach the end (`cycle-without-exit`).
void checkCycles(AnalysisContext &context);
/// Loops that cannot run as written (`loop`).
void checkLoops(AnalysisContext &context);
/// Task outputs read where the task may not have succeeded (`output-before-task`).
void checkOutputBeforeTask(AnalysisContext &context);
/// Credentials in parameter defaults (`secret-default`).
void checkSecretDefaults(AnalysisContext &context);

/// Actions OOS has (`unknown-action`).
void checkUnknownActions(AnalysisContext &context);
/// Properties against the callee (`action-properties`).
void checkActionProperties(AnalysisContext &context);
/// Outputs selected from the callee (`action-outputs`).
void checkActionOutputs(AnalysisContext &context);
/// jq scripts compile (`jq-syntax`).
void checkJqSyntax(AnalysisContext &context);
/// Services of API calls (`unknown-service`).
void checkUnknownServices(AnalysisContext &context);
/// APIs of API calls (`unknown-api`).
void checkUnknownApis(AnalysisContext &context);
/// Parameters of API calls (`api-parameters`).
void checkApiParameters(AnalysisContext &context);
/// Selectors over API answers (`answer-selector`).
void checkAnswerSelectors(AnalysisContext &context);
/// Values against their use (`type-mismatch`).
void checkTypeMismatch(AnalysisContext &context);
/// Parameters nothing reads (`unused-parameter`).
void checkUnusedParameters(AnalysisContext &context);
/// Task outputs nothing reads (`unused-output`).
void checkUnusedOutputs(AnalysisContext &context);
/// Parameters unquoted in shell commands (`unquoted-shell-parameter`).
void checkShellQuoting(AnalysisContext &context);

} // namespace oosc::analysis
