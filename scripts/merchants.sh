#!/usr/bin/env bash
# Creates a merchant and prints its API key once:
#   scripts/merchants.sh create --name "Shenzhen Gadgets Ltd" --settlement-currency CNY
# Writes to the storage account in AzureWebJobsStorage (default: the local Azurite that ./run.sh uses, which must be
# running). Checkout__ResourcePrefix selects the same tables as the app, if the app uses one.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build functions/Checkout.Functions --configuration Release --nologo --verbosity quiet -clp:NoSummary >&2
cd functions/Checkout.Functions/bin/Release/net10.0
# The app has no storage default outside Development; this script's is the Azurite of ./run.sh.
if [ -z "${AzureWebJobsStorage:-}" ] && [ -z "${AzureWebJobsStorage__accountName:-}" ]; then
  export AzureWebJobsStorage="UseDevelopmentStorage=true"
fi
# Against that Azurite, the Development settings of ./run.sh's app, whose at-rest key (Secrets:*) encrypts the payout
# account; against a real account, give the deployment's Secrets__EncryptionKeys and Secrets__ActiveKeyId.
if [ "${AzureWebJobsStorage:-}" = "UseDevelopmentStorage=true" ]; then
  export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
fi
exec dotnet Checkout.Functions.dll merchants "$@"
