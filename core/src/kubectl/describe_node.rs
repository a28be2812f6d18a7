//! `kubectl describe node`: upstream's `describeNode` and `describeNodeResource`
//! (staging/src/k8s.io/kubectl/pkg/describe/describe.go), over what the virtual cluster keeps of
//! a Node: its labels, taints, capacity, the health its kubelet and the node lifecycle
//! controller reported, its lease, the Pods bound to it and its Events.

use crate::api::quantity::Quantity;
use crate::api::v1::Pod;
use crate::base::timestamp::Timestamp;
use crate::cluster::ObservedNode;
use crate::kubectl::describe::{DescribeOptions, LEVEL_0, LEVEL_1, Writer};
use crate::kubectl::get::human_duration_millis;
use crate::kubectl::get_nodes::{KUBELET_VERSION, roles};
use crate::kubectl::tabwriter::TabWriter;

/// The Pods a kubelet runs at most (`maxPods`, `status.capacity.pods`).
pub const MAX_PODS: u32 = 110;

/// The memory the kubelet keeps back from Pods by default: the hard eviction threshold
/// `memory.available<100Mi`. Capacity is allocatable plus this.
pub const EVICTION_HARD_MEMORY_BYTES: i128 = 100 * 1024 * 1024;

/// The conditions a kubelet reports, in its order, with what a healthy kubelet says of each
/// (`pkg/kubelet/nodestatus/setters.go`).
const CONDITIONS: [(&str, &str, &str, &str); 4] = [
    (
        "MemoryPressure",
        "False",
        "KubeletHasSufficientMemory",
        "kubelet has sufficient memory available",
    ),
    (
        "DiskPressure",
        "False",
        "KubeletHasNoDiskPressure",
        "kubelet has no disk pressure",
    ),
    (
        "PIDPressure",
        "False",
        "KubeletHasSufficientPID",
        "kubelet has sufficient PID available",
    ),
    (
        "Ready",
        "True",
        "KubeletReady",
        "kubelet is posting ready status",
    ),
];

/// The text of `kubectl describe node` for `node`, with `pods` (those bound to it) and its
/// Events.
pub fn describe_node(node: &ObservedNode, pods: &[&Pod], options: DescribeOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        options,
    };
    let time = |at: Timestamp| rfc1123z(at, options.utc_offset_minutes);
    w.write(LEVEL_0, &format!("Name:\t{}\n", node.name));
    w.write(LEVEL_0, &format!("Roles:\t{}\n", roles(&node.labels)));
    w.labels("Labels", node.labels.iter().collect());
    // What every Node carries: the TTL controller's and the attach-detach controller's.
    let annotations = [
        ("node.alpha.kubernetes.io/ttl", "0"),
        (
            "volumes.kubernetes.io/controller-managed-attach-detach",
            "true",
        ),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect();
    w.annotations("Annotations", &annotations);
    w.write(
        LEVEL_0,
        &format!("CreationTimestamp:\t{}\n", time(node.created)),
    );
    taints(&mut w, node);
    let unschedulable = node
        .taints
        .iter()
        .any(|taint| taint.key == "node.kubernetes.io/unschedulable");
    w.write(LEVEL_0, &format!("Unschedulable:\t{unschedulable}\n"));
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, &format!("HolderIdentity:\t{}\n", node.name));
    w.write(LEVEL_1, "AcquireTime:\t<unset>\n");
    w.write(LEVEL_1, &format!("RenewTime:\t{}\n", time(node.renewed)));
    conditions(&mut w, node, &time);
    w.write(LEVEL_0, "Addresses:\n");
    w.write(LEVEL_1, &format!("InternalIP:\t{}\n", node.ip));
    w.write(LEVEL_1, &format!("Hostname:\t{}\n", node.name));
    let capacity = [
        ("cpu", cpu(node.cpu_millis)),
        (
            "memory",
            memory(node.memory_bytes + EVICTION_HARD_MEMORY_BYTES),
        ),
        ("pods", MAX_PODS.to_string()),
    ];
    let allocatable = [
        ("cpu", cpu(node.cpu_millis)),
        ("memory", memory(node.memory_bytes)),
        ("pods", MAX_PODS.to_string()),
    ];
    for (title, resources) in [("Capacity", capacity), ("Allocatable", allocatable)] {
        w.write(LEVEL_0, &format!("{title}:\n"));
        for (name, value) in resources {
            w.write(LEVEL_0, &format!("  {name}:\t{value}\n"));
        }
    }
    // The virtual nodes report no machine, kernel or runtime.
    w.write(LEVEL_0, "System Info:\n");
    for (key, value) in [
        ("Machine ID", ""),
        ("System UUID", ""),
        ("Boot ID", ""),
        ("Kernel Version", ""),
        ("OS Image", ""),
        ("Operating System", "linux"),
        ("Architecture", "amd64"),
        ("Container Runtime Version", ""),
        ("Kubelet Version", KUBELET_VERSION),
    ] {
        w.write(LEVEL_0, &format!("  {key}:\t{value}\n"));
    }
    w.write(LEVEL_0, &format!("PodCIDR:\t{}\n", node.pod_cidr));
    w.write(LEVEL_0, &format!("PodCIDRs:\t{}\n", node.pod_cidr));
    node_resources(&mut w, node, pods);
    w.events(&node.events);
    TabWriter::DESCRIBE.format(&w.out)
}

/// `printTaintsMultilineWithIndent`: sorted by effect, then key.
fn taints(w: &mut Writer, node: &ObservedNode) {
    w.write(LEVEL_0, "Taints:\t");
    if node.taints.is_empty() {
        w.out.push_str("<none>\n");
        return;
    }
    let mut taints: Vec<&crate::cluster::scenario::Taint> = node.taints.iter().collect();
    crate::base::sorting::sort_by_key(&mut taints, |taint| {
        format!("{},{}", taint.effect, taint.key)
    });
    for (index, taint) in taints.into_iter().enumerate() {
        if index != 0 {
            w.write(LEVEL_0, "\t");
        }
        let text = match (taint.value.is_empty(), taint.effect.is_empty()) {
            (true, true) => taint.key.clone(),
            (true, false) => format!("{}:{}", taint.key, taint.effect),
            (false, _) => format!("{}={}:{}", taint.key, taint.value, taint.effect),
        };
        w.write(LEVEL_0, &format!("{text}\n"));
    }
}

/// The kubelet's conditions, or the controller's `Unknown` once the kubelet went silent.
fn conditions(w: &mut Writer, node: &ObservedNode, time: &dyn Fn(Timestamp) -> String) {
    w.write(
        LEVEL_0,
        "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
    );
    w.write(
        LEVEL_1,
        "----\t------\t-----------------\t------------------\t------\t-------\n",
    );
    for (kind, healthy, reason, message) in CONDITIONS {
        let (status, reason, message) = match node.ready {
            "Unknown" => (
                "Unknown",
                "NodeStatusUnknown",
                "Kubelet stopped posting node status.",
            ),
            _ => (healthy, reason, message),
        };
        w.write(
            LEVEL_1,
            &format!(
                "{kind} \t{status} \t{} \t{} \t{reason} \t{message}\n",
                time(node.heartbeat),
                time(node.ready_since)
            ),
        );
    }
}

/// `describeNodeResource`: the Pods that are not finished, and what they ask of the node.
fn node_resources(w: &mut Writer, node: &ObservedNode, pods: &[&Pod]) {
    let running: Vec<&&Pod> = pods
        .iter()
        .filter(|pod| {
            !matches!(
                pod.status
                    .as_deref()
                    .and_then(|status| status.phase.as_deref()),
                Some("Succeeded" | "Failed")
            )
        })
        .collect();
    w.write(
        LEVEL_0,
        &format!("Non-terminated Pods:\t({} in total)\n", running.len()),
    );
    w.write(
        LEVEL_1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n",
    );
    w.write(
        LEVEL_1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n",
    );
    let cpu_of = |quantity: &Quantity| quantity.milli_value();
    let bytes_of = |quantity: &Quantity| quantity.value();
    let share = |part: i128, whole: i128| percent(part, whole);
    let mut totals = [
        Quantity::from_int(0),
        Quantity::from_int(0),
        Quantity::from_int(0),
        Quantity::from_int(0),
    ];
    for pod in &running {
        let cells = [
            pod_total(pod, "requests", "cpu"),
            pod_total(pod, "limits", "cpu"),
            pod_total(pod, "requests", "memory"),
            pod_total(pod, "limits", "memory"),
        ];
        let age = pod
            .metadata
            .creation_timestamp
            .as_deref()
            .and_then(Timestamp::parse)
            .map_or_else(
                || "<unknown>".to_owned(),
                |created| human_duration_millis(w.options.now.millis_since(created)),
            );
        w.write(
            LEVEL_1,
            &format!(
                "{}\t{}\t\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{age}\n",
                pod.metadata.namespace.as_deref().unwrap_or("default"),
                pod.name(),
                cells[0],
                share(cpu_of(&cells[0]), node.cpu_millis),
                cells[1],
                share(cpu_of(&cells[1]), node.cpu_millis),
                cells[2],
                share(bytes_of(&cells[2]), node.memory_bytes),
                cells[3],
                share(bytes_of(&cells[3]), node.memory_bytes),
            ),
        );
        for (total, cell) in totals.iter_mut().zip(&cells) {
            *total = total_of(total, cell);
        }
    }
    w.write(
        LEVEL_0,
        "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n",
    );
    w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
    w.write(LEVEL_1, "--------\t--------\t------\n");
    let [cpu_requests, cpu_limits, memory_requests, memory_limits] = &totals;
    w.write(
        LEVEL_1,
        &format!(
            "cpu\t{cpu_requests} ({}%)\t{cpu_limits} ({}%)\n",
            share(cpu_of(cpu_requests), node.cpu_millis),
            share(cpu_of(cpu_limits), node.cpu_millis)
        ),
    );
    w.write(
        LEVEL_1,
        &format!(
            "memory\t{memory_requests} ({}%)\t{memory_limits} ({}%)\n",
            share(bytes_of(memory_requests), node.memory_bytes),
            share(bytes_of(memory_limits), node.memory_bytes)
        ),
    );
    w.write(LEVEL_1, "ephemeral-storage\t0 (0%)\t0 (0%)\n");
}

/// `int64(float64(part) / float64(whole) * 100)`: truncated, 0 of nothing.
fn percent(part: i128, whole: i128) -> i64 {
    if whole == 0 {
        return 0;
    }
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let share = (part as f64 / whole as f64 * 100.0) as i64;
    share
}

/// A sum of quantities in the format of the first that is not zero (`Quantity.Add`).
fn total_of(total: &Quantity, more: &Quantity) -> Quantity {
    if total.is_zero() {
        *more
    } else {
        total.add(more)
    }
}

/// `resourcehelper.PodRequests`/`PodLimits` of one resource: the app containers' (and
/// sidecars') sum, or any plain init container's if larger.
fn pod_total(pod: &Pod, kind: &str, resource: &str) -> Quantity {
    let of = |container: &crate::api::v1::Container| {
        container
            .resources
            .as_ref()
            .and_then(|resources| {
                if kind == "requests" {
                    resources.requests.get(resource)
                } else {
                    resources.limits.get(resource)
                }
            })
            .cloned()
    };
    let sidecar = |container: &&crate::api::v1::Container| {
        container.restart_policy.as_deref() == Some("Always")
    };
    let mut sum = Quantity::from_int(0);
    for container in pod
        .spec
        .containers
        .iter()
        .chain(pod.spec.init_containers.iter().filter(sidecar))
    {
        if let Some(quantity) = of(container) {
            sum = total_of(&sum, &quantity);
        }
    }
    for container in pod.spec.init_containers.iter().filter(|c| !sidecar(c)) {
        if let Some(quantity) = of(container)
            && quantity.cmp_value(&sum) == std::cmp::Ordering::Greater
        {
            sum = quantity;
        }
    }
    sum
}

/// CPU millicores as a quantity prints them: `2`, `1500m`.
fn cpu(millis: i128) -> String {
    if millis % 1000 == 0 {
        (millis / 1000).to_string()
    } else {
        format!("{millis}m")
    }
}

/// Bytes as the kubelet reports memory: in Ki, printed in the largest binary unit that is
/// exact (`4Gi`, `4196Mi`).
fn memory(bytes: i128) -> String {
    let text = if bytes % 1024 == 0 {
        format!("{}Ki", bytes / 1024)
    } else {
        bytes.to_string()
    };
    Quantity::parse(&text).map_or(text, |quantity| quantity.to_string())
}

/// `time.RFC1123Z` at `offset_minutes` from UTC.
fn rfc1123z(at: Timestamp, offset_minutes: i32) -> String {
    crate::kubectl::describe::rfc1123z(at, offset_minutes)
}
