//! The scenario's timed actions that concern one container, as the simulator asks about them.

use crate::cluster::scenario::{ProbeKind, Scenario, What};

/// The actions aimed at one container, in time order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerActions {
    /// Instants its process is killed, each with true when by the OOM killer.
    pub kills: Vec<(u64, bool)>,
    /// Forced probe verdicts: (from, probe, passes).
    pub probes: Vec<(u64, ProbeKind, bool)>,
    /// Image pulls fail from (true) or work again from (false) these instants.
    pub pulls: Vec<(u64, bool)>,
}

impl ContainerActions {
    /// The actions of `scenario` for the container `name`.
    pub fn of(scenario: &Scenario, name: &str) -> ContainerActions {
        let mut actions = ContainerActions::default();
        for action in scenario.actions_in_order() {
            let at = action.at.as_millis();
            match &action.what {
                What::KillContainer { container } if container == name => {
                    actions.kills.push((at, false));
                }
                What::ExceedMemory { container } if container == name => {
                    actions.kills.push((at, true));
                }
                What::FailProbe { container, probe } if container == name => {
                    actions.probes.push((at, *probe, false));
                }
                What::PassProbe { container, probe } if container == name => {
                    actions.probes.push((at, *probe, true));
                }
                What::FailImagePull { container } if container == name => {
                    actions.pulls.push((at, true));
                }
                What::FixImagePull { container } if container == name => {
                    actions.pulls.push((at, false));
                }
                _ => {}
            }
        }
        actions
    }

    /// Whether a pull that starts at `at` fails.
    pub fn pull_fails(&self, at: u64) -> bool {
        self.pulls
            .iter()
            .rev()
            .find(|(from, _)| *from <= at)
            .is_some_and(|(_, fails)| *fails)
    }

    /// The first kill of a run alive from `started` until `end`: (instant, true for the OOM
    /// killer).
    pub fn first_kill(&self, started: u64, end: u64) -> Option<(u64, bool)> {
        self.kills
            .iter()
            .copied()
            .find(|(at, _)| started <= *at && *at < end)
    }
}
