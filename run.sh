#!/usr/bin/env bash
# Runs the product locally: Azurite (installed from npm if missing, disk persistence in .azurite/, or an Azurite that
# is already listening) and the function app on http://localhost:7071. Extra arguments go to the app (e.g. --urls).
# Ctrl+C stops what this script started.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite from npm..."
  npm ci --no-audit --no-fund --loglevel=error
fi

azurite_pid=""
cleanup() {
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -z "${AzureWebJobsStorage:-}" ] || [ "${AzureWebJobsStorage}" = "UseDevelopmentStorage=true" ]; then
  if listening 10001 && listening 10002; then
    echo "Reusing the Azurite already listening on 127.0.0.1:10001-10002."
  else
    mkdir -p .azurite
    node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location .azurite \
      >.azurite/azurite.log 2>&1 &
    azurite_pid=$!
    for _ in $(seq 1 200); do
      if listening 10001 && listening 10002; then break; fi
      sleep 0.1
    done
    listening 10001 || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
    echo "Azurite started (pid $azurite_pid), data in .azurite/."
  fi
fi

urls_given=false
for arg in "$@"; do [ "$arg" = "--urls" ] && urls_given=true; done
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
if $urls_given; then
  dotnet run --project functions/Checkout.Functions --configuration Release -- "$@"
else
  dotnet run --project functions/Checkout.Functions --configuration Release -- --urls http://localhost:7071 "$@"
fi
