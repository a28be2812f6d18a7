//! The kubelet's back-off rules (pkg/kubelet/kubelet.go, client-go's flowcontrol.Backoff): a
//! crashing container is restarted after 10 s doubling to 300 s, and a failing image pull is
//! tried again after 10 s doubling to 300 s.

/// The first back-off delay, for both crash loops and image pulls (`initialCrashLoopBackOff`,
/// `imageBackOffPeriod`).
pub const INITIAL_MS: u64 = 10_000;
/// The longest back-off delay (`MaxContainerBackOff`, `MaxImageBackOff`).
pub const MAX_MS: u64 = 300_000;
/// A container that ran longer than this since its last restart starts its back-off afresh
/// (the back-off entry's `HasExpiredFunc`: 10 minutes).
pub const RESET_AFTER_MS: u64 = 600_000;

/// The delay after the `exits`-th exit (counted since the last reset) before the container
/// starts again: the first exit restarts it at the kubelet's next sync (no back-off yet), the
/// second after 10 s, then 20 s, 40 s … up to 300 s.
pub fn crash_loop_delay_ms(exits: u32) -> Option<u64> {
    match exits {
        0 | 1 => None,
        n => Some(doubling(n - 2)),
    }
}

/// True when a run of `ran_ms` resets the crash-loop back-off.
pub fn crash_loop_resets(ran_ms: u64) -> bool {
    ran_ms > RESET_AFTER_MS
}

/// The delay before the next pull after the `failures`-th failed pull in a row: 10 s, 20 s,
/// 40 s … up to 300 s.
pub fn image_pull_delay_ms(failures: u32) -> u64 {
    doubling(failures.saturating_sub(1))
}

/// 10 s doubled `times` times, at most 300 s.
fn doubling(times: u32) -> u64 {
    (INITIAL_MS << times.min(5)).min(MAX_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The delays, as FACTS.md derives them from kuberuntime's doBackOff.
    #[test]
    fn the_delays_double_from_ten_seconds_to_five_minutes() {
        let crash: Vec<Option<u64>> = (1..=8).map(crash_loop_delay_ms).collect();
        assert_eq!(
            crash,
            [
                None,
                Some(10_000),
                Some(20_000),
                Some(40_000),
                Some(80_000),
                Some(160_000),
                Some(300_000),
                Some(300_000)
            ]
        );
        let pulls: Vec<u64> = (1..=7).map(image_pull_delay_ms).collect();
        assert_eq!(
            pulls,
            [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]
        );
        assert!(!crash_loop_resets(600_000));
        assert!(crash_loop_resets(600_001));
    }
}
