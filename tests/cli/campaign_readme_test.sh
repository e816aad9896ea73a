#!/usr/bin/env bash
# The README's worked campaign on a shared network (examples/campaign-epinions.toml): run as the
# README shows it, from the checkout's root, the output must be the one pasted in the README,
# line for line, so that the example cannot rot.
# Usage: campaign_readme_test.sh PATH/TO/cascade PATH/TO/checkout
set -u
cascade=$(realpath "$1")
root=$(realpath "$2")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

command="build/cascade campaign examples/campaign-epinions.toml"
$python - "$root/README.md" "$command" >"$work/readme.txt" <<'PY'
import sys
text = open(sys.argv[1]).read().splitlines()
start = text.index("$ " + sys.argv[2]) + 1
end = text.index("```", start)
print("\n".join(text[start:end]))
PY
check "the README shows the example's output" -- test -s "$work/readme.txt"
cd "$root" || exit 1
expect 0 '' -- "$cascade" campaign examples/campaign-epinions.toml
check "the output is the README's, line for line" -- diff -u "$work/readme.txt" "$work/stdout"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
