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

# One test assembly at a time (-m:1): the crash, chaos and load tests each run real app processes against their own
# Azurite, and on two cores running them side by side only makes each slower and noisier.
log="$(mktemp -t checkout-tests.XXXXXX)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test Checkout.sln --no-build --configuration Release -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  # The console log runs to thousands of lines; repeat each failure, with its message, where a reader of the tail sees it.
  echo
  echo "==== Failed tests ===="
  awk '/^  Failed /{show=1; lines=0} show{print; if (++lines >= 40 || /^  Stack Trace:/) show=0}' "$log"
fi
exit "$status"
