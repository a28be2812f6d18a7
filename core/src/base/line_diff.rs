//! The run of lines an edit changed: two versions of a list share their first and their last
//! items, and only the run between them differs. The editor redraws only that run.

/// A run of items replaced by an edit: `removed` items from `start` gave way to `inserted`
/// items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineChange {
    /// The index of the first item that changed.
    pub start: usize,
    /// How many items of the old list were taken out there.
    pub removed: usize,
    /// How many items of the new list were put in there.
    pub inserted: usize,
}

impl LineChange {
    /// True when the two versions are the same.
    pub fn is_empty(&self) -> bool {
        self.removed == 0 && self.inserted == 0
    }
}

/// The run of `old` that `new` replaced, keeping the longest run the two share at the start,
/// then the longest at the end of what is left; `same` tells whether an old item and a new one
/// are the same.
pub fn changed_run<T, U>(old: &[T], new: &[U], same: impl Fn(&T, &U) -> bool) -> LineChange {
    let shorter = old.len().min(new.len());
    let prefix = old
        .iter()
        .zip(new)
        .take_while(|(old, new)| same(old, new))
        .count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take(shorter - prefix)
        .take_while(|(old, new)| same(old, new))
        .count();
    LineChange {
        start: prefix,
        removed: old.len() - prefix - suffix,
        inserted: new.len() - prefix - suffix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The change from `old` to `new` (one character per item) as `start -removed +inserted`.
    fn check(old: &str, new: &str, expected: &str) {
        let old: Vec<char> = old.chars().collect();
        let new: Vec<char> = new.chars().collect();
        let change = changed_run(&old, &new, |a, b| a == b);
        let got = format!("{} -{} +{}", change.start, change.removed, change.inserted);
        assert_eq!(got, expected, "{old:?} → {new:?}");
    }

    #[test]
    fn the_changed_run_lies_between_the_shared_ends() {
        check("abc", "abc", "3 -0 +0");
        check("", "", "0 -0 +0");
        check("", "ab", "0 -0 +2");
        check("ab", "", "0 -2 +0");
        check("abc", "aXc", "1 -1 +1");
        check("abc", "abXc", "2 -0 +1");
        check("abc", "ac", "1 -1 +0");
        check("abc", "Xabc", "0 -0 +1");
        check("abc", "abcX", "3 -0 +1");
        // The shared start is kept whole; the end shares only what is left after it.
        check("aaa", "aa", "2 -1 +0");
        check("aa", "aaa", "2 -0 +1");
        check("abab", "ab", "2 -2 +0");
    }
}
