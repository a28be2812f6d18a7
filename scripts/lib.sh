# Shared set-up for scripts/serve, scripts/test and scripts/dist. Source it; do not run it.
#
# Every `ensure_*` function installs one tool only when it is missing or at the wrong version,
# says what it is doing while it installs, and is silent and quick otherwise. Versions come from
# the repository itself (Cargo.lock, Trunk.toml, package-lock.json), never from this file alone.
# See ../shared/TOOLCHAIN.md for why each tool is installed the way it is.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="version_132"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Prints a progress line on standard error.
say() {
  printf '\033[1;34m==>\033[0m %s\n' "$*" >&2
}

# Prints a section header, so that CI logs show which kind of test is running.
section() {
  printf '\n\033[1;35m==== %s ====\033[0m\n' "$*" >&2
}

die() {
  printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise. `sudo -n` fails at
# once rather than waiting for a password that CI cannot type.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "'$*' needs root, and sudo is not available"
  fi
}

# The version of a package in Cargo.lock.
locked_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  local installed
  installed="$(rustup target list --installed)"
  if ! grep -qx wasm32-unknown-unknown <<<"$installed"; then
    say "Installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# rustfmt and clippy, which a minimal rustup profile leaves out.
ensure_rust_components() {
  local installed component
  installed="$(rustup component list --installed)"
  for component in rustfmt clippy; do
    if ! grep -q "^$component" <<<"$installed"; then
      say "Installing the Rust component $component"
      rustup component add "$component"
    fi
  done
}

ensure_trunk() {
  local have
  have="$(trunk --version 2>/dev/null || true)"
  if [ "$have" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (found: ${have:-none}); this compiles Trunk and takes about 7 minutes, once"
    cargo install --locked --force trunk --version "$TRUNK_VERSION"
  fi
}

# cargo-fuzz, for scripts/fuzz.
CARGO_FUZZ_VERSION="0.13.2"

ensure_cargo_fuzz() {
  local have
  have="$(cargo fuzz --version 2>/dev/null || true)"
  if [ "$have" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "Installing cargo-fuzz $CARGO_FUZZ_VERSION (found: ${have:-none}); this takes about 3 minutes, once"
    cargo install --locked --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want have
  want="$(locked_version wasm-bindgen)"
  [ -n "$want" ] || die "Cargo.lock has no wasm-bindgen entry"
  grep -q "^wasm-bindgen = \"=$want\"" "$ROOT/web/Cargo.toml" ||
    die "web/Cargo.toml must pin wasm-bindgen = \"=$want\", the version in Cargo.lock"
  grep -q "^wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml" ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$want\", the version in Cargo.lock"
  have="$(wasm-bindgen --version 2>/dev/null || true)"
  if [ "$have" != "wasm-bindgen $want" ]; then
    say "Installing wasm-bindgen-cli $want to match Cargo.lock (found: ${have:-none}); this takes about 3 minutes, once"
    # `--locked` fails: one of the CLI's locked dependencies is missing from the registry.
    cargo install --force wasm-bindgen-cli --version "$want"
  fi
}

# npm packages: wasm-opt (binaryen) for Trunk, playwright-core for the end-to-end tests.
ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.podplay-lock" want
  want="$(cksum <"$ROOT/package-lock.json")"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing npm packages from package-lock.json (binaryen for wasm-opt, playwright-core)"
    npm ci --no-audit --no-fund --loglevel=error
    printf '%s\n' "$want" >"$stamp"
  fi
  local have
  have="$(wasm-opt --version 2>/dev/null || true)"
  case "$have" in
    *"($WASM_OPT_VERSION)"*) ;;
    *) die "wasm-opt from node_modules/.bin reports '$have', expected $WASM_OPT_VERSION" ;;
  esac
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "Installing Chromium and ChromeDriver from Debian (apt-get)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# Everything Trunk needs to build the page offline.
ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
  # Trunk.toml sets `offline = true`, so crates must be in the local registry first.
  cargo fetch --quiet
}

# Builds the release page into dist/ and prints its transfer sizes.
# The page as it was before issue 16 (main at 535830c), which scripts/bench measures
# interleaved with today's. Built once, in a target directory of its own.
BASELINE_COMMIT="535830c05c67ad68d7c46bf29f6e8630d9b0e2f6"

build_baseline() {
  local out="$ROOT/target/bench/baseline-dist" src="$ROOT/target/bench/baseline-src"
  [ -f "$out/index.html" ] && return
  say "Building the page as it was before issue 16 (commit ${BASELINE_COMMIT:0:7}) into $out, once (about 5 minutes)"
  rm -rf "$src"
  git -C "$ROOT" worktree prune
  git -C "$ROOT" worktree add --force --detach "$src" "$BASELINE_COMMIT" >/dev/null
  (cd "$src" && CARGO_TARGET_DIR="$ROOT/target/bench/baseline-target" trunk build --release --dist "$out")
  git -C "$ROOT" worktree remove --force "$src"
}

build_dist() {
  say "Building the release page into dist/"
  trunk build --release
  node "$ROOT/scripts/size-report.mjs" "$ROOT/dist"
}
