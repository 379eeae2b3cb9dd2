//! Decimal figures for readers ("0.93", "14.2 ms", "10%") written with integer
//! arithmetic: the standard library's float formatting weighs about 11 KB of code in
//! the wasm, and these few figures were its only use there.

/// `x` with `places` decimals (at most 6), rounded half to even as `format!("{:.N}")`
/// does on exact halves; "n/a" for a value that is not a finite number.
pub fn decimal(x: f64, places: usize) -> String {
    let places = places.min(6);
    let scale = 10u64.pow(places as u32) as f64;
    let scaled = (x * scale).round_ties_even();
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return "n/a".into();
    }
    let n = scaled.abs() as u64;
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (whole, part) = (n / scale as u64, n % scale as u64);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0places$}")
    }
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn matches_the_standard_formatting() {
        // A spread of values: figures 0–1, percentages, milliseconds, negatives, halves.
        let mut x = 0.000_37_f64;
        let mut checked = 0;
        while x < 5_000.0 {
            for v in [x, -x, x / 7.0, x * 1.37] {
                for places in 0..=3 {
                    let ours = decimal(v, places);
                    let std = format!("{v:.places$}");
                    // Values within a rounding error of a half may differ in the last digit.
                    let near_half = ((v * 10f64.powi(places as i32)).fract().abs() - 0.5).abs() < 1e-9;
                    if !near_half {
                        assert_eq!(ours, std, "{v} with {places} places");
                        checked += 1;
                    }
                }
            }
            x = x * 1.013 + 0.000_9;
        }
        assert!(checked > 10_000);
        assert_eq!(decimal(0.935, 2), format!("{:.2}", 0.935));
        assert_eq!(decimal(2.5, 0), "2");
        assert_eq!(decimal(0.0, 2), "0.00");
        assert_eq!(decimal(f64::NAN, 2), "n/a");
        assert_eq!(decimal(f64::INFINITY, 1), "n/a");
    }
}
