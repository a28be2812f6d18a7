//! The API server's object store: Pods, Nodes, Services, ConfigMaps, Secrets and Events, with
//! the metadata the API server keeps (uid, resourceVersion, creationTimestamp, ownerReferences,
//! deletionTimestamp), and the history of every Pod object as a watch would have seen it. Actors read it through
//! [`crate::cluster::World`] and change it only by the events they decide.
//!
//! Every write marks its object; at the end of each instant [`Store::commit`] records each
//! marked Pod that changed as a new version with the next resourceVersion (etcd's revision,
//! shared by every object), so a Pod written several times in one instant shows one change.

use std::collections::{BTreeMap, BTreeSet};

use crate::api::v1::{Pod, PodCondition, PodStatus};
use crate::base::time::VirtualTime;
use crate::base::timestamp::Timestamp;
use crate::cluster::events::{Event, EventType};
use crate::cluster::scenario::{Node, Taint};

/// A Pod object's index in the store: every object ever created has its own, and a Pod created
/// again under the same name is a new object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PodId(pub usize);

/// A Node object's index in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

/// Values by Pod object, in the order of their ids: a sorted list, which the page's wasm holds in
/// less code than a tree map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodMap<V> {
    entries: Vec<(PodId, V)>,
}

impl<V> Default for PodMap<V> {
    fn default() -> PodMap<V> {
        PodMap {
            entries: Vec::new(),
        }
    }
}

impl<V> PodMap<V> {
    /// Where `id` is, or would be.
    fn find(&self, id: PodId) -> Result<usize, usize> {
        self.entries.binary_search_by_key(&id, |(key, _)| *key)
    }

    /// The value of `id`.
    pub fn get(&self, id: &PodId) -> Option<&V> {
        self.find(*id).ok().map(|at| &self.entries[at].1)
    }

    /// The value of `id`, to change.
    pub fn get_mut(&mut self, id: &PodId) -> Option<&mut V> {
        self.find(*id).ok().map(|at| &mut self.entries[at].1)
    }

    /// True when `id` has a value.
    pub fn contains_key(&self, id: &PodId) -> bool {
        self.find(*id).is_ok()
    }

    /// Sets the value of `id`.
    pub fn insert(&mut self, id: PodId, value: V) {
        match self.find(id) {
            Ok(at) => self.entries[at].1 = value,
            Err(at) => self.entries.insert(at, (id, value)),
        }
    }

    /// Removes the value of `id`.
    pub fn remove(&mut self, id: &PodId) {
        if let Ok(at) = self.find(*id) {
            self.entries.remove(at);
        }
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &PodId> {
        self.entries.iter().map(|(id, _)| id)
    }

    /// The ids and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&PodId, &V)> {
        self.entries.iter().map(|(id, value)| (id, value))
    }

    /// The values, in the order of their ids.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, value)| value)
    }
}

/// The resourceVersion of the first version written; each later one adds one.
pub const RESOURCE_VERSION_BASE: u64 = 1_024;

/// One version of a Pod object, as a watch delivers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// When, on the scenario's clock.
    pub at: VirtualTime,
    /// The object, status included.
    pub pod: Pod,
}

/// A Pod object and its history. The object as it is now is its last committed version, or the
/// version written since; a write copies the last version once per instant, and a status write
/// does not copy the status it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPod {
    /// The version written since the last commit, if any.
    written: Option<Pod>,
    /// When it was created, in milliseconds on the scenario's clock.
    pub created: u64,
    /// When it was removed, if it was.
    pub removed: Option<u64>,
    /// Its committed versions, in time order.
    pub history: Vec<Snapshot>,
}

/// What an object whose versions moved out of the store reads as.
static MOVED_OUT: std::sync::LazyLock<Pod> = std::sync::LazyLock::new(Pod::default);

impl StoredPod {
    /// The object as it is now. After its history moved out ([`Store::take_histories`]), an
    /// empty Pod.
    pub fn object(&self) -> &Pod {
        self.written
            .as_ref()
            .or_else(|| self.history.last().map(|snapshot| &snapshot.pod))
            .unwrap_or(&MOVED_OUT)
    }

    /// The version being written this instant: a copy of the last committed one, with its status
    /// unless `keep_status` is false.
    fn writable(&mut self, keep_status: bool) -> &mut Pod {
        let last = self.history.last_mut().map(|snapshot| &mut snapshot.pod);
        self.written.get_or_insert_with(|| match last {
            Some(last) if keep_status => last.clone(),
            Some(last) => {
                let status = last.status.take();
                let copy = last.clone();
                last.status = status;
                copy
            }
            None => Pod::default(),
        })
    }
}

/// A Node object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredNode {
    /// What the scenario says of it: name, address, capacity, labels and its own taints.
    pub spec: Node,
    /// Its UID.
    pub uid: String,
    /// When it registered.
    pub registered: u64,
    /// When its object was deleted, if it was.
    pub removed: Option<u64>,
    /// Its `Ready` condition: `True`, or `Unknown` once the node lifecycle controller stopped
    /// hearing from it.
    pub ready: &'static str,
    /// The taints the node lifecycle controller added (`node.kubernetes.io/unreachable`).
    pub controller_taints: Vec<Taint>,
    /// Its index among the nodes, for its Pod address range.
    pub index: usize,
    /// Its `Ready` condition and the controller's taints as they changed: when (ms), and what.
    pub history: Vec<(u64, &'static str, Vec<Taint>)>,
}

impl StoredNode {
    /// Its `Ready` condition and the controller's taints at `at` (ms).
    pub fn health_at(&self, at: u64) -> (&'static str, &[Taint]) {
        self.history
            .iter()
            .rev()
            .find(|(when, _, _)| *when <= at)
            .map_or(("True", &[][..]), |(_, ready, taints)| {
                (*ready, taints.as_slice())
            })
    }

    /// True when the Node object exists at `at` (ms).
    pub fn exists_at(&self, at: u64) -> bool {
        self.registered <= at && self.removed.is_none_or(|removed| removed > at)
    }
}

impl StoredNode {
    /// Its taints: its own and the controller's.
    pub fn taints(&self) -> impl Iterator<Item = &Taint> {
        self.spec.taints.iter().chain(&self.controller_taints)
    }

    /// Its labels, with the ones the kubelet sets.
    pub fn labels(&self) -> BTreeMap<String, String> {
        let mut labels = self.spec.labels.clone();
        for (key, value) in [
            ("kubernetes.io/hostname", self.spec.name.as_str()),
            ("kubernetes.io/os", "linux"),
            ("kubernetes.io/arch", "amd64"),
        ] {
            labels
                .entry(key.to_owned())
                .or_insert_with(|| value.to_owned());
        }
        labels
    }

    /// True while the object exists.
    pub fn exists(&self) -> bool {
        self.removed.is_none()
    }
}

/// The kinds of object the store keeps whole but that no actor runs: what Pods look up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ObjectKind {
    /// A Service: its name resolves in the cluster's DNS.
    Service,
    /// A ConfigMap: data for environment variables and volumes.
    ConfigMap,
    /// A Secret: the same, for confidential data.
    Secret,
    /// A PersistentVolumeClaim a StatefulSet made from its claim templates, bound at once to a
    /// volume the default StorageClass provisions (its data: `capacity`, `accessModes`,
    /// `storageClass`, `volume`).
    PersistentVolumeClaim,
}

/// A Service, ConfigMap, Secret or PersistentVolumeClaim as the API server keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredObject {
    /// Its kind.
    pub kind: ObjectKind,
    /// Its name, in the `default` namespace.
    pub name: String,
    /// Its UID.
    pub uid: String,
    /// Its resourceVersion.
    pub resource_version: u64,
    /// When it was created, in milliseconds on the scenario's clock (0 for the objects the
    /// scenario starts with).
    pub created: u64,
    /// When it was deleted, if it was.
    pub deleted: Option<u64>,
    /// A ConfigMap's or Secret's data (empty for a Service).
    pub data: BTreeMap<String, String>,
}

/// What an Event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Involved {
    /// A Pod object.
    Pod(PodId),
    /// A Node.
    Node(NodeId),
    /// A workload object.
    Workload(crate::cluster::stored_workload::WorkloadId),
}

/// An Event object's occurrence, with what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    /// What it is about.
    pub involved: Involved,
    /// The occurrence.
    pub event: Event,
}

/// The objects, as the API server holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    /// Every Pod object ever created, in creation order.
    pub pods: Vec<StoredPod>,
    /// Every Node that ever registered.
    pub nodes: Vec<StoredNode>,
    /// Every Service, ConfigMap and Secret ever created, in creation order.
    pub objects: Vec<StoredObject>,
    /// The names of the Services that exist, in the `default` namespace (kept with `objects`).
    pub services: BTreeSet<String>,
    /// Every Event occurrence, in the order recorded.
    pub events: Vec<StoredEvent>,
    /// Every workload object ever created, in creation order.
    pub workloads: Vec<crate::cluster::stored_workload::StoredWorkload>,
    /// The last resourceVersion given.
    revision: u64,
    /// The Pods written since the last commit.
    written: Vec<PodId>,
}

impl Store {
    /// The Pod `id`.
    pub fn pod(&self, id: PodId) -> &StoredPod {
        &self.pods[id.0]
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> &StoredNode {
        &self.nodes[id.0]
    }

    /// The node named `name` that exists.
    pub fn node_named(&self, name: &str) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|node| node.spec.name == name && node.exists())
            .map(NodeId)
    }

    /// The Pod object named `name` that exists now, if any.
    pub fn live_pod_named(&self, name: &str) -> Option<PodId> {
        self.pods
            .iter()
            .position(|pod| pod.removed.is_none() && pod.object().name() == name)
            .map(PodId)
    }

    /// The Pods that exist, bound to `node`.
    pub fn pods_on<'s>(&'s self, node: &'s str) -> impl Iterator<Item = PodId> + 's {
        self.pods
            .iter()
            .enumerate()
            .filter(move |(_, pod)| {
                pod.removed.is_none() && pod.object().spec.node_name.as_deref() == Some(node)
            })
            .map(|(index, _)| PodId(index))
    }

    /// Stores a new Pod object, as created at `now`.
    pub fn create_pod(&mut self, pod: Pod, now: u64) -> PodId {
        self.pods.push(StoredPod {
            written: Some(pod),
            created: now,
            removed: None,
            history: Vec::new(),
        });
        let id = PodId(self.pods.len() - 1);
        self.written.push(id);
        id
    }

    /// Registers a node at `now`.
    pub fn add_node(&mut self, spec: Node, uid: String, now: u64) -> NodeId {
        let index = self.nodes.len();
        self.nodes.push(StoredNode {
            spec,
            uid,
            registered: now,
            removed: None,
            ready: "True",
            controller_taints: Vec::new(),
            index,
            history: vec![(now, "True", Vec::new())],
        });
        NodeId(index)
    }

    /// Changes the Pod `id` with `change`, and marks it for the next commit.
    pub fn update_pod(&mut self, id: PodId, change: impl FnOnce(&mut Pod)) {
        let stored = &mut self.pods[id.0];
        if stored.written.is_none() {
            self.written.push(id);
        }
        change(stored.writable(true));
    }

    /// Replaces the status of the Pod `id` with the one `change` makes of the current one, and
    /// marks it for the next commit.
    pub fn update_pod_status(
        &mut self,
        id: PodId,
        change: impl FnOnce(Option<&PodStatus>) -> PodStatus,
    ) {
        let stored = &mut self.pods[id.0];
        let status = change(stored.object().status.as_deref());
        if stored.written.is_none() {
            self.written.push(id);
        }
        stored.writable(false).status = Some(Box::new(status));
    }

    /// Moves every Pod object's versions out of the store, in store order; the objects then read
    /// as empty.
    pub fn take_histories(&mut self) -> Vec<Vec<Snapshot>> {
        self.pods
            .iter_mut()
            .map(|stored| {
                stored.written = None;
                std::mem::take(&mut stored.history)
            })
            .collect()
    }

    /// Changes the node `id`.
    /// Changes the Node `id` at `now` with `change`, keeping its health's history.
    pub fn update_node(&mut self, id: NodeId, now: u64, change: impl FnOnce(&mut StoredNode)) {
        let node = &mut self.nodes[id.0];
        change(node);
        let health = (now, node.ready, node.controller_taints.clone());
        if node.history.last().map(|(_, r, t)| (*r, t)) != Some((health.1, &health.2)) {
            node.history.push(health);
        }
    }

    /// Removes the Pod `id` at `now`: the actors see it gone at once; its last version is committed
    /// with the instant's.
    pub fn remove_pod(&mut self, id: PodId, now: u64) {
        let stored = &mut self.pods[id.0];
        if stored.removed.is_none() {
            stored.removed = Some(now);
        }
    }

    /// The live object of `kind` named `name`, if any.
    pub fn object(&self, kind: ObjectKind, name: &str) -> Option<&StoredObject> {
        self.objects
            .iter()
            .find(|object| object.kind == kind && object.name == name && object.deleted.is_none())
    }

    /// Creates an object of `kind` at `now`, with the next resourceVersion; one that exists stays
    /// as it is (the API server answers `AlreadyExists`).
    pub fn create_object(
        &mut self,
        kind: ObjectKind,
        name: String,
        data: BTreeMap<String, String>,
        now: u64,
    ) {
        if self.object(kind, &name).is_some() {
            return;
        }
        let revision = self.next_revision();
        if kind == ObjectKind::Service {
            self.services.insert(name.clone());
        }
        let uid = crate::cluster::pod_uid(&format!("{kind:?}/{name}/{}", self.objects.len()));
        self.objects.push(StoredObject {
            kind,
            name,
            uid,
            resource_version: revision,
            created: now,
            deleted: None,
            data,
        });
    }

    /// Deletes the live object of `kind` named `name` at `now`, if there is one.
    pub fn delete_object(&mut self, kind: ObjectKind, name: &str, now: u64) {
        let Some(index) = self.objects.iter().position(|object| {
            object.kind == kind && object.name == name && object.deleted.is_none()
        }) else {
            return;
        };
        // A deletion is a write too: etcd's revision moves on.
        let revision = self.next_revision();
        let object = &mut self.objects[index];
        object.deleted = Some(now);
        object.resource_version = revision;
        if kind == ObjectKind::Service {
            self.services.remove(name);
        }
    }

    /// The next resourceVersion (etcd's revision, shared by every object).
    pub(super) fn next_revision(&mut self) -> u64 {
        self.revision = if self.revision == 0 {
            RESOURCE_VERSION_BASE
        } else {
            self.revision + 1
        };
        self.revision
    }

    /// Records an Event occurrence about `involved`.
    pub fn record(&mut self, involved: Involved, event: Event) {
        self.events.push(StoredEvent { involved, event });
    }

    /// Records the versions of the instant `now`: each Pod written since the last commit that
    /// differs from its last version gets the next resourceVersion.
    pub fn commit(&mut self, now: u64) {
        self.commit_workloads(now);
        let mut written = std::mem::take(&mut self.written);
        written.sort_unstable();
        for id in written {
            let stored = &mut self.pods[id.0];
            let Some(mut pod) = stored.written.take() else {
                continue;
            };
            if let Some(last) = stored.history.last() {
                pod.metadata
                    .resource_version
                    .clone_from(&last.pod.metadata.resource_version);
                if last.pod == pod {
                    continue;
                }
            }
            pod.metadata.resource_version = Some(self.next_revision().to_string());
            self.pods[id.0].history.push(Snapshot {
                at: VirtualTime::from_millis(now),
                pod,
            });
        }
    }
}

/// A status written at `now` keeps each condition's `lastTransitionTime` while the condition's
/// status stays the same, and gets `now` when it changes (the status manager's rule).
pub fn carry_transition_times(before: Option<&PodStatus>, status: &mut PodStatus, now: &str) {
    for condition in &mut status.conditions {
        let same = before.and_then(|before| {
            before
                .conditions
                .iter()
                .find(|old| old.kind == condition.kind)
        });
        condition.last_transition_time = match same {
            Some(old) if old.status == condition.status => old.last_transition_time.clone(),
            _ => Some(now.to_owned()),
        };
    }
}

/// A condition of `kind`; its `lastTransitionTime` is set when it is written
/// ([`carry_transition_times`]).
pub fn condition(
    kind: &str,
    ok: bool,
    reason: Option<String>,
    message: Option<String>,
) -> PodCondition {
    PodCondition {
        kind: kind.to_owned(),
        status: if ok { "True" } else { "False" }.to_owned(),
        last_transition_time: None,
        reason,
        message,
        ..PodCondition::default()
    }
}

/// An Event occurrence at `at`.
pub fn occurrence(
    at: Timestamp,
    kind: EventType,
    reason: &str,
    message: String,
    source: &str,
    field_path: Option<String>,
) -> Event {
    Event {
        kind,
        reason: reason.to_owned(),
        message,
        source: source.to_owned(),
        field_path,
        first_seen: at,
        last_seen: at,
        count: 1,
    }
}
