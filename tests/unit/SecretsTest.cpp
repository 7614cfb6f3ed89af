//===- SecretsTest.cpp - Secret values masked wherever they show up --------===//
#include "executor/Secrets.h"

#include <gtest/gtest.h>

namespace oosc::runtime {
namespace {

TemplateDef twoSecrets() {
  TemplateDef def;
  def.parameters.resize(3);
  def.parameters[0].name = "password";
  def.parameters[0].secret = true;
  def.parameters[1].name = "zone";
  def.parameters[2].name = "keys";
  def.parameters[2].secret = true;
  return def;
}

TEST(SecretsTest, ValuesOfSecretParametersAreMaskedInTextAndInsideValues) {
  SecretValues secrets;
  secrets.add(twoSecrets(), {Value("Hunter2-Pass"), Value("cn-hangzhou-h"),
                             Value(Value::List{Value("key-alpha"), Value("key-alpha-long")})});
  EXPECT_EQ(secrets.maskText("login with Hunter2-Pass in cn-hangzhou-h"),
            "login with ****** in cn-hangzhou-h"); // an ordinary parameter stays
  // The longer secret is masked whole, not as the shorter one plus a tail.
  EXPECT_EQ(secrets.maskText("key-alpha-long, key-alpha"), "******, ******");
  Value outputs(Value::Map{{"log", Value("echo Hunter2-Pass")},
                           {"list", Value(Value::List{Value("key-alpha"), Value(3)})}});
  EXPECT_EQ(secrets.mask(outputs).toJson(), R"({"log":"echo ******","list":["******",3]})");
}

TEST(SecretsTest, ShortValuesAreLeftSoOrdinaryTextStaysReadable) {
  SecretValues secrets;
  secrets.add(twoSecrets(), {Value("abc"), Value("x"), Value(Value::List{})});
  EXPECT_TRUE(secrets.empty());
  EXPECT_EQ(secrets.maskText("abc abc"), "abc abc");
}

} // namespace
} // namespace oosc::runtime
