//! Keys for keyed lists (`<For>`): a change redraws only the items it changes, and moves the
//! rest.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A key for each item: a hash of the item and of how many equal items come before it, so that
/// equal items still have keys of their own.
pub fn distinct_keys<'a, T: Hash + 'a>(items: impl IntoIterator<Item = &'a T>) -> Vec<u64> {
    let mut seen: HashMap<u64, u64> = HashMap::new();
    items
        .into_iter()
        .map(|item| {
            let content = hash_of(item);
            let nth = seen.entry(content).or_insert(0);
            let key = hash_of(&(content, *nth));
            *nth += 1;
            key
        })
        .collect()
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
