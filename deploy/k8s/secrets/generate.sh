#!/usr/bin/env bash
# Prints camaudit's Secrets (camaudit-secrets.template.yaml) with every password replaced by a
# fresh random one, ready for: ./generate.sh | kubectl apply -n <namespace> -f -
# Camera accounts and object-store keys cannot be invented: pass them in the environment
# (CAMERA_USER, CAMERA_PASSWORD, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) or edit the output.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

random_password() {
  # 24 characters from [A-Za-z0-9]: safe inside the accounts list (no ':', ',' or '|').
  local out=""
  while [ "${#out}" -lt 24 ]; do
    out+="$(head -c 64 /dev/urandom | tr -dc 'A-Za-z0-9')"
  done
  printf '%s' "${out:0:24}"
}

declare -A fill=(
  ["<database password>"]="$(random_password)"
  ["<admin password>"]="$(random_password)"
  ["<auditor password>"]="$(random_password)"
  ["<facilities password>"]="$(random_password)"
  ["<procurement password>"]="$(random_password)"
  ["<audit-reader password>"]="$(random_password)"
  ["<scanner password>"]="$(random_password)"
  ["<session key>"]="$(random_password)$(random_password)"
  ["<camera user>"]="${CAMERA_USER:-admin}"
  ["<camera password>"]="${CAMERA_PASSWORD:-<camera password>}"
  ["<access key id>"]="${S3_ACCESS_KEY_ID:-<access key id>}"
  ["<secret access key>"]="${S3_SECRET_ACCESS_KEY:-<secret access key>}"
)

text="$(grep -v '^#' "$here/camaudit-secrets.template.yaml")"
for placeholder in "${!fill[@]}"; do
  text="${text//"$placeholder"/"${fill[$placeholder]}"}"
done
printf '%s\n' "$text"
if grep -q '<[a-z -]*>' <<<"$text"; then
  echo "generate.sh: some values still read <...>: set CAMERA_PASSWORD, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY or edit them before applying" >&2
fi
