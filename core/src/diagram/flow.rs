//! The control-plane flow diagram: kubectl → API server → etcd → scheduler → kubelet →
//! container runtime, for a Pod's creation and its deletion, as the seed articles tell it, and
//! for a static Pod, which the kubelet runs from a file and mirrors to the API server. The stage
//! of any Pod object is read from its fields, and the scene highlights it.

use crate::api::v1::Pod;
use crate::cluster::kubelet::static_pod;
use crate::diagram::Rect;
use crate::diagram::scene::{Scene, Shape, ShapeGroup};

/// A component of the control plane or the node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Actor {
    /// The command line.
    Kubectl,
    /// kube-apiserver.
    ApiServer,
    /// The store.
    Etcd,
    /// kube-scheduler.
    Scheduler,
    /// The node agent.
    Kubelet,
    /// containerd or CRI-O.
    Runtime,
}

impl Actor {
    const ALL: [Actor; 6] = [
        Actor::Kubectl,
        Actor::ApiServer,
        Actor::Etcd,
        Actor::Scheduler,
        Actor::Kubelet,
        Actor::Runtime,
    ];

    fn label(self) -> &'static str {
        match self {
            Actor::Kubectl => "kubectl",
            Actor::ApiServer => "API server",
            Actor::Etcd => "etcd",
            Actor::Scheduler => "scheduler",
            Actor::Kubelet => "kubelet",
            Actor::Runtime => "runtime",
        }
    }

    fn index(self) -> u32 {
        match self {
            Actor::Kubectl => 0,
            Actor::ApiServer => 1,
            Actor::Etcd => 2,
            Actor::Scheduler => 3,
            Actor::Kubelet => 4,
            Actor::Runtime => 5,
        }
    }
}

/// Where a Pod is in its creation or deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowStage {
    /// kubectl sent it; the API server validated it and wrote it to etcd.
    Stored,
    /// The scheduler found no node for it.
    Unschedulable,
    /// The scheduler bound it to a node.
    Scheduled,
    /// The kubelet has the runtime start the sandbox and the containers.
    Starting,
    /// The kubelet reports the containers' status through the API server.
    Reported,
    /// The node stopped reporting.
    NodeLost,
    /// `kubectl delete`: the deletion timestamp and grace period are in etcd.
    DeleteRequested,
    /// The kubelet stops the containers: preStop, SIGTERM, SIGKILL after the grace period.
    Stopping,
    /// Every container stopped; the API server removes the object.
    Removed,
    /// A static Pod: the kubelet read its file and has the runtime start it.
    StaticStarting,
    /// A static Pod: the kubelet mirrors it, with its status, to the API server.
    StaticReported,
    /// A static Pod: `kubectl delete` marked the mirror; the kubelet replaces it.
    MirrorReplaced,
}

/// The lists of stages the diagram shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Creation,
    Static,
    Deletion,
}

/// A stage, its sentence, and the arrows it lights up.
type StageLine = (FlowStage, &'static str, &'static [(Actor, Actor)]);

/// Each stage's sentence and the arrows it lights up, in the order the diagram lists them.
const STAGES: &[StageLine] = &[
    (
        FlowStage::Stored,
        "1. kubectl sends the Pod to the API server, which validates it and writes it to etcd",
        &[
            (Actor::Kubectl, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
    (
        FlowStage::Unschedulable,
        "2. The scheduler finds no node that fits: the Pod stays Pending (FailedScheduling)",
        &[],
    ),
    (
        FlowStage::Scheduled,
        "2. The scheduler picks a node and writes the binding through the API server to etcd",
        &[
            (Actor::Scheduler, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
    (
        FlowStage::Starting,
        "3. The kubelet sees the binding; the runtime starts the pause container, then the containers",
        &[(Actor::Kubelet, Actor::Runtime)],
    ),
    (
        FlowStage::Reported,
        "4. The kubelet writes the containers' status through the API server to etcd",
        &[
            (Actor::Kubelet, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
    (
        FlowStage::StaticStarting,
        "1. The kubelet reads the Pod from its manifest directory, with no API server or scheduler; the runtime starts the pause container, then the containers",
        &[(Actor::Kubelet, Actor::Runtime)],
    ),
    (
        FlowStage::StaticReported,
        "2. The kubelet creates a mirror Pod through the API server and writes its status there, so kubectl can see it",
        &[
            (Actor::Kubelet, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
    (
        FlowStage::MirrorReplaced,
        "3. kubectl delete marks only the mirror Pod: the kubelet deletes it and creates it again, and the containers run on",
        &[
            (Actor::Kubectl, Actor::ApiServer),
            (Actor::Kubelet, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
    (
        FlowStage::NodeLost,
        "!  The node stops reporting: the node controller marks the Pod's status Unknown",
        &[(Actor::ApiServer, Actor::Etcd)],
    ),
    (
        FlowStage::DeleteRequested,
        "1. kubectl delete: the API server writes the deletion time and grace period (30 s by default) to etcd",
        &[
            (Actor::Kubectl, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
    (
        FlowStage::Stopping,
        "2. The kubelet runs preStop hooks and the runtime sends SIGTERM; SIGKILL after the grace period",
        &[(Actor::Kubelet, Actor::Runtime)],
    ),
    (
        FlowStage::Removed,
        "3. The kubelet reports every container stopped; the API server removes the Pod from etcd",
        &[
            (Actor::Kubelet, Actor::ApiServer),
            (Actor::ApiServer, Actor::Etcd),
        ],
    ),
];

impl FlowStage {
    /// The stage's sentence.
    pub fn sentence(self) -> &'static str {
        STAGES
            .iter()
            .find(|(stage, _, _)| *stage == self)
            .map_or("", |(_, sentence, _)| sentence)
    }

    /// True for the stages of a deletion.
    pub fn is_deletion(self) -> bool {
        self.group() == Group::Deletion
    }

    /// True for the stages of a static Pod.
    pub fn is_static(self) -> bool {
        self.group() == Group::Static
    }

    fn group(self) -> Group {
        match self {
            FlowStage::DeleteRequested | FlowStage::Stopping | FlowStage::Removed => {
                Group::Deletion
            }
            FlowStage::StaticStarting | FlowStage::StaticReported | FlowStage::MirrorReplaced => {
                Group::Static
            }
            _ => Group::Creation,
        }
    }

    /// The stage of `observed` (a Pod object as the API server holds it), given the stage of the
    /// step before it, if any.
    pub fn of(observed: &Pod, previous: Option<FlowStage>) -> FlowStage {
        let status = observed.status.as_deref();
        let statuses = status.into_iter().flat_map(|s| {
            s.init_container_statuses
                .iter()
                .chain(&s.container_statuses)
        });
        let mut running = false;
        let mut started = false;
        for container in statuses {
            if let Some(state) = &container.state {
                running |= state.running.is_some();
                started |= state.running.is_some() || state.terminated.is_some();
            }
            started |= container.restart_count > 0;
        }
        if static_pod::is_mirror(observed) {
            let replacing = observed.metadata.deletion_timestamp.is_some()
                || (previous == Some(FlowStage::MirrorReplaced)
                    && status.is_none_or(|s| s.container_statuses.is_empty()));
            return if replacing {
                FlowStage::MirrorReplaced
            } else if started {
                FlowStage::StaticReported
            } else {
                FlowStage::StaticStarting
            };
        }
        // A Pod of a lost node that kubectl shows Unknown (its status reason `NodeLost`, set with
        // an eviction's deletion) stays at the node's loss: nobody can stop its containers.
        let node_lost = status.and_then(|s| s.reason.as_deref())
            == Some(crate::cluster::node_lifecycle::NODE_LOST_REASON);
        if node_lost || status.and_then(|s| s.phase.as_deref()) == Some("Unknown") {
            return FlowStage::NodeLost;
        }
        if observed.metadata.deletion_timestamp.is_some() {
            return match previous {
                _ if !running => FlowStage::Removed,
                Some(FlowStage::DeleteRequested | FlowStage::Stopping) => FlowStage::Stopping,
                _ => FlowStage::DeleteRequested,
            };
        }
        if observed.spec.node_name.as_deref().is_none_or(str::is_empty) {
            let unschedulable = status.is_some_and(|s| {
                s.conditions
                    .iter()
                    .any(|c| c.kind == "PodScheduled" && c.status == "False")
            });
            return if unschedulable {
                FlowStage::Unschedulable
            } else {
                FlowStage::Stored
            };
        }
        if started {
            FlowStage::Reported
        } else if matches!(
            previous,
            None | Some(FlowStage::Stored | FlowStage::Unschedulable)
        ) {
            FlowStage::Scheduled
        } else {
            FlowStage::Starting
        }
    }
}

const ACTOR_WIDTH: u32 = 132;
const ACTOR_HEIGHT: u32 = 30;
const ACTOR_GAP: u32 = 18;
const LEFT: u32 = 16;
const TOP: u32 = 16;
/// Characters per line of the stages' sentences, so the diagram fits a narrow panel.
const LINE_CHARS: usize = 42;
const LINE_HEIGHT: u32 = 15;
const WIDTH: u32 = 340;

/// The actors stand in a column, in the order a Pod's creation visits them.
fn actor_rect(actor: Actor) -> Rect {
    Rect {
        x: LEFT,
        y: TOP + actor.index() * (ACTOR_HEIGHT + ACTOR_GAP),
        width: ACTOR_WIDTH,
        height: ACTOR_HEIGHT,
    }
}

/// The path of an arrow between two actors: straight down or up between neighbours, along the
/// column's right side otherwise.
fn arrow_path(from: Actor, to: Actor) -> String {
    let (a, b) = (actor_rect(from), actor_rect(to));
    if from.index().abs_diff(to.index()) == 1 {
        let x = a.x + a.width / 2;
        let (y1, y2) = if from.index() < to.index() {
            (a.bottom(), b.y)
        } else {
            (a.y, b.bottom())
        };
        return format!("M{x} {y1} L{x} {y2}");
    }
    let lane = a.right() + 12 + from.index() * 8;
    let y1 = a.y + a.height / 2;
    let y2 = b.y + 8 + from.index() * 3;
    format!(
        "M{} {y1} L{lane} {y1} L{lane} {y2} L{} {y2}",
        a.right(),
        b.right()
    )
}

/// `text` cut into lines of at most [`LINE_CHARS`] characters, at spaces.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > LINE_CHARS {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Every arrow the diagram draws.
fn all_arrows() -> Vec<(Actor, Actor)> {
    let mut arrows: Vec<(Actor, Actor)> = Vec::new();
    for (_, _, stage_arrows) in STAGES {
        for arrow in *stage_arrows {
            if !arrows.contains(arrow) {
                arrows.push(*arrow);
            }
        }
    }
    arrows
}

/// The flow diagram with `current` highlighted (nothing highlighted for `None`).
pub fn flow_scene(current: Option<FlowStage>) -> Scene {
    let active: &[(Actor, Actor)] = current
        .and_then(|stage| STAGES.iter().find(|(s, _, _)| *s == stage))
        .map_or(&[], |(_, _, arrows)| arrows);
    let is_active_actor = |actor: Actor| {
        active.iter().any(|(a, b)| *a == actor || *b == actor)
            || (current == Some(FlowStage::Unschedulable) && actor == Actor::Scheduler)
    };
    let mut groups = Vec::new();
    for actor in Actor::ALL {
        let r = actor_rect(actor);
        groups.push(ShapeGroup {
            class: format!(
                "actor{}",
                if is_active_actor(actor) {
                    " active"
                } else {
                    ""
                }
            ),
            title: actor.label().to_owned(),
            test_id: "actor",
            state: is_active_actor(actor).then(|| "active".to_owned()),
            shapes: vec![
                Shape::Rect {
                    rect: r,
                    rx: 8,
                    class: "actor-box".to_owned(),
                },
                Shape::Text {
                    x: r.x + r.width / 2,
                    y: r.y + 20,
                    class: "actor-label".to_owned(),
                    text: actor.label().to_owned(),
                    end: false,
                },
            ],
        });
    }
    for (from, to) in all_arrows() {
        let on = active.contains(&(from, to));
        groups.push(ShapeGroup {
            class: format!("flow-arrow{}", if on { " active" } else { "" }),
            title: format!("{} → {}", from.label(), to.label()),
            test_id: "flow-arrow",
            state: None,
            shapes: vec![Shape::Path {
                d: arrow_path(from, to),
                class: "edge-line".to_owned(),
                arrow: true,
            }],
        });
    }
    let mut y = actor_rect(Actor::Runtime).bottom() + 32;
    // A static Pod's own stages stand in for the creation of an ordinary one.
    let first = if current.is_some_and(FlowStage::is_static) {
        ("Static Pod", Group::Static, "Life of a static Pod")
    } else {
        ("Creation", Group::Creation, "Creation of a Pod")
    };
    for (heading, group, title) in [first, ("Deletion", Group::Deletion, "Deletion of a Pod")] {
        groups.push(ShapeGroup {
            class: "flow-heading-group".to_owned(),
            title: title.to_owned(),
            test_id: "flow-heading",
            state: None,
            shapes: vec![Shape::Text {
                x: LEFT,
                y,
                class: "flow-heading".to_owned(),
                text: heading.to_owned(),
                end: false,
            }],
        });
        y += 18;
        for (stage, sentence, _) in STAGES.iter().filter(|(s, _, _)| s.group() == group) {
            let is_current = current == Some(*stage);
            let class = format!("flow-step{}", if is_current { " current" } else { "" });
            let mut shapes = Vec::new();
            for (index, line) in wrap(sentence).into_iter().enumerate() {
                let marker = match (index, is_current) {
                    (0, true) => "▶ ",
                    _ => "  ",
                };
                shapes.push(Shape::Text {
                    x: LEFT,
                    y,
                    class: class.clone(),
                    text: format!("{marker}{line}"),
                    end: false,
                });
                y += LINE_HEIGHT;
            }
            groups.push(ShapeGroup {
                class: format!("flow-stage{}", if is_current { " current" } else { "" }),
                title: (*sentence).to_owned(),
                test_id: "flow-stage",
                state: is_current.then(|| "current".to_owned()),
                shapes,
            });
            y += 4;
        }
        y += 10;
    }
    Scene {
        width: WIDTH,
        height: y,
        label: match current {
            Some(stage) => format!("Control-plane flow; now: {}", stage.sentence()),
            None => "Control-plane flow of a Pod's creation and deletion".to_owned(),
        },
        groups,
    }
}
