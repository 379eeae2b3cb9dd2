#!/usr/bin/env bash
# Builds bench/yew-floor (the smallest Yew app) the way Trunk builds the widget:
# release profile, wasm-bindgen 0.2.130 (web target), wasm-opt -Oz (binaryen 132).
# Output: bench/yew-floor/out/, read by bench/size.mjs.
set -euo pipefail
cd "$(dirname "$0")/yew-floor"
cargo build --quiet --release --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir out target/wasm32-unknown-unknown/release/yew-floor.wasm
../../tools/node_modules/binaryen/bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  out/yew-floor_bg.wasm -o out/yew-floor_bg.wasm
