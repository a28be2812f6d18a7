//! How two versions of the manifest differ: the playground keeps its views of the last good text
//! while the user is in the middle of an edit of it, and only then.

/// True when `after` is `before` with at most `limit` bytes changed in one place: what is left
/// once their common start and common end are taken off is at most `limit` bytes on each side.
/// Typing a word or a line is a small edit; pasting another manifest is not.
pub fn is_small_edit(before: &str, after: &str, limit: usize) -> bool {
    if before.len().abs_diff(after.len()) > limit {
        return false;
    }
    let prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let room = before.len().min(after.len()) - prefix;
    let suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    before.len() - prefix - suffix <= limit && after.len() - prefix - suffix <= limit
}

#[cfg(test)]
mod tests {
    use super::is_small_edit;

    #[test]
    fn an_edit_in_one_place_is_small_and_a_new_text_is_not() {
        let base = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";
        let cases = [
            ("the same text", base.to_owned(), true),
            ("one letter typed", base.replace("web", "webx"), true),
            (
                "a line typed",
                format!("{base}  labels: {{app: web}}\n"),
                true,
            ),
            ("a letter deleted", base.replace("Pod", "Po"), true),
            ("emptied", String::new(), false),
            (
                "another manifest",
                "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: b\n".to_owned(),
                false,
            ),
            (
                "two far-apart edits",
                base.replace("v1", "v2x").replace("web", "wex"),
                false,
            ),
        ];
        for (name, after, small) in cases {
            assert_eq!(is_small_edit(base, &after, 32), small, "{name}");
        }
        assert!(!is_small_edit(
            base,
            &base
                .replace("apiVersion", "APIVERSION")
                .replace("web", "WEB"),
            8
        ));
        assert!(is_small_edit("", "", 0));
        assert!(is_small_edit("aaa", "aaaa", 1));
    }
}
