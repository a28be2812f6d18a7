//! `kubectl logs [-c NAME] [--previous]`: a container's log lines from the simulation, with
//! kubectl's notices and errors (which container, `podcmd`; a container still waiting; no
//! previous instance).

use crate::cluster::Observed;

/// `kubectl logs [-c NAME] [--previous]` for the first Pod, with kubectl's errors.
pub fn logs(
    observed: &[Observed],
    container: Option<&str>,
    previous: bool,
) -> Result<String, String> {
    let Some(seen) = observed.first() else {
        return Ok(String::new());
    };
    let pod = &seen.pod;
    let chosen = crate::kubectl::podcmd::container_for_logs(pod, container)?;
    // kubectl's notice about the choice comes first, on standard error, whatever follows.
    logs_of(seen, &chosen.name, previous)
        .map(|text| format!("{}{text}", chosen.notice))
        .map_err(|error| format!("{}{error}", chosen.notice))
}

/// The log lines of the container `name` of the Pod `seen`, or kubectl's error.
fn logs_of(seen: &Observed, name: &str, previous: bool) -> Result<String, String> {
    let pod = &seen.pod;
    let name = name.to_owned();
    let Some(simulation) = &seen.simulation else {
        return Err(format!(
            "error: logs of the pasted Pod \"{}\" are not in the manifest; only simulated Pods have logs",
            pod.name()
        ));
    };
    let status = pod.status.as_deref();
    let statuses = status
        .map(|s| {
            s.init_container_statuses
                .iter()
                .chain(&s.container_statuses)
                .chain(&s.ephemeral_container_statuses)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let Some(container_status) = statuses.iter().find(|s| s.name == name) else {
        return Err(format!(
            "Error from server (BadRequest): container \"{name}\" in pod \"{}\" is not valid",
            pod.name()
        ));
    };
    let waiting = container_status
        .state
        .as_ref()
        .and_then(|s| s.waiting.as_ref())
        .and_then(|w| w.reason.clone());
    let current = usize::try_from(container_status.restart_count).unwrap_or(0);
    let run = if previous {
        // The current instance is the latest run (running, or terminated while backing off).
        match current.checked_sub(1) {
            Some(run) => run,
            _ => {
                return Err(format!(
                    "Error from server (BadRequest): previous terminated container \"{name}\" in pod \"{}\" not found",
                    pod.name()
                ));
            }
        }
    } else if container_status
        .state
        .as_ref()
        .is_some_and(|s| s.waiting.is_some())
        && container_status.last_state.is_none()
    {
        return Err(format!(
            "Error from server (BadRequest): container \"{name}\" in pod \"{}\" is waiting to start: {}",
            pod.name(),
            waiting.unwrap_or_else(|| "ContainerCreating".to_owned())
        ));
    } else {
        current
    };
    let lines = simulation
        .logs
        .get(&name)
        .map(Vec::as_slice)
        .unwrap_or_default();
    Ok(lines
        .iter()
        .filter(|line| line.run == run && simulation.wall(line.at) <= seen.now)
        .map(|line| format!("{}\n", line.text))
        .collect())
}
