//! Editing the manifest while a scenario runs: an edit made with the stepper at a later step
//! is a `kubectl apply -f -` of the edited text at that step's instant, and the cluster goes on
//! from there; an edit at the first step changes the manifest applied at the start.
//!
//! The editor holds the file as last edited. While the scenario has edited applies, its
//! `manifest` is the text applied at the start, and the last apply (the live one) stands for the
//! editor's text: its `manifest` is left empty in the page's state and filled in
//! ([`with_text`]) when the scenario is run or shared. Without applies, `manifest` is left empty
//! and the editor's text is the manifest.

use crate::base::time::VirtualTime;
use crate::cluster::scenario::{Action, Scenario, What};

/// The scenario with the editor's `text` put in its place: into the live apply when there is
/// one, else as the manifest.
pub fn with_text(scenario: &Scenario, text: &str) -> Scenario {
    let mut out = scenario.clone();
    match live_apply(&out) {
        Some(index) => {
            if let What::Apply { manifest } = &mut out.actions[index].what {
                text.clone_into(manifest);
            }
        }
        None => text.clone_into(&mut out.manifest),
    }
    out
}

/// A whole scenario (from a share link) as the page keeps it: the editor's text (the last
/// apply's, else the manifest), and the scenario with that place left empty.
pub fn split_text(mut scenario: Scenario) -> (String, Scenario) {
    let last = scenario
        .actions
        .iter()
        .rposition(|action| matches!(action.what, What::Apply { .. }));
    let text = match last.map(|index| &mut scenario.actions[index].what) {
        Some(What::Apply { manifest }) => std::mem::take(manifest),
        _ => std::mem::take(&mut scenario.manifest),
    };
    (text, scenario)
}

/// Records an edit of the editor's text made with the stepper at `at` (`None` or zero: at the
/// start); `before` is the text before the edit. At the start, the edited applies go and the
/// edited text is the manifest. Later, the edit is an apply at `at`: the one already there, or
/// a new one, which takes the place of the applies at or after `at` (the text they applied is
/// the one being edited); the text the last apply had is kept in it. True when the scenario
/// changed (typing on at the same step changes only the text).
pub fn edit_at(scenario: &mut Scenario, at: Option<VirtualTime>, before: &str) -> bool {
    let live = live_apply(scenario);
    let Some(at) = applied_at(at) else {
        if live.is_some() {
            scenario
                .actions
                .retain(|action| !matches!(action.what, What::Apply { .. }));
            scenario.manifest.clear();
        }
        return live.is_some();
    };
    if live.is_some_and(|index| scenario.actions[index].at == at) {
        return false;
    }
    *scenario = with_text(scenario, before);
    scenario
        .actions
        .retain(|action| !(matches!(action.what, What::Apply { .. }) && action.at >= at));
    if scenario.actions.len() < crate::cluster::scenario::MAX_ACTIONS {
        scenario.actions.push(Action::new(
            at,
            What::Apply {
                manifest: String::new(),
            },
        ));
    }
    true
}

/// Removes the scenario's action at `index`. The live apply's edits are not lost with it: they
/// move to the apply before it, or when there is none, to the manifest applied at the start.
pub fn remove_action(scenario: &mut Scenario, index: usize) {
    if index >= scenario.actions.len() {
        return;
    }
    let was_live = live_apply(scenario) == Some(index);
    scenario.actions.remove(index);
    if was_live {
        match scenario
            .actions
            .iter()
            .rposition(|action| matches!(action.what, What::Apply { .. }))
        {
            Some(previous) => {
                scenario.actions[previous].what = What::Apply {
                    manifest: String::new(),
                }
            }
            None => scenario.manifest.clear(),
        }
    }
}

/// The instant an edit made now is applied at, when it is not the start: for the editor's note.
pub fn applied_at(at: Option<VirtualTime>) -> Option<VirtualTime> {
    at.filter(|at| at.as_millis() > 0)
}

/// The place of the live apply: the one whose text is the editor's (left empty).
fn live_apply(scenario: &Scenario) -> Option<usize> {
    scenario
        .actions
        .iter()
        .rposition(|action| matches!(&action.what, What::Apply { manifest } if manifest.is_empty()))
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Edits, from an empty page state with the editor holding "v1", each (instant, new text),
    /// and renders the scenario as it runs after each: the manifest, and each action's instant
    /// and text.
    fn check(edits: &[(u64, &str)], expected: Expect) {
        let mut scenario = Scenario::default();
        let mut text = "v1".to_owned();
        let mut out = String::new();
        for (seconds, edited) in edits {
            edit_at(&mut scenario, Some(VirtualTime::from_secs(*seconds)), &text);
            (*edited).clone_into(&mut text);
            out.push_str(&render(&with_text(&scenario, &text)));
            out.push('\n');
        }
        expected.assert_eq(&out);
    }

    fn render(scenario: &Scenario) -> String {
        let mut out = format!("start={}", scenario.manifest);
        for action in &scenario.actions {
            if let What::Apply { manifest } = &action.what {
                out.push_str(&format!(" {}={manifest}", action.at.duration_string()));
            }
        }
        out
    }

    #[test]
    fn an_edit_at_the_start_changes_the_manifest() {
        check(
            &[(0, "v2"), (0, "v3")],
            expect![[r#"
            start=v2
            start=v3
        "#]],
        );
    }

    #[test]
    fn an_edit_later_is_an_apply_there_and_typing_on_changes_it() {
        check(
            &[(60, "v2"), (60, "v3")],
            expect![[r#"
            start=v1 1m=v2
            start=v1 1m=v3
        "#]],
        );
    }

    #[test]
    fn edits_at_several_steps_are_applies_in_turn_and_an_earlier_one_replaces_later_ones() {
        check(
            &[(60, "v2"), (120, "v3"), (90, "v4"), (0, "v5")],
            expect![[r#"
                start=v1 1m=v2
                start=v1 1m=v2 2m=v3
                start=v1 1m=v2 1m30s=v4
                start=v5
            "#]],
        );
    }

    #[test]
    fn a_link_splits_into_the_editor_text_and_the_scenario_and_back() {
        let mut scenario = Scenario::default();
        edit_at(&mut scenario, Some(VirtualTime::from_secs(60)), "v1");
        let whole = with_text(&scenario, "v2");
        let (text, kept) = split_text(whole.clone());
        assert_eq!(text, "v2");
        assert_eq!(kept, scenario);
        assert_eq!(with_text(&kept, &text), whole);
        let (text, kept) = split_text(with_text(&Scenario::default(), "only"));
        assert_eq!((text.as_str(), kept), ("only", Scenario::default()));
    }

    #[test]
    fn removing_the_live_apply_moves_the_edits_to_the_one_before_or_the_start() {
        let mut scenario = Scenario::default();
        edit_at(&mut scenario, Some(VirtualTime::from_secs(60)), "v1");
        edit_at(&mut scenario, Some(VirtualTime::from_secs(120)), "v2");
        remove_action(&mut scenario, 1);
        assert_eq!(render(&with_text(&scenario, "v3")), "start=v1 1m=v3");
        remove_action(&mut scenario, 0);
        assert_eq!(render(&with_text(&scenario, "v3")), "start=v3");
    }
}
