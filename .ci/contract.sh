#!/usr/bin/env bash
# The API contract (../shared/contract/api.graphql) against the emitted schema: every difference
# check-contract.mjs lists must be in schema/contract-pending.txt (the parts open issues own), and
# every line there must still be a difference. Prints what is pending.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=../shared/tools/check-contract.mjs
[ -f "$tool" ] || { echo "contract: $tool not found, not checked"; exit 0; }
found=$(node "$tool" schema/schema.graphql | grep -v '^contract:' | sort || true)
pending=$(grep -v '^#' schema/contract-pending.txt | sed '/^$/d' | sort)
new=$(comm -23 <(printf '%s\n' "$found" | sed '/^$/d') <(printf '%s\n' "$pending"))
held=$(comm -13 <(printf '%s\n' "$found" | sed '/^$/d') <(printf '%s\n' "$pending"))
status=0
if [ -n "$new" ]; then printf 'contract: the schema breaks the contract where it did not before:\n%s\n' "$new"; status=1; fi
if [ -n "$held" ]; then printf 'contract: the schema now holds these: remove them from schema/contract-pending.txt:\n%s\n' "$held"; status=1; fi
echo "contract: $(printf '%s\n' "$pending" | sed '/^$/d' | wc -l) difference(s) pending (schema/contract-pending.txt)$([ $status = 0 ] && echo ", no other")"
exit $status
