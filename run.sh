#!/usr/bin/env bash
# Runs the product locally: Azurite (installed from npm if missing, disk persistence in .azurite/, or an Azurite that
# is already listening) and the function app on http://localhost:7071: under Azure Functions Core Tools (`func start`)
# when `func` is on the PATH, otherwise under the local host (tools/Checkout.LocalHost), which runs the same functions
# in one process. Extra arguments go to the host (e.g. --urls). Ctrl+C stops the app first (it finishes in-flight
# messages), then the Azurite this script started.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite from npm..."
  npm ci --no-audit --no-fund --loglevel=error
fi

azurite_pid=""
app_pid=""
stop() {
  if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$azurite_pid" ]; then kill -TERM "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; fi
}
trap stop EXIT
trap 'exit 130' INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -z "${AzureWebJobsStorage:-}" ] || [ "${AzureWebJobsStorage}" = "UseDevelopmentStorage=true" ]; then
  if listening 10001 && listening 10002; then
    echo "Reusing the Azurite already listening on 127.0.0.1:10001-10002 (it needs --skipApiVersionCheck for the Azure SDK)."
  else
    mkdir -p .azurite
    # Its own session, so the terminal's Ctrl+C reaches only this script, which stops the app before Azurite.
    # --skipApiVersionCheck: the Azure SDK's queue client speaks a newer service version than Azurite 3.37 accepts.
    setsid node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location .azurite \
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

urls=(--urls http://localhost:7071)
for arg in "$@"; do [ "$arg" = "--urls" ] && urls=(); done
if command -v func >/dev/null 2>&1; then
  app_dir=functions/Checkout.Functions
  [ -f "$app_dir/local.settings.json" ] || cp "$app_dir/local.settings.example.json" "$app_dir/local.settings.json"
  dotnet build "$app_dir" --configuration Release --nologo --verbosity quiet
  port=7071
  set -- "${urls[@]}" "$@"
  while [ $# -gt 0 ]; do
    if [ "$1" = "--urls" ] && [ $# -gt 1 ]; then port="${2##*:}"; port="${port%%/*}"; shift; fi
    shift
  done
  (cd "$app_dir/bin/Release/net10.0" && exec func start --port "$port") &
else
  dotnet build tools/Checkout.LocalHost --configuration Release --nologo --verbosity quiet
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  # Its settings are found next to its assembly, whatever the working directory.
  dotnet tools/Checkout.LocalHost/bin/Release/net10.0/Checkout.LocalHost.dll "${urls[@]}" "$@" &
fi
app_pid=$!
wait "$app_pid"
