# The two checks every CLI test script uses, sourced after it sets $work, passed and failed.

# expect CODE PATTERN -- command...: the exit code, and a stderr line matching PATTERN (grep -E).
expect() {
  local code=$1 pattern=$2
  shift 3
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ "$got" -ne "$code" ] || { [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$work/stderr"; }; then
    echo "FAIL: $* -> exit $got (wanted $code), stderr:"
    sed 's/^/    /' "$work/stderr"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

# check DESCRIPTION -- command...: the command succeeds.
check() {
  local description=$1
  shift 2
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAIL: $description"
    failed=$((failed + 1))
  fi
}
