//===- ApisCommand.cpp - `RUNNER apis`: the API entries a runner carries ----===//
#include "runner/ApisCommand.h"

namespace oosc::runtime {

int apisCommand(const RunnerImage &image, std::ostream &out) {
  apis::ApiTable table(image.apiProducts, image.apiProducts ? image.apiProductCount : 0);
  size_t listed = 0;
  for (size_t i = 0; i < table.productCount(); ++i) {
    const apis::ProductRecord &product = table.product(i);
    for (std::string_view name : table.apiNames(product)) {
      const apis::ApiSpec *api = table.findApi(product, name);
      if (!api)
        continue;
      std::string required;
      for (const apis::ParamSpec &param : api->parameters)
        if (param.required)
          required += (required.empty() ? "" : ", ") + std::string(param.name);
      out << product.code << " " << product.version << " " << api->name << ": " << api->parameters.size()
          << " parameters" << (required.empty() ? "" : " (required: " + required + ")")
          << (table.answerShape(product, name) ? ", answer shape known" : "") << "\n";
      ++listed;
    }
  }
  if (listed == 0)
    out << "no API entries: the templates call no API with a literal Service and API that the table knows\n";
  return 0;
}

} // namespace oosc::runtime
