//! The `kubectl get pods` printer against the cases ported from upstream's printer tests
//! ([`upstream_print_cases`]).

use pod_model::base::timestamp::Timestamp;
use pod_model::kubectl::get::pod_row;

use crate::upstream_print_cases::{CASES, NOW};

#[test]
fn ported_upstream_printer_cases_print_the_same_rows() {
    let now = Timestamp::parse(NOW).expect("NOW is RFC 3339");
    let mut failures = Vec::new();
    for case in CASES {
        let parsed = pod_model::parse(case.pod);
        let Some(pod) = parsed.pod.as_ref() else {
            failures.push(format!(
                "{}: no Pod ({:?})",
                case.upstream, parsed.diagnostics
            ));
            continue;
        };
        let row = pod_row(pod, now);
        let found = [
            row.name.as_str(),
            row.ready.as_str(),
            row.status.as_str(),
            row.restarts.as_str(),
            row.age.as_str(),
        ];
        if found != case.row {
            failures.push(format!(
                "{}\n  expected {:?}\n  found    {found:?}",
                case.upstream, case.row
            ));
        }
        if let Some(wide) = case.wide {
            let found = [
                row.ip.as_str(),
                row.node.as_str(),
                row.nominated_node.as_str(),
                row.readiness_gates.as_str(),
            ];
            if found != wide {
                failures.push(format!(
                    "{} (wide)\n  expected {wide:?}\n  found    {found:?}",
                    case.upstream
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
