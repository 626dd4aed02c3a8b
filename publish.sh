#!/usr/bin/env bash
# Builds the zip-deploy package of the Function App (custom handler, Linux):
#   artifacts/checkout-functions.zip
#   ├── host.json                 the root host.json (customHandler -> app/Checkout.Functions)
#   ├── app/Checkout.Functions    self-contained linux-x64 executable and its files
#   └── <FunctionName>/function.json, one folder per declared function, generated from the app's declarations
# Usage: ./publish.sh [output-folder]   (default: artifacts). Queue names in function.json follow the
# Checkout__ResourcePrefix in the environment, as the app itself does (default: none).
set -euo pipefail
cd "$(dirname "$0")"

out="$(mkdir -p "${1:-artifacts}" && cd "${1:-artifacts}" && pwd)"
staging="$out/package"
zip="$out/checkout-functions.zip"
rm -rf "$staging" "$zip"

dotnet publish functions/Checkout.Functions --configuration Release --runtime linux-x64 --self-contained \
  --output "$staging/app" --nologo --verbosity quiet

# The generator is the app itself: it writes what the app declares. On other platforms, run the portable build.
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  "$staging/app/Checkout.Functions" --write-function-json "$staging" >/dev/null
else
  dotnet run --project functions/Checkout.Functions --configuration Release -- --write-function-json "$staging" >/dev/null
fi
cp host.json "$staging/host.json"

# MSBuild's ZipDirectory keeps the executable's Unix permissions, and needs nothing beyond the .NET SDK.
dotnet msbuild functions/Checkout.Functions/Checkout.Functions.csproj -target:ZipFunctionApp -nologo -verbosity:quiet \
  -property:FunctionAppDirectory="$staging" -property:FunctionAppZip="$zip"
echo "$zip"
