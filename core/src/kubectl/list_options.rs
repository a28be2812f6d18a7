//! `kubectl get`'s list flags: `-l`/`--selector`, the label selector the API server applies to
//! the objects it lists (`crate::api::selector_syntax`), and `--show-labels`, the LABELS column
//! the table printer adds (`api::labels::format_labels`).

use std::collections::BTreeMap;

use crate::api::labels::format_labels;
use crate::api::selector_syntax::{self, Selector};
use crate::api::workloads::WorkloadKind;

/// The list flags of one `kubectl get`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListOptions {
    /// `-l`/`--selector`, as typed.
    pub selector: Option<String>,
    /// `--show-labels`.
    pub show_labels: bool,
}

impl ListOptions {
    /// Takes the list flags out of `words` (the words after `get`), as pflag reads them: `-l
    /// SEL`, `-lSEL`, `-l=SEL`, `--selector SEL`, `--selector=SEL`, `--show-labels[=true|false]`.
    /// Returns the other words, in their order.
    pub fn take<'a>(words: &[&'a str]) -> Result<(Vec<&'a str>, ListOptions), String> {
        let mut options = ListOptions::default();
        let mut rest = Vec::new();
        let mut iter = words.iter();
        while let Some(word) = iter.next() {
            let mut value_of = |flag: &str| -> Result<String, String> {
                iter.next()
                    .map(|value| (*value).to_owned())
                    .ok_or_else(|| format!("error: flag needs an argument: {flag}"))
            };
            match *word {
                "-l" => options.selector = Some(value_of("'l' in -l")?),
                "--selector" => options.selector = Some(value_of("--selector")?),
                "--show-labels" | "--show-labels=true" => options.show_labels = true,
                "--show-labels=false" => options.show_labels = false,
                other => {
                    if let Some(value) = other.strip_prefix("--selector=") {
                        options.selector = Some(value.to_owned());
                    } else if let Some(value) = other
                        .strip_prefix("-l")
                        .filter(|_| !other.starts_with("--"))
                    {
                        options.selector =
                            Some(value.strip_prefix('=').unwrap_or(value).to_owned());
                    } else {
                        rest.push(*word);
                    }
                }
            }
        }
        Ok((rest, options))
    }

    /// True when the flags change nothing.
    pub fn is_default(&self) -> bool {
        *self == ListOptions::default()
    }

    /// The selector, or the API server's answer to a list of `resource` (kubectl's
    /// `GroupVersionResource` text, such as `/v1, Resource=pods`) with a selector it cannot
    /// read, as kubectl prints it.
    pub fn selector(&self, resource: &str) -> Result<Selector, String> {
        let Some(text) = &self.selector else {
            return Ok(Selector::default());
        };
        selector_syntax::parse(text).map_err(|error| {
            format!(
                "Error from server (BadRequest): Unable to find \"{resource}\" that match label selector {}, field selector \"\": {error}",
                crate::cluster::kubelet::hooks::go_quote(text)
            )
        })
    }
}

/// The resource of a workload kind as kubectl's errors name it: `apps/v1, Resource=deployments`.
pub fn workload_resource(kind: WorkloadKind) -> String {
    let version = kind.api_version();
    let group_version = if version.contains('/') {
        version.to_owned()
    } else {
        format!("/{version}")
    };
    format!(
        "{group_version}, Resource={}s",
        kind.as_str().to_lowercase()
    )
}

/// Adds the LABELS column to a table's rows: the header first, then one cell per row from
/// `labels`.
pub fn add_labels_column(rows: &mut [Vec<String>], labels: &[&BTreeMap<String, String>]) {
    let mut labels = labels.iter();
    for (index, row) in rows.iter_mut().enumerate() {
        if index == 0 {
            row.push("LABELS".to_owned());
        } else if let Some(labels) = labels.next() {
            row.push(format_labels(labels));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_are_taken_as_pflag_reads_them() {
        let check = |words: &[&str]| {
            let (rest, options) = ListOptions::take(words).expect("flags read");
            format!("{rest:?} {:?} {}", options.selector, options.show_labels)
        };
        assert_eq!(
            check(&["pods", "-l", "app=web"]),
            r#"["pods"] Some("app=web") false"#
        );
        assert_eq!(
            check(&["pods", "-lapp=web"]),
            r#"["pods"] Some("app=web") false"#
        );
        assert_eq!(
            check(&["pods", "-l=app=web"]),
            r#"["pods"] Some("app=web") false"#
        );
        assert_eq!(
            check(&["deploy", "--selector", "app in (a,b)", "--show-labels"]),
            r#"["deploy"] Some("app in (a,b)") true"#
        );
        assert_eq!(
            check(&["pods", "--selector=tier!=db", "-o", "wide"]),
            r#"["pods", "-o", "wide"] Some("tier!=db") false"#
        );
        assert_eq!(
            ListOptions::take(&["pods", "-l"]).unwrap_err(),
            "error: flag needs an argument: 'l' in -l"
        );
    }

    #[test]
    fn a_selector_the_server_cannot_read_is_a_bad_request() {
        let options = ListOptions {
            selector: Some("app in (web".to_owned()),
            show_labels: false,
        };
        assert_eq!(
            options.selector("/v1, Resource=pods").unwrap_err(),
            "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"app in (web\", field selector \"\": unable to parse requirement: found '', expected: ',' or ')'"
        );
        assert_eq!(
            workload_resource(WorkloadKind::Deployment),
            "apps/v1, Resource=deployments"
        );
        assert_eq!(
            workload_resource(WorkloadKind::ReplicationController),
            "/v1, Resource=replicationcontrollers"
        );
        assert_eq!(
            workload_resource(WorkloadKind::CronJob),
            "batch/v1, Resource=cronjobs"
        );
    }
}
