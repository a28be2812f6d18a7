//! The stepper's narration: one plain sentence on what happens at a step, told from the Events
//! of that instant and, when nothing was recorded (a container exiting records no Event), from
//! the change in the containers' states.
//!
//! Narration reads Events and Pod objects only, so it works on any recorded timeline.

use crate::api::v1::Pod;
use crate::cluster::events::Event;
use crate::cluster::kubelet::static_pod;

/// The containers that ended since the last step: no Event marks an exit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ended<'a> {
    /// Those that were running at the last step.
    pub before: Vec<&'a str>,
    /// Those that started and ended at this very instant (a crash at once): told after the
    /// Events of their start.
    pub at_once: Vec<&'a str>,
}

/// One sentence on a step: first what changed in a static Pod's mirror since the `previous`
/// object, then the Events recorded since the last step changed nothing (`earlier`), then the
/// containers that `ended` there (their statuses are read from `pod`), then the Events
/// recorded at that instant, then the containers that ended as soon as they started. `None`
/// when there is nothing to tell.
pub fn narrate(
    pod: &Pod,
    previous: Option<&Pod>,
    ended: &Ended<'_>,
    earlier: &[&Event],
    events: &[&Event],
) -> Option<String> {
    let mut clauses: Vec<String> = mirror_clause(previous, pod).into_iter().collect();
    clauses.extend(added_ephemeral(previous, pod));
    let mut add = |clause: String| {
        if !clauses.contains(&clause) {
            clauses.push(clause);
        }
    };
    let told = |event: &&Event| still_ready(pod, event).unwrap_or_else(|| clause(event));
    earlier.iter().map(told).for_each(&mut add);
    exit_clauses(pod, &ended.before)
        .into_iter()
        .for_each(&mut add);
    events.iter().map(told).for_each(&mut add);
    exit_clauses(pod, &ended.at_once)
        .into_iter()
        .for_each(&mut add);
    sentence(&clauses)
}

/// A readiness probe's failure while its container is still ready in `pod`: the kubelet marks
/// it not ready only once the failures reach the probe's `failureThreshold`, and the sentence
/// says so, so that it and READY agree.
fn still_ready(pod: &Pod, event: &Event) -> Option<String> {
    if event.reason != "Unhealthy" || !event.message.starts_with("Readiness") {
        return None;
    }
    let name = container(event)?;
    let ready = pod.status.as_ref().is_some_and(|status| {
        status
            .init_container_statuses
            .iter()
            .chain(&status.container_statuses)
            .any(|s| s.name == name && s.ready)
    });
    ready.then(|| {
        format!(
            "the readiness probe of '{name}' fails, but it stays ready until the failures reach the probe's failureThreshold"
        )
    })
}

/// What happened to a mirror Pod (a static Pod as the API server shows it) since `previous`.
fn mirror_clause(previous: Option<&Pod>, pod: &Pod) -> Option<String> {
    if !static_pod::is_mirror(pod) {
        return None;
    }
    let phase = |pod: &Pod| pod.status.as_ref().and_then(|s| s.phase.clone());
    let Some(before) = previous else {
        return Some(format!(
            "the kubelet reads the Pod from its manifest directory ({}), runs it itself without the scheduler, and creates the mirror Pod {} so the API server shows it",
            static_pod::MANIFEST_DIR,
            pod.name()
        ));
    };
    if before.metadata.uid != pod.metadata.uid {
        Some("the kubelet deletes the marked mirror Pod and creates it again with a new UID, so AGE starts over; its containers never stopped, and it shows Pending until the kubelet's next status sync".to_owned())
    } else if before.metadata.deletion_timestamp.is_none()
        && pod.metadata.deletion_timestamp.is_some()
    {
        Some("the user's kubectl delete marks the mirror Pod for deletion, but the kubelet keeps a static Pod running as long as its file is there".to_owned())
    } else if phase(before).as_deref() == Some("Pending")
        && phase(pod).as_deref() != Some("Pending")
        && before
            .status
            .as_ref()
            .is_some_and(|s| s.container_statuses.is_empty())
        && pod
            .status
            .as_ref()
            .is_some_and(|s| !s.container_statuses.is_empty())
    {
        Some(
            "the kubelet's status manager writes the Pod's status to the new mirror Pod".to_owned(),
        )
    } else {
        None
    }
}

/// A clause for each ephemeral container `pod` has that `previous` had not (`kubectl debug`).
fn added_ephemeral(previous: Option<&Pod>, pod: &Pod) -> Vec<String> {
    let had = |name: &str| {
        previous.is_some_and(|before| {
            before
                .spec
                .ephemeral_containers
                .iter()
                .any(|c| c.name == name)
        })
    };
    pod.spec
        .ephemeral_containers
        .iter()
        .filter(|added| !had(&added.name))
        .map(|added| {
            let image = added.image.as_deref().unwrap_or_default();
            let joins = added
                .target_container_name
                .as_deref()
                .map_or(String::new(), |target| {
                    format!(" and the process namespace of '{target}'")
                });
            format!(
                "the user's kubectl debug adds the ephemeral container '{}' ({image}) to the running Pod: it shares the Pod's network{joins}, and is never restarted",
                added.name
            )
        })
        .collect()
}

/// A clause for each container of `ended`, from its status in `pod`.
fn exit_clauses(pod: &Pod, ended: &[&str]) -> Vec<String> {
    let Some(status) = pod.status.as_ref() else {
        return Vec::new();
    };
    status
        .init_container_statuses
        .iter()
        .chain(&status.container_statuses)
        .chain(&status.ephemeral_container_statuses)
        .filter(|s| ended.contains(&s.name.as_str()))
        .filter_map(|s| {
            let state = s.state.as_ref()?;
            let terminated = state.terminated.as_ref().or_else(|| {
                // A container waiting in back-off shows its last run's end.
                s.last_state.as_ref()?.terminated.as_ref()
            })?;
            let reason = terminated.reason.as_deref().unwrap_or("Error");
            Some(match (terminated.exit_code, reason) {
                (0, _) => format!("container '{}' exits with code 0 (Completed)", s.name),
                // The kubelet's word for a container of a deleted Pod that never ran.
                (code, "ContainerStatusUnknown") => format!(
                    "container '{}' never ran, and the kubelet reports it ContainerStatusUnknown (exit code {code})",
                    s.name
                ),
                (_, "OOMKilled") => format!(
                    "the kernel's OOM killer ends container '{}' for using more memory than its limit (exit code {})",
                    s.name, terminated.exit_code
                ),
                (code, reason) => format!(
                    "container '{}' exits with code {code} ({reason})",
                    s.name
                ),
            })
        })
        .collect()
}

/// Joins clauses into one sentence: capitalised, separated by semicolons, with a full stop.
fn sentence(clauses: &[String]) -> Option<String> {
    let joined = clauses.join("; ");
    let mut chars = joined.chars();
    let first = chars.next()?;
    let mut out: String = first.to_uppercase().collect();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    Some(out)
}

/// The container an Event is about, from its field path (`spec.containers{app}`).
fn container(event: &Event) -> Option<&str> {
    let path = event.field_path.as_deref()?;
    let start = path.find('{')? + 1;
    let end = path[start..].find('}')? + start;
    Some(&path[start..end])
}

/// What one Event says, as a clause in plain words.
fn clause(event: &Event) -> String {
    let message = event.message.trim_end_matches('.');
    let who = container(event).map_or_else(|| "a container".to_owned(), |c| format!("'{c}'"));
    match event.reason.as_str() {
        "Scheduled" => match message.rsplit_once(" to ") {
            Some((_, node)) => format!("the scheduler assigns the Pod to {node}"),
            None => "the scheduler assigns the Pod to a node".to_owned(),
        },
        "FailedScheduling" => format!("the scheduler finds no node for the Pod ({message})"),
        "Pulling" => format!("the kubelet pulls the image of {who}"),
        "Pulled" => format!("the image of {who} is on the node"),
        "Created" => format!("the runtime creates container {who}"),
        "Started" => format!("container {who} starts"),
        "Unhealthy" => {
            let probe = message.split(' ').next().unwrap_or("A").to_ascii_lowercase();
            format!("the {probe} probe of {who} fails")
        }
        "Killing" if message.contains("failed") && message.contains("probe") => {
            let probe = message
                .split(" failed ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .unwrap_or("its");
            format!("the {probe} probe has failed too often, so the kubelet kills container {who} and restarts it")
        }
        "Killing" => format!(
            "the kubelet stops container {who}: the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends"
        ),
        "BackOff" if message.starts_with("Back-off pulling") => {
            format!("the kubelet waits before pulling the image of {who} again (ImagePullBackOff)")
        }
        "BackOff" => format!(
            "container {who} keeps failing, so the kubelet waits before restarting it (CrashLoopBackOff: 10 s, doubling up to 5 min)"
        ),
        "Failed" if message.contains("ErrImagePull") || message.contains("pull") => {
            format!("pulling the image of {who} fails (ErrImagePull)")
        }
        "Failed" => format!("{who} cannot start: {message}"),
        "FailedPostStartHook" => format!("the postStart hook of {who} fails, so the kubelet kills it"),
        "FailedPreStopHook" => format!("the preStop hook of {who} fails"),
        "FailedMount" => format!("a volume cannot be mounted ({message})"),
        "NodeNotReady" => {
            "the node stops reporting, so the node controller sets the Pod's Ready condition to False; READY still counts the containers as the kubelet last reported them, as nobody can ask them now".to_owned()
        }
        "TaintManagerEviction" => {
            "the Pod's toleration of the unreachable node has run out, so it is evicted (marked for deletion); kubectl shows Unknown, as the lost node cannot confirm that its containers stopped".to_owned()
        }
        _ => format!("{}: {message}", event.reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::timestamp::Timestamp;
    use crate::cluster::events::EventType;

    fn event(reason: &str, message: &str, container: Option<&str>) -> Event {
        Event {
            kind: EventType::Normal,
            reason: reason.to_owned(),
            message: message.to_owned(),
            source: "kubelet".to_owned(),
            field_path: container.map(|c| format!("spec.containers{{{c}}}")),
            first_seen: Timestamp::default(),
            last_seen: Timestamp::default(),
            count: 1,
        }
    }

    /// Reads each table row as the Events of one instant.
    fn check(rows: &[(&str, &str, Option<&str>)]) -> Option<String> {
        let events: Vec<Event> = rows
            .iter()
            .map(|(reason, message, container)| event(reason, message, *container))
            .collect();
        let refs: Vec<&Event> = events.iter().collect();
        narrate(&Pod::default(), None, &Ended::default(), &[], &refs)
    }

    #[test]
    fn a_failed_liveness_probe_reads_as_one_sentence() {
        assert_eq!(
            check(&[
                (
                    "Unhealthy",
                    "Liveness probe failed: cat: can't open '/tmp/healthy'",
                    Some("liveness")
                ),
                (
                    "Killing",
                    "Container liveness failed liveness probe, will be restarted",
                    Some("liveness")
                ),
            ])
            .as_deref(),
            Some(
                "The liveness probe of 'liveness' fails; the liveness probe has failed too often, so the kubelet kills container 'liveness' and restarts it."
            )
        );
    }

    #[test]
    fn scheduling_and_back_off() {
        assert_eq!(
            check(&[(
                "Scheduled",
                "Successfully assigned default/web to node-1",
                None
            )])
            .as_deref(),
            Some("The scheduler assigns the Pod to node-1.")
        );
        assert_eq!(
            check(&[(
                "BackOff",
                "Back-off restarting failed container app in pod app_default(x)",
                Some("app")
            )])
            .as_deref(),
            Some(
                "Container 'app' keeps failing, so the kubelet waits before restarting it (CrashLoopBackOff: 10 s, doubling up to 5 min)."
            )
        );
        assert_eq!(check(&[]), None);
    }
}
