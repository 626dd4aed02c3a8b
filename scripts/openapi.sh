#!/usr/bin/env bash
# Regenerates openapi/checkout.openapi.json from the code (the endpoints' metadata and the Api/Contracts records) and
# lints it. Run it after adding or changing an endpoint; OpenApiDocumentTests fails until the checked-in copy matches.
# Needs no storage: the app's "openapi" verb builds the endpoints without starting anything.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build functions/Checkout.Functions --configuration Release --nologo --verbosity quiet
out="$PWD/openapi/checkout.openapi.json"
(cd functions/Checkout.Functions/bin/Release/net10.0 && dotnet Checkout.Functions.dll openapi "$out")
if [ -x node_modules/.bin/redocly ]; then
  node_modules/.bin/redocly lint openapi/checkout.openapi.json
else
  echo "node_modules/.bin/redocly not found (npm ci installs it); skipped the lint." >&2
fi
