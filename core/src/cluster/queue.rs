//! The virtual clock's queue of triggers: what happens next, in order. Triggers at one instant
//! run in four classes: the scenario's settings (a Service created, a probe forced to fail, a
//! node lost) first, then the actors' timers and watch notifications, then the scenario's
//! disruptions (a kill, a deletion), and last the probes, which look at what the instant made
//! of the containers: a container that starts at the instant of a kill is killed, a probe
//! checked at the instant it is forced to fail fails, and a probe checked at the instant its
//! container exits does not run. Within a class, triggers run in the order they were queued. The
//! kubelets' status managers write between the actors and the disruptions (see
//! [`crate::cluster::run`]), so an action added at a step comes after what the step shows.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::cluster::trigger::Trigger;

/// When a trigger runs within its instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// A change to what surrounds the Pods, from the scenario.
    Setting,
    /// An actor's timer or a watch notification.
    Actor,
    /// A disruption from the scenario.
    Disruption,
    /// A probe check: it sees the instant's changes.
    Observation,
}

/// The most triggers one simulation runs: a bound on the event loop.
pub const MAX_TRIGGERS: usize = 2_000_000;

/// A queued trigger, ordered by (instant in milliseconds, class, sequence number).
#[derive(Clone, Debug)]
struct Queued {
    at: u64,
    class: Class,
    sequence: u64,
    trigger: Trigger,
}

impl Queued {
    /// What orders it.
    fn key(&self) -> (u64, Class, u64) {
        (self.at, self.class, self.sequence)
    }
}

impl PartialEq for Queued {
    fn eq(&self, other: &Queued) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Queued) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Queued) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// Triggers in the order they run: by instant, then class, then the order they were queued.
#[derive(Clone, Debug, Default)]
pub struct Queue {
    pending: BinaryHeap<Reverse<Queued>>,
    next_sequence: u64,
    popped: usize,
}

impl Queue {
    /// Queues `trigger` at `at`.
    pub fn push(&mut self, at: u64, class: Class, trigger: Trigger) {
        self.pending.push(Reverse(Queued {
            at,
            class,
            sequence: self.next_sequence,
            trigger,
        }));
        self.next_sequence += 1;
    }

    /// The instant of the next trigger, if there is one.
    pub fn next_instant(&self) -> Option<u64> {
        self.pending.peek().map(|Reverse(queued)| queued.at)
    }

    /// The next trigger if it is at `at` and, when `before` is given, of an earlier class (and
    /// the loop's bound is not reached).
    pub fn pop_at(&mut self, at: u64, before: Option<Class>) -> Option<Trigger> {
        let next = self
            .pending
            .peek()
            .map(|Reverse(queued)| (queued.at, queued.class))?;
        let in_class = before.is_none_or(|limit| next.1 < limit);
        if self.popped >= MAX_TRIGGERS || next.0 != at || !in_class {
            return None;
        }
        self.popped += 1;
        self.pending.pop().map(|Reverse(queued)| queued.trigger)
    }

    /// True once the loop ran as many triggers as it may.
    pub fn exhausted(&self) -> bool {
        self.popped >= MAX_TRIGGERS
    }
}
