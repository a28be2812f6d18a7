//! One stable sort for the whole model. Each `slice::sort_by` with its own closure is compiled
//! into a copy of the standard library's sort, about 3 KB of wasm each; these functions sort a
//! list of indices with one compiled sort and move the items to their places, so the page
//! carries the sorting code once.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key of each, keeping items with equal keys in their order (as
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..len` in the order `compare` puts them, equal ones in their order.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items so that position `i` holds the item that was at `order[i]`, following each
/// cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        loop {
            let source = order[current];
            // A position is done once it holds its item; marking it ends a later walk at once.
            order[current] = current;
            if source == start {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts `items` by their first letter and compares with the standard library's stable
    /// sort, which keeps equal items in their order too.
    fn check(items: &[&str]) {
        let mut ours = items.to_vec();
        sort_by_key(&mut ours, |item| item.chars().next());
        let mut std = items.to_vec();
        std.sort_by_key(|item| item.chars().next());
        assert_eq!(ours, std, "sorting {items:?}");
    }

    #[test]
    fn sorts_as_the_standard_library_does() {
        check(&[]);
        check(&["a"]);
        check(&["b1", "a1"]);
        check(&["a1", "b1", "a2", "c1", "b2", "a3"]);
        check(&["c1", "c2", "c3", "b1", "a1", "b2"]);
        check(&["e", "d", "c", "b", "a"]);
        check(&["a", "b", "c", "d"]);
    }

    #[test]
    fn every_permutation_of_five_items_is_sorted_stably() {
        let items = ["b1", "a1", "c1", "a2", "b2"];
        let mut indices = [0, 1, 2, 3, 4];
        // Heap's algorithm, iteratively: every order of the five items.
        let mut counters = [0; 5];
        check(&indices.map(|i| items[i]));
        let mut at = 1;
        while at < indices.len() {
            if counters[at] < at {
                let other = if at % 2 == 0 { 0 } else { counters[at] };
                indices.swap(other, at);
                check(&indices.map(|i| items[i]));
                counters[at] += 1;
                at = 1;
            } else {
                counters[at] = 0;
                at += 1;
            }
        }
    }
}
