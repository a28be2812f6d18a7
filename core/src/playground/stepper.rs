//! What the stepper shows for each step of a timeline: the STATUS, READY and RESTARTS columns
//! `kubectl get pods` would print then, how the diagram draws each container (the step's
//! [`Look`]), and where the Pod is in the control-plane flow. The timeline knows Pod objects;
//! this is where the views read them.

use crate::api::v1::Pod;
use crate::diagram::flow::FlowStage;
use crate::diagram::look::{Look, Visual};
use crate::kubectl::get::pod_row;
use crate::timeline::{Step, Timeline};

/// One step as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepView {
    /// The STATUS column of `kubectl get pods`.
    pub status: String,
    /// The READY column, such as `1/2`.
    pub ready: String,
    /// The RESTARTS column, such as `3 (10s ago)`.
    pub restarts: String,
    /// How the diagram draws the Pod: each container's state, the Pod IP and the STATUS.
    pub look: Look,
    /// Where the Pod is in the control-plane flow.
    pub flow: FlowStage,
    /// Where "Open a shell" can open one then: the Pod object's name (a controller's Pod has a
    /// generated one), then each running container's whose image has a shell, separated by
    /// spaces (names hold none); empty when there is none.
    pub shells: String,
}

/// The view of every step of `timeline`, in order; `pod` is the Pod as written (its containers
/// name the diagram's boxes).
pub fn views(pod: &Pod, timeline: &Timeline) -> Vec<StepView> {
    let mut views: Vec<StepView> = Vec::with_capacity(timeline.steps().len());
    for step in timeline.steps() {
        let previous = views.last().map(|view| view.flow);
        views.push(view(pod, step, previous));
    }
    views
}

/// The STATUS shown once the API server has removed the Pod object (`kubectl get pods` then
/// says "No resources found").
pub const REMOVED_STATUS: &str = "Deleted (no longer exists)";

/// The view of `step`, after a step whose flow stage was `previous`.
pub fn view(pod: &Pod, step: &Step, previous: Option<FlowStage>) -> StepView {
    let mut row = pod_row(&step.pod, step.now);
    if step.removed {
        // kubectl finds no object: the columns have nothing to show.
        row.status = REMOVED_STATUS.to_owned();
        row.ready = "-".to_owned();
        row.restarts = "-".to_owned();
    }
    let mut look = Look::of(pod, &step.pod);
    look.status = Some(row.status.clone());
    let names: Vec<&str> = if step.removed {
        Vec::new()
    } else {
        pod.all_containers()
            .zip(&look.containers)
            .filter(|((_, container), visual)| {
                matches!(visual, Visual::Running { .. } | Visual::RunningInit)
                    && crate::runtime::exec::has_shell(
                        container.image.as_deref().unwrap_or_default(),
                    )
            })
            .map(|((_, container), _)| container.name.as_str())
            .chain(running_ephemeral(&step.pod))
            .collect()
    };
    let shells = if names.is_empty() {
        String::new()
    } else {
        format!("{} {}", step.pod.name(), names.join(" "))
    };
    StepView {
        status: row.status,
        ready: row.ready,
        restarts: row.restarts,
        look,
        // Once the object is gone, the flow is at its removal, whatever the last object said.
        flow: if step.removed {
            FlowStage::Removed
        } else {
            FlowStage::of(&step.pod, previous)
        },
        shells,
    }
}

/// The ephemeral containers (`kubectl debug`) of the Pod object `pod` that run and have a shell.
fn running_ephemeral(pod: &Pod) -> impl Iterator<Item = &str> {
    pod.spec
        .ephemeral_containers
        .iter()
        .filter_map(move |ephemeral| {
            let running = pod
                .status
                .as_deref()?
                .ephemeral_container_statuses
                .iter()
                .any(|s| {
                    s.name == ephemeral.name
                        && s.state.as_ref().is_some_and(|st| st.running.is_some())
                });
            let image = ephemeral.image.as_deref().unwrap_or_default();
            (running && crate::runtime::exec::has_shell(image)).then_some(ephemeral.name.as_str())
        })
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::lint::parse;
    use crate::timeline::{from_simulation, placeholder};

    /// One line per step: its instant, READY, STATUS, Pod IP and flow stage.
    fn check(pod: &Pod, timeline: &Timeline, expected: Expect) {
        let out: String = timeline
            .steps()
            .iter()
            .zip(views(pod, timeline))
            .map(|(step, view)| {
                format!(
                    "{:<6} {} {:<17} {:<10} {:?}\n",
                    step.at.to_string(),
                    view.ready,
                    view.status,
                    view.look.pod_ip.as_deref().unwrap_or("-"),
                    view.flow
                )
            })
            .collect();
        expected.assert_eq(&out);
    }

    #[test]
    fn each_step_of_the_sidecar_example_as_kubectl_and_the_diagram_show_it() {
        let parsed = parse(crate::playground::gallery::SIDECAR_LOGGING.manifest);
        let pod = parsed.accepted_pod().expect("valid");
        let simulation = crate::cluster::simulate(pod, &crate::cluster::Scenario::default());
        check(
            pod,
            &from_simulation(pod, &simulation),
            expect![[r#"
            0s     0/2 Pending           -          Scheduled
            1s     0/2 ContainerCreating 10.244.0.5 Starting
            2s     1/2 ContainerCreating 10.244.0.5 Reported
            3s     2/2 Running           10.244.0.5 Reported
        "#]],
        );
    }

    #[test]
    fn the_placeholder_steps_read_as_a_healthy_pods() {
        let pod = parse(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: a}, {name: b}]\n  containers: [{name: c}]\n",
        )
        .pod
        .expect("a Pod");
        check(
            &pod,
            &placeholder(&pod),
            expect![[r#"
            0s     0/1 Pending           -          Stored
            1s     0/1 Init:0/2          -          Reported
            3s     0/1 Init:1/2          -          Reported
            5s     0/1 PodInitializing   -          Reported
            7s     1/1 Running           -          Reported
        "#]],
        );
    }
}
