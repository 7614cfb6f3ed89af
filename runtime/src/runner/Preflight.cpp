#include "runner/Preflight.h"

#include <cctype>

namespace oosc::runtime {

namespace {

/// `ecs:RunInstances`: the RAM action an API needs, named by its product
/// code in lower case.
std::string ramAction(std::string_view productCode, std::string_view api) {
  std::string action;
  for (char c : productCode)
    action += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return action + ":" + std::string(api);
}


} // namespace

bool isPermissionError(const ApiError &error) {
  return error.httpStatus == 403 || error.code.rfind("Forbidden", 0) == 0 ||
         error.code.find("NoPermission") != std::string::npos || error.code == "NotAuthorized";
}

int preflight(const RunnerImage &image, CloudBackend &cloud, const std::string &region, std::ostream &out) {
  apis::ApiTable table(image.apiProducts, image.apiProducts ? image.apiProductCount : 0);
  out << "preflight on " << cloud.describe() << "\n";
  int allowed = 0, refused = 0, undecided = 0, unchecked = 0;
  for (std::size_t i = 0; i < table.productCount(); ++i) {
    const apis::ProductRecord &product = table.product(i);
    for (std::string_view name : table.apiNames(product)) {
      const apis::ApiSpec *api = table.findApi(product, name);
      if (!api)
        continue;
      std::string call = std::string(product.code) + "." + std::string(api->name);
      if (!api->findParameter("DryRun")) {
        ++unchecked;
        out << "  not checked  " << call << " (it takes no DryRun parameter)\n";
        continue;
      }
      Value parameters(Value::Map{{"DryRun", Value("true")}, {"RegionId", Value(region)}});
      auto answer = cloud.call(product.code, api->name, parameters);
      if (!answer && answer.error().code == "DryRunOperation") {
        ++allowed;
        out << "  allowed      " << call << "\n";
      } else if (!answer && isPermissionError(answer.error())) {
        ++refused;
        out << "  refused      " << call << ": needs RAM action " << ramAction(product.code, api->name) << " ("
            << answer.error().code << ")\n";
      } else {
        // The cloud judged something else first (a parameter the preflight
        // cannot know before the run): the permission stays unknown.
        ++undecided;
        out << "  undecided    " << call << ": "
            << (answer ? std::string("answered without DryRunOperation")
                       : answer.error().code + ": " + answer.error().message)
            << "\n";
      }
    }
  }
  if (allowed + refused + undecided + unchecked == 0)
    out << "  no API to check: the templates call no API with a literal Service and API that the table knows\n";
  out << allowed << " allowed, " << refused << " refused, " << undecided << " undecided, " << unchecked
      << " not checked\n";
  return refused > 0 ? 1 : 0;
}

} // namespace oosc::runtime
