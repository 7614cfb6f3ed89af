// EcsSavingsPlans.cpp - ECS savings plans: DescribeSavingsPlanEstimation
// (the hourly commitment that would cover an instance),
// DescribeSavingsPlanPrice (what a commitment costs over its period) and
// CreateSavingsPlan (buys one: an order BssOpenApi's GetOrderDetail finds
// paid).
//
// Prices are invented, as the rest of the simulated world is: an instance
// costs 0.1 CNY per vCPU and 0.015 CNY per GiB of memory an hour on demand;
// a plan of a year or less commits 70% of that, a longer one 50%.
#include "World.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace oosc::runtime::sim::ecs {
namespace {

constexpr std::string_view kOrderKind = "BssOpenApi::Order";

/// \p amount to three decimals, as the answers carry money.
double rounded(double amount) { return std::round(amount * 1000) / 1000; }

/// \p amount to three decimals as text, without trailing zeros: "0.224".
std::string moneyText(double amount) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", rounded(amount));
  std::string money(text);
  while (money.back() == '0')
    money.pop_back();
  if (money.back() == '.')
    money.pop_back();
  return money;
}

double onDemandHourly(const Value &instance) {
  double cpus = static_cast<double>(integerOf(instance, "Cpu", 1));
  double memoryGiB = static_cast<double>(integerOf(instance, "Memory", 1024)) / 1024;
  return 0.1 * cpus + 0.015 * memoryGiB;
}

/// ecs.g7.large -> ecs.g7.
std::string familyOf(std::string_view instanceType) {
  size_t lastDot = instanceType.rfind('.');
  return std::string(lastDot == std::string_view::npos || lastDot == 0 ? instanceType
                                                                       : instanceType.substr(0, lastDot));
}

/// The commitment's term as asked (PeriodUnit, Period), in hours.
struct Term {
  std::string unit;
  std::int64_t period = 1;
  double hours() const { return static_cast<double>(period) * (unit == "Month" ? 730 : 8760); }
};

Outcome<Term, ApiError> termOf(const Request &request) {
  Term term{request.textOr("PeriodUnit", "Year"), 1};
  if (term.unit != "Year" && term.unit != "Month")
    return invalidParameter("PeriodUnit", "it is Year or Month");
  auto period = request.integer("Period", 1, 1, 60);
  if (!period)
    return period.error();
  term.period = period.value();
  return term;
}

Outcome<double, ApiError> committedAmountOf(const Request &request) {
  auto text = request.required("CommittedAmount");
  if (!text)
    return text.error();
  char *end = nullptr;
  double amount = std::strtod(text.value().c_str(), &end);
  if (*end != '\0' || !(amount > 0))
    return invalidParameter("CommittedAmount", "it is an amount of money an hour, more than 0");
  return amount;
}

/// The instances \p ids name in the request's region, or NotFound for the
/// first that is not there.
Outcome<std::vector<const Value *>, ApiError> instancesNamed(World &world, const Request &request,
                                                             const std::vector<std::string> &ids) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  std::vector<const Value *> found;
  for (const std::string &id : ids) {
    const Value *instance = world.find(section::Instances, "InstanceId", id);
    if (!instance || textOf(*instance, "RegionId") != regionId.value())
      return notFound("InvalidInstanceId.NotFound", "The specified InstanceId \"" + id + "\" does not exist.");
    found.push_back(instance);
  }
  return found;
}

/// What a price or a purchase commits to: an amount an hour over a term,
/// for instances of the region that exist.
struct Commitment {
  double hourly = 0;
  Term term;
};

Outcome<Commitment, ApiError> commitmentOf(World &world, const Request &request) {
  auto amount = committedAmountOf(request);
  if (!amount)
    return amount.error();
  auto term = termOf(request);
  if (!term)
    return term.error();
  auto ids = request.list({"ResourceId"});
  if (!ids)
    return ids.error();
  if (auto instances = instancesNamed(world, request, ids.value()); !instances)
    return instances.error();
  return Commitment{amount.value(), term.value()};
}

} // namespace

Result describeSavingsPlanEstimation(World &world, const Request &request) {
  auto resourceId = request.required("ResourceId");
  if (!resourceId)
    return resourceId.error();
  auto term = termOf(request);
  if (!term)
    return term.error();
  auto instances = instancesNamed(world, request, {resourceId.value()});
  if (!instances)
    return instances.error();
  const Value &instance = *instances.value().front();
  double share = term.value().hours() > 8760 ? 0.5 : 0.7;
  Value answer = object();
  answer.set("ResourceId", resourceId.value());
  answer.set("InstanceTypeFamily", familyOf(textOf(instance, "InstanceType")));
  answer.set("InstanceTypeFamilyGroup", "");
  answer.set("PlanType", request.textOr("PlanType", "ecs"));
  answer.set("OfferingType", request.textOr("OfferingType", "All"));
  answer.set("PeriodUnit", term.value().unit);
  answer.set("Period", term.value().period);
  answer.set("Currency", "CNY");
  // A string, as Alibaba's SDK models type it (apis/supplement/README.md).
  answer.set("CommittedAmount", moneyText(onDemandHourly(instance) * share));
  return answer;
}

Result describeSavingsPlanPrice(World &world, const Request &request) {
  auto plan = commitmentOf(world, request);
  if (!plan)
    return plan.error();
  double price = rounded(plan.value().hourly * plan.value().term.hours());
  Value answer = object();
  answer.set("PriceInfo", Value(Value::Map{{"Price", Value(Value::Map{{"Currency", "CNY"},
                                                                      {"OriginalPrice", price},
                                                                      {"DiscountPrice", 0.0},
                                                                      {"TradePrice", price}})},
                                           {"Rules", list()}}));
  return answer;
}

Result createSavingsPlan(World &world, const Request &request) {
  if (auto plan = commitmentOf(world, request); !plan)
    return plan.error();
  std::string planId = world.nextId("spn");
  // Orders are numbers of fifteen digits; the seeded one is the first.
  std::string counter = world.nextId("order", 2);
  std::string orderId = "210" + counter.substr(counter.size() - 12);
  // A plan bought through the API is paid from the account's balance.
  addResource(world, kOrderKind, orderId,
              Value(Value::Map{{"OrderId", orderId},
                               {"OrderType", "New"},
                               {"PaymentStatus", "Paid"},
                               {"ProductCode", "savingplan"},
                               {"SubscriptionType", "Subscription"},
                               {"InstanceIDs", planId},
                               {"CreateTime", formatTime(world.now())},
                               {"PaymentTime", formatTime(world.now())},
                               {"Currency", "CNY"},
                               {"Quantity", "1"}}));
  Value answer = object();
  answer.set("SavingsPlanId", planId);
  answer.set("OrderId", orderId);
  return answer;
}

} // namespace oosc::runtime::sim::ecs
