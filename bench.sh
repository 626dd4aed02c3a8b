#!/usr/bin/env bash
# Load, chaos and benchmark harness: builds the app and the bench (Release), then runs it; ./bench.sh --help lists the options.
# It starts its own Azurite on free ports and its own app instances, and stops them when it ends or on Ctrl+C.
# Results (JSON, SVG chart, markdown summary) go to bench-results/.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build tests/Checkout.Bench --configuration Release --nologo --verbosity quiet
exec dotnet tests/Checkout.Bench/bin/Release/net10.0/Checkout.Bench.dll "$@"
