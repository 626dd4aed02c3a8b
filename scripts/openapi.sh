#!/usr/bin/env bash
# Regenerates openapi/checkout.openapi.json from the code (the HTTP functions' attributes and the Api/Contracts records)
# and lints it. Run it after adding or changing a function; OpenApiDocumentTests fails until the checked-in copy matches.
# Needs no storage: the local host's "openapi" verb maps the functions without starting anything. The app serves the
# checked-in copy, so rebuild it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build tools/Checkout.LocalHost --configuration Release --nologo --verbosity quiet
out="$PWD/openapi/checkout.openapi.json"
dotnet tools/Checkout.LocalHost/bin/Release/net10.0/Checkout.LocalHost.dll openapi "$out"
if [ -x node_modules/.bin/redocly ]; then
  node_modules/.bin/redocly lint openapi/checkout.openapi.json
else
  echo "node_modules/.bin/redocly not found (npm ci installs it); skipped the lint." >&2
fi
