# The two commands a newcomer needs: `make serve` and `make test`. Both run the
# idempotent set-up first, so a fresh machine needs nothing else.
SHELL := /bin/bash
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown --features web

.PHONY: setup dist serve test lint test-native test-browser test-e2e size-check eval bench fuzz precompute

setup:
	@tools/setup.sh

## Build the release widget into dist/.
dist: setup
	trunk build --release

## Build, then serve dist/ on http://127.0.0.1:8080.
serve: dist
	node tools/serve.mjs dist 8080

## Every test: lint, native, in-browser (headless Chromium), end-to-end.
test: setup lint test-native test-browser dist size-check test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --lib --bins --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --features split --lib --bins -- -D warnings
	cargo clippy --features ssr --bin prerender -- -D warnings

test-native:
	cargo test

## The component tests in headless Chromium, then in headless Firefox ESR.
test-browser:
	cargo test $(WASM) --test web
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) cargo test $(WASM) --test web

## Fails when the hosted bundle outgrows its budget (bench/size.mjs, README "Benchmarks").
size-check:
	node bench/size.mjs --check

test-e2e:
	cd tests/e2e && node --test --test-concurrency=1 *.test.mjs

## Precision, recall and F1 of the codebook against the hand annotations (a report, not a test):
## the corpus sets, then the development sets of whole statements, ../shared/eval-dev (when it is
## there) and the project's own real statements in tests/data/realdev, each with the whole codebook
## and leave one statement out, then what each rule does.
eval:
	cargo run --release --quiet --bin framing -- eval --rules --dev ../shared/eval-dev --dev tests/data/realdev tests/data/annotations.tsv tests/data/unseen.tsv tests/data/paraphrases.tsv tests/data/heldout.tsv tests/data/offtopic.tsv

## What the hosted build carries instead of parsing and analysing at start-up (corpus/analysis.bin,
## corpus/bundle.bin: the corpus and the codebook outline as bytes): run it after
## changing the codebook or the corpus, and commit it; a native test fails while it is stale.
precompute:
	cargo run --quiet --bin framing -- precompute corpus

## The long property-test ("fuzz") run of the URL schema, the link form and the analysis
## entry points; `make test` runs the same properties with a few dozen to hundreds of cases each.
fuzz:
	FUZZ_CASES=$${FUZZ_CASES:-20000} cargo test --release --test view_schema --test supplied --test robustness

## Benchmarks: analysis speed and scaling (1x, 10x, 100x corpora), transfer size, interaction
## latency and memory in headless Chromium, Lighthouse scores. Figures, not pass/fail.
bench: dist
	cargo bench --bench analysis
	bench/yew-floor.sh
	node bench/size.mjs
	node bench/cards.mjs
	node bench/latency.mjs
	node bench/paste-trace.mjs
	node bench/interaction-trace.mjs
	node bench/memory.mjs
	node bench/firstpaint.mjs
	node bench/slowphone.mjs
	node bench/lighthouse.mjs
