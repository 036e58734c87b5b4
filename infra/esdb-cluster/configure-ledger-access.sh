#!/usr/bin/env bash
# One-off access set-up of a secure EventStoreDB cluster for the ledger, through its HTTP API:
#   1. creates the ledger application user (group ledger-app: read and write, no delete, no
#      metadata write);
#   2. writes the default ACL to the $settings stream (acl/default-acl.json): on user streams,
#      ledger-app reads and writes, ledger-readers reads, and only $admins delete or write
#      stream metadata, so nobody else can set $maxAge, $maxCount or $tb on a ledger stream;
#   3. lets ledger-app and ledger-readers read $all (acl/all-stream-acl.json, the metadata of
#      $all), which the ledger's subscriptions, exports and health probe read;
#   4. prints what the server now holds, and checks as the application user that a delete and
#      a metadata write are refused.
#
# Steps 2 and 3 write to streams over HTTP, which needs AtomPub on the node: start the cluster
# with ESDB_ENABLE_ATOM_PUB=true for this script, then start it again without (see README).
# Running it again is safe: an existing user is left as it is and the ACLs are written again.
#
# Not run on the machines this project is built on (no Docker engine, no EventStoreDB server):
# the requests follow the EventStoreDB 24.10 documentation; see ../README.md.
#
# Environment:
#   ESDB_ADMIN_PASSWORD   password of the admin user (required)
#   LEDGER_APP_PASSWORD   password for the new application user (required)
#   LEDGER_APP_USER       its login name (default ledger-api)
#   ESDB_HTTP_URL         one node's HTTPS address (default https://localhost:2111)
#   ESDB_CA_FILE          the cluster's CA certificate (default ./ca.crt)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${ESDB_HTTP_URL:-https://localhost:2111}"
ca_file="${ESDB_CA_FILE:-./ca.crt}"
app_user="${LEDGER_APP_USER:-ledger-api}"

die() { printf 'configure-ledger-access: %s\n' "$*" >&2; exit 1; }

[[ -n "${ESDB_ADMIN_PASSWORD:-}" ]] || die "set ESDB_ADMIN_PASSWORD"
[[ -n "${LEDGER_APP_PASSWORD:-}" ]] || die "set LEDGER_APP_PASSWORD"
[[ -r "$ca_file" ]] || die "no CA certificate at $ca_file (copy it out with: docker compose cp node1:/certs/ca/ca.crt ./ca.crt)"
[[ "$app_user" =~ ^[A-Za-z0-9._-]+$ ]] || die "LEDGER_APP_USER may hold letters, digits, '.', '_' and '-' only"
for secret in "$ESDB_ADMIN_PASSWORD" "$LEDGER_APP_PASSWORD"; do
  [[ ! "$secret" =~ [[:cntrl:]] ]] || die "passwords may not contain control characters"
done

# Escapes a value for a double-quoted string in JSON or in a curl config file.
quoted() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }

new_event_id() {
  if [[ -r /proc/sys/kernel/random/uuid ]]; then cat /proc/sys/kernel/random/uuid
  elif command -v uuidgen >/dev/null; then uuidgen | tr '[:upper:]' '[:lower:]'
  else die "cannot make a UUID: neither /proc/sys/kernel/random/uuid nor uuidgen is available"
  fi
}

# curl as USER with PASSWORD; the credentials go through a config on stdin, not the command line.
# Prints the HTTP status; the body goes to $body.
body="$(mktemp)"
request="$(mktemp)"
trap 'rm -f "$body" "$request"' EXIT
http_as() {
  local user="$1" password="$2"; shift 2
  curl --silent --show-error --cacert "$ca_file" --output "$body" --write-out '%{http_code}' \
    --config - "$@" <<<"user = $(quoted "$user:$password")" || true
}
http_admin() { http_as admin "$ESDB_ADMIN_PASSWORD" "$@"; }

expect() {
  local want="$1" got="$2" what="$3"
  [[ "$got" == "$want" ]] || die "$what: HTTP $got, expected $want: $(head -c 500 "$body")"
}

echo "EventStoreDB at $url"
curl --silent --show-error --cacert "$ca_file" --output "$body" "$url/info" || die "cannot reach $url"
grep -Eq '"atomPub"[[:space:]]*:[[:space:]]*true' "$body" ||
  die "AtomPub is off on this node: start the cluster with ESDB_ENABLE_ATOM_PUB=true for this step (see README)"

echo "1. Application user '$app_user' in group ledger-app"
# stdin carries curl's credentials, so the body (which holds a password) goes through a file.
printf '{"LoginName": %s, "FullName": "PFCC ledger API", "Groups": ["ledger-app"], "Password": %s}' \
  "$(quoted "$app_user")" "$(quoted "$LEDGER_APP_PASSWORD")" >"$request"
status="$(http_admin -X POST "$url/users" -H 'Content-Type: application/json' --data-binary "@$request")"
case "$status" in
  201) echo "   created" ;;
  409) echo "   already exists: left as it is (its password and groups are not changed)" ;;
  *) expect 201 "$status" "creating user $app_user" ;;
esac

echo "2. Default ACL (\$settings)"
status="$(http_admin -X POST "$url/streams/%24settings" -H 'Content-Type: application/json' \
  -H "ES-EventId: $(new_event_id)" -H 'ES-EventType: update-default-acl' \
  --data-binary "@$here/acl/default-acl.json")"
expect 201 "$status" "writing the default ACL"

echo "3. Read access to \$all (metadata of \$all)"
status="$(http_admin -X POST "$url/streams/%24all/metadata" -H 'Content-Type: application/json' \
  -H "ES-EventId: $(new_event_id)" --data-binary "@$here/acl/all-stream-acl.json")"
expect 201 "$status" "writing the ACL of \$all"

echo "4. What the server holds now"
status="$(http_admin "$url/streams/%24settings/head" -H 'Accept: application/json')"
expect 200 "$status" "reading \$settings"
printf '   $settings: %s\n' "$(tr -s '[:space:]' ' ' <"$body")"
status="$(http_admin "$url/streams/%24all/metadata" -H 'Accept: application/json')"
expect 200 "$status" "reading the metadata of \$all"
printf '   $$$all:    %s\n' "$(tr -s '[:space:]' ' ' <"$body")"

# A stream outside the ledger's prefixes, so that a broken ACL cannot touch ledger streams.
probe="acl-probe-$(new_event_id)"
status="$(http_as "$app_user" "$LEDGER_APP_PASSWORD" "$url/streams/%24all/head/backward/1" -H 'Accept: application/vnd.eventstore.atom+json')"
expect 200 "$status" "reading \$all as $app_user"
echo "   $app_user can read \$all"
status="$(http_as "$app_user" "$LEDGER_APP_PASSWORD" -X DELETE "$url/streams/$probe")"
[[ "$status" == 401 || "$status" == 403 ]] || die "$app_user was not refused a delete (HTTP $status): check the default ACL"
echo "   $app_user may not delete a stream (HTTP $status)"
status="$(http_as "$app_user" "$LEDGER_APP_PASSWORD" -X POST "$url/streams/$probe/metadata" \
  -H 'Content-Type: application/json' -H "ES-EventId: $(new_event_id)" --data-binary '{"$maxCount": 1}')"
[[ "$status" == 401 || "$status" == 403 ]] || die "$app_user was not refused a metadata write (HTTP $status): check the default ACL"
echo "   $app_user may not write stream metadata (HTTP $status)"

echo "Done. Now start the cluster again without AtomPub (ESDB_ENABLE_ATOM_PUB=false)."
