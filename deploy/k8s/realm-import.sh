#!/usr/bin/env bash
# Writes the realm export deploy/keycloak/tierslieux-realm.json into the Keycloak operator's
# KeycloakRealmImport (base/keycloak-realm-import.yaml), so that the cluster imports the same realm that CI
# runs against. JSON is YAML: the export is embedded as it is. Run it after changing the realm export.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
realm="${1:-$here/../keycloak/tierslieux-realm.json}"
out="$here/base/keycloak-realm-import.yaml"
[[ -f "$realm" ]] || { echo "realm export not found: $realm" >&2; exit 1; }
{
    sed -n '1,/^apiVersion:/p' "$out" | sed '$d'
    cat <<'YAML'
apiVersion: k8s.keycloak.org/v2alpha1
kind: KeycloakRealmImport
metadata:
  name: tierslieux-realm
spec:
  keycloakCRName: tierslieux-keycloak
  realm:
YAML
    sed 's/^/    /' "$realm"
} > "$out.new"
mv "$out.new" "$out"
echo "wrote $out from $realm"
