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
  python3-jsonschema
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
