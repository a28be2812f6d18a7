//! "Did you mean" suggestions: the known name closest to a misspelt one.

/// The candidate closest to `typed`, if one is close enough to be a likely typo: the same name
/// in another case, or one within an edit distance of about a third of its length (at most 3).
/// The names are ASCII, so case is folded as ASCII (Unicode's case tables would weigh on the
/// page's first load for nothing).
pub fn closest<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let typed_lower = typed.to_ascii_lowercase();
    let budget = (typed.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_ascii_lowercase() == typed_lower {
            0
        } else {
            edit_distance(&typed_lower, &candidate.to_ascii_lowercase())
        };
        if distance <= budget && best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.to_owned())
}

/// The Damerau–Levenshtein distance (with adjacent transpositions) between two strings, in
/// characters. Inputs are bounded by the callers (field names), so the quadratic table is small.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(256).collect();
    let b: Vec<char> = b.chars().take(256).collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (i, cell) in table.iter_mut().step_by(width).enumerate() {
        *cell = i;
    }
    for (j, cell) in table.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    const FIELDS: &[&str] = &["image", "imagePullPolicy", "name", "ports", "volumeMounts"];

    fn check(typed: &str, expected: Expect) {
        let found = closest(typed, FIELDS.iter().copied());
        expected.assert_eq(&format!("{found:?}"));
    }

    #[test]
    fn typos_find_the_field() {
        check("imagePullPolice", expect![[r#"Some("imagePullPolicy")"#]]);
        check("imagepullpolicy", expect![[r#"Some("imagePullPolicy")"#]]);
        check("volumeMount", expect![[r#"Some("volumeMounts")"#]]);
        check("port", expect![[r#"Some("ports")"#]]);
        check("naem", expect![[r#"Some("name")"#]]);
    }

    #[test]
    fn unrelated_names_find_nothing() {
        check("command", expect!["None"]);
        check("x", expect!["None"]);
    }
}
