//! `kubectl top pod` (k8s.io/kubectl/pkg/metricsutil/metrics_printer.go): each Pod's CPU and
//! memory from metrics-server, summed over its running containers, or with `--containers` one
//! row per container. CPU prints as millicores (`974m`), memory as whole MiB (`1Mi`).

use std::collections::BTreeMap;

use crate::api::v1::Pod;
use crate::cluster::Usage;
use crate::kubectl::tabwriter::TabWriter;

/// kubectl's metrics table: `tabwriter.NewWriter(out, 10, 4, 3, ' ', 0)`.
const TOP: TabWriter = TabWriter {
    min_width: 10,
    padding: 3,
};

/// What kubectl prints without metrics-server.
pub const NO_METRICS: &str = "error: Metrics API not available";

/// `kubectl top pod` for `pods`, each with the usage of its containers by name. Only running
/// containers count, as only they have metrics.
pub fn top_pods(pods: &[(&Pod, &BTreeMap<String, Usage>)], containers: bool) -> String {
    let mut text = if containers {
        "POD\tNAME\tCPU(cores)\tMEMORY(bytes)\t\n".to_owned()
    } else {
        "NAME\tCPU(cores)\tMEMORY(bytes)\t\n".to_owned()
    };
    for (pod, usage) in pods {
        let running: Vec<(&str, Usage)> = running_containers(pod)
            .into_iter()
            .filter_map(|name| usage.get(name).map(|usage| (name, *usage)))
            .collect();
        if containers {
            for (name, usage) in &running {
                text.push_str(&format!(
                    "{}\t{name}\t{}\t{}\t\n",
                    pod.name(),
                    cpu(usage.cpu_millis),
                    memory(usage.memory_bytes)
                ));
            }
        } else {
            let cpu_total = running.iter().map(|(_, usage)| usage.cpu_millis).sum();
            let memory_total = running.iter().map(|(_, usage)| usage.memory_bytes).sum();
            text.push_str(&format!(
                "{}\t{}\t{}\t\n",
                pod.name(),
                cpu(cpu_total),
                memory(memory_total)
            ));
        }
    }
    TOP.format(&text)
}

/// The names of the Pod's containers that are running, init (sidecar) containers first.
fn running_containers(pod: &Pod) -> Vec<&str> {
    let Some(status) = pod.status.as_deref() else {
        return Vec::new();
    };
    status
        .init_container_statuses
        .iter()
        .chain(&status.container_statuses)
        .filter(|container| {
            container
                .state
                .as_ref()
                .is_some_and(|state| state.running.is_some())
        })
        .map(|container| container.name.as_str())
        .collect()
}

fn cpu(millis: u64) -> String {
    format!("{millis}m")
}

fn memory(bytes: u64) -> String {
    format!("{}Mi", bytes / (1024 * 1024))
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    #[test]
    fn the_docs_cpu_example_is_held_to_its_limit() {
        let manifest = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/k8s-docs-examples/pods/resource/cpu-request-limit.yaml"
        ))
        .expect("the docs example is in the repository");
        let parsed = crate::parse(&manifest);
        let pod = parsed.accepted_pod().expect("valid");
        let simulation = crate::cluster::simulate(pod, &crate::cluster::Scenario::default());
        let last = &simulation.snapshots.last().expect("snapshots").pod;
        let out = format!(
            "{}\n{}\n{}",
            top_pods(&[(last, &simulation.usage)], false),
            top_pods(&[(last, &simulation.usage)], true),
            simulation.notes.join("\n")
        );
        expect![[r#"
            NAME       CPU(cores)   MEMORY(bytes)   
            cpu-demo   1000m        1Mi             

            POD        NAME           CPU(cores)   MEMORY(bytes)   
            cpu-demo   cpu-demo-ctr   1000m        1Mi             

            container cpu-demo-ctr wants 2 CPU but its limit is 1: the kernel throttles it (CFS quota) to its limit"#]].assert_eq(&out);
    }
}
