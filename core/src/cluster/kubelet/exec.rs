//! `kubectl exec` in a container the kubelet runs: the container as an exec finds it (its run
//! replayed up to the instant, the kubelet's `/etc` files, its postStart hook's writes, the
//! environment it was started with), and an exec that is a scenario action: what it writes
//! stays (in the container's writable layer until the run ends, in a volume for every
//! container that mounts it), and the signals it sends end the processes they reach as the
//! kernel lets them. An exec that is kept reaches the Pod's own servers on localhost; the
//! cluster's other Pods it does not reach (their runs are not known at its instant).

use std::collections::BTreeMap;

use crate::api::v1::{Container, Pod};
use crate::base::time::VirtualTime;
use crate::cluster::kubelet::pod_worker::Cx;
use crate::cluster::kubelet::program::{Program, RunPlan, Surroundings};
use crate::cluster::kubelet::{ContainerChange, KubeletTimer, etc_files, hooks, runtime, volumes};
use crate::cluster::store::PodId;
pub use crate::runtime::exec::prompt;
use crate::runtime::exec::{self, ContainerProcess, ExecRun, Process};
use crate::runtime::kubelet_expansion::literal_env;
use crate::runtime::shell::{FileOp, MemoryHost, SharedWrite};

/// The most file changes the execs of one container keep.
pub const MAX_EXEC_WRITES: usize = 2_000;
/// The most execs of a scenario that run in one Pod (each replays its container's run).
pub const MAX_EXECS: usize = 200;

/// What an exec finds around its container: what the Pod's containers serve on localhost, by
/// port, and the processes `ps` lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Around {
    /// The page each port answers with.
    pub servers: BTreeMap<u16, String>,
    /// The Pod's processes as the exec sees them.
    pub processes: Vec<Process>,
    /// The cluster's other running Pods by IP, with what each port serves.
    pub peers: BTreeMap<String, BTreeMap<u16, String>>,
}

/// What an exec changed in its container.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecEffects {
    /// Changes to files of the container's own (its writable layer), at the exec's instant on
    /// the run's clock.
    pub private: Vec<SharedWrite>,
    /// Changes to files in its volumes, at the exec's instant on the run's clock.
    pub shared: Vec<SharedWrite>,
    /// The signals it sent: (PID, signal), signal 0 (a check) left out.
    pub signals: Vec<(u32, i32)>,
}

impl ExecEffects {
    /// True when the exec changed something: a scenario action then keeps it.
    pub fn changed(&self) -> bool {
        !(self.private.is_empty() && self.shared.is_empty() && self.signals.is_empty())
    }
}

/// Runs `command` in `container` of `pod`, in its run of `plan` `offset` milliseconds after it
/// started; `id` names the exec. Returns what it printed and how it ended, and what it changed.
#[allow(clippy::too_many_arguments)]
pub fn run_exec(
    container: &Container,
    pod: &Pod,
    plan: &RunPlan,
    surroundings: &Surroundings,
    offset: u64,
    command: &[String],
    id: &str,
    around: &Around,
) -> (ExecRun, ExecEffects) {
    let hostname = etc_files::hostname(pod);
    // What the run did at the very instant has happened, as the others' writes at it have
    // arrived: the run is replayed a millisecond past it.
    let mut host = plan.host_at(container, pod.name(), surroundings, offset + 1);
    host.files.extend(etc_files::etc_files(pod));
    hooks::replay_post_start(container, &mut host);
    // The Pod's containers share one network: localhost reaches each one's server.
    host.listening.clone_from(&around.servers);
    host.peers.clone_from(&around.peers);
    host.processes = around
        .processes
        .iter()
        .map(|process| (process.pid, process.user.clone(), process.command.clone()))
        .collect();
    let kubelet_env = match &plan.program {
        Program::Script { env, .. } => env.clone(),
        Program::Image(_) => surroundings
            .env
            .clone()
            .unwrap_or_else(|| literal_env(&container.env)),
    };
    let env = exec::process_env(&hostname, &kubelet_env);
    let image = container.image.as_deref().unwrap_or_default();
    let before = host.files.clone();
    let sent_before = host.outgoing.len();
    let run = exec::exec(command, image, &mut host, &env, id);
    let effects = effects_of(&host, &before, sent_before, offset);
    let run = ExecRun {
        changed: effects.changed(),
        ..run
    };
    (run, effects)
}

/// The changes `host` shows after an exec, against its files `before` and the first of its
/// shared changes that the exec made, all at `offset` on the run's clock.
fn effects_of(
    host: &MemoryHost,
    before: &BTreeMap<String, String>,
    sent_before: usize,
    offset: u64,
) -> ExecEffects {
    let at = VirtualTime::from_millis(offset);
    let in_volume = |path: &str| {
        host.shared_dirs
            .iter()
            .any(|dir| path == dir || path.starts_with(&format!("{}/", dir.trim_end_matches('/'))))
    };
    let mut private: Vec<SharedWrite> = host
        .files
        .iter()
        .filter(|(path, content)| !in_volume(path) && before.get(*path) != Some(*content))
        .map(|(path, content)| SharedWrite {
            at,
            path: path.clone(),
            op: FileOp::Write {
                content: content.clone(),
                append: false,
            },
        })
        .collect();
    private.extend(
        before
            .keys()
            .filter(|path| !in_volume(path) && !host.files.contains_key(*path))
            .map(|path| SharedWrite {
                at,
                path: path.clone(),
                op: FileOp::Remove,
            }),
    );
    let shared = host.outgoing[sent_before.min(host.outgoing.len())..]
        .iter()
        .map(|write| SharedWrite {
            at,
            ..write.clone()
        })
        .collect();
    let signals = host
        .signals
        .iter()
        .copied()
        .filter(|(_, signal)| *signal != 0)
        .collect();
    ExecEffects {
        private,
        shared,
        signals,
    }
}

/// The scenario's exec in container `index` of the Pod `id`, now: it runs in the container's
/// current run (none: nothing happens, as kubectl's exec would have failed); its own files
/// change from now on in this run, its volumes' files for every container that mounts them,
/// and a container whose main process a signal ends exits.
pub fn act(cx: &mut Cx<'_>, id: PodId, index: usize, command: &[String]) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    let Some(run) = record.live_run(now).map(|run| &record.runs[run]) else {
        return;
    };
    let Some((plan, surroundings)) = record.plan.clone() else {
        return;
    };
    let offset = now.saturating_sub(run.started);
    let ran: usize = worker.containers.iter().map(|each| each.execs.len()).sum();
    if ran >= MAX_EXECS {
        cx.note(
            id,
            format!("more than {MAX_EXECS} execs in the Pod: the later ones are not run"),
        );
        return;
    }
    cx.container(id, index, ContainerChange::Exec(now, command.to_vec()));
    let shared_namespace = worker.pod.spec.share_process_namespace == Some(true);
    let containers: Vec<ContainerProcess<'_>> = worker
        .containers
        .iter()
        .map(|each| ContainerProcess {
            name: &each.spec.name,
            image: each.spec.image.as_deref().unwrap_or_default(),
            argv: [each.spec.command.clone(), each.spec.args.clone()].concat(),
            running: each.live_run(now).is_some(),
            target: worker
                .pod
                .spec
                .ephemeral_containers
                .iter()
                .find(|ephemeral| ephemeral.name == each.spec.name)
                .and_then(|ephemeral| ephemeral.target_container_name.as_deref()),
        })
        .collect();
    // What the Pod's running containers serve on localhost now.
    let mut servers = BTreeMap::new();
    for each in &worker.containers {
        let Some((serving, found)) = &each.plan else {
            continue;
        };
        let Some(live) = each.live_run(now).map(|run| &each.runs[run]) else {
            continue;
        };
        if serving.listening().is_empty() {
            continue;
        }
        let files = serving
            .host_at(&each.spec, worker.pod.name(), found, now - live.started + 1)
            .files;
        let image = each.spec.image.as_deref().unwrap_or_default();
        if let Some(page) = crate::runtime::images::served_page(image, &files) {
            for port in serving.listening() {
                servers.insert(*port, page.clone());
            }
        }
    }
    let around = Around {
        servers,
        peers: BTreeMap::new(),
        processes: exec::pod_processes(
            &containers,
            &record.spec.name,
            shared_namespace,
            &[command.join(" ")],
        ),
    };
    let exec_id = format!("{}/{}/{now}", worker.pod.name(), record.spec.name);
    let (_, effects) = run_exec(
        &record.spec,
        &worker.pod,
        &plan,
        &surroundings,
        offset,
        command,
        &exec_id,
        &around,
    );
    // The signals' targets, before the records change.
    let ended: Vec<(usize, i32)> = effects
        .signals
        .iter()
        .filter_map(|(pid, signal)| {
            let process = around.processes.iter().find(|p| p.pid == *pid)?;
            let owner = process.main_of.as_deref()?;
            let target = worker
                .containers
                .iter()
                .position(|r| r.spec.name == owner)?;
            let spec = &worker.containers[target].spec;
            let argv = [spec.command.clone(), spec.args.clone()].concat();
            let image = spec.image.as_deref().unwrap_or_default();
            let code = exec::signal_exit(image, &argv, !shared_namespace, *signal)?;
            Some((target, code))
        })
        .collect();
    let room = MAX_EXEC_WRITES.saturating_sub(record.exec_writes.len());
    // The rank of this exec's writes after every earlier exec's in the Pod.
    let ranked: usize = worker
        .containers
        .iter()
        .map(|each| each.exec_writes.len())
        .sum();
    if !effects.private.is_empty() {
        let mut next = (*surroundings).clone();
        let private_room = MAX_EXEC_WRITES.saturating_sub(next.exec_files.len());
        next.exec_files
            .extend(effects.private.into_iter().take(private_room));
        volumes::replan(cx, id, index, next);
    }
    if !effects.shared.is_empty() {
        let writes = effects
            .shared
            .into_iter()
            .take(room)
            .enumerate()
            .map(|(index, write)| {
                (
                    ranked + index,
                    SharedWrite {
                        at: VirtualTime::from_millis(now),
                        ..write
                    },
                )
            })
            .collect();
        cx.container(id, index, ContainerChange::ExecWrites(writes));
        cx.timer(now, KubeletTimer::Volumes { pod: id, round: 0 });
    }
    let mut done: Vec<usize> = Vec::new();
    for (target, code) in ended {
        let live = cx
            .worker(id)
            .and_then(|w| w.containers.get(target))
            .is_some_and(|record| record.live_run(now).is_some());
        if live && !done.contains(&target) {
            done.push(target);
            runtime::exited(cx, id, target, code, false);
        }
    }
}
