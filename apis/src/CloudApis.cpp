//===- CloudApis.cpp - The generated table, as ProductRecords ---------------===//
#include "oosc/apis/CloudApis.h"

namespace oosc::apis {
namespace {

#define OOSC_PRODUCT(code, version, location, style, global, regional, vpc, apiLines, answerLines) \
  ProductRecord{code, version, location, ApiStyle::style, global, regional, vpc, apiLines, answerLines},

const ProductRecord kProducts[] = {
#include "ApiTables.inc"
};

#undef OOSC_PRODUCT

} // namespace

const ApiTable &cloudApis() {
  static const ApiTable table(kProducts, sizeof(kProducts) / sizeof(kProducts[0]));
  return table;
}

} // namespace oosc::apis
