#!/usr/bin/env bash
# Restores, builds and runs every test. Needs only the .NET SDK, Node and npm; Azurite comes from npm and each test
# assembly starts its own on free ports.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet restore Checkout.sln
dotnet build Checkout.sln --no-restore --configuration Release
dotnet test Checkout.sln --no-build --configuration Release --logger "console;verbosity=normal" "$@"
