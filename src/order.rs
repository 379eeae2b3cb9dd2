//! Sorting through one compiled sort. Each `sort_by_key` on a new element or key type
//! makes the compiler emit another copy of the standard library's sort (3 to 5 KB of
//! WebAssembly each, 68 KB in all before this module); here every sort orders the
//! positions `0..n` with one non-generic function, and only the short loop that moves
//! the elements into that order is generic. All sorts are stable: ties keep their order.
//! The exception is [`sort_shingles`], the one sort on a hot path.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives them, ties by position.
#[inline(never)]
fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    positions
}

/// Moves the elements of `v` into the order of `positions` (a permutation of `0..len`).
fn arrange<T>(v: &mut Vec<T>, positions: Vec<usize>) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(positions.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by `cmp`, stable.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let positions = permutation(v.len(), &|a, b| cmp(&v[a], &v[b]));
    arrange(v, positions);
}

/// Sorts `v` by a key, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by a key computed once per element, stable.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let positions = permutation(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    arrange(v, positions);
}

/// Sorts the talking-point search's shingles (hash, document, word): the one hot sort,
/// over every word of every statement, so it keeps the standard library's direct sort,
/// three times faster at 300,000 shingles than ordering positions (one more copy, 4 KB).
pub fn sort_shingles(v: &mut [(u64, usize, usize)]) {
    v.sort_unstable();
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime", "", "fig"];
        let mut ours: Vec<&str> = words.to_vec();
        sort_by_key(&mut ours, |w| w.len());
        let mut std_sorted = words.to_vec();
        std_sorted.sort_by_key(|w| w.len());
        assert_eq!(ours, std_sorted);
        let mut cached = words.to_vec();
        sort_by_cached_key(&mut cached, |w| std::cmp::Reverse(w.len()));
        let mut std_cached = words.to_vec();
        std_cached.sort_by_cached_key(|w| std::cmp::Reverse(w.len()));
        assert_eq!(cached, std_cached);
        let mut natural = vec![5u64, 1, 4, 1, 5, 9, 2, 6];
        sort(&mut natural);
        assert_eq!(natural, [1, 1, 2, 4, 5, 5, 6, 9]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
