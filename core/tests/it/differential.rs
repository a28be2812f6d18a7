//! TEMPORARY: compares the new cluster with the legacy simulator on generated scenarios.

use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::{Action, ProbeKind, Scenario, What};
use pod_model::cluster::{Simulation, legacy};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

fn rows(s: &Simulation) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = String::new();
    for snapshot in &s.snapshots {
        let row = pod_model::kubectl::get::pod_row(&snapshot.pod, s.wall(snapshot.at));
        let line = format!(
            "{} {} {} {}",
            snapshot.at, row.ready, row.status, row.restarts
        );
        let key = format!("{} {} {}", row.ready, row.status, row.restarts);
        if key != last {
            out.push(line);
            last = key;
        }
    }
    out
}

fn events(s: &Simulation) -> Vec<String> {
    let mut v: Vec<String> = s
        .events
        .occurrences()
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                e.first_seen,
                e.reason,
                e.message,
                e.field_path.clone().unwrap_or_default()
            )
        })
        .collect();
    v.sort();
    v
}

fn logs(s: &Simulation) -> Vec<String> {
    s.logs
        .iter()
        .flat_map(|(c, lines)| {
            lines
                .iter()
                .map(move |l| format!("{c} {} {} {}", l.at, l.run, l.text))
        })
        .collect()
}

fn legacy_rows(s: &legacy::Simulation) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = String::new();
    for snapshot in &s.snapshots {
        let row = pod_model::kubectl::get::pod_row(&snapshot.pod, s.wall(snapshot.at));
        let line = format!(
            "{} {} {} {}",
            snapshot.at, row.ready, row.status, row.restarts
        );
        let key = format!("{} {} {}", row.ready, row.status, row.restarts);
        if key != last {
            out.push(line);
            last = key;
        }
    }
    out
}

fn legacy_events(s: &legacy::Simulation) -> Vec<String> {
    let mut v: Vec<String> = s
        .events
        .occurrences()
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                e.first_seen,
                e.reason,
                e.message,
                e.field_path.clone().unwrap_or_default()
            )
        })
        .collect();
    v.sort();
    v
}

fn legacy_logs(s: &legacy::Simulation) -> Vec<String> {
    s.logs
        .iter()
        .flat_map(|(c, lines)| {
            lines
                .iter()
                .map(move |l| format!("{c} {} {} {}", l.at, l.run, l.text))
        })
        .collect()
}

fn compare(text: &str, scenario: &Scenario) -> Option<String> {
    let parsed = pod_model::parse(text);
    let pod = parsed.accepted_pod()?;
    let news = pod_model::cluster::simulate_all(pod, scenario);
    let olds = legacy::simulate_all(pod, scenario);
    if news.len() != olds.len() {
        return Some(format!("GENERATIONS old {} new {}", olds.len(), news.len()));
    }
    let mut all = String::new();
    for (old, new) in olds.iter().zip(&news) {
        if let Some(report) = compare_one(old, new, scenario) {
            all.push_str(&report);
        }
    }
    (!all.is_empty()).then_some(all)
}

fn compare_one(old: &legacy::Simulation, new: &Simulation, scenario: &Scenario) -> Option<String> {
    let horizon = scenario
        .start
        .plus_millis(scenario.horizon.as_millis() as i64);
    let mut report = String::new();
    let (a, b) = (legacy_rows(old), rows(new));
    if a != b {
        report.push_str(&format!("ROWS\n old: {a:?}\n new: {b:?}\n"));
    }
    let a: Vec<String> = legacy_events(old)
        .into_iter()
        .filter(|e| e[..20] <= horizon.to_string()[..20])
        .collect();
    let b = events(new);
    if a != b {
        let only_old: Vec<&String> = a.iter().filter(|x| !b.contains(x)).collect();
        let only_new: Vec<&String> = b.iter().filter(|x| !a.contains(x)).collect();
        report.push_str(&format!(
            "EVENTS only old: {only_old:#?}\n only new: {only_new:#?}\n"
        ));
    }
    let (a, b) = (legacy_logs(old), logs(new));
    if a != b {
        let only_old: Vec<&String> = a.iter().filter(|x| !b.contains(x)).take(5).collect();
        let only_new: Vec<&String> = b.iter().filter(|x| !a.contains(x)).take(5).collect();
        report.push_str(&format!(
            "LOGS only old: {only_old:?}\n only new: {only_new:?}\n"
        ));
    }
    let last_old = old.snapshots.last().map(|s| &s.pod);
    let last_new = new.snapshots.last().map(|s| &s.pod);
    if report.is_empty() && last_old != last_new {
        let a = last_old
            .map(pod_model::kubectl::yaml::pod_yaml)
            .unwrap_or_default();
        let b = last_new
            .map(pod_model::kubectl::yaml::pod_yaml)
            .unwrap_or_default();
        let la: Vec<&str> = a.lines().collect();
        let lb: Vec<&str> = b.lines().collect();
        report.push_str("LAST SNAPSHOT differs\n");
        for (i, (x, y)) in la.iter().zip(&lb).enumerate() {
            if x != y {
                report.push_str(&format!(" line {i}: old {x}\n          new {y}\n"));
            }
        }
        if la.len() != lb.len() {
            report.push_str(&format!(" lengths {} {}\n", la.len(), lb.len()));
        }
    }
    if old.notes != new.notes {
        report.push_str(&format!(
            "NOTES old {:?}\n new {:?}\n",
            old.notes, new.notes
        ));
    }
    (!report.is_empty()).then_some(report)
}

fn manifests() -> impl Strategy<Value = String> {
    let image = prop::sample::select(vec![
        "nginx",
        "nginx:1.27",
        "busybox:1.36",
        "postgres:16",
        "redis@sha256:abc",
        "registry.k8s.io/liveness",
        "Bad:Image",
        "unknown/thing:1",
    ]);
    let command = prop::sample::select(vec![
        "",
        "    command: [sh, -c, 'echo hi; sleep 5; exit 3']\n",
        "    command: [sh, -c, 'while true; do date >> /data/log; sleep 2; done']\n",
        "    command: [sh, -c, 'tail -f /data/log']\n",
        "    command: [sh, -c, 'sleep 3600']\n",
        "    command: [sh, -c, 'until nslookup svc; do sleep 2; done; echo found']\n",
        "    command: [sh, -c, 'echo done > /data/ready']\n",
    ]);
    let extra = prop::sample::select(vec![
        "",
        "    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n",
        "    livenessProbe: {exec: {command: [cat, /data/log]}, periodSeconds: 3, failureThreshold: 2}\n",
        "    startupProbe: {tcpSocket: {port: 80}, periodSeconds: 2}\n",
        "    lifecycle: {preStop: {exec: {command: [sh, -c, 'sleep 4']}}, postStart: {exec: {command: [sh, -c, 'sleep 1']}}}\n",
        "    resources: {limits: {memory: 1Mi}}\n",
        "    restartPolicy: Always\n",
    ]);
    let restart = prop::sample::select(vec!["Always", "Never", "OnFailure"]);
    (prop::collection::vec((image.clone(), command.clone(), extra.clone()), 1..4), prop::collection::vec((image, command, extra), 0..3), restart, any::<bool>())
        .prop_map(|(apps, inits, restart, grace)| {
            let mut text = format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  restartPolicy: {restart}\n  volumes: [{{name: data, emptyDir: {{}}}}]\n");
            if grace { text.push_str("  terminationGracePeriodSeconds: 5\n"); }
            for (section, list) in [("initContainers", &inits), ("containers", &apps)] {
                if list.is_empty() { continue; }
                text.push_str(&format!("  {section}:\n"));
                for (i, (image, command, extra)) in list.iter().enumerate() {
                    let extra = if section == "initContainers" && !extra.contains("restartPolicy") && (extra.contains("Probe") || extra.contains("lifecycle")) { "" } else { extra };
                    let extra = if section == "containers" && extra.contains("restartPolicy") { "" } else { extra };
                    text.push_str(&format!("  - name: {}{i}\n    image: '{image}'\n    volumeMounts: [{{name: data, mountPath: /data}}]\n{command}{extra}", &section[..1]));
                }
            }
            text
        })
}

fn actions() -> impl Strategy<Value = Vec<(u64, u8, usize)>> {
    prop::collection::vec((0u64..300, 0u8..13, 0usize..4), 0..6)
}

fn scenario_actions(text: &str, generated: &[(u64, u8, usize)]) -> Vec<Action> {
    let parsed = pod_model::parse(text);
    let Some(pod) = parsed.accepted_pod() else {
        return Vec::new();
    };
    let names: Vec<String> = pod
        .spec
        .init_containers
        .iter()
        .chain(&pod.spec.containers)
        .map(|c| c.name.clone())
        .collect();
    generated
        .iter()
        .map(|&(second, kind, index)| {
            let container = names
                .get(index % names.len().max(1))
                .cloned()
                .unwrap_or_default();
            let probe = [
                ProbeKind::Liveness,
                ProbeKind::Readiness,
                ProbeKind::Startup,
            ][index % 3];
            let what = match kind {
                0 => What::DeletePod {
                    grace_period_seconds: Some(i64::try_from(index).unwrap_or(0) * 7),
                },
                1 => What::KillContainer { container },
                2 => What::FailProbe { container, probe },
                3 => What::PassProbe { container, probe },
                4 => What::ExceedMemory { container },
                5 => What::FailImagePull { container },
                6 => What::FixImagePull { container },
                7 => What::LoseNode { node: None },
                8 => What::RestoreNode { node: None },
                9 => What::CreateService {
                    name: "svc".to_owned(),
                },
                10 => What::DeleteService {
                    name: "svc".to_owned(),
                },
                11 => What::DeletePod {
                    grace_period_seconds: None,
                },
                _ => What::ApplyPod,
            };
            Action::new(VirtualTime::from_secs(second), what)
        })
        .collect()
}

#[test]
#[ignore]
fn differential() {
    let cases: u32 = std::env::var("DIFF_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let mut found = 0;
    let mut categories: std::collections::BTreeMap<String, usize> =
        std::collections::BTreeMap::new();
    for _ in 0..cases {
        let text = manifests().new_tree(&mut runner).unwrap().current();
        let generated = actions().new_tree(&mut runner).unwrap().current();
        let scenario = Scenario {
            horizon: VirtualTime::from_secs(360),
            actions: scenario_actions(&text, &generated),
            ..Scenario::default()
        };
        if let Some(report) = compare(&text, &scenario) {
            let cat = report
                .lines()
                .next()
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_owned();
            *categories.entry(cat.clone()).or_default() += 1;
            found += 1;
            let only = std::env::var("DIFF_ONLY").unwrap_or_default();
            if (only.is_empty() || cat == only) && found <= 400 {
                let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/diff");
                std::fs::create_dir_all(&dir).ok();
                std::fs::write(
                    dir.join(format!("{cat}-{found}.txt")),
                    format!("{text}\n---\n{}\n---\n{report}", scenario.to_json()),
                )
                .ok();
            }
        }
    }
    eprintln!("{found} of {cases} differ: {categories:?}");
}

#[test]
#[ignore]
fn count_versions() {
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: crashers}\nspec:\n  containers:\n",
    );
    for index in 0..10 {
        text.push_str(&format!("  - {{name: c{index}, image: 'busybox:1.36', command: [sh, -c, 'echo starting; sleep 5; exit 1']}}\n"));
    }
    let parsed = pod_model::parse(&text);
    let pod = parsed.accepted_pod().unwrap();
    let scenario = Scenario {
        horizon: VirtualTime::from_secs(600),
        ..Scenario::default()
    };
    let new = pod_model::cluster::simulate(pod, &scenario);
    let old = legacy::simulate(pod, &scenario);
    eprintln!(
        "versions new {} old {}; events new {} old {}",
        new.snapshots.len(),
        old.snapshots.len(),
        new.events.occurrences().len(),
        old.events.occurrences().len()
    );
    let run = pod_model::cluster::run_logged(std::slice::from_ref(pod), &scenario);
    let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
    for (_, e) in &run.log {
        let k = format!("{e:?}");
        let k = k
            .split(|c: char| c == '(' || c == ' ' || c == '{')
            .next()
            .unwrap_or("")
            .to_owned();
        *kinds.entry(k).or_default() += 1;
    }
    eprintln!("log {} {kinds:?}", run.log.len());
}

#[test]
#[ignore]
fn crash_loop_new() {
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: crashers}\nspec:\n  containers:\n",
    );
    for index in 0..10 {
        text.push_str(&format!("  - {{name: c{index}, image: 'busybox:1.36', command: [sh, -c, 'echo starting; sleep 5; exit 1']}}\n"));
    }
    let parsed = pod_model::parse(&text);
    let pod = parsed.accepted_pod().unwrap();
    let scenario = Scenario {
        horizon: VirtualTime::from_secs(600),
        ..Scenario::default()
    };
    let which = std::env::var("WHICH").unwrap_or_default();
    for _ in 0..20 {
        if which == "old" {
            std::hint::black_box(legacy::simulate(pod, &scenario));
        } else {
            std::hint::black_box(pod_model::cluster::simulate(pod, &scenario));
        }
    }
}
