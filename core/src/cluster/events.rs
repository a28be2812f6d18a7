//! Kubernetes Events (`core/v1` Event): what the scheduler, the kubelet and the controllers
//! report about a Pod, deduplicated into series with a count, as `kubectl describe` shows them.

use crate::base::timestamp::Timestamp;

/// `Normal` or `Warning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventType {
    /// Something expected happened.
    Normal,
    /// Something went wrong.
    Warning,
}

impl EventType {
    /// The type as Kubernetes writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// One event, possibly seen several times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// `Normal` or `Warning`.
    pub kind: EventType,
    /// A short CamelCase reason, such as `Pulled` or `BackOff`.
    pub reason: String,
    /// The message.
    pub message: String,
    /// The component that reported it: `default-scheduler`, `kubelet`.
    pub source: String,
    /// The field of the object it is about, such as `spec.containers{nginx}`.
    pub field_path: Option<String>,
    /// When it was first seen.
    pub first_seen: Timestamp,
    /// When it was last seen.
    pub last_seen: Timestamp,
    /// How many times it was seen.
    pub count: u32,
}

impl Event {
    /// True when `self` repeats `other`: the same type, reason, message, source and field, which
    /// the event recorder's correlator merges into one event with a count.
    pub fn repeats(&self, other: &Event) -> bool {
        self.kind == other.kind
            && self.reason == other.reason
            && self.message == other.message
            && self.source == other.source
            && self.field_path == other.field_path
    }
}

/// Records every occurrence of an event; [`EventLog::at`] merges repeats (same type, reason,
/// message, source and field) into one event with a count, as the event recorder's correlator
/// does, as of any instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventLog {
    occurrences: Vec<Event>,
}

impl EventLog {
    /// Records an occurrence at `at`. Occurrences are expected in time order.
    pub fn record(
        &mut self,
        at: Timestamp,
        kind: EventType,
        reason: &str,
        message: &str,
        source: &str,
        field_path: Option<&str>,
    ) {
        self.occurrences.push(Event {
            kind,
            reason: reason.to_owned(),
            message: message.to_owned(),
            source: source.to_owned(),
            field_path: field_path.map(str::to_owned),
            first_seen: at,
            last_seen: at,
            count: 1,
        });
    }

    /// Records an occurrence as it is (its `first_seen` is when it happened). Occurrences are
    /// expected in time order.
    pub fn push(&mut self, occurrence: Event) {
        self.occurrences.push(occurrence);
    }

    /// Keeps only the occurrences `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Event) -> bool) {
        self.occurrences.retain(keep);
    }

    /// Every occurrence, in the order recorded.
    pub fn occurrences(&self) -> &[Event] {
        &self.occurrences
    }

    /// The events as they stood at `now`: occurrences up to then, repeats merged, in the order
    /// first seen.
    pub fn at(&self, now: Timestamp) -> Vec<Event> {
        let mut merged: Vec<Event> = Vec::new();
        let mut index: std::collections::BTreeMap<
            (EventType, &str, &str, &str, Option<&str>),
            usize,
        > = std::collections::BTreeMap::new();
        for occurrence in self.occurrences.iter().filter(|o| o.first_seen <= now) {
            let key = (
                occurrence.kind,
                occurrence.reason.as_str(),
                occurrence.message.as_str(),
                occurrence.source.as_str(),
                occurrence.field_path.as_deref(),
            );
            match index.get(&key) {
                Some(&at) => {
                    let event = &mut merged[at];
                    event.count = event.count.saturating_add(1);
                    event.last_seen = event.last_seen.max(occurrence.first_seen);
                }
                None => {
                    index.insert(key, merged.len());
                    merged.push(occurrence.clone());
                }
            }
        }
        merged
    }
}
