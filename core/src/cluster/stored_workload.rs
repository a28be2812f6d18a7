//! The workload objects in the API server's store (Deployments, ReplicaSets,
//! ReplicationControllers…), each with its versions as a watch would have seen them.

use crate::api::workloads::{Workload, WorkloadKind};
use crate::base::time::VirtualTime;
use crate::cluster::store::Store;

/// A workload object's index in the store: every object ever created has its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkloadId(pub usize);

/// A workload object and its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredWorkload {
    /// The object as it is now.
    pub object: Workload,
    /// When it was created, in milliseconds on the scenario's clock.
    pub created: u64,
    /// When it was removed, if it was.
    pub removed: Option<u64>,
    /// Its committed versions, in time order.
    pub history: Vec<(VirtualTime, Workload)>,
    /// True when it was written since the last commit.
    written: bool,
}

impl StoredWorkload {
    /// The version in force at `at`, if the object existed then.
    pub fn at(&self, at: VirtualTime) -> Option<&Workload> {
        if self
            .removed
            .is_some_and(|removed| removed <= at.as_millis())
        {
            return None;
        }
        let index = self.history.partition_point(|(when, _)| *when <= at);
        self.history
            .get(index.checked_sub(1)?)
            .map(|(_, object)| object)
    }

    /// The object's UID.
    pub fn uid(&self) -> &str {
        self.object.metadata().uid.as_deref().unwrap_or_default()
    }
}

impl Store {
    /// The workload object `id`.
    pub fn workload(&self, id: WorkloadId) -> &StoredWorkload {
        &self.workloads[id.0]
    }

    /// The live workload object whose UID is `uid`.
    pub fn live_workload_with_uid(&self, uid: &str) -> Option<WorkloadId> {
        self.workloads
            .iter()
            .position(|stored| stored.removed.is_none() && stored.uid() == uid)
            .map(WorkloadId)
    }

    /// The live workload object kubectl names `reference` (`deployment/web`, `rs/web-1`).
    pub fn live_workload_named(&self, reference: &str) -> Option<WorkloadId> {
        let (resource, name) = reference.split_once('/')?;
        let kind = WorkloadKind::from_resource(resource)?;
        self.live_workloads()
            .find(|(_, stored)| stored.object.kind() == kind && stored.object.name() == name)
            .map(|(id, _)| id)
    }

    /// The live workload objects, with their ids, in creation order.
    pub fn live_workloads(&self) -> impl Iterator<Item = (WorkloadId, &StoredWorkload)> {
        self.workloads
            .iter()
            .enumerate()
            .filter(|(_, stored)| stored.removed.is_none())
            .map(|(index, stored)| (WorkloadId(index), stored))
    }

    /// Stores a new workload object, as created at `now`.
    pub fn create_workload(&mut self, object: Workload, now: u64) -> WorkloadId {
        self.workloads.push(StoredWorkload {
            object,
            created: now,
            removed: None,
            history: Vec::new(),
            written: true,
        });
        WorkloadId(self.workloads.len() - 1)
    }

    /// Replaces the workload object `id` with `object`: a change of anything but its status
    /// moves `metadata.generation` on, as the API server does. False when nothing changed.
    pub fn update_workload(&mut self, id: WorkloadId, mut object: Workload) -> bool {
        let stored = &mut self.workloads[id.0];
        if stored.object == object {
            return false;
        }
        let generation = stored.object.metadata().generation.unwrap_or(1);
        let spec_changed = stored.object.spec_only() != object.spec_only();
        object.metadata_mut().generation = Some(generation + i64::from(spec_changed));
        stored.object = object;
        stored.written = true;
        true
    }

    /// Removes the workload object `id` at `now`.
    pub fn remove_workload(&mut self, id: WorkloadId, now: u64) {
        let stored = &mut self.workloads[id.0];
        if stored.removed.is_none() {
            stored.removed = Some(now);
        }
    }

    /// Records the instant's version of each workload object written since the last commit.
    pub(super) fn commit_workloads(&mut self, now: u64) {
        for index in 0..self.workloads.len() {
            if !self.workloads[index].written {
                continue;
            }
            let revision = self.next_revision();
            let stored = &mut self.workloads[index];
            stored.written = false;
            let mut object = stored.object.clone();
            object.metadata_mut().resource_version = Some(revision.to_string());
            stored.object.metadata_mut().resource_version = Some(revision.to_string());
            stored.history.push((VirtualTime::from_millis(now), object));
        }
    }
}
