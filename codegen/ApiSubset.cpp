//===- ApiSubset.cpp - The entries of the API table a runner carries --------===//
#include "codegen/ApiSubset.h"

#include "analysis/CloudCalls.h"
#include "codegen/Literals.h"
#include "oosc/apis/CloudApis.h"

#include <map>
#include <set>

namespace oosc::codegen {
namespace {

struct CalledProduct {
  std::set<std::string_view> apiLines;
  std::set<std::string_view> answerLines;
};

std::string joinLines(const std::set<std::string_view> &lines) {
  std::string text;
  for (std::string_view line : lines)
    text.append(line).append("\n");
  return text;
}

} // namespace

std::string emitApiSubset(const std::vector<const ir::Template *> &templates) {
  const apis::ApiTable &table = apis::cloudApis();
  std::map<const apis::ProductRecord *, CalledProduct> called;
  for (const ir::Template *tmpl : templates)
    for (const analysis::CloudCall &call : analysis::collectCloudCalls(*tmpl)) {
      if (!call.spec)
        continue;
      auto [apiLine, answerLine] = table.linesOf(*call.product, call.spec->name);
      CalledProduct &product = called[call.product];
      product.apiLines.insert(apiLine);
      if (!answerLine.empty())
        product.answerLines.insert(answerLine);
    }
  std::string code = "// The API table's entries for the APIs this runner's templates call.\n"
                     "static const ::oosc::apis::ProductRecord kApiProducts[] = {\n";
  for (const auto &[product, lines] : called)
    code += "  {" + cppStringLiteral(product->code) + ", " + cppStringLiteral(product->version) + ", " +
            cppStringLiteral(product->locationServiceCode) + ", ::oosc::apis::ApiStyle::" +
            (product->style == apis::ApiStyle::Restful ? "Restful" : "Rpc") + ", " +
            cppStringLiteral(product->globalEndpoint) + ", " + cppStringLiteral(product->regionalEndpoints) + ", " +
            cppStringLiteral(product->vpcEndpoints) + ", " + cppStringLiteral(joinLines(lines.apiLines)) + ", " +
            cppStringLiteral(joinLines(lines.answerLines)) + "},\n";
  if (called.empty())
    code += "  {},\n";
  code += "};\nstatic const std::size_t kApiProductCount = " + std::to_string(called.size()) + ";\n";
  return code;
}

} // namespace oosc::codegen
