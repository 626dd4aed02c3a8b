#!/usr/bin/env bash
# Restores, builds and runs every test. Needs only the .NET SDK, Node and npm; Azurite comes from npm and each test
# assembly starts its own on free ports; Chromium, for the console's browser tests, from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# The operations console's browser tests drive Debian's chromium through Playwright (whose own browser download cannot
# work here); CHROMIUM_PATH points at another build.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the console's browser tests..."
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq --no-install-recommends chromium >/dev/null
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
