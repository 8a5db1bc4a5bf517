//! Stable sorting through one shared, non-generic sort of indices.
//!
//! The standard library's sorts are generic: every `sort_by` with its own element type or
//! comparison is compiled again, some 5 KB of WebAssembly each, and the app had nineteen.
//! Here only the small closure that compares two items by index and [`permute`] are made per
//! type; the sorting itself ([`order`], std's stable sort of indices) is compiled once. The results are those of
//! `slice::sort_by`: stable, so items that compare equal keep their order. Code that runs in
//! the app sorts through here (tests may use std's sorts: they are not in the first load).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    permute(v, order);
}

/// Sorts `v` stably by the key `key` gives each item, like `slice::sort_by_key` (the key is
/// worked out at each comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, like `slice::sort` (and `sort_unstable`: items that compare
/// equal are equal here).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The stable sorted order of `n` items that `cmp(i, j)` compares by index: the k-th index
/// returned is the item that goes k-th. The sorting is the standard library's stable sort
/// (`slice::sort_by`), instantiated here once, for indices and this one comparison.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    a.sort_by(|&i, &j| cmp(i, j));
    a
}

/// Rearranges `v` so that its k-th item is the one that was at `order[k]`, `order` being a
/// permutation of `0..v.len()`: each cycle of the permutation is followed once, by swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // Position `at` holds the item that was at `start`; the one it wants is still in place.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs compared by their first item only, so stability shows in the second.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 5, 8, 17, 64, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
            let mut ours = v.clone();
            let mut std = v;
            let by_rest_then_descending =
                |a: &(u8, usize), b: &(u8, usize)| (a.0 % 3).cmp(&(b.0 % 3)).then(b.0.cmp(&a.0));
            sort_by(&mut ours, by_rest_then_descending);
            std.sort_by(by_rest_then_descending);
            assert_eq!(ours, std, "n = {n}, by remainder then descending");
        }
    }

    #[test]
    fn sorts_sorted_reversed_and_equal_input() {
        let mut up: Vec<u32> = (0..50).collect();
        sort(&mut up);
        assert_eq!(up, (0..50).collect::<Vec<u32>>());
        let mut down: Vec<u32> = (0..50).rev().collect();
        sort(&mut down);
        assert_eq!(down, (0..50).collect::<Vec<u32>>());
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}
