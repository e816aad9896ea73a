#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever Cascade needs to build and test that is missing.
# Asks apt only when something is missing, so it is quick on a machine that has everything.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  zlib1g-dev libfmt-dev libcli11-dev nlohmann-json3-dev libutf8proc-dev
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev libpugixml-dev
  libtomlplusplus-dev
  clang-14 libclang-rt-14-dev libomp-14-dev
  pybind11-dev python3-pybind11 python3-numpy python3-pytest python3-networkx python3-scipy
  python3-pandas python3-matplotlib
  python3-jsonschema libxml2-utils
  chromium
)
# The report's page is bundled with Node.js (web/): Debian's nodejs and npm unless a Node.js is
# already installed (a machine may carry a newer one).
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
install_web_packages() {
  # web/'s npm packages, exactly as web/package-lock.json pins them; reinstalled only when the
  # lockfile changed since the last install.
  local web
  web="$(cd "$(dirname "$0")/.." && pwd)/web"
  local stamp="$web/node_modules/.cascade-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$web/package-lock.json"; then
    return 0
  fi
  echo "installing the report's npm packages (npm ci in web/)"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$web/package-lock.json" "$stamp"
}

if [ ${#missing[@]} -eq 0 ]; then
  install_web_packages
  exit 0
fi

echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
install_web_packages
