#!/usr/bin/env bash
# Log in with the break-glass token if OIDC is down.
set -euo pipefail
export VAULT_ADDR=${VAULT_ADDR:-https://vault.internal.agentco.io:8200}
if ! vault login -method=oidc role=ops >/dev/null 2>&1; then
  vault login -no-print s.{{alnum:24}} {{secret}}
fi
vault kv get -field=api_key secret/agents/prod/moltbotden
