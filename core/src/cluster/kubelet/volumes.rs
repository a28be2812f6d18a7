//! What a running container sees change around it: writes to the volumes it shares with the
//! other containers of its Pod (an emptyDir that an init container filled, a log file a sidecar
//! follows), and Services created or deleted. A container's run is its program replayed over
//! its inputs, so when an input changes at an instant, the run's plan is made again with it: up
//! to that instant nothing differs, and from it on the program sees the change. The writes
//! of a run are known from its plan; a run that ends early takes its later writes with it.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::api::v1::Container;
use crate::base::time::VirtualTime;
use crate::cluster::kubelet::pod_worker::Cx;
use crate::cluster::kubelet::program::{self, RunPlan, Surroundings};
use crate::cluster::kubelet::{ContainerChange, KubeletTimer, PodWorker};
use crate::cluster::store::PodId;
use crate::runtime::shell::SharedWrite;

/// The most times the containers of a Pod answer each other's writes at one instant.
pub const MAX_ROUNDS: u32 = 3;

/// For container `reader` of `worker`, the changes to the volumes it mounts, on the Pod's clock
/// and at its own paths, each with true when it made the change itself.
pub fn shared_for(worker: &PodWorker, reader: usize) -> Vec<(SharedWrite, bool)> {
    let Some(reader_spec) = worker.containers.get(reader).map(|r| Arc::clone(&r.spec)) else {
        return Vec::new();
    };
    // Each write with its rank at its instant: the programs' first, then the execs' in the
    // order they ran.
    let mut shared = Vec::new();
    for (index, writer) in worker.containers.iter().enumerate() {
        // An exec's writes are not its container's program's: its current run sees them too.
        let writes = writer
            .writes
            .iter()
            .map(|write| (write, index == reader, 0))
            .chain(
                writer
                    .exec_writes
                    .iter()
                    .map(|(rank, write)| (write, false, rank + 1)),
            );
        for (write, own, rank) in writes {
            let Some((volume, inside)) = volume_path(&writer.spec, &write.path) else {
                continue;
            };
            if let Some(path) = mounted_path(&reader_spec, volume, &inside) {
                shared.push((
                    SharedWrite {
                        path,
                        ..write.clone()
                    },
                    own,
                    rank,
                ));
            }
        }
    }
    crate::base::sorting::sort_by_key(&mut shared, |(write, _, rank)| (write.at, *rank));
    shared
        .into_iter()
        .map(|(write, own, _)| (write, own))
        .collect()
}

/// Records the writes of the run of container `index` that starts now, from its plan, and lets
/// the containers that share its volumes see them.
pub fn register(cx: &mut Cx<'_>, id: PodId, index: usize, started: u64, plan: &RunPlan) {
    let writes = shifted(plan, started, cx.now);
    let had_later = cx
        .worker(id)
        .and_then(|w| w.containers.get(index))
        .is_some_and(|record| record.writes.iter().any(|w| w.at.as_millis() >= cx.now));
    if writes.is_empty() && !had_later {
        return;
    }
    cx.container(
        id,
        index,
        ContainerChange::Writes {
            from: cx.now,
            writes,
        },
    );
    cx.timer(cx.now, KubeletTimer::Volumes { pod: id, round: 0 });
}

/// The run of container `index` ended now: the writes its plan had for later never happen (a
/// write at the instant it exits does).
pub fn truncate(cx: &mut Cx<'_>, id: PodId, index: usize, now: u64) {
    let later: Vec<SharedWrite> = cx
        .worker(id)
        .and_then(|w| w.containers.get(index))
        .map(|record| {
            record
                .writes
                .iter()
                .filter(|w| w.at.as_millis() >= now)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let kept: Vec<SharedWrite> = later
        .iter()
        .filter(|w| w.at.as_millis() == now)
        .cloned()
        .collect();
    if kept.len() < later.len() {
        cx.container(
            id,
            index,
            ContainerChange::Writes {
                from: now,
                writes: kept,
            },
        );
        cx.timer(now, KubeletTimer::Volumes { pod: id, round: 0 });
    }
}

/// The writes of `plan` for a run that started at `started`, on the Pod's clock, from `from` on.
fn shifted(plan: &RunPlan, started: u64, from: u64) -> Vec<SharedWrite> {
    plan.writes
        .iter()
        .map(|write| SharedWrite {
            at: VirtualTime::from_millis(started.saturating_add(write.at.as_millis())),
            ..write.clone()
        })
        .filter(|write| write.at.as_millis() >= from)
        .collect()
}

/// The Pod's shared volumes changed: each running container that sees something new in them
/// goes on with a plan made with it.
pub fn changed(cx: &mut Cx<'_>, id: PodId, round: u32) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let mut replans = Vec::new();
    for (index, record) in worker.containers.iter().enumerate() {
        let Some(run) = record.runs.last().filter(|run| run.exit.is_none()) else {
            continue;
        };
        let Some((_, surroundings)) = &record.plan else {
            continue;
        };
        let files = Surroundings::files_for_run(run.started, &shared_for(worker, index));
        if files != surroundings.files {
            let mut next = (**surroundings).clone();
            next.files = files;
            replans.push((index, next));
        }
    }
    let mut writes_changed = false;
    for (index, surroundings) in replans {
        writes_changed |= replan(cx, id, index, surroundings);
    }
    if writes_changed && round + 1 < MAX_ROUNDS {
        cx.timer(
            cx.now,
            KubeletTimer::Volumes {
                pod: id,
                round: round + 1,
            },
        );
    }
}

/// Services were created or deleted: each running container whose script looks names up sees
/// the change from now on.
pub fn services_changed(cx: &mut Cx<'_>) {
    let now = cx.now;
    let services = &cx.world.store.services;
    let mut replans = Vec::new();
    for (id, worker) in cx.kubelet.workers.iter() {
        if worker.termination.is_some() {
            continue;
        }
        for (index, record) in worker.containers.iter().enumerate() {
            let Some(run) = record.runs.last().filter(|run| run.exit.is_none()) else {
                continue;
            };
            let Some((_, surroundings)) = &record.plan else {
                continue;
            };
            let offset = now - run.started;
            let known = known_services(surroundings, offset);
            if &known == services {
                continue;
            }
            let mut next = (**surroundings).clone();
            for name in known.symmetric_difference(services) {
                next.changes
                    .push((offset, name.clone(), services.contains(name)));
            }
            replans.push((*id, index, next));
        }
    }
    for (id, index, surroundings) in replans {
        if replan(cx, id, index, surroundings) {
            cx.timer(now, KubeletTimer::Volumes { pod: id, round: 0 });
        }
    }
}

/// The Services a run knows to exist `offset` after its start.
fn known_services(surroundings: &Surroundings, offset: u64) -> BTreeSet<String> {
    let mut known: BTreeSet<String> = surroundings.initial.iter().cloned().collect();
    for (at, name, created) in &surroundings.changes {
        if *at <= offset {
            if *created {
                known.insert(name.clone());
            } else {
                known.remove(name);
            }
        }
    }
    known
}

/// Container `index` goes on with a plan made with `surroundings`; its exit and its writes from
/// now on follow the new plan. True when its writes changed.
pub fn replan(cx: &mut Cx<'_>, id: PodId, index: usize, surroundings: Surroundings) -> bool {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return false;
    };
    let record = &worker.containers[index];
    let Some(run) = record.runs.last().filter(|run| run.exit.is_none()) else {
        return false;
    };
    let started = run.started;
    let run_index = record.runs.len() - 1;
    let generation = run.plan_generation + 1;
    let plan = program::plan(
        &record.spec,
        worker.pod.name(),
        &surroundings,
        cx.world.horizon.saturating_sub(started),
    );
    let old_writes: Vec<SharedWrite> = record
        .writes
        .iter()
        .filter(|w| w.at.as_millis() >= now)
        .cloned()
        .collect();
    for note in plan.notes.clone() {
        cx.note(id, note);
    }
    let new_writes = shifted(&plan, started, now);
    if let Some((after, code)) = plan.exit {
        cx.timer(
            started.saturating_add(after).max(now),
            KubeletTimer::Exit {
                pod: id,
                container: index,
                run: run_index,
                plan_generation: generation,
                code,
                oom: false,
            },
        );
    }
    cx.container(
        id,
        index,
        ContainerChange::Plan(Arc::new(plan), Arc::new(surroundings)),
    );
    let changed = new_writes != old_writes;
    if changed {
        cx.container(
            id,
            index,
            ContainerChange::Writes {
                from: now,
                writes: new_writes,
            },
        );
    }
    changed
}

/// The volume a container path lies in and the path inside the volume (`/` for its root).
fn volume_path<'c>(container: &'c Container, path: &str) -> Option<(&'c str, String)> {
    container
        .volume_mounts
        .iter()
        .filter_map(|mount| {
            let rest = path.strip_prefix(mount.mount_path.trim_end_matches('/'))?;
            if !(rest.is_empty() || rest.starts_with('/')) {
                return None;
            }
            let sub = mount.sub_path.as_deref().unwrap_or_default();
            let inside = if sub.is_empty() {
                format!("/{}", rest.trim_start_matches('/'))
            } else {
                format!("/{sub}{rest}")
            };
            Some((mount.mount_path.len(), mount.name.as_str(), inside))
        })
        .max_by_key(|(length, _, _)| *length)
        .map(|(_, volume, inside)| (volume, inside))
}

/// Where `inside` of `volume` appears in `container`, if it mounts that part of the volume.
fn mounted_path(container: &Container, volume: &str, inside: &str) -> Option<String> {
    container
        .volume_mounts
        .iter()
        .filter(|mount| mount.name == volume)
        .find_map(|mount| {
            let sub = mount.sub_path.as_deref().unwrap_or_default();
            let rest = if sub.is_empty() {
                inside.to_owned()
            } else {
                let rest = inside.strip_prefix(&format!("/{sub}"))?;
                if !(rest.is_empty() || rest.starts_with('/')) {
                    return None;
                }
                rest.to_owned()
            };
            let base = mount.mount_path.trim_end_matches('/');
            Some(if rest == "/" || rest.is_empty() {
                base.to_owned()
            } else {
                format!("{base}{rest}")
            })
        })
}
