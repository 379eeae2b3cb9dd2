//! Shared by the property-test ("fuzz") files.

/// Cases per property: `default` in `make test` (a short run), or `FUZZ_CASES` for the
/// long run (`make fuzz`, see README.md).
pub fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
