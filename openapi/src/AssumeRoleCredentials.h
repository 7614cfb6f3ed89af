// AssumeRoleCredentials.h - Temporary credentials of a RAM role, from STS
// AssumeRole signed with other credentials, refreshed before they expire.
#ifndef OOSC_OPENAPI_ASSUMEROLECREDENTIALS_H
#define OOSC_OPENAPI_ASSUMEROLECREDENTIALS_H

#include "oosc/openapi/Credentials.h"
#include "oosc/openapi/Transport.h"

namespace oosc::openapi {

struct AssumeRoleSettings {
  std::shared_ptr<CredentialsProvider> source;
  std::string roleArn;
  std::string sessionName;
  long durationSeconds = 3600;
  std::string stsEndpoint; ///< "" = https://sts.aliyuncs.com
  std::string origin;      ///< for describe(): "~/.aliyun/config.json profile 'x'"
  std::shared_ptr<Transport> transport;
  std::function<std::time_t()> now;
};

std::shared_ptr<CredentialsProvider> assumeRoleCredentials(AssumeRoleSettings settings);

} // namespace oosc::openapi

#endif
