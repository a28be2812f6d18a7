//! What the page holds of a lifecycle: each step's instant, phase and narration, what the stepper
//! and the diagram show of it, the simulator's notes, and what the run showed of the Pod's
//! inside. The model thread (a Web Worker, `playground::model`) works it out and the page draws
//! it; it crosses between them as JSON ([`LifecycleView::to_json`], [`LifecycleView::from_json`]).

use std::collections::BTreeMap;

use crate::api::yaml::single_json_document;
use crate::base::json::{
    self, Fields, Json, Object, Read, boolean, list, optional, required, signed_64, string,
    unsigned,
};
use crate::base::time::VirtualTime;
use crate::diagram::flow::FlowStage;
use crate::diagram::look::{Look, Visual};
use crate::playground::state::Lifecycle;
use crate::playground::stepper::StepView;
use crate::timeline::{Cursor, Phase, Steps};
use crate::topology::Observed;

/// One step as the stepper tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLine {
    /// When the step happens.
    pub at: VirtualTime,
    /// The Pod's phase then.
    pub phase: Phase,
    /// One sentence on what just happened.
    pub narration: String,
}

/// A lifecycle as the page shows it; never without a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LifecycleView {
    /// The steps, in time order.
    pub steps: Vec<StepLine>,
    /// What the simulator had to assume, shown beside the steps.
    pub notes: Vec<String>,
    /// What the stepper and the diagram show of each step, one per step.
    pub views: Vec<StepView>,
    /// What the run showed of the Pod's inside (its IP, its containers' writes).
    pub observed: Observed,
}

impl LifecycleView {
    /// The view of `lifecycle`.
    pub fn of(lifecycle: &Lifecycle) -> LifecycleView {
        LifecycleView {
            steps: lifecycle
                .timeline
                .steps()
                .iter()
                .map(|step| StepLine {
                    at: step.at,
                    phase: step.phase,
                    narration: step.narration.clone(),
                })
                .collect(),
            notes: lifecycle.timeline.notes().to_vec(),
            views: lifecycle.views.clone(),
            observed: lifecycle
                .simulations
                .first()
                .map(crate::cluster::Simulation::observed)
                .unwrap_or_default(),
        }
    }

    /// The step at `cursor`, clamped to the last.
    pub fn step(&self, cursor: Cursor) -> &StepLine {
        &self.steps[cursor.index().min(self.steps.len() - 1)]
    }

    /// What the page shows of the step at `cursor`.
    pub fn view(&self, cursor: Cursor) -> Option<&StepView> {
        self.views.get(cursor.index())
    }

    /// The view as compact JSON.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut object = Object::open(&mut out);
        json::write_list(object.key("steps"), &self.steps, write_step);
        json::write_list(object.key("notes"), &self.notes, |out, note| {
            json::write_string(out, note);
        });
        json::write_list(object.key("views"), &self.views, write_view);
        let observed = object.key("observed");
        let mut inner = Object::open(observed);
        if let Some(ip) = &self.observed.pod_ip {
            json::write_string(inner.key("podIP"), ip);
        }
        let writes = inner.key("writes");
        let mut by_name = Object::open(writes);
        for (name, paths) in &self.observed.writes {
            json::write_list(by_name.key(name), paths, |out, path| {
                json::write_string(out, path);
            });
        }
        by_name.close();
        inner.close();
        object.close();
        out
    }

    /// Reads the JSON [`LifecycleView::to_json`] writes.
    pub fn from_json(text: &str) -> Result<LifecycleView, String> {
        let root = single_json_document(text)?;
        let fields = root.object("struct LifecycleView")?;
        let steps = required(fields, "steps", |value| list(value, read_step))?;
        if steps.is_empty() {
            return Err("a lifecycle has at least one step".to_owned());
        }
        let views = required(fields, "views", |value| list(value, read_view))?;
        if views.len() != steps.len() {
            return Err("a lifecycle has one view per step".to_owned());
        }
        let observed = required(fields, "observed", read_observed)?;
        Ok(LifecycleView {
            steps,
            notes: required(fields, "notes", |value| list(value, string))?,
            views,
            observed,
        })
    }
}

impl Steps for LifecycleView {
    fn count(&self) -> usize {
        self.steps.len()
    }

    fn instant(&self, index: usize) -> VirtualTime {
        self.steps[index].at
    }
}

/// Every phase with its name on the wire.
const PHASES: [(Phase, &str); 5] = [
    (Phase::Pending, "Pending"),
    (Phase::Running, "Running"),
    (Phase::Succeeded, "Succeeded"),
    (Phase::Failed, "Failed"),
    (Phase::Unknown, "Unknown"),
];

/// Every flow stage with its name on the wire.
const STAGES: [(FlowStage, &str); 12] = [
    (FlowStage::Stored, "Stored"),
    (FlowStage::Unschedulable, "Unschedulable"),
    (FlowStage::Scheduled, "Scheduled"),
    (FlowStage::Starting, "Starting"),
    (FlowStage::Reported, "Reported"),
    (FlowStage::NodeLost, "NodeLost"),
    (FlowStage::DeleteRequested, "DeleteRequested"),
    (FlowStage::Stopping, "Stopping"),
    (FlowStage::Removed, "Removed"),
    (FlowStage::StaticStarting, "StaticStarting"),
    (FlowStage::StaticReported, "StaticReported"),
    (FlowStage::MirrorReplaced, "MirrorReplaced"),
];

/// The name of `value` in `table`.
fn name_of<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(known, _)| *known == value)
        .map_or("", |(_, name)| name)
}

/// The value named `name` in `table`.
fn named<T: Copy>(table: &[(T, &'static str)], name: &str, what: &str) -> Read<T> {
    table
        .iter()
        .find(|(_, known)| *known == name)
        .map(|(value, _)| *value)
        .ok_or_else(|| format!("unknown {what} `{name}`"))
}

fn write_step(out: &mut String, step: &StepLine) {
    let mut object = Object::open(out);
    object.key("at").push_str(&step.at.as_millis().to_string());
    json::write_string(object.key("phase"), name_of(&PHASES, step.phase));
    json::write_string(object.key("narration"), &step.narration);
    object.close();
}

fn read_step(value: &Json) -> Read<StepLine> {
    let fields = value.object("struct StepLine")?;
    let phase = required(fields, "phase", string)?;
    Ok(StepLine {
        at: VirtualTime::from_millis(required(fields, "at", |v| unsigned(v, "u64"))?),
        phase: named(&PHASES, &phase, "phase")?,
        narration: required(fields, "narration", string)?,
    })
}

fn write_view(out: &mut String, view: &StepView) {
    let mut object = Object::open(out);
    json::write_string(object.key("status"), &view.status);
    json::write_string(object.key("ready"), &view.ready);
    json::write_string(object.key("restarts"), &view.restarts);
    json::write_string(object.key("flow"), name_of(&STAGES, view.flow));
    json::write_list(
        object.key("containers"),
        &view.look.containers,
        write_visual,
    );
    if let Some(ip) = &view.look.pod_ip {
        json::write_string(object.key("podIP"), ip);
    }
    if let Some(status) = &view.look.status {
        json::write_string(object.key("podStatus"), status);
    }
    if !view.shells.is_empty() {
        json::write_string(object.key("shells"), &view.shells);
    }
    object.close();
}

fn read_view(value: &Json) -> Read<StepView> {
    let fields = value.object("struct StepView")?;
    let flow = required(fields, "flow", string)?;
    Ok(StepView {
        status: required(fields, "status", string)?,
        ready: required(fields, "ready", string)?,
        restarts: required(fields, "restarts", string)?,
        look: Look {
            containers: required(fields, "containers", |value| list(value, read_visual))?,
            pod_ip: optional(fields, "podIP", string)?,
            status: optional(fields, "podStatus", string)?,
        },
        flow: named(&STAGES, &flow, "flow stage")?,
        shells: optional(fields, "shells", string)?.unwrap_or_default(),
    })
}

/// A container's look as `[kind]`, `[kind, detail]` or `[kind, code, reason]`.
fn write_visual(out: &mut String, visual: &Visual) {
    match visual {
        Visual::NotStarted => out.push_str("[\"NotStarted\"]"),
        Visual::Waiting(reason) => {
            out.push_str("[\"Waiting\",");
            json::write_string(out, reason);
            out.push(']');
        }
        Visual::Running { ready } => out.push_str(&format!("[\"Running\",{ready}]")),
        Visual::RunningInit => out.push_str("[\"RunningInit\"]"),
        Visual::Succeeded => out.push_str("[\"Succeeded\"]"),
        Visual::Failed { code, reason } => {
            out.push_str(&format!("[\"Failed\",{code},"));
            json::write_string(out, reason);
            out.push(']');
        }
        Visual::CrashLoop { oom } => out.push_str(&format!("[\"CrashLoop\",{oom}]")),
        Visual::Terminating => out.push_str("[\"Terminating\"]"),
        Visual::Unknown => out.push_str("[\"Unknown\"]"),
    }
}

fn read_visual(value: &Json) -> Read<Visual> {
    let Json::Array(items) = value else {
        return Err(value.invalid_type("a container's look"));
    };
    let kind = items.first().map(string).transpose()?.unwrap_or_default();
    let item = |index: usize| {
        items
            .get(index)
            .ok_or_else(|| format!("the look `{kind}` is missing a part"))
    };
    Ok(match kind.as_str() {
        "NotStarted" => Visual::NotStarted,
        "Waiting" => Visual::Waiting(string(item(1)?)?),
        "Running" => Visual::Running {
            ready: boolean(item(1)?)?,
        },
        "RunningInit" => Visual::RunningInit,
        "Succeeded" => Visual::Succeeded,
        "Failed" => Visual::Failed {
            code: i32::try_from(signed_64(item(1)?)?).map_err(|error| error.to_string())?,
            reason: string(item(2)?)?,
        },
        "CrashLoop" => Visual::CrashLoop {
            oom: boolean(item(1)?)?,
        },
        "Terminating" => Visual::Terminating,
        "Unknown" => Visual::Unknown,
        other => return Err(format!("unknown container look `{other}`")),
    })
}

fn read_observed(value: &Json) -> Read<Observed> {
    let fields: &Fields = value.object("struct Observed")?;
    let mut writes = BTreeMap::new();
    if let Some(by_name) = fields.get("writes") {
        for (name, paths) in by_name.object("a map")? {
            writes.insert(name.clone(), list(paths, string)?);
        }
    }
    Ok(Observed {
        pod_ip: optional(fields, "podIP", string)?,
        writes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::scenario::{Action, Scenario, What};
    use crate::lint::parse;
    use crate::playground::state;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: app, image: 'nginx:1.27'}\n  - name: crash\n    image: busybox:1.36\n    command: [sh, -c, 'echo \"quote\\\\ and \\u00e9\"; exit 3']\n";

    /// The view of `text`'s lifecycle in `scenario` reads back from its JSON exactly.
    fn check_round_trip(text: &str, scenario: &Scenario) {
        let parsed = parse(text);
        let pods: Vec<_> = parsed.accepted_pods().into_iter().cloned().collect();
        let lifecycle = state::lifecycle(&pods, &[], scenario).expect("a lifecycle");
        let view = LifecycleView::of(&lifecycle);
        let json = view.to_json();
        assert_eq!(LifecycleView::from_json(&json), Ok(view.clone()), "{json}");
        assert_eq!(view.steps.len(), lifecycle.timeline.steps().len());
    }

    #[test]
    fn a_crash_loop_with_a_deletion_reads_back_exactly() {
        let mut scenario = Scenario::default();
        scenario.actions.push(Action::new(
            VirtualTime::from_secs(60),
            What::DeletePod {
                grace_period_seconds: None,
            },
        ));
        check_round_trip(POD, &scenario);
    }

    #[test]
    fn every_phase_and_stage_has_a_name_of_its_own() {
        for (stage, name) in STAGES {
            assert_eq!(named(&STAGES, name, "stage"), Ok(stage));
        }
        for (phase, name) in PHASES {
            assert_eq!(named(&PHASES, name, "phase"), Ok(phase));
        }
        let names: std::collections::BTreeSet<_> = PHASES.iter().map(|(_, n)| *n).collect();
        assert_eq!(names.len(), PHASES.len());
    }

    #[test]
    fn damaged_json_says_what_is_wrong() {
        assert!(LifecycleView::from_json("{").is_err());
        assert_eq!(
            LifecycleView::from_json(r#"{"steps":[],"views":[],"notes":[],"observed":{}}"#),
            Err("a lifecycle has at least one step".to_owned())
        );
        assert_eq!(
            LifecycleView::from_json(
                r#"{"steps":[{"at":0,"phase":"Gone","narration":""}],"views":[],"notes":[],"observed":{}}"#
            ),
            Err("unknown phase `Gone`".to_owned())
        );
    }
}
