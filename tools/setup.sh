#!/usr/bin/env bash
# Installs whatever the build and the tests need, skipping what is already present.
# Idempotent: safe to run before every `make` target. Versions are pinned; see
# ../shared/notes/toolchain.md for why each pin exists.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `=0.2.130` pin in Cargo.toml
GECKODRIVER_VERSION=0.37.1
WASM_SPLIT_VERSION=0.2.4       # wasm-split-cli: lazily loaded wasm chunks (tools/split.mjs)

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# Without --locked: the locked tree wants a webpki-roots release the registry does not serve.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The hosted build splits the wasm into lazily loaded chunks (tools/split.mjs).
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 4 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# Debian's chromium for the in-browser and end-to-end tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

# Fonts for the share image the build draws (src/bin/prerender.rs); Chromium brings them
# on most machines, this makes sure.
if [ ! -d /usr/share/fonts/truetype/dejavu ]; then
  say "installing Debian fonts-dejavu-core"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core
fi

# Firefox ESR and geckodriver: the in-browser tests also run in a second engine.
if [ ! -x /usr/bin/firefox-esr ]; then
  say "installing Debian firefox-esr"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr
fi
if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 4 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# npm folders: install exactly what the committed lock files say, when they changed.
for dir in tools tests/e2e; do
  stamp="$dir/node_modules/.installed-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
done

# Trunk runs offline, so every crate must already be in the local registry cache.
cargo fetch --locked --quiet 2>/dev/null || cargo fetch --quiet
say "ready"
