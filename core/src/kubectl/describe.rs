//! `kubectl describe pod`: kubectl's describer (staging/src/k8s.io/kubectl/pkg/describe
//! `describePod`, current master), a pure function of a Pod, its Events and "now". The text is
//! written with tab-separated cells and laid out by Go's tabwriter (minimum width 0, padding 2),
//! so alignment, and even trailing spaces, match kubectl.

use std::fmt::Write as _;

use crate::api::qos;
use crate::api::quantity::Quantity;
use crate::api::v1::{
    Container, ContainerPort, ContainerState, ContainerStatus, EnvVar, IntOrString, Pod, Probe,
    ResourceRequirements, Toleration, Volume,
};
use crate::base::timestamp::Timestamp;
use crate::cluster::events::Event;
use crate::kubectl::get::human_duration_millis;
use crate::kubectl::tabwriter::TabWriter;

/// How `describe` prints instants: kubectl uses the local time zone of the machine it runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DescribeOptions {
    /// "Now", for ages.
    pub now: Timestamp,
    /// The local time zone's offset from UTC, in minutes.
    pub utc_offset_minutes: i32,
}

/// The text of `kubectl describe pod` for `pod` with `events` (those involving the Pod).
pub fn describe_pod(pod: &Pod, events: &[Event], options: DescribeOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        options,
    };
    w.pod(pod, events);
    TabWriter::DESCRIBE.format(&w.out)
}

/// kubectl's `PrefixWriter`: each level indents by two spaces.
pub(crate) struct Writer {
    /// The text so far, cells separated by tabs.
    pub(crate) out: String,
    /// "Now" and the time zone.
    pub(crate) options: DescribeOptions,
}

pub(crate) const LEVEL_0: usize = 0;
pub(crate) const LEVEL_1: usize = 1;
const LEVEL_2: usize = 2;
const LEVEL_3: usize = 3;

impl Writer {
    /// Writes `text` indented by `level`, escaping terminal control characters.
    pub(crate) fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.out.push_str("  ");
        }
        // kubectl escapes terminal control characters in what it prints.
        for c in text.chars() {
            match c {
                '\u{1b}' => self.out.push_str("^["),
                '\r' => self.out.push_str("\\r"),
                c => self.out.push(c),
            }
        }
    }

    /// `time.RFC1123Z` in the configured zone: `Mon, 02 Jan 2006 15:04:05 -0700`.
    pub(crate) fn time(&self, text: Option<&str>) -> String {
        let Some(at) = text.and_then(Timestamp::parse) else {
            return "Mon, 01 Jan 0001 00:00:00 +0000".to_owned();
        };
        rfc1123z(at, self.options.utc_offset_minutes)
    }

    fn since(&self, text: &str) -> String {
        Timestamp::parse(text).map_or_else(
            || "<unknown>".to_owned(),
            |at| human_duration_millis(self.options.now.millis_since(at)),
        )
    }

    fn pod(&mut self, pod: &Pod, events: &[Event]) {
        let status = pod.status.as_deref();
        let meta = &pod.metadata;
        let spec = &pod.spec;
        self.write(LEVEL_0, &format!("Name:\t{}\n", pod.name()));
        self.write(
            LEVEL_0,
            &format!(
                "Namespace:\t{}\n",
                meta.namespace.as_deref().unwrap_or_default()
            ),
        );
        if let Some(priority) = spec.priority {
            self.write(LEVEL_0, &format!("Priority:\t{priority}\n"));
        }
        if let Some(class) = spec
            .priority_class_name
            .as_deref()
            .filter(|c| !c.is_empty())
        {
            self.write(LEVEL_0, &format!("Priority Class Name:\t{class}\n"));
        }
        if let Some(class) = spec.runtime_class_name.as_deref().filter(|c| !c.is_empty()) {
            self.write(LEVEL_0, &format!("Runtime Class Name:\t{class}\n"));
        }
        if let Some(account) = spec
            .service_account_name
            .as_deref()
            .filter(|a| !a.is_empty())
        {
            self.write(LEVEL_0, &format!("Service Account:\t{account}\n"));
        }
        match spec.node_name.as_deref().filter(|n| !n.is_empty()) {
            None => self.write(LEVEL_0, "Node:\t<none>\n"),
            Some(node) => {
                let host_ip = status
                    .and_then(|s| s.host_ip.as_deref())
                    .unwrap_or_default();
                self.write(LEVEL_0, &format!("Node:\t{node}/{host_ip}\n"));
            }
        }
        if let Some(start) = status.and_then(|s| s.start_time.as_deref()) {
            let start = self.time(Some(start));
            self.write(LEVEL_0, &format!("Start Time:\t{start}\n"));
        }
        self.labels("Labels", meta.labels.iter().collect());
        self.annotations("Annotations", &pod.metadata.annotations);
        let phase = status.and_then(|s| s.phase.as_deref()).unwrap_or_default();
        match meta.deletion_timestamp.as_deref() {
            Some(deleted) if !matches!(phase, "Failed" | "Succeeded") => {
                let lasts = self.since(deleted);
                self.write(LEVEL_0, &format!("Status:\tTerminating (lasts {lasts})\n"));
                let grace = meta.deletion_grace_period_seconds.unwrap_or_default();
                self.write(LEVEL_0, &format!("Termination Grace Period:\t{grace}s\n"));
            }
            _ => self.write(LEVEL_0, &format!("Status:\t{phase}\n")),
        }
        if let Some(reason) = status
            .and_then(|s| s.reason.as_deref())
            .filter(|r| !r.is_empty())
        {
            self.write(LEVEL_0, &format!("Reason:\t{reason}\n"));
        }
        if let Some(message) = status
            .and_then(|s| s.message.as_deref())
            .filter(|m| !m.is_empty())
        {
            self.write(LEVEL_0, &format!("Message:\t{message}\n"));
        }
        if let Some(profile) = spec
            .security_context
            .as_ref()
            .and_then(|c| c.seccomp_profile.as_ref())
        {
            self.write(LEVEL_0, &format!("SeccompProfile:\t{}\n", profile.kind));
            if profile.kind == "Localhost" {
                let local = profile.localhost_profile.as_deref().unwrap_or_default();
                self.write(LEVEL_0, &format!("LocalhostProfile:\t{local}\n"));
            }
        }
        let ip = status.and_then(|s| s.pod_ip.as_deref()).unwrap_or_default();
        self.write(LEVEL_0, &format!("IP:\t{ip}\n"));
        let ips = status.map(|s| s.pod_ips.as_slice()).unwrap_or_default();
        if ips.is_empty() {
            self.write(LEVEL_0, "IPs:\t<none>\n");
        } else {
            self.write(LEVEL_0, "IPs:\n");
            for ip in ips {
                self.write(LEVEL_1, &format!("IP:\t{}\n", ip.ip));
            }
        }
        if let Some(owner) = meta
            .owner_references
            .iter()
            .find(|o| o.controller == Some(true))
        {
            self.write(
                LEVEL_0,
                &format!("Controlled By:\t{}/{}\n", owner.kind, owner.name),
            );
        }
        if let Some(nominated) = status
            .and_then(|s| s.nominated_node_name.as_deref())
            .filter(|n| !n.is_empty())
        {
            self.write(LEVEL_0, &format!("NominatedNodeName:\t{nominated}\n"));
        }
        if let Some(resources) = &spec.resources {
            self.write(LEVEL_0, "Resources:\n");
            self.resources(resources, LEVEL_1);
        }
        let statuses = |list: Option<&Vec<ContainerStatus>>| {
            list.map(Vec::as_slice).unwrap_or_default().to_vec()
        };
        if !spec.init_containers.is_empty() {
            let init = statuses(status.map(|s| &s.init_container_statuses));
            self.containers(
                "Init Containers",
                &spec.init_containers,
                &init,
                Some(pod),
                "",
            );
        }
        let app = statuses(status.map(|s| &s.container_statuses));
        self.containers("Containers", &spec.containers, &app, Some(pod), "");
        if !spec.ephemeral_containers.is_empty() {
            let ephemeral: Vec<Container> = spec
                .ephemeral_containers
                .iter()
                .map(|e| e.as_container())
                .collect();
            let ephemeral_statuses = statuses(status.map(|s| &s.ephemeral_container_statuses));
            self.containers(
                "Ephemeral Containers",
                &ephemeral,
                &ephemeral_statuses,
                Some(pod),
                "",
            );
        }
        let conditions = status.map(|s| s.conditions.as_slice()).unwrap_or_default();
        if !spec.readiness_gates.is_empty() {
            self.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
            for gate in &spec.readiness_gates {
                let state = conditions
                    .iter()
                    .find(|c| c.kind == gate.condition_type)
                    .map_or("<none>", |c| c.status.as_str());
                self.write(LEVEL_1, &format!("{} \t{state} \n", gate.condition_type));
            }
        }
        if !conditions.is_empty() {
            self.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
            for condition in conditions {
                self.write(
                    LEVEL_1,
                    &format!("{} \t{} \n", condition.kind, condition.status),
                );
            }
        }
        self.volumes(&spec.volumes, "");
        let qos = status
            .and_then(|s| s.qos_class.clone())
            .filter(|q| !q.is_empty())
            .unwrap_or_else(|| qos::qos_class(pod).as_str().to_owned());
        self.write(LEVEL_0, &format!("QoS Class:\t{qos}\n"));
        self.labels("Node-Selectors", spec.node_selector.iter().collect());
        self.tolerations("Tolerations", &spec.tolerations);
        self.events(events);
    }

    /// `printLabelsMultiline`: `<none>`, or `key=value` lines sorted by key.
    pub(crate) fn labels(&mut self, title: &str, labels: Vec<(&String, &String)>) {
        self.write(LEVEL_0, &format!("{title}:\t"));
        if labels.is_empty() {
            self.out.push_str("<none>\n");
            return;
        }
        for (index, (key, value)) in labels.into_iter().enumerate() {
            if index != 0 {
                self.write(LEVEL_0, "\t");
            }
            self.write(LEVEL_0, &format!("{key}={value}\n"));
        }
    }

    /// `printAnnotationsMultiline`: `key: value`, long or multi-line values on their own lines,
    /// `kubectl.kubernetes.io/last-applied-configuration` left out.
    pub(crate) fn annotations(
        &mut self,
        title: &str,
        annotations: &std::collections::BTreeMap<String, String>,
    ) {
        self.write(LEVEL_0, &format!("{title}:\t"));
        let keys: Vec<(&String, &String)> = annotations
            .iter()
            .filter(|(key, _)| key.as_str() != "kubectl.kubernetes.io/last-applied-configuration")
            .collect();
        if keys.is_empty() {
            self.out.push_str("<none>\n");
            return;
        }
        const MAX: usize = 140;
        for (index, (key, value)) in keys.into_iter().enumerate() {
            if index != 0 {
                self.write(LEVEL_0, "\t");
            }
            let value = value.strip_suffix('\n').unwrap_or(value);
            if value.len() + key.len() + 2 > MAX || value.contains('\n') {
                self.write(LEVEL_0, &format!("{key}:\n"));
                for line in value.split('\n') {
                    let shortened = shorten(line, MAX - 2);
                    self.write(LEVEL_0, &format!("\t  {shortened}\n"));
                }
            } else {
                self.write(LEVEL_0, &format!("{key}: {value}\n"));
            }
        }
    }

    /// `describeContainers`: a Pod's with their statuses and its values for the environment;
    /// a template's (`pod` none) indented by `space`, without either.
    pub(crate) fn containers(
        &mut self,
        label: &str,
        containers: &[Container],
        statuses: &[ContainerStatus],
        pod: Option<&Pod>,
        space: &str,
    ) {
        let none = if containers.is_empty() { " <none>" } else { "" };
        self.write(LEVEL_0, &format!("{space}{label}:{none}\n"));
        let name_indent = if space.is_empty() { "" } else { " " };
        for container in containers {
            let status = statuses.iter().rev().find(|s| s.name == container.name);
            self.write(LEVEL_1, &format!("{name_indent}{}:\n", container.name));
            if let Some(status) = status {
                let id = status.container_id.as_deref().unwrap_or_default();
                self.write(LEVEL_2, &format!("Container ID:\t{id}\n"));
            }
            self.write(
                LEVEL_2,
                &format!(
                    "Image:\t{}\n",
                    container.image.as_deref().unwrap_or_default()
                ),
            );
            if let Some(status) = status {
                self.write(LEVEL_2, &format!("Image ID:\t{}\n", status.image_id));
            }
            let ports = ports_of(&container.ports, |p| i64::from(p.container_port));
            if ports.contains(',') {
                self.write(LEVEL_2, &format!("Ports:\t{ports}\n"));
            } else {
                self.write(LEVEL_2, &format!("Port:\t{}\n", or_none(&ports)));
            }
            let host_ports = ports_of(&container.ports, |p| {
                i64::from(p.host_port.unwrap_or_default())
            });
            if host_ports.contains(',') {
                self.write(LEVEL_2, &format!("Host Ports:\t{host_ports}\n"));
            } else {
                self.write(LEVEL_2, &format!("Host Port:\t{}\n", or_none(&host_ports)));
            }
            if let Some(profile) = container
                .security_context
                .as_ref()
                .and_then(|c| c.seccomp_profile.as_ref())
            {
                self.write(LEVEL_2, &format!("SeccompProfile:\t{}\n", profile.kind));
            }
            for (title, lines) in [("Command", &container.command), ("Args", &container.args)] {
                if !lines.is_empty() {
                    self.write(LEVEL_2, &format!("{title}:\n"));
                    for line in lines.iter().flat_map(|arg| arg.split('\n')) {
                        self.write(LEVEL_3, &format!("{line}\n"));
                    }
                }
            }
            if let Some(status) = status {
                self.state("State", status.state.as_ref());
                if let Some(last) = status
                    .last_state
                    .as_ref()
                    .filter(|s| s.terminated.is_some())
                {
                    self.state("Last State", Some(last));
                }
                let ready = if status.ready { "True" } else { "False" };
                self.write(LEVEL_2, &format!("Ready:\t{ready}\n"));
                self.write(
                    LEVEL_2,
                    &format!("Restart Count:\t{}\n", status.restart_count),
                );
            }
            if let Some(resources) = &container.resources {
                self.resources(resources, LEVEL_2);
            }
            for (title, probe) in [
                ("Liveness", &container.liveness_probe),
                ("Readiness", &container.readiness_probe),
                ("Startup", &container.startup_probe),
            ] {
                if let Some(probe) = probe {
                    self.write(LEVEL_2, &format!("{title}:\t{}\n", describe_probe(probe)));
                }
            }
            if !container.env_from.is_empty() {
                self.write(LEVEL_2, "Environment Variables from:\n");
                for source in &container.env_from {
                    let (from, reference) = match (&source.config_map_ref, &source.secret_ref) {
                        (Some(reference), _) => ("ConfigMap", reference),
                        (None, Some(reference)) => ("Secret", reference),
                        (None, None) => continue,
                    };
                    let name = reference.name.as_deref().unwrap_or_default();
                    let optional = reference.optional == Some(true);
                    match source.prefix.as_deref().filter(|p| !p.is_empty()) {
                        None => {
                            self.write(LEVEL_3, &format!("{name}\t{from}\tOptional: {optional}\n"))
                        }
                        Some(prefix) => self.write(
                            LEVEL_3,
                            &format!(
                                "{name}\t{from} with prefix '{prefix}'\tOptional: {optional}\n"
                            ),
                        ),
                    }
                }
            }
            self.env(container, pod);
            self.mounts(container);
        }
    }

    fn state(&mut self, title: &str, state: Option<&ContainerState>) {
        let state = state.cloned().unwrap_or_default();
        if let Some(running) = &state.running {
            self.write(LEVEL_2, &format!("{title}:\tRunning\n"));
            let started = self.time(running.started_at.as_deref());
            self.write(LEVEL_3, &format!("Started:\t{started}\n"));
        } else if let Some(waiting) = &state.waiting {
            self.write(LEVEL_2, &format!("{title}:\tWaiting\n"));
            if let Some(reason) = waiting.reason.as_deref().filter(|r| !r.is_empty()) {
                self.write(LEVEL_3, &format!("Reason:\t{reason}\n"));
            }
        } else if let Some(terminated) = &state.terminated {
            self.write(LEVEL_2, &format!("{title}:\tTerminated\n"));
            if let Some(reason) = terminated.reason.as_deref().filter(|r| !r.is_empty()) {
                self.write(LEVEL_3, &format!("Reason:\t{reason}\n"));
            }
            if let Some(message) = terminated.message.as_deref().filter(|m| !m.is_empty()) {
                self.write(LEVEL_3, &format!("Message:\t{message}\n"));
            }
            self.write(LEVEL_3, &format!("Exit Code:\t{}\n", terminated.exit_code));
            if let Some(signal) = terminated.signal.filter(|s| *s > 0) {
                self.write(LEVEL_3, &format!("Signal:\t{signal}\n"));
            }
            let started = self.time(terminated.started_at.as_deref());
            self.write(LEVEL_3, &format!("Started:\t{started}\n"));
            let finished = self.time(terminated.finished_at.as_deref());
            self.write(LEVEL_3, &format!("Finished:\t{finished}\n"));
        } else {
            self.write(LEVEL_2, &format!("{title}:\tWaiting\n"));
        }
    }

    fn resources(&mut self, resources: &ResourceRequirements, level: usize) {
        for (title, list) in [
            ("Limits", &resources.limits),
            ("Requests", &resources.requests),
        ] {
            if !list.is_empty() {
                self.write(level, &format!("{title}:\n"));
            }
            for (name, quantity) in list {
                self.write(level + 1, &format!("{name}:\t{quantity}\n"));
            }
        }
    }

    /// `describeContainerEnvVars`: a `fieldRef` resolved against the Pod, or, for a template,
    /// left empty.
    fn env(&mut self, container: &Container, pod: Option<&Pod>) {
        let none = if container.env.is_empty() {
            "\t<none>"
        } else {
            ""
        };
        self.write(LEVEL_2, &format!("Environment:{none}\n"));
        for var in &container.env {
            let Some(from) = &var.value_from else {
                for (index, line) in var
                    .value
                    .as_deref()
                    .unwrap_or_default()
                    .split('\n')
                    .enumerate()
                {
                    if index == 0 {
                        self.write(LEVEL_3, &format!("{}:\t{line}\n", var.name));
                    } else {
                        self.write(LEVEL_3, &format!("\t{line}\n"));
                    }
                }
                continue;
            };
            if let Some(field) = &from.field_ref {
                let value = pod.map(|pod| field_value(pod, var)).unwrap_or_default();
                let version = field.api_version.as_deref().unwrap_or_default();
                self.write(
                    LEVEL_3,
                    &format!("{}:\t{value} ({version}:{})\n", var.name, field.field_path),
                );
            } else if let Some(resource) = &from.resource_field_ref {
                let mut value =
                    resource_value(container, &resource.resource, resource.divisor.as_ref());
                if value == "0"
                    && matches!(resource.resource.as_str(), "limits.cpu" | "limits.memory")
                {
                    value = "node allocatable".to_owned();
                }
                self.write(
                    LEVEL_3,
                    &format!("{}:\t{value} ({})\n", var.name, resource.resource),
                );
            } else if let Some(secret) = &from.secret_key_ref {
                let name = secret.name.as_deref().unwrap_or_default();
                let optional = secret.optional == Some(true);
                self.write(
                    LEVEL_3,
                    &format!(
                        "{}:\t<set to the key '{}' in secret '{name}'>\tOptional: {optional}\n",
                        var.name, secret.key
                    ),
                );
            } else if let Some(map) = &from.config_map_key_ref {
                let name = map.name.as_deref().unwrap_or_default();
                let optional = map.optional == Some(true);
                self.write(
                    LEVEL_3,
                    &format!(
                        "{}:\t<set to the key '{}' of config map '{name}'>\tOptional: {optional}\n",
                        var.name, map.key
                    ),
                );
            }
        }
    }

    fn mounts(&mut self, container: &Container) {
        let none = if container.volume_mounts.is_empty() {
            "\t<none>"
        } else {
            ""
        };
        self.write(LEVEL_2, &format!("Mounts:{none}\n"));
        let mut mounts: Vec<_> = container.volume_mounts.iter().collect();
        crate::base::sorting::sort_by(&mut mounts, |a, b| a.mount_path.cmp(&b.mount_path));
        for mount in mounts {
            let mut flags = vec![if mount.read_only {
                "ro".to_owned()
            } else {
                "rw".to_owned()
            }];
            if let Some(sub_path) = mount.sub_path.as_deref().filter(|p| !p.is_empty()) {
                flags.push(format!(
                    "path={}",
                    crate::api::validation::go_quote(sub_path)
                ));
            }
            self.write(
                LEVEL_3,
                &format!(
                    "{} from {} ({})\n",
                    mount.mount_path,
                    mount.name,
                    flags.join(",")
                ),
            );
        }
        if !container.volume_devices.is_empty() {
            self.write(LEVEL_2, &format!("Devices:{none}\n"));
            let mut devices: Vec<_> = container.volume_devices.iter().collect();
            crate::base::sorting::sort_by(&mut devices, |a, b| a.device_path.cmp(&b.device_path));
            for device in devices {
                self.write(
                    LEVEL_3,
                    &format!("{} from {}\n", device.device_path, device.name),
                );
            }
        }
    }

    /// `describeVolumes`, indented by `space` in a template.
    pub(crate) fn volumes(&mut self, volumes: &[Volume], space: &str) {
        if volumes.is_empty() {
            self.write(LEVEL_0, &format!("{space}Volumes:\t<none>\n"));
            return;
        }
        self.write(LEVEL_0, &format!("{space}Volumes:\n"));
        let name_indent = if space.is_empty() { "" } else { " " };
        for volume in volumes {
            self.write(LEVEL_1, &format!("{name_indent}{}:\n", volume.name));
            if let Some(source) = &volume.host_path {
                let kind = source.kind.as_deref().unwrap_or("<none>");
                self.write(
                    LEVEL_2,
                    &format!("Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{kind}\n", source.path),
                );
            } else if let Some(source) = &volume.empty_dir {
                let size = source
                    .size_limit
                    .filter(|size| !size.is_zero() && !size.is_negative())
                    .map_or_else(|| "<unset>".to_owned(), |size| size.to_string());
                let medium = source.medium.as_deref().unwrap_or_default();
                self.write(
                    LEVEL_2,
                    &format!("Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{medium}\n    SizeLimit:\t{size}\n"),
                );
            } else if let Some(source) = &volume.secret {
                let optional = source.optional == Some(true);
                let name = source.secret_name.as_deref().unwrap_or_default();
                self.write(
                    LEVEL_2,
                    &format!("Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{name}\n    Optional:\t{optional}\n"),
                );
            } else if let Some(source) = &volume.config_map {
                let optional = source.optional == Some(true);
                let name = source.name.as_deref().unwrap_or_default();
                self.write(
                    LEVEL_2,
                    &format!("Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{name}\n    Optional:\t{optional}\n"),
                );
            } else if let Some(source) = &volume.persistent_volume_claim {
                self.write(
                    LEVEL_2,
                    &format!(
                        "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                        source.claim_name, source.read_only
                    ),
                );
            } else if let Some(source) = &volume.downward_api {
                self.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
                for item in &source.items {
                    if let Some(field) = &item.field_ref {
                        self.write(LEVEL_3, &format!("{} -> {}\n", field.field_path, item.path));
                    }
                    if let Some(resource) = &item.resource_field_ref {
                        self.write(
                            LEVEL_3,
                            &format!("{} -> {}\n", resource.resource, item.path),
                        );
                    }
                }
            } else if let Some(source) = &volume.projected {
                self.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
                for projection in &source.sources {
                    if let Some(secret) = &projection.secret {
                        let optional = secret.optional == Some(true);
                        let name = secret.name.as_deref().unwrap_or_default();
                        self.write(
                            LEVEL_2,
                            &format!("SecretName:\t{name}\n    Optional:\t{optional}\n"),
                        );
                    } else if projection.downward_api.is_some() {
                        self.write(LEVEL_2, "DownwardAPI:\ttrue\n");
                    } else if let Some(map) = &projection.config_map {
                        let optional = map.optional == Some(true);
                        let name = map.name.as_deref().unwrap_or_default();
                        self.write(
                            LEVEL_2,
                            &format!("ConfigMapName:\t{name}\n    Optional:\t{optional}\n"),
                        );
                    } else if let Some(token) = &projection.service_account_token {
                        let seconds = token.expiration_seconds.unwrap_or(3600);
                        self.write(LEVEL_2, &format!("TokenExpirationSeconds:\t{seconds}\n"));
                    }
                }
            } else {
                self.write(LEVEL_1, "<unknown>\n");
            }
        }
    }

    /// `printTolerationsMultiline`: sorted by key, `key=value:Effect op=Exists for Ns`.
    /// `printPodTolerationsMultiline` under `title`.
    pub(crate) fn tolerations(&mut self, title: &str, tolerations: &[Toleration]) {
        self.write(LEVEL_0, &format!("{title}:\t"));
        if tolerations.is_empty() {
            self.out.push_str("<none>\n");
            return;
        }
        let mut sorted: Vec<&Toleration> = tolerations.iter().collect();
        crate::base::sorting::sort_by(&mut sorted, |a, b| {
            a.key
                .as_deref()
                .unwrap_or_default()
                .cmp(b.key.as_deref().unwrap_or_default())
        });
        for (index, toleration) in sorted.into_iter().enumerate() {
            if index != 0 {
                self.write(LEVEL_0, "\t");
            }
            let key = toleration.key.as_deref().unwrap_or_default();
            let value = toleration.value.as_deref().unwrap_or_default();
            let effect = toleration.effect.as_deref().unwrap_or_default();
            let mut line = key.to_owned();
            if !value.is_empty() {
                let _ = write!(line, "={value}");
            }
            if !effect.is_empty() {
                let _ = write!(line, ":{effect}");
            }
            if toleration.operator.as_deref() == Some("Exists") && value.is_empty() {
                line.push_str(if key.is_empty() && effect.is_empty() {
                    "op=Exists"
                } else {
                    " op=Exists"
                });
            }
            if let Some(seconds) = toleration.toleration_seconds {
                let _ = write!(line, " for {seconds}s");
            }
            self.write(LEVEL_0, &format!("{line}\n"));
        }
    }

    /// `DescribeEvents`: a table sorted by last sighting, ages as `10s (x3 over 20s)`.
    pub(crate) fn events(&mut self, events: &[Event]) {
        if events.is_empty() {
            self.write(LEVEL_0, "Events:\t<none>\n");
            return;
        }
        let mut sorted: Vec<&Event> = events.iter().collect();
        crate::base::sorting::sort_by_key(&mut sorted, |event| event.last_seen);
        self.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        self.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
        for event in sorted {
            let first = human_duration_millis(self.options.now.millis_since(event.first_seen));
            let interval = if event.count > 1 {
                let last = human_duration_millis(self.options.now.millis_since(event.last_seen));
                format!("{last} (x{} over {first})", event.count)
            } else {
                first
            };
            let mut message = event.message.trim().to_owned();
            if let Some(field) = event.field_path.as_deref().filter(|f| !f.is_empty()) {
                message = format!("{field}: {message}");
            }
            self.write(
                LEVEL_1,
                &format!(
                    "{}\t{}\t{interval}\t{}\t{message}\n",
                    event.kind.as_str(),
                    event.reason,
                    event.source
                ),
            );
        }
    }
}

/// A container's ports as `80/TCP (http), 443/TCP`, with `number` picking the container or host
/// port.
fn ports_of(ports: &[ContainerPort], number: impl Fn(&ContainerPort) -> i64) -> String {
    ports
        .iter()
        .map(|port| {
            let protocol = port.protocol.as_deref().unwrap_or_default();
            match port.name.as_deref().filter(|n| !n.is_empty()) {
                Some(name) => format!("{}/{protocol} ({name})", number(port)),
                None => format!("{}/{protocol}", number(port)),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "<none>" } else { text }
}

/// Go's `shorten`: at most `max` bytes (on a character boundary here), then `...`.
fn shorten(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}

/// `DescribeProbe`: `http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1
/// #failure=3`.
pub fn describe_probe(probe: &Probe) -> String {
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        probe.initial_delay_seconds.unwrap_or_default(),
        probe.timeout_seconds.unwrap_or_default(),
        probe.period_seconds.unwrap_or_default(),
        probe.success_threshold.unwrap_or_default(),
        probe.failure_threshold.unwrap_or_default()
    );
    if let Some(exec) = &probe.exec {
        return format!("exec [{}] {attrs}", exec.command.join(" "));
    }
    if let Some(get) = &probe.http_get {
        let scheme = get.scheme.as_deref().unwrap_or_default().to_lowercase();
        let host = get.host.as_deref().unwrap_or_default();
        let port = get.port.to_string();
        let authority = if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        let path = get.path.as_deref().unwrap_or_default();
        let path = if path.is_empty() || path.starts_with('/') {
            path.to_owned()
        } else {
            format!("/{path}")
        };
        return format!(
            "http-get {scheme}://{authority}{} {attrs}",
            escape_path(&path)
        );
    }
    if let Some(tcp) = &probe.tcp_socket {
        let port = match &tcp.port {
            IntOrString::Int(number) => number.to_string(),
            IntOrString::String(name) => name.clone(),
        };
        return format!(
            "tcp-socket {}:{port} {attrs}",
            tcp.host.as_deref().unwrap_or_default()
        );
    }
    if let Some(grpc) = &probe.grpc {
        return format!(
            "grpc <pod>:{} {} {attrs}",
            grpc.port,
            grpc.service.as_deref().unwrap_or_default()
        );
    }
    format!("unknown {attrs}")
}

/// Go's `url.URL.EscapedPath` for the characters paths in probes use.
fn escape_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let safe = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte);
        if safe {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// kubectl's `EnvValueRetriever`: only `metadata.name` and `metadata.namespace` resolve.
fn field_value(pod: &Pod, var: &EnvVar) -> String {
    let path = var
        .value_from
        .as_ref()
        .and_then(|from| from.field_ref.as_ref())
        .map(|field| field.field_path.as_str())
        .unwrap_or_default();
    // `fieldpath.ExtractFieldPathAsString`: the metadata fields, and one label or annotation.
    let entry = |map: &std::collections::BTreeMap<String, String>, prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix("']"))
            .and_then(|key| map.get(key).cloned())
            .unwrap_or_default()
    };
    let whole = |map: &std::collections::BTreeMap<String, String>| {
        map.iter()
            .map(|(key, value)| format!("{key}=\"{value}\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match path {
        "metadata.name" => pod.name().to_owned(),
        "metadata.namespace" => pod.metadata.namespace.clone().unwrap_or_default(),
        "metadata.uid" => pod.metadata.uid.clone().unwrap_or_default(),
        "metadata.labels" => whole(&pod.metadata.labels),
        "metadata.annotations" => whole(&pod.metadata.annotations),
        _ if path.starts_with("metadata.labels['") => {
            entry(&pod.metadata.labels, "metadata.labels['")
        }
        _ if path.starts_with("metadata.annotations['") => {
            entry(&pod.metadata.annotations, "metadata.annotations['")
        }
        _ => String::new(),
    }
}

/// `ExtractContainerResourceValue`: a limit or request divided by the divisor, rounded up.
fn resource_value(container: &Container, resource: &str, divisor: Option<&Quantity>) -> String {
    let one = Quantity::from_int(1);
    let divisor = divisor.filter(|d| !d.is_zero()).unwrap_or(&one);
    let (list, name) = match resource.split_once('.') {
        Some(("limits", name)) => (container.resources.as_ref().map(|r| &r.limits), name),
        Some(("requests", name)) => (container.resources.as_ref().map(|r| &r.requests), name),
        _ => return String::new(),
    };
    let quantity = list
        .and_then(|list| list.get(name))
        .copied()
        .unwrap_or_default();
    let (value, unit) = if name == "cpu" {
        (quantity.milli_value(), divisor.milli_value())
    } else {
        (quantity.value(), divisor.value())
    };
    if unit == 0 {
        return String::new();
    }
    let rounded = value / unit + i128::from(value % unit > 0);
    rounded.to_string()
}

/// `time.RFC1123Z` at a UTC offset.
pub(crate) fn rfc1123z(at: Timestamp, offset_minutes: i32) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let local = at.plus_millis(i64::from(offset_minutes) * 60_000);
    let text = local.to_string(); // 2026-01-02T03:04:05Z
    let seconds = local.millis().div_euclid(1000);
    let day_index = usize::try_from(seconds.div_euclid(86_400).rem_euclid(7)).unwrap_or(0);
    let month: usize = text.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let offset = offset_minutes.unsigned_abs();
    format!(
        "{}, {} {} {} {} {sign}{:02}{:02}",
        DAYS[day_index],
        text.get(8..10).unwrap_or("01"),
        MONTHS[month.clamp(1, 12) - 1],
        text.get(0..4).unwrap_or("0001"),
        text.get(11..19).unwrap_or("00:00:00"),
        offset / 60,
        offset % 60
    )
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;
    use crate::cluster::events::{EventLog, EventType};

    /// The docs' "Debug Running Pods" example: the same text as the page, except where current
    /// kubectl differs (the projected volume's `Optional:` line).
    #[test]
    fn the_debug_running_pod_example() {
        let text = include_str!("../../tests/data/describe-nginx.yaml");
        let pod = crate::parse(text).pod.expect("the example is a Pod");
        let at = |seconds: i64| {
            Timestamp::parse("2022-02-17T21:51:00Z")
                .expect("a time")
                .plus_millis(seconds * 1000)
        };
        let mut log = EventLog::default();
        let name = "nginx-deployment-67d4bdd6f5-w6kd7";
        log.record(
            at(1),
            EventType::Normal,
            "Scheduled",
            &format!("Successfully assigned default/{name} to kube-worker-1"),
            "default-scheduler",
            None,
        );
        log.record(
            at(4),
            EventType::Normal,
            "Pulling",
            "Pulling image \"nginx\"",
            "kubelet",
            None,
        );
        log.record(
            at(5),
            EventType::Normal,
            "Pulled",
            "Successfully pulled image \"nginx\" in 1.146417389s",
            "kubelet",
            None,
        );
        log.record(
            at(5),
            EventType::Normal,
            "Created",
            "Created container nginx",
            "kubelet",
            None,
        );
        log.record(
            at(5),
            EventType::Normal,
            "Started",
            "Started container nginx",
            "kubelet",
            None,
        );
        let options = DescribeOptions {
            now: at(35),
            utc_offset_minutes: -300,
        };
        let described = describe_pod(&pod, &log.at(at(35)), options);
        expect![[r#"
            Name:         nginx-deployment-67d4bdd6f5-w6kd7
            Namespace:    default
            Priority:     0
            Node:         kube-worker-1/192.168.0.113
            Start Time:   Thu, 17 Feb 2022 16:51:01 -0500
            Labels:       app=nginx
                          pod-template-hash=67d4bdd6f5
            Annotations:  <none>
            Status:       Running
            IP:           10.88.0.3
            IPs:
              IP:           10.88.0.3
              IP:           2001:db8::1
            Controlled By:  ReplicaSet/nginx-deployment-67d4bdd6f5
            Containers:
              nginx:
                Container ID:   containerd://5403af59a2b46ee5a23fb0ae4b1e077f7ca5c5fb7af16e1ab21c00e0e616462a
                Image:          nginx
                Image ID:       docker.io/library/nginx@sha256:2834dc507516af02784808c5f48b7cbe38b8ed5d0f4837f16e78d00deb7e7767
                Port:           80/TCP
                Host Port:      0/TCP
                State:          Running
                  Started:      Thu, 17 Feb 2022 16:51:05 -0500
                Ready:          True
                Restart Count:  0
                Limits:
                  cpu:     500m
                  memory:  128Mi
                Requests:
                  cpu:        500m
                  memory:     128Mi
                Environment:  <none>
                Mounts:
                  /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-bgsgp (ro)
            Conditions:
              Type              Status
              Initialized       True 
              Ready             True 
              ContainersReady   True 
              PodScheduled      True 
            Volumes:
              kube-api-access-bgsgp:
                Type:                    Projected (a volume that contains injected data from multiple sources)
                TokenExpirationSeconds:  3607
                ConfigMapName:           kube-root-ca.crt
                Optional:                false
                DownwardAPI:             true
            QoS Class:                   Guaranteed
            Node-Selectors:              <none>
            Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                         node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age   From               Message
              ----    ------     ----  ----               -------
              Normal  Scheduled  34s   default-scheduler  Successfully assigned default/nginx-deployment-67d4bdd6f5-w6kd7 to kube-worker-1
              Normal  Pulling    31s   kubelet            Pulling image "nginx"
              Normal  Pulled     30s   kubelet            Successfully pulled image "nginx" in 1.146417389s
              Normal  Created    30s   kubelet            Created container nginx
              Normal  Started    30s   kubelet            Started container nginx
        "#]].assert_eq(&described);
    }
}
