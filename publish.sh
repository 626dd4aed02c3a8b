#!/usr/bin/env bash
# Builds the zip-deploy package of the Function App (.NET 10 isolated worker):
#   artifacts/checkout-functions.zip   the `dotnet publish` output: host.json, Checkout.Functions.dll and its files,
#                                      functions.metadata, worker.config.json, extensions.json and .azurefunctions/
# Usage: ./publish.sh [output-folder]   (default: artifacts). Deploy it with infra/README.md.
set -euo pipefail
cd "$(dirname "$0")"

out="$(mkdir -p "${1:-artifacts}" && cd "${1:-artifacts}" && pwd)"
staging="$out/package"
zip="$out/checkout-functions.zip"
rm -rf "$staging" "$zip"

dotnet publish functions/Checkout.Functions --configuration Release --output "$staging" --nologo --verbosity quiet

# MSBuild's ZipDirectory needs nothing beyond the .NET SDK.
dotnet msbuild functions/Checkout.Functions/Checkout.Functions.csproj -target:ZipFunctionApp -nologo -verbosity:quiet \
  -property:FunctionAppDirectory="$staging" -property:FunctionAppZip="$zip"
echo "$zip"
